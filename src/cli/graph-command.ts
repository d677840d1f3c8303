// `deadflag graph [path]`: the linked call graph as a JSON document (docs/graph-json.md): nodes with
// their liveness, edges with the flag that cuts them, modules with whether they load.
import { Command } from "commander";
import { buildGraphDocument } from "../analysis/graph-document.js";
import { scanProject } from "../analysis/scan-project.js";
import { openProject } from "../engine/open-project.js";
import type { CommonOptions } from "./common-options.js";
import { openOptionsOf, withCommonOptions } from "./common-options.js";
import { printDiagnostics, printTiming, writeResult } from "./cli-io.js";

/** The `graph` command; JSON is its only format (a graph has no useful text form). */
export function graphCommand(): Command {
  return withCommonOptions(new Command("graph"), ["json"])
    .description("print the linked call graph as JSON: nodes, edges (with flag guards) and modules")
    .argument("[path]", "the directory to analyse", ".")
    .action(async (root: string, options: CommonOptions) => {
      const project = await openProject(openOptionsOf(root, options));
      const result = scanProject(project);
      printDiagnostics(project.diagnostics);
      writeResult(`${JSON.stringify(buildGraphDocument(result.context), null, 2)}\n`, options.output);
      if (options.timing) printTiming(project.stats, result.timings);
    });
}
