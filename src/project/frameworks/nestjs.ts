// NestJS: the program's entry (`sourceRoot`/`entryFile` of nest-cli.json, default `src/main.ts`) and
// the files of the classes Nest instantiates by decoration: modules, controllers, resolvers and
// gateways (providers are reached through the modules that list them).
// https://docs.nestjs.com/cli/monorepo#cli-properties
import type { FrameworkPreset, PresetContext, PresetEntries } from "./framework-preset.js";
import { stringValue } from "./config-values.js";
import { escapeGlob, matchFiles, sourceExtensionGlob } from "./match-files.js";

/** The NestJS preset. */
export const nestjs: FrameworkPreset = {
  name: "nestjs",
  docs: "https://docs.nestjs.com/cli/monorepo#cli-properties",
  dependencies: ["@nestjs/core"],
  entries: nestEntries,
};

function nestEntries(context: PresetContext): PresetEntries {
  const cli = (context.readText("nest-cli.json")) ?? "";
  const sourceRoot = (stringValue(cli, "sourceRoot") ?? "src").replace(/^\.\//, "").replace(/\/$/, "");
  const entryFile = stringValue(cli, "entryFile") ?? "main";
  const production = matchFiles(context.files, [
    `${escapeGlob(sourceRoot)}/${escapeGlob(entryFile)}.${sourceExtensionGlob}`,
    `**/*.{module,controller,resolver,gateway}.${sourceExtensionGlob}`,
  ]);
  return { production, tests: [] };
}
