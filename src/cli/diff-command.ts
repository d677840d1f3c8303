// `deadflag diff [path] --base <rev> [--head <rev>] [--staged]`: flags whose meaning changed between
// two revisions (`no-flag-reuse`). The head defaults to the working tree, so it works in a
// pre-commit hook; the base to the merge base with the upstream branch, else HEAD.
import path from "node:path";
import { Command, InvalidArgumentError } from "commander";
import { InputError } from "../engine/input-error.js";
import { diffRevisions } from "../history/diff-revisions.js";
import type { FindingsOptions } from "./findings-options.js";
import { withFindingsOptions } from "./findings-options.js";
import { printDiagnostics } from "./cli-io.js";
import { reportFindings } from "./report-findings.js";

interface DiffCommandOptions extends FindingsOptions {
  base?: string;
  head?: string;
  staged?: boolean;
  historyDepth?: number;
  verbose?: boolean;
}

/** The `diff` command. */
export function diffCommand(): Command {
  return withFindingsOptions(new Command("diff"))
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
        ...(options.config ? { configFile: path.resolve(options.config) } : {}),
        ...(options.base ? { base: options.base } : {}),
        ...(options.head ? { head: options.head } : {}),
        ...(options.staged ? { staged: true } : {}),
        ...(options.historyDepth === undefined ? {} : { historyDepth: options.historyDepth }),
        cache: options.cache,
        ...(options.cacheLocation ? { cacheLocation: path.resolve(options.cacheLocation) } : {}),
      });
      const durationMs = performance.now() - started;
      printDiagnostics(result.diagnostics);
      if (options.verbose) for (const note of result.notes) process.stderr.write(`note: ${note.message}\n`);
      await reportFindings(
        {
          command: "diff",
          root: path.resolve(root),
          findings: result.findings,
          filesAnalysed: result.files,
          durationMs,
          origin: options.head ? { kind: "commit", revision: result.head } : options.staged ? { kind: "index" } : { kind: "worktree" },
        },
        options,
      );
      if (options.timing) {
        for (const [revision, parsed] of Object.entries(result.parsed)) {
          process.stderr.write(`parsed     ${parsed} files at ${revision.slice(0, 12)}\n`);
        }
      }
    });
}

function parseCount(value: string): number {
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1) throw new InvalidArgumentError("expected a whole number of 1 or more");
  return count;
}
