// The default output of `scan` and `diff`: findings grouped by file, ESLint-style, each with a code
// frame, then a summary line with the count per rule, the files analysed and the time taken. With
// `sortBySize`, one list ranked by the lines a fix could delete, biggest first.
import pc from "picocolors";
import type { Finding } from "../findings/finding.js";
import { codeFrame } from "./code-frame.js";
import { deletableLines } from "./deletable-lines.js";
import type { FindingsReportContext } from "./findings-report-context.js";
import { countFindings, leftOutPhrase, plural, problemsPhrase } from "./findings-summary.js";

type Colors = ReturnType<typeof pc.createColors>;

/** Formats findings for people. */
export default function formatFindingsText(findings: readonly Finding[], context: FindingsReportContext): string {
  const colors = pc.createColors(context.color);
  const lines: string[] = [];
  const row = (f: Finding, withFile: boolean): string => {
    const where = withFile ? `${f.file}:${f.line}:${f.column}` : `${f.line}:${f.column}`;
    const severity = f.severity === "error" ? colors.red("error") : f.severity === "info" ? colors.blue("info ") : colors.yellow("warn ");
    return `  ${colors.dim(where.padEnd(withFile ? 0 : 8))}  ${severity}  ${oneLine(f.message)}  ${colors.dim(f.ruleId)}`;
  };
  if (context.sortBySize) {
    const ranked = [...findings].sort((a, b) => deletableLines(b, findings) - deletableLines(a, findings));
    for (const f of ranked) {
      const size = deletableLines(f, findings);
      lines.push(`${String(size).padStart(5)} ${size === 1 ? "line " : "lines"}${row(f, true)}`);
    }
  } else {
    let file: string | undefined;
    let text: string | undefined;
    for (const f of findings) {
      if (f.file !== file) {
        if (file !== undefined) lines.push("");
        file = f.file;
        text = context.readSource(f.file);
        lines.push(colors.underline(f.file));
      }
      lines.push(row(f, false));
      if (text !== undefined) lines.push(...frameOf(f, text, colors));
    }
  }
  if (lines.length > 0) lines.push("");
  lines.push(summary(findings, context, colors));
  return `${lines.join("\n")}\n`;
}

function frameOf(f: Finding, text: string, colors: Colors): string[] {
  const mark = f.severity === "error" ? colors.red : colors.yellow;
  return codeFrame(text, f.line, f.column, f.endLine, f.endColumn, { dim: colors.dim, mark, indent: "  " });
}

/** Messages are one line in every format; a stray newline would break the layout. */
function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, " ");
}

function summary(findings: readonly Finding[], context: FindingsReportContext, colors: Colors): string {
  const seconds = `${(context.durationMs / 1000).toFixed(2)} s`;
  const leftOut = leftOutPhrase(context);
  const tail = `${plural(context.filesAnalysed, "file")} in ${seconds}${leftOut === "" ? "" : ` · ${leftOut}`}`;
  if (findings.length === 0) return colors.green(`✔ no problems (${tail})`);
  const { errors, perRule } = countFindings(findings);
  const rules = perRule.map(([rule, n]) => `${rule} ${n}`);
  return `${(errors > 0 ? colors.red : colors.yellow)(`✖ ${problemsPhrase(findings)}`)}: ${rules.join(", ")} · ${tail}`;
}
