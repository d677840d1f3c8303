// The default output of `scan`: findings grouped by file, ESLint-style, then a summary line with
// the count per rule, the files analysed and the time taken. With `sortBySize`, one list ranked by
// the lines a fix could delete, biggest first.
import pc from "picocolors";
import type { Finding } from "../findings/finding.js";
import type { ReportContext } from "./report-context.js";

/** What the text report says besides the findings. */
export interface FindingsTextContext extends ReportContext {
  filesAnalysed: number;
  durationMs: number;
  sortBySize: boolean;
}

/** Formats findings for people. */
export default function formatFindingsText(findings: readonly Finding[], context: FindingsTextContext): string {
  const colors = pc.createColors(context.color);
  const lines: string[] = [];
  const row = (f: Finding, withFile: boolean): string => {
    const where = withFile ? `${f.file}:${f.line}:${f.column}` : `${f.line}:${f.column}`;
    const severity = f.severity === "error" ? colors.red("error") : colors.yellow("warn ");
    return `  ${colors.dim(where.padEnd(withFile ? 0 : 8))}  ${severity}  ${f.message}  ${colors.dim(f.ruleId)}`;
  };
  if (context.sortBySize) {
    const ranked = [...findings].sort((a, b) => deletableLines(b, findings) - deletableLines(a, findings));
    for (const f of ranked) {
      const size = deletableLines(f, findings);
      lines.push(`${String(size).padStart(5)} ${size === 1 ? "line " : "lines"}${row(f, true)}`);
    }
  } else {
    let file: string | undefined;
    for (const f of findings) {
      if (f.file !== file) {
        if (file !== undefined) lines.push("");
        file = f.file;
        lines.push(colors.underline(f.file));
      }
      lines.push(row(f, false));
    }
  }
  if (lines.length > 0) lines.push("");
  lines.push(summary(findings, context, colors));
  return `${lines.join("\n")}\n`;
}

/** The lines a finding's fix removes: its own, plus the cascade that only it keeps alive. */
function deletableLines(finding: Finding, all: readonly Finding[]): number {
  const own = numberOf(finding.data?.["lines"]);
  if (finding.ruleId !== "no-unreachable-code" || finding.symbol === undefined) return own;
  const symbol = finding.symbol;
  const cascade = all.filter((f) => {
    const users = f.data?.["usedBy"];
    return Array.isArray(users) && users.length === 1 && users[0] === symbol;
  });
  return own + cascade.reduce((sum, f) => sum + numberOf(f.data?.["lines"]), 0);
}

function numberOf(value: unknown): number {
  return typeof value === "number" ? value : 0;
}

function summary(findings: readonly Finding[], context: FindingsTextContext, colors: ReturnType<typeof pc.createColors>): string {
  const seconds = `${(context.durationMs / 1000).toFixed(2)} s`;
  const files = `${context.filesAnalysed} ${context.filesAnalysed === 1 ? "file" : "files"}`;
  if (findings.length === 0) return colors.green(`✔ no problems (${files} in ${seconds})`);
  const errors = findings.filter((f) => f.severity === "error").length;
  const warnings = findings.length - errors;
  const perRule = new Map<string, number>();
  for (const f of findings) perRule.set(f.ruleId, (perRule.get(f.ruleId) ?? 0) + 1);
  const rules = [...perRule].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([rule, n]) => `${rule} ${n}`);
  const head = `✖ ${findings.length} ${findings.length === 1 ? "problem" : "problems"} (${errors} ${errors === 1 ? "error" : "errors"}, ${warnings} ${warnings === 1 ? "warning" : "warnings"})`;
  return `${(errors > 0 ? colors.red : colors.yellow)(head)}: ${rules.join(", ")} · ${files} in ${seconds}`;
}
