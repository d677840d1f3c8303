// `deadflag audit [path]`: the one-off audit of a repository. Runs scan and history and writes one
// self-contained HTML report (deadflag-report.html, or --output), or markdown with --format
// markdown (stdout, or --output). Progress (files parsed, commits read) goes to stderr on a
// terminal only.
import path from "node:path";
import { Command } from "commander";
import { scanProject } from "../analysis/scan-project.js";
import { buildAuditData } from "../audit/audit-data.js";
import { auditHtml } from "../audit/audit-html.js";
import { auditMarkdown } from "../audit/audit-markdown.js";
import { InputError } from "../engine/input-error.js";
import { openProject } from "../engine/open-project.js";
import { engineVersion } from "../engine-version.js";
import { flagHistory } from "../history/flag-history.js";
import type { HistoryResult } from "../history/flag-history.js";
import type { CommonOptions } from "./common-options.js";
import { openOptionsOf, withCommonOptions } from "./common-options.js";
import { printDiagnostics, writeResult } from "./cli-io.js";

/** Where the HTML report goes without --output. */
const defaultReportFile = "deadflag-report.html";

/** The `audit` command. */
export function auditCommand(): Command {
  return withCommonOptions(new Command("audit"), ["html", "markdown"])
    .description("write a one-off audit: flag inventory, reuse incidents in history, dead code by size, a timeline (HTML, self-contained)")
    .argument("[path]", "the directory to audit", ".")
    .action(async (root: string, options: CommonOptions) => {
      const showProgress = Boolean(process.stderr.isTTY) && !process.env["CI"];
      const project = await openProject(openOptionsOf(root, options));
      printDiagnostics(project.diagnostics);
      const scan = scanProject(project);
      let history: HistoryResult | undefined;
      let historyNote: string | undefined;
      try {
        history = await flagHistory({
          root,
          ...(options.config ? { configFile: path.resolve(options.config) } : {}),
          cache: options.cache,
          ...(options.cacheLocation ? { cacheLocation: path.resolve(options.cacheLocation) } : {}),
          ...(showProgress
            ? { onProgress: (done: number, total: number) => process.stderr.write(done === total ? "\r\x1b[K" : `\rReading commit ${done + 1}/${total}`) }
            : {}),
        });
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        historyNote = `no history: ${error.message}`;
      }
      const data = buildAuditData({
        project: path.basename(path.resolve(root)),
        now: new Date(),
        version: engineVersion,
        filesAnalysed: project.stats.files,
        findings: scan.findings,
        index: scan.context.index,
        ...(history ? { history } : {}),
        ...(historyNote ? { historyNote } : {}),
      });
      if (options.format === "markdown") {
        writeResult(auditMarkdown(data), options.output);
        return;
      }
      const output = options.output ?? defaultReportFile;
      writeResult(auditHtml(data), output);
      const deadLines = data.deadLines;
      process.stdout.write(
        `deadflag audit: ${data.flags.length} flags, ${data.incidents.length} reuse ${data.incidents.length === 1 ? "incident" : "incidents"}, ${deadLines} lines of dead code; report written to ${output}\n`,
      );
    });
}
