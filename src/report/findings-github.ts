// `--format github`: GitHub Actions workflow commands, so findings show up as annotations on the
// pull request without SARIF. GitHub shows at most 10 annotations of each level per step, so only
// the first 10 errors and 10 warnings become annotations; the CLI writes the whole list to the job
// summary ($GITHUB_STEP_SUMMARY) as markdown.
// https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands
import type { Finding } from "../findings/finding.js";
import type { FindingsReportContext } from "./findings-report-context.js";
import { leftOutPhrase, problemsPhrase } from "./findings-summary.js";

/** Annotations GitHub shows per level and step. */
const annotationsPerLevel = 10;

/** Formats findings as workflow commands, then one plain summary line. */
export default function formatFindingsGithub(findings: readonly Finding[], context: FindingsReportContext): string {
  const lines: string[] = [];
  const shown = { error: 0, warn: 0, info: 0 };
  for (const f of findings) {
    if (shown[f.severity] >= annotationsPerLevel) continue;
    shown[f.severity]++;
    const properties = [
      `file=${escapeProperty(`${context.pathPrefix}${f.file}`)}`,
      `line=${f.line}`,
      `endLine=${Math.max(f.endLine, f.line)}`,
      `col=${f.column}`,
      ...(f.endLine === f.line && f.endColumn > f.column ? [`endColumn=${f.endColumn}`] : []),
      `title=${escapeProperty(`deadflag ${f.ruleId}`)}`,
    ];
    const level = f.severity === "error" ? "error" : f.severity === "info" ? "notice" : "warning";
    lines.push(`::${level} ${properties.join(",")}::${escapeData(f.message)}`);
  }
  const hidden = findings.length - shown.error - shown.warn - shown.info;
  const leftOut = leftOutPhrase(context);
  let summary = `deadflag ${context.command}: ${problemsPhrase(findings)}`;
  if (leftOut !== "") summary += `; ${leftOut}`;
  if (hidden > 0) summary += `; ${hidden} not shown as annotations (GitHub shows ${annotationsPerLevel} per level), see the job summary`;
  lines.push(summary);
  return `${lines.join("\n")}\n`;
}

/** A command's message: `%`, CR and LF escaped. */
function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** A command's property value: also `:` and `,`, which end a property. */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
