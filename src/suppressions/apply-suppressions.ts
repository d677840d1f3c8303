// Applying, adding and pruning suppressions. A finding is suppressed when the file has an entry for
// its file, rule and symbol or flag; as in ESLint, when a key has more findings than its count, all
// of them are reported (deadflag cannot tell the new one from the old ones).
import type { Finding } from "../findings/finding.js";
import type { SuppressionEntries } from "./suppressions-file.js";

/** An entry whose findings no longer occur (or occur fewer times than counted). */
export interface UnusedSuppression {
  file: string;
  rule: string;
  subject: string;
  /** How many of the counted findings are gone. */
  count: number;
}

/** The findings left to report, how many were suppressed, and the entries that match nothing. */
export interface SuppressionOutcome {
  reported: Finding[];
  suppressed: number;
  unused: UnusedSuppression[];
}

/** What a suppression entry is keyed by besides file and rule: the symbol, else the flag, else `*` (the whole file). */
export function subjectOf(finding: Finding): string {
  return finding.symbol ?? finding.flag ?? "*";
}

/** Hides the findings the entries account for. */
export function applySuppressions(findings: readonly Finding[], entries: SuppressionEntries): SuppressionOutcome {
  const counts = countByKey(findings);
  const reported: Finding[] = [];
  let suppressed = 0;
  for (const f of findings) {
    const allowed = entries[f.file]?.[f.ruleId]?.[subjectOf(f)] ?? 0;
    if (allowed > 0 && (counts.get(keyOf(f)) ?? 0) <= allowed) suppressed++;
    else reported.push(f);
  }
  const unused: UnusedSuppression[] = [];
  forEachEntry(entries, (file, rule, subject, count) => {
    const actual = counts.get(JSON.stringify([file, rule, subject])) ?? 0;
    if (actual < count) unused.push({ file, rule, subject, count: count - actual });
  });
  return { reported, suppressed, unused };
}

/** The entries with every finding of `rules` (all rules when undefined) recorded at its current count; other entries kept. */
export function suppressFindings(entries: SuppressionEntries, findings: readonly Finding[], rules?: ReadonlySet<string>): SuppressionEntries {
  const next = copyOf(entries);
  for (const [key, count] of countByKey(findings.filter((f) => rules === undefined || rules.has(f.ruleId)))) {
    const [file, rule, subject] = JSON.parse(key) as [string, string, string];
    const forFile = (next[file] ??= {});
    const forRule = (forFile[rule] ??= {});
    forRule[subject] = Math.max(forRule[subject] ?? 0, count);
  }
  return next;
}

/** The entries with what no longer occurs removed, and each count lowered to the findings left. */
export function pruneSuppressions(entries: SuppressionEntries, findings: readonly Finding[]): SuppressionEntries {
  const counts = countByKey(findings);
  const next: SuppressionEntries = {};
  forEachEntry(entries, (file, rule, subject, count) => {
    const kept = Math.min(count, counts.get(JSON.stringify([file, rule, subject])) ?? 0);
    if (kept === 0) return;
    const forFile = (next[file] ??= {});
    const forRule = (forFile[rule] ??= {});
    forRule[subject] = kept;
  });
  return next;
}

function keyOf(f: Finding): string {
  return JSON.stringify([f.file, f.ruleId, subjectOf(f)]);
}

function countByKey(findings: readonly Finding[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(keyOf(f), (counts.get(keyOf(f)) ?? 0) + 1);
  return counts;
}

function forEachEntry(entries: SuppressionEntries, visit: (file: string, rule: string, subject: string, count: number) => void): void {
  for (const [file, rules] of Object.entries(entries)) {
    for (const [rule, subjects] of Object.entries(rules)) {
      for (const [subject, count] of Object.entries(subjects)) visit(file, rule, subject, count);
    }
  }
}

function copyOf(entries: SuppressionEntries): SuppressionEntries {
  const copy: SuppressionEntries = {};
  forEachEntry(entries, (file, rule, subject, count) => {
    ((copy[file] ??= {})[rule] ??= {})[subject] = count;
  });
  return copy;
}
