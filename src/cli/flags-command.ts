// `deadflag flags [path]`: the flag-reference index.
import { Command } from "commander";
import { indexFlags } from "../engine/index-flags.js";
import { openProject } from "../engine/open-project.js";
import formatFlagsJson from "../report/flags-json.js";
import formatFlagsText from "../report/flags-text.js";
import type { CommonOptions } from "./common-options.js";
import { openOptionsOf, withCommonOptions } from "./common-options.js";
import { printDiagnostics, printTiming, stdoutColor, writeResult } from "./cli-io.js";

/** The `flags` command. */
export function flagsCommand(): Command {
  return withCommonOptions(new Command("flags"), ["text", "json"])
    .description("list every flag read: key, where, which SDK, its default and the code it guards")
    .argument("[path]", "the directory to analyse", ".")
    .action(async (root: string, options: CommonOptions) => {
      const project = await openProject({ ...openOptionsOf(root, options), callGraph: false });
      printDiagnostics(project.diagnostics);
      const started = performance.now();
      const index = indexFlags(project);
      const indexMs = performance.now() - started;
      const text =
        options.format === "json" ? formatFlagsJson(index) : formatFlagsText(index, { color: stdoutColor() && !options.output });
      writeResult(text, options.output);
      if (options.timing) printTiming(project.stats, { index: indexMs });
    });
}
