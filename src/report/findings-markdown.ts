// `--format markdown`: a summary fit for a pull-request comment: the verdict, the count per rule, and
// a table of findings cut to fit the comment (GitHub takes at most 65,536 characters); the job
// summary on GitHub Actions gets the same table with room for a megabyte.
import type { Finding } from "../findings/finding.js";
import type { FindingsReportContext } from "./findings-report-context.js";
import { countFindings, leftOutPhrase, problemsPhrase } from "./findings-summary.js";

/** What a GitHub pull-request comment holds, with room to spare. */
const commentLength = 60_000;

/** Formats findings as markdown for a pull-request comment. */
export default function formatFindingsMarkdown(findings: readonly Finding[], context: FindingsReportContext): string {
  return formatFindingsMarkdownWithin(findings, context, commentLength);
}

/** Formats findings as markdown of at most `maxLength` characters, leaving out the rows that do not fit. */
export function formatFindingsMarkdownWithin(findings: readonly Finding[], context: FindingsReportContext, maxLength: number): string {
  const { errors, perRule } = countFindings(findings);
  const icon = findings.length === 0 ? "✅" : errors > 0 ? "❌" : "⚠️";
  const leftOut = leftOutPhrase(context);
  const head = [`### ${icon} deadflag ${escape(context.command)}: ${problemsPhrase(findings)}`, ""];
  const files = `${context.filesAnalysed} ${context.filesAnalysed === 1 ? "file" : "files"} analysed`;
  head.push(leftOut === "" ? `${files}.` : `${files}; ${leftOut}.`, "");
  if (findings.length === 0) return `${head.join("\n")}`;
  head.push("| rule | errors | warnings |", "| --- | ---: | ---: |");
  for (const [rule] of perRule) {
    const ofRule = findings.filter((f) => f.ruleId === rule);
    const ruleErrors = ofRule.filter((f) => f.severity === "error").length;
    head.push(`| ${escape(rule)} | ${ruleErrors} | ${ofRule.length - ruleErrors} |`);
  }
  head.push("", "| | where | rule | message |", "| --- | --- | --- | --- |");
  const rows: string[] = [];
  let length = head.join("\n").length;
  const reserve = 200;
  for (const f of findings) {
    const row = `| ${f.severity === "error" ? "❌" : f.severity === "info" ? "ℹ️" : "⚠️"} | ${escape(`${context.pathPrefix}${f.file}:${f.line}:${f.column}`)} | ${escape(f.ruleId)} | ${escape(f.message)} |`;
    if (length + row.length + 1 + reserve > maxLength) break;
    rows.push(row);
    length += row.length + 1;
  }
  const out = [...head, ...rows];
  if (rows.length < findings.length) {
    out.push("", `… and ${findings.length - rows.length} more, left out to keep this short: run \`deadflag ${escape(context.command)}\` for the full list.`);
  }
  return `${out.join("\n")}\n`;
}

/** Text that markdown shows as written: every punctuation mark that could start markup is escaped, newlines become spaces. */
function escape(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, " ").replace(/[\\`*_{}[\]()<>#+!|~&]/g, (c) => `\\${c}`);
}
