// The audit as markdown (`deadflag audit --format markdown`): the same sections as the HTML page,
// as tables, for a wiki page or an issue.
import type { AuditData } from "./audit-data.js";

/** Renders the audit as markdown. */
export function auditMarkdown(data: AuditData): string {
  const deadLines = data.deadLines;
  const out = [
    `# deadflag audit: ${escape(data.project)}`,
    "",
    `Generated ${data.generatedAt.slice(0, 16).replace("T", " ")} UTC by deadflag ${escape(data.version)}: ${data.flags.length} flags, ${data.incidents.length} reuse incidents, ${deadLines} lines of dead code, ${data.filesAnalysed} files analysed, ${data.commits === undefined ? "no history" : `${data.commits} commits read`}.${data.historyNote ? ` ${escape(data.historyNote)}.` : ""}`,
    "",
    "## Flags over time",
    "",
  ];
  if (data.timeline.length === 0) out.push("No history to draw.");
  else {
    out.push("| date | commit | flags in the code | reuse incidents |", "| --- | --- | ---: | ---: |");
    for (const p of data.timeline) out.push(`| ${p.date.slice(0, 10)} | ${p.commit.slice(0, 7)} | ${p.flags} | ${p.incidents} |`);
  }
  out.push("", `## Reuse incidents (${data.incidents.length})`, "");
  if (data.incidents.length === 0) out.push("No flag was ever given a new meaning in the history read.");
  else {
    out.push("| flag | kind | commit | date | before | after |", "| --- | --- | --- | --- | --- | --- |");
    for (const i of data.incidents) {
      out.push(`| ${escape(i.flag)} | ${i.kind} | ${i.commit.slice(0, 7)} | ${i.date.slice(0, 10)} | ${escape(i.before)} | ${escape(i.after)} |`);
    }
  }
  out.push("", `## Flag inventory (${data.flags.length})`, "");
  if (data.flags.length === 0) out.push("No flag reads found.");
  else {
    out.push("| key | state | reads | files | SDK | age | last meaning change |", "| --- | --- | ---: | ---: | --- | ---: | --- |");
    for (const f of data.flags) {
      const change = f.lastMeaningChange ? `${f.lastMeaningChange.kind}, ${f.lastMeaningChange.date.slice(0, 10)}` : "—";
      out.push(`| ${escape(f.key)} | ${f.state} | ${f.reads} | ${f.files} | ${escape(f.sdks.join(", ") || "—")} | ${f.ageDays === undefined ? "—" : `${f.ageDays} days`} | ${change} |`);
    }
  }
  out.push("", `## Dead code, biggest wins first (${deadLines} lines)`, "");
  if (data.deadCode.length === 0) out.push("No dead code found.");
  else {
    out.push("| lines | where | what | rule |", "| ---: | --- | --- | --- |");
    for (const d of data.deadCode) out.push(`| ${d.lines} | ${escape(`${d.file}:${d.line}`)} | ${escape(d.what)} | ${d.ruleId} |`);
  }
  return `${out.join("\n")}\n`;
}

function escape(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, " ").replace(/[\\`*_{}[\]<>#|~]/g, (c) => `\\${c}`);
}
