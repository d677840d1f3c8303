// tsup: the files its `entry` names, in tsup.config.* or package.json's `tsup` field, as a list, an
// object of output names (`{ "embed/script": "src/embed.ts" }`) or globs.
// https://tsup.egoist.dev/#multiple-entrypoints
import type { FrameworkPreset, PresetContext, PresetEntries } from "./framework-preset.js";
import { configReferences } from "./config-references.js";
import { configFileNames, readFirstConfig, valueLiterals } from "./config-values.js";
import { matchFiles } from "./match-files.js";

/** The tsup preset. */
export const tsup: FrameworkPreset = {
  name: "tsup",
  docs: "https://tsup.egoist.dev/#multiple-entrypoints",
  dependencies: ["tsup", "tsdown"],
  entries: tsupEntries,
};

function tsupEntries(context: PresetContext): PresetEntries {
  const production: string[] = [];
  const config = readFirstConfig(context.listed, configFileNames(["tsup.config", "tsdown.config"]), context.readText);
  const inManifest = context.manifest["tsup"];
  const sources = [
    ...(config ? [{ file: config.file, text: config.text }] : []),
    ...(inManifest === undefined ? [] : [{ file: "package.json", text: JSON.stringify(inManifest) }]),
  ];
  for (const { file, text } of sources) {
    const named = valueLiterals(text, "entry");
    production.push(...configReferences(named.map((entry) => JSON.stringify(entry)).join(","), file, context.files));
    production.push(...matchFiles(context.files, named.filter((entry) => entry.includes("*")).map((glob) => glob.replace(/^\.\//, ""))));
  }
  return { production, tests: [] };
}
