// The audit as one self-contained HTML page (`deadflag-report.html`): inline styles and an inline
// SVG chart, no scripts, fonts or images from the network, so it opens anywhere, offline.
import type { AuditData } from "./audit-data.js";
import { timelineChart } from "./timeline-chart.js";

/** Renders the audit as an HTML document. */
export function auditHtml(data: AuditData): string {
  const deadLines = data.deadLines;
  const summary = [
    ["flags", String(data.flags.length)],
    ["reuse incidents", String(data.incidents.length)],
    ["lines of dead code", String(deadLines)],
    ["files analysed", String(data.filesAnalysed)],
    ["commits read", data.commits === undefined ? "—" : String(data.commits)],
  ];
  const flagRows = data.flags.map(
    (f) =>
      `<tr><td><code>${escape(f.key)}</code></td><td>${escape(f.state)}</td><td class="n">${f.reads}</td><td class="n">${f.files}</td><td>${escape(f.sdks.join(", ") || "—")}</td>` +
      `<td class="n">${f.ageDays === undefined ? "—" : `${f.ageDays} days`}</td><td>${f.introduced ? escape(f.introduced.date.slice(0, 10)) : "—"}</td>` +
      `<td>${f.lastMeaningChange ? `${escape(f.lastMeaningChange.kind)}, ${escape(f.lastMeaningChange.date.slice(0, 10))} <code>${escape(f.lastMeaningChange.commit.slice(0, 7))}</code>` : "—"}</td></tr>`,
  );
  const incidents = data.incidents.map(
    (i) =>
      `<article class="incident"><h3><code>${escape(i.flag)}</code> ${escape(i.kind)} at <code>${escape(i.commit.slice(0, 7))}</code>, ${escape(i.date.slice(0, 10))}</h3>` +
      `<p class="meta">${escape(i.author)}: ${escape(i.subject)}${i.file ? ` · ${escape(i.file)}${i.line ? `:${i.line}` : ""}` : ""}</p>` +
      `<div class="sides"><div class="before"><h4>Before</h4><p>${escape(i.before)}</p></div><div class="after"><h4>After</h4><p>${escape(i.after)}</p></div></div></article>`,
  );
  const deadRows = data.deadCode.map(
    (d) =>
      `<tr><td class="n">${d.lines}</td><td><code>${escape(d.file)}:${d.line}</code></td><td>${escape(d.what)}</td><td>${escape(d.ruleId)}</td><td>${escape(d.message)}</td></tr>`,
  );
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>deadflag audit: ${escape(data.project)}</title>
<style>
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 auto;max-width:1100px;padding:24px;color:#1f2328;background:#fff}
h1{margin:0 0 4px}h2{margin-top:40px;border-bottom:1px solid #d0d7de;padding-bottom:4px}
.meta,.empty{color:#59636e}
table{border-collapse:collapse;width:100%;font-size:14px}th,td{text-align:left;padding:4px 8px;border-bottom:1px solid #eaeef2;vertical-align:top}
th{background:#f6f8fa}td.n{text-align:right;white-space:nowrap}code{font:13px ui-monospace,SFMono-Regular,Menlo,monospace}
.cards{display:flex;gap:12px;flex-wrap:wrap}.card{border:1px solid #d0d7de;border-radius:6px;padding:8px 16px;min-width:120px}.card b{display:block;font-size:24px}
.incident{border:1px solid #d0d7de;border-left:4px solid #cf222e;border-radius:6px;padding:8px 16px;margin:12px 0}
.incident h3{margin:0;font-size:16px}.sides{display:grid;grid-template-columns:1fr 1fr;gap:12px}.sides h4{margin:4px 0}
.before{background:#f6f8fa;padding:4px 8px}.after{background:#fff8c5;padding:4px 8px}
svg .flags{fill:none;stroke:#0969da;stroke-width:2}svg .grid{stroke:#eaeef2}svg .tick,svg .axis{font-size:12px;fill:#59636e}svg .incident{fill:#cf222e}
</style>
</head>
<body>
<header id="summary">
<h1>deadflag audit: ${escape(data.project)}</h1>
<p class="meta">Generated ${escape(data.generatedAt.slice(0, 16).replace("T", " "))} UTC by deadflag ${escape(data.version)}${data.historyNote ? ` · ${escape(data.historyNote)}` : ""}</p>
<div class="cards">${summary.map(([label, value]) => `<div class="card"><b>${escape(value ?? "")}</b>${escape(label ?? "")}</div>`).join("")}</div>
</header>
<section id="timeline"><h2>Flags over time</h2>
${timelineChart(data.timeline)}
</section>
<section id="reuse"><h2>Reuse incidents (${data.incidents.length})</h2>
${incidents.length === 0 ? '<p class="empty">No flag was ever given a new meaning in the history read.</p>' : incidents.join("\n")}
</section>
<section id="flags"><h2>Flag inventory (${data.flags.length})</h2>
${data.flags.length === 0 ? '<p class="empty">No flag reads found.</p>' : `<table><thead><tr><th>key</th><th>state</th><th>reads</th><th>files</th><th>SDK</th><th>age</th><th>introduced</th><th>last meaning change</th></tr></thead><tbody>\n${flagRows.join("\n")}\n</tbody></table>`}
</section>
<section id="dead-code"><h2>Dead code, biggest wins first (${deadLines} lines)</h2>
${deadRows.length === 0 ? '<p class="empty">No dead code found.</p>' : `<table><thead><tr><th>lines</th><th>where</th><th>what</th><th>rule</th><th>why</th></tr></thead><tbody>\n${deadRows.join("\n")}\n</tbody></table>`}
</section>
</body>
</html>
`;
}

function escape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}
