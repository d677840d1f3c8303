// `scan --changed-since <rev>` and `scan --staged`: the report narrowed to a change, the analysis
// untouched. Reported are findings in the files the change touches; `no-flag-reuse` findings of
// flags read in those files; and findings that are new since the change's base wherever they are
// (deleting the last call of a function in a touched file makes the function dead in its own,
// untouched file).
import type { Finding } from "../findings/finding.js";
import type { FlagIndex } from "../flags/flag-index.js";
import type { Changes } from "../history/changes-since.js";
import { subjectOf } from "../suppressions/apply-suppressions.js";

/** The findings that belong to the change, and how many were left out. */
export function narrowToChanges(findings: readonly Finding[], changes: Changes, index: FlagIndex): { kept: Finding[]; outside: number } {
  const touched = new Set(changes.files);
  const touchedFlags = new Set(index.flags.filter((flag) => flag.references.some((read) => touched.has(read.file))).map((flag) => flag.key));
  const atBase = new Map<string, number>();
  for (const f of changes.baseFindings) atBase.set(keyOf(f), (atBase.get(keyOf(f)) ?? 0) + 1);
  const now = new Map<string, number>();
  for (const f of findings) now.set(keyOf(f), (now.get(keyOf(f)) ?? 0) + 1);
  const kept = findings.filter((f) => {
    if (touched.has(f.file)) return true;
    if (f.ruleId === "no-flag-reuse") return f.flag !== undefined && touchedFlags.has(f.flag);
    return (now.get(keyOf(f)) ?? 0) > (atBase.get(keyOf(f)) ?? 0);
  });
  return { kept, outside: findings.length - kept.length };
}

function keyOf(f: Finding): string {
  return JSON.stringify([f.file, f.ruleId, subjectOf(f)]);
}
