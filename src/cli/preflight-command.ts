// `deadflag preflight --flag <key> <manifest>...`: before a flag is flipped, refuse (exit 1) when the
// deployments that will see the flip mean different things by it; exit 0 when they agree.
import { Command, Option } from "commander";
import { readManifest } from "../history/deployment-manifest.js";
import { preflight } from "../history/preflight.js";
import type { PreflightResult } from "../history/preflight.js";
import { writeResult } from "./cli-io.js";

interface PreflightOptions {
  flag: string;
  format: string;
  output?: string;
}

/** The `preflight` command. */
export function preflightCommand(): Command {
  return new Command("preflight")
    .description("before flipping a flag, refuse when the deployments' manifests mean different things by it")
    .argument("<manifests...>", "the manifest of every deployment that will see the flip (written by deadflag manifest)")
    .requiredOption("--flag <key>", "the flag about to be flipped")
    .addOption(new Option("-f, --format <format>", "output format").choices(["text", "json"]).default("text"))
    .option("-o, --output <file>", "write the result to a file instead of stdout")
    .option("--debug", "print stack traces of internal errors")
    .action((files: string[], options: PreflightOptions) => {
      const result = preflight(options.flag, files.map((file) => ({ name: file, manifest: readManifest(file) })));
      writeResult(options.format === "json" ? preflightJson(result) : preflightText(result), options.output);
      if (result.disagreements.length > 0) process.exitCode = 1;
    });
}

function preflightText(result: PreflightResult): string {
  const count = result.deployments.length;
  if (result.disagreements.length === 0) return `${result.flag}: the ${count} deployments mean the same by it: safe to flip\n`;
  return `${result.flag}: the deployments disagree about what it means, do not flip it:\n${result.disagreements.map((d) => `  ${d.message}\n`).join("")}`;
}

/** The result as a versioned document (docs/json-output.md). */
function preflightJson(result: PreflightResult): string {
  return `${JSON.stringify({ version: 1, flag: result.flag, agree: result.disagreements.length === 0, deployments: result.deployments, disagreements: result.disagreements }, null, 2)}\n`;
}
