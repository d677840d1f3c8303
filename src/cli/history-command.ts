// `deadflag history [path] [--since <rev>] [--flag <key>]`: every flag's timeline across commits.
import path from "node:path";
import { Command } from "commander";
import { flagHistory } from "../history/flag-history.js";
import formatHistoryJson from "../report/history-json.js";
import formatHistoryText from "../report/history-text.js";
import type { CommonOptions } from "./common-options.js";
import { withCommonOptions } from "./common-options.js";
import { printDiagnostics, stdoutColor, writeResult } from "./cli-io.js";

interface HistoryCommandOptions extends CommonOptions {
  since?: string;
  flag?: string;
  allParents?: boolean;
}

/** The `history` command. */
export function historyCommand(): Command {
  return withCommonOptions(new Command("history"), ["text", "json"])
    .description("timeline of every flag across commits: introduced, meaning changed, removed, resurrected, state changes")
    .argument("[path]", "the directory to analyse (inside a git repository)", ".")
    .option("--since <rev>", "start after this revision (default: the first commit)")
    .option("--flag <key>", "only this flag")
    .option("--all-parents", "follow every parent, not only the first-parent line")
    .action(async (root: string, options: HistoryCommandOptions) => {
      const showProgress = process.stderr.isTTY && !process.env["CI"];
      const started = performance.now();
      const history = await flagHistory({
        root,
        ...(options.config ? { configFile: path.resolve(options.config) } : {}),
        ...(options.since ? { since: options.since } : {}),
        ...(options.flag ? { flag: options.flag } : {}),
        ...(options.allParents ? { allParents: true } : {}),
        cache: options.cache,
        ...(options.cacheLocation ? { cacheLocation: path.resolve(options.cacheLocation) } : {}),
        ...(showProgress
          ? {
              onProgress: (done: number, total: number) =>
                process.stderr.write(done === total ? "\r\x1b[K" : `\rReading commit ${done + 1}/${total}`),
            }
          : {}),
      });
      printDiagnostics(history.diagnostics);
      const text = options.format === "json" ? formatHistoryJson(history) : formatHistoryText(history, { color: stdoutColor() && !options.output });
      writeResult(text, options.output);
      if (options.timing) process.stderr.write(`history    ${(performance.now() - started).toFixed(1)} ms, ${history.parsed} files parsed\n`);
    });
}
