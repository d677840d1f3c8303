// The suppressions file (default `deadflag-suppressions.json`, committed): the findings a team has
// accepted for now, as ESLint's bulk suppressions keep them, but keyed by file, rule and the
// finding's symbol or flag instead of a bare count per rule, so an entry survives unrelated edits
// and a new finding of the same rule in the same file is still reported. Sorted two-space JSON,
// so the file is the same bytes for the same findings and diffs well in review.
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { ConfigError } from "../config/config-error.js";
import { describeJsonError } from "../config/describe-json-error.js";

/** The file's name in the analysed directory when `--suppressions-location` does not say otherwise. */
export const defaultSuppressionsFile = "deadflag-suppressions.json";

/** The version this deadflag writes and reads. */
const currentVersion = 1;

/** Accepted findings: file → rule → symbol or flag (`*` for a finding about the whole file) → how many. */
export type SuppressionEntries = Record<string, Record<string, Record<string, number>>>;

/** The whole file. */
export interface SuppressionsFile {
  version: 1;
  suppressions: SuppressionEntries;
}

/**
 * The suppressions at `file` (absolute), or undefined when there is none. A file that is not valid,
 * or was written by a newer deadflag, is a ConfigError naming it as `shownAs`.
 */
export function readSuppressions(file: string, shownAs: string): SuppressionsFile | undefined {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if (error instanceof Error && "code" in error && error.code === "ENOENT") return undefined;
    throw error;
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(shownAs, `invalid JSON: ${describeJsonError(error instanceof Error ? error.message : String(error), text)}`);
  }
  if (!isRecord(data) || typeof data["version"] !== "number") {
    throw new ConfigError(shownAs, 'not a deadflag suppressions file: expected { "version": 1, "suppressions": { … } }');
  }
  if (data["version"] > currentVersion) {
    throw new ConfigError(shownAs, `written by a newer deadflag (version ${data["version"]}; this one reads version ${currentVersion}): upgrade deadflag`);
  }
  const problem = entriesProblem(data["suppressions"]);
  if (data["version"] !== currentVersion || problem !== undefined) {
    throw new ConfigError(shownAs, problem ?? `unknown version ${String(data["version"])}`);
  }
  return { version: currentVersion, suppressions: data["suppressions"] as SuppressionEntries };
}

/** Writes the suppressions, sorted, atomically (a temporary file renamed over the old one). */
export function writeSuppressions(file: string, entries: SuppressionEntries): void {
  const document: SuppressionsFile = { version: currentVersion, suppressions: sortedEntries(entries) };
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(document, null, 2)}\n`);
  renameSync(temporary, file);
}

function sortedEntries(entries: SuppressionEntries): SuppressionEntries {
  const sorted: SuppressionEntries = {};
  for (const file of Object.keys(entries).sort(compareText)) {
    const rules = entries[file] ?? {};
    const sortedRules: Record<string, Record<string, number>> = {};
    for (const rule of Object.keys(rules).sort(compareText)) {
      const subjects = rules[rule] ?? {};
      const kept = Object.keys(subjects)
        .sort(compareText)
        .filter((subject) => (subjects[subject] ?? 0) > 0);
      if (kept.length > 0) sortedRules[rule] = Object.fromEntries(kept.map((subject) => [subject, subjects[subject] ?? 0]));
    }
    if (Object.keys(sortedRules).length > 0) sorted[file] = sortedRules;
  }
  return sorted;
}

/** What is wrong with the `suppressions` field, or undefined when it has the right shape. */
function entriesProblem(value: unknown): string | undefined {
  if (!isRecord(value)) return '"suppressions" must be an object of files';
  for (const [file, rules] of Object.entries(value)) {
    if (!isRecord(rules)) return `"suppressions"."${file}" must be an object of rules`;
    for (const [rule, subjects] of Object.entries(rules)) {
      if (!isRecord(subjects)) return `"suppressions"."${file}"."${rule}" must be an object of symbols or flags`;
      for (const [subject, count] of Object.entries(subjects)) {
        if (typeof count !== "number" || !Number.isInteger(count) || count < 1) {
          return `"suppressions"."${file}"."${rule}"."${subject}" must be a count of 1 or more`;
        }
      }
    }
  }
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
