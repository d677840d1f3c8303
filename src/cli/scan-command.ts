// `deadflag scan [path]`: dead code, dead flag branches, unused exports and files, unknown and
// unused flags. Exit 1 when anything is at error level or warnings exceed --max-warnings.
import path from "node:path";
import { Command } from "commander";
import { scanProject } from "../analysis/scan-project.js";
import { openProject } from "../engine/open-project.js";
import { sortFindings } from "../findings/finding.js";
import { checkLedger } from "../history/check-ledger.js";
import { openOptionsOf } from "./common-options.js";
import { printDiagnostics, printTiming } from "./cli-io.js";
import type { FindingsOptions } from "./findings-options.js";
import { withFindingsOptions } from "./findings-options.js";
import { reportFindings } from "./report-findings.js";

interface ScanOptions extends FindingsOptions {
  sortBySize?: boolean;
}

/** The `scan` command. */
export function scanCommand(): Command {
  return withFindingsOptions(new Command("scan"))
    .description("find unreachable code, dead flag branches, unused exports and files, unknown and unused flags")
    .argument("[path]", "the directory to analyse", ".")
    .option("--sort-by-size", "rank findings by the lines a fix could delete, biggest first (text)")
    .action(async (root: string, options: ScanOptions) => {
      const started = performance.now();
      const project = await openProject(openOptionsOf(root, options));
      const result = scanProject(project);
      const findings = sortFindings([...result.findings, ...(await checkLedger(project))]);
      printDiagnostics(project.diagnostics);
      await reportFindings(
        {
          command: "scan",
          root: path.resolve(root),
          findings,
          filesAnalysed: project.stats.files,
          durationMs: performance.now() - started,
          origin: { kind: "worktree" },
          sortBySize: options.sortBySize === true,
        },
        options,
      );
      if (options.timing) printTiming(project.stats, result.timings);
    });
}
