// `deadflag scan [path]`: dead code, dead flag branches, unused exports and files, unknown and
// unused flags. Exit 1 when anything is at error level or warnings exceed --max-warnings.
import { Command, InvalidArgumentError } from "commander";
import { scanProject } from "../analysis/scan-project.js";
import { openProject } from "../engine/open-project.js";
import { sortFindings } from "../findings/finding.js";
import { checkLedger } from "../history/check-ledger.js";
import formatFindingsJson from "../report/findings-json.js";
import formatFindingsText from "../report/findings-text.js";
import type { CommonOptions } from "./common-options.js";
import { openOptionsOf, withCommonOptions } from "./common-options.js";
import { printDiagnostics, printTiming, stdoutColor, writeResult } from "./cli-io.js";

interface ScanOptions extends CommonOptions {
  sortBySize?: boolean;
  maxWarnings?: number;
}

/** The `scan` command. */
export function scanCommand(): Command {
  return withCommonOptions(new Command("scan"), ["text", "json"])
    .description("find unreachable code, dead flag branches, unused exports and files, unknown and unused flags")
    .argument("[path]", "the directory to analyse", ".")
    .option("--sort-by-size", "rank findings by the lines a fix could delete, biggest first")
    .option("--max-warnings <count>", "exit 1 when there are more warnings than this", parseCount)
    .action(async (root: string, options: ScanOptions) => {
      const started = performance.now();
      const project = await openProject(openOptionsOf(root, options));
      const result = scanProject(project);
      const findings = sortFindings([...result.findings, ...(await checkLedger(project))]);
      printDiagnostics(project.diagnostics);
      const durationMs = performance.now() - started;
      const text =
        options.format === "json"
          ? formatFindingsJson(findings)
          : formatFindingsText(findings, {
              color: stdoutColor() && !options.output,
              filesAnalysed: project.stats.files,
              durationMs,
              sortBySize: options.sortBySize === true,
            });
      writeResult(text, options.output);
      if (options.timing) printTiming(project.stats, result.timings);
      const errors = findings.filter((f) => f.severity === "error").length;
      const warnings = findings.length - errors;
      if (errors > 0 || (options.maxWarnings !== undefined && warnings > options.maxWarnings)) process.exitCode = 1;
    });
}

function parseCount(value: string): number {
  const count = Number(value);
  if (!Number.isInteger(count) || count < 0) throw new InvalidArgumentError("expected a whole number of 0 or more");
  return count;
}
