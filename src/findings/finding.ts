// The Finding: what every analysis produces and every reporter prints (CLI and ESLint alike).
import type { RuleId } from "../config/config-schema.js";

/**
 * How serious a finding is; `off` rules produce none. `info` never fails a run nor counts as a
 * warning: `no-flag-reuse` reports the meaning changes of a flag still in development with it.
 */
export type FindingSeverity = "error" | "warn" | "info";

/** One problem found, at a 1-based position in a file relative to the analysed root. */
export interface Finding {
  ruleId: RuleId;
  severity: FindingSeverity;
  message: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  flag?: string;
  symbol?: string;
  /** The `name` of the workspace package the file belongs to, in a monorepo. */
  package?: string;
  data?: Record<string, unknown>;
}

/** Sorts findings by file, line, column, then rule, so two runs print the same bytes. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      compareText(a.file, b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      compareText(a.ruleId, b.ruleId) ||
      compareText(a.message, b.message),
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
