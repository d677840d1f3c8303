// `deadflag why <target> [path]`: why a symbol (or the declaration holding a line) is live, as the
// shortest path from an entry, or why it is dead. An unknown or ambiguous target is a usage error.
import { Command } from "commander";
import { explainNode } from "../analysis/explain-node.js";
import { findNode } from "../analysis/find-node.js";
import { scanProject } from "../analysis/scan-project.js";
import { InputError } from "../engine/input-error.js";
import { openProject } from "../engine/open-project.js";
import formatWhyJson from "../report/why-json.js";
import formatWhyText from "../report/why-text.js";
import type { CommonOptions } from "./common-options.js";
import { openOptionsOf, withCommonOptions } from "./common-options.js";
import { printDiagnostics, printTiming, stdoutColor, writeResult } from "./cli-io.js";

/** The `why` command. */
export function whyCommand(): Command {
  return withCommonOptions(new Command("why"), ["text", "json"])
    .description("explain why a symbol is live (the shortest path from an entry) or dead")
    .argument("<target>", "a symbol (PowerPeg, SmarsRouter.route), <file>#<symbol>, or <file>:<line>")
    .argument("[path]", "the directory to analyse", ".")
    .action(async (target: string, root: string, options: CommonOptions) => {
      const project = await openProject(openOptionsOf(root, options));
      const result = scanProject(project);
      printDiagnostics(project.diagnostics);
      const lookup = findNode(result.context, target);
      if (lookup.kind !== "found") throw new InputError(lookup.message);
      const explanation = explainNode(result.context, lookup.id, lookup.line);
      const text =
        options.format === "json" ? formatWhyJson(explanation) : formatWhyText(explanation, { color: stdoutColor() && !options.output });
      writeResult(text, options.output);
      if (options.timing) printTiming(project.stats, result.timings);
    });
}
