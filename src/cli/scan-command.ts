// `deadflag scan [path]`: dead code, dead flag branches, unused exports and files, unknown and
// unused flags. Exit 1 when anything is at error level or warnings exceed --max-warnings.
import path from "node:path";
import { Command } from "commander";
import { scanProject } from "../analysis/scan-project.js";
import { InputError } from "../engine/input-error.js";
import { openProject } from "../engine/open-project.js";
import { sortFindings } from "../findings/finding.js";
import { changesSince } from "../history/changes-since.js";
import { checkLedger } from "../history/check-ledger.js";
import { staleFlagFindings } from "../history/stale-flags.js";
import { narrowToChanges } from "./changed-findings.js";
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
    const project = await openProject(openOptionsOf(root, options));
    const result = scanProject(project);
    const findings = sortFindings([
      ...result.findings,
      ...(await checkLedger(project)),
      ...(await staleFlagFindings(project, result.context.index)),
    ]);
    printDiagnostics(project.diagnostics);
    const suppression = applySuppressionOptions(root, findings, options);
    let reported = suppression.reported;
    let outsideChanges = 0;
    if (options.changedSince !== undefined || options.staged) {
      const changes = await changesSince({
        root,
        ...(options.changedSince === undefined ? { staged: true } : { since: options.changedSince }),
        ...(options.config ? { configFile: path.resolve(options.config) } : {}),
        cache: options.cache,
        ...(options.cacheLocation ? { cacheLocation: path.resolve(options.cacheLocation) } : {}),
      });
      const narrowed = narrowToChanges(reported, changes, result.context.index);
      reported = narrowed.kept;
      outsideChanges = narrowed.outside;
    }
    await reportFindings(
      {
        command: "scan",
        root: path.resolve(root),
        findings: reported,
        filesAnalysed: project.stats.files,
        durationMs: performance.now() - started,
        origin: { kind: "worktree" },
        sortBySize: options.sortBySize === true,
        suppressed: suppression.suppressed,
        outsideChanges,
      },
      options,
    );
    if (options.timing) printTiming(project.stats, result.timings);
  });
}
