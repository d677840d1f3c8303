// `deadflag diff [path] --base <rev> [--head <rev>] [--staged]`: flags whose meaning changed between
// two revisions (`no-flag-reuse`). The head defaults to the working tree, so it works in a
// pre-commit hook; the base to the merge base with the upstream branch, else HEAD.
import { Command, InvalidArgumentError } from "commander";
import { InputError } from "../engine/input-error.js";
import { diffRevisions } from "../history/diff-revisions.js";
import formatFindingsJson from "../report/findings-json.js";
import formatFindingsText from "../report/findings-text.js";
import type { CommonOptions } from "./common-options.js";
import { withCommonOptions } from "./common-options.js";
import { stdoutColor, writeResult } from "./cli-io.js";

interface DiffCommandOptions extends CommonOptions {
  base?: string;
  head?: string;
  staged?: boolean;
  historyDepth?: number;
  verbose?: boolean;
}

/** The `diff` command. */
export function diffCommand(): Command {
  return withCommonOptions(new Command("diff"), ["text", "json"])
    .description("report flags whose meaning changed between two revisions: repurposed, resurrected, inverted, retyped, re-defaulted")
    .argument("[path]", "the directory to analyse (inside a git repository)", ".")
    .option("--base <rev>", "the revision to compare with (default: merge base with the upstream branch, else HEAD)")
    .option("--head <rev>", "the revision to check (default: the working tree)")
    .option("--staged", "check the index (what would be committed) instead of the working tree")
    .option("--history-depth <count>", "how many commits of the base's history to search for a returning key", parseCount)
    .option("--verbose", "also list benign changes: new, removed and restored flags")
    .action(async (root: string, options: DiffCommandOptions) => {
      if (options.head && options.staged) throw new InputError("--head and --staged cannot be used together");
      const started = performance.now();
      const result = await diffRevisions({
        root,
        ...(options.config ? { configFile: options.config } : {}),
        ...(options.base ? { base: options.base } : {}),
        ...(options.head ? { head: options.head } : {}),
        ...(options.staged ? { staged: true } : {}),
        ...(options.historyDepth === undefined ? {} : { historyDepth: options.historyDepth }),
        cache: options.cache,
        ...(options.cacheLocation ? { cacheLocation: options.cacheLocation } : {}),
      });
      const durationMs = performance.now() - started;
      if (options.verbose) for (const note of result.notes) process.stderr.write(`note: ${note.message}\n`);
      const text =
        options.format === "json"
          ? formatFindingsJson(result.findings)
          : formatFindingsText(result.findings, {
              color: stdoutColor() && !options.output,
              filesAnalysed: Object.values(result.parsed).reduce((a, b) => a + b, 0),
              durationMs,
              sortBySize: false,
            });
      writeResult(text, options.output);
      if (options.timing) {
        for (const [revision, parsed] of Object.entries(result.parsed)) {
          process.stderr.write(`parsed     ${parsed} files at ${revision.slice(0, 12)}\n`);
        }
      }
      if (result.findings.some((f) => f.severity === "error")) process.exitCode = 1;
    });
}

function parseCount(value: string): number {
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1) throw new InvalidArgumentError("expected a whole number of 1 or more");
  return count;
}
