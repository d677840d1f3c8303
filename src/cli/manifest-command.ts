// `deadflag manifest [path] --out <file>`: write the build's flag meanings to a manifest that ships
// with the build (see docs/preflight.md), and say what was written.
import { Command } from "commander";
import { openProject } from "../engine/open-project.js";
import { buildManifest, writeManifest } from "../history/deployment-manifest.js";
import type { CommonOptions } from "./common-options.js";
import { openOptionsOf, withCommonOptions } from "./common-options.js";
import { checkOutputPath, printDiagnostics, writeResult } from "./cli-io.js";

interface ManifestOptions extends CommonOptions {
  out: string;
}

/** The `manifest` command. */
export function manifestCommand(): Command {
  return withCommonOptions(new Command("manifest"), ["text", "json"])
    .description("write this build's flag meanings to a manifest, for preflight to compare deployments before a flag is flipped")
    .argument("[path]", "the directory to analyse", ".")
    .requiredOption("--out <file>", "where to write the manifest (ship it with the build)")
    .action(async (root: string, options: ManifestOptions) => {
      checkOutputPath(options.out);
      const project = await openProject(openOptionsOf(root, options));
      printDiagnostics(project.diagnostics);
      const manifest = await buildManifest(project);
      writeManifest(options.out, manifest);
      const flags = Object.keys(manifest.flags).length;
      const summary =
        options.format === "json"
          ? `${JSON.stringify({ version: 1, file: options.out, revision: manifest.revision, flags }, null, 2)}\n`
          : `${options.out}: ${flags} flag${flags === 1 ? "" : "s"}${manifest.revision ? ` at ${manifest.revision.slice(0, 12)}` : ""}\n`;
      writeResult(summary, options.output);
    });
}
