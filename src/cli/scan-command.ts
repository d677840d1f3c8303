// `deadflag scan [path]`: dead code, dead flag branches, unused exports and files, unknown and
// unused flags. Exit 1 when anything is at error level or warnings exceed --max-warnings.
import path from "node:path";
import { Command } from "commander";
import { InputError } from "../engine/input-error.js";
import { runScan } from "../engine/run-scan.js";
import { openOptionsOf } from "./common-options.js";
import { printDiagnostics, printTiming } from "./cli-io.js";
import type { FindingsOptions } from "./findings-options.js";
import { withFindingsOptions } from "./findings-options.js";
import { reportFindings } from "./report-findings.js";
import type { SuppressionOptions } from "./suppression-options.js";
import { applySuppressionOptions, withSuppressionOptions } from "./suppression-options.js";

interface ScanOptions extends FindingsOptions, SuppressionOptions {
  sortBySize?: boolean;
  changedSince?: string;
  staged?: boolean;
}

/** The `scan` command. */
export function scanCommand(): Command {
  const command = withFindingsOptions(new Command("scan"))
    .description("find unreachable code, dead flag branches, unused exports and files, unknown and unused flags")
    .argument("[path]", "the directory to analyse", ".")
    .option("--sort-by-size", "rank findings by the lines a fix could delete, biggest first (text)")
    .option("--changed-since <rev>", "report only what the changes since <rev> touch or cause (the pull-request view); the analysis stays whole")
    .option("--staged", "report only what the staged changes touch or cause (for a pre-commit hook)");
  return withSuppressionOptions(command).action(async (root: string, options: ScanOptions) => {
    if (options.changedSince !== undefined && options.staged) throw new InputError("--changed-since and --staged cannot be used together");
    const started = performance.now();
    const narrow = options.changedSince !== undefined || options.staged === true;
    const { findings, diagnostics, stats, timings, index } = await runScan(openOptionsOf(root, options), { withIndex: narrow });
    printDiagnostics(diagnostics);
    const suppression = applySuppressionOptions(root, findings, options);
    let reported = suppression.reported;
    let outsideChanges = 0;
    if (options.changedSince !== undefined || options.staged) {
      // Loaded only here: reading git history costs a fifth of a second of start-up.
      const [{ changesSince }, { narrowToChanges }] = await Promise.all([import("../history/changes-since.js"), import("./changed-findings.js")]);
      const changes = await changesSince({
        root,
        ...(options.changedSince === undefined ? { staged: true } : { since: options.changedSince }),
        ...(options.config ? { configFile: path.resolve(options.config) } : {}),
        cache: options.cache,
        ...(options.cacheLocation ? { cacheLocation: path.resolve(options.cacheLocation) } : {}),
      });
      if (!index) throw new Error("the scan gave no flag index to narrow with");
      const narrowed = narrowToChanges(reported, changes, index);
      reported = narrowed.kept;
      outsideChanges = narrowed.outside;
    }
    await reportFindings(
      {
        command: "scan",
        root: path.resolve(root),
        findings: reported,
        filesAnalysed: stats.files,
        durationMs: performance.now() - started,
        origin: { kind: "worktree" },
        sortBySize: options.sortBySize === true,
        suppressed: suppression.suppressed,
        outsideChanges,
      },
      options,
    );
    if (options.timing) printTiming(stats, timings);
  });
}
