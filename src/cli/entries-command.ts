// `deadflag entries [path]`: the entries deadflag found and where they came from: the config, what
// package.json publishes, and each framework preset that fired (and why).
import { Command } from "commander";
import { openProject } from "../engine/open-project.js";
import type { Entries } from "../project/find-entries.js";
import { printDiagnostics, printTiming, writeResult } from "./cli-io.js";
import type { CommonOptions } from "./common-options.js";
import { openOptionsOf, withCommonOptions } from "./common-options.js";
import { describePresets } from "./print-entry-presets.js";

/** The `entries` command. */
export function entriesCommand(): Command {
  return withCommonOptions(new Command("entries"), ["text", "json"])
    .description("list the production and test entries, and which framework presets found them and why")
    .argument("[path]", "the directory to analyse", ".")
    .action(async (root: string, options: CommonOptions) => {
      const project = await openProject({ ...openOptionsOf(root, options), callGraph: false });
      printDiagnostics(project.diagnostics);
      const text = options.format === "json" ? entriesJson(project.entries) : entriesText(project.entries);
      writeResult(text, options.output);
      if (options.timing) printTiming(project.stats);
    });
}

/** The JSON document of `deadflag entries --format json`. */
function entriesJson(entries: Entries): string {
  const document = {
    version: 1,
    source: entries.source,
    production: entries.production,
    tests: entries.tests,
    presets: entries.presets.map((p) => ({ preset: p.preset, package: p.package, reason: p.reason, production: p.production, tests: p.tests })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

function entriesText(entries: Entries): string {
  const lines = ["presets:", ...describePresets(entries).map((line) => `  ${line}`)];
  if (entries.presets.length === 0) lines.push("  (none fired)");
  lines.push(`production entries (${entries.production.length}, from ${entries.source}):`, ...entries.production.map((f) => `  ${f}`));
  lines.push(`test entries (${entries.tests.length}):`, ...entries.tests.map((f) => `  ${f}`));
  return `${lines.join("\n")}\n`;
}
