// The one-line verdict every findings format shares: `✖ 6 problems (6 errors, 0 warnings)` with the
// count per rule, or `✔ no problems`, and what was left out (suppressed, outside the changes).
import type { Finding } from "../findings/finding.js";
import type { FindingsReportContext } from "./findings-report-context.js";

/** Counts of a findings list. */
export interface FindingCounts {
  errors: number;
  warnings: number;
  /** Findings at info level: they never fail a run nor count as warnings. */
  infos: number;
  /** Findings per rule, most first (then by rule id). */
  perRule: Array<[string, number]>;
}

/** Counts errors, warnings and findings per rule. */
export function countFindings(findings: readonly Finding[]): FindingCounts {
  const errors = findings.filter((f) => f.severity === "error").length;
  const perRule = new Map<string, number>();
  for (const f of findings) perRule.set(f.ruleId, (perRule.get(f.ruleId) ?? 0) + 1);
  const infos = findings.filter((f) => f.severity === "info").length;
  return {
    errors,
    warnings: findings.length - errors - infos,
    infos,
    perRule: [...perRule].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)),
  };
}

/** `6 problems (6 errors, 0 warnings)`, or `no problems`. */
export function problemsPhrase(findings: readonly Finding[]): string {
  if (findings.length === 0) return "no problems";
  const { errors, warnings, infos } = countFindings(findings);
  return `${plural(findings.length, "problem")} (${plural(errors, "error")}, ${plural(warnings, "warning")}${infos > 0 ? `, ${infos} info` : ""})`;
}

/** What the report leaves out: `3 suppressed, 12 outside the changes`, or `""`. */
export function leftOutPhrase(context: Pick<FindingsReportContext, "suppressed" | "outsideChanges">): string {
  const parts: string[] = [];
  if (context.suppressed > 0) parts.push(`${context.suppressed} suppressed`);
  if (context.outsideChanges > 0) parts.push(`${context.outsideChanges} outside the changes`);
  return parts.join(", ");
}

/** `12 files`, `1 file`. */
export function plural(count: number, word: string): string {
  return `${count} ${count === 1 ? word : `${word}s`}`;
}
