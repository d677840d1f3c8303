// Vitest: test files by its `include` globs when the config writes them as literals (the default
// names are test files already), benchmarks, workspace files, and the setup files the config names.
// https://vitest.dev/config/
import type { FrameworkPreset, PresetContext, PresetEntries } from "./framework-preset.js";
import { configReferences } from "./config-references.js";
import { configFileNames, readFirstConfig, stringArrayValue } from "./config-values.js";
import { matchFiles } from "./match-files.js";

/** The Vitest preset. */
export const vitest: FrameworkPreset = {
  name: "vitest",
  docs: "https://vitest.dev/config/",
  dependencies: ["vitest"],
  entries: vitestEntries,
};

async function vitestEntries(context: PresetContext): Promise<PresetEntries> {
  const tests = matchFiles(context.files, [
    "**/*.{bench,benchmark}.{ts,tsx,mts,cts,js,jsx,mjs,cjs}",
    "vitest.{workspace,projects}.{ts,mts,cts,js,mjs,cjs}",
  ]);
  const config = await readFirstConfig(context.listed, configFileNames(["vitest.config", "vite.config"]), context.readText);
  if (config) {
    tests.push(...configReferences(config.text, config.file, context.files));
    const testBlock = config.text.slice(Math.max(0, config.text.search(/\btest\s*:/)));
    tests.push(...matchFiles(context.files, (stringArrayValue(testBlock, "include") ?? []).map((glob) => glob.replace(/^\.\//, ""))));
  }
  return { production: [], tests };
}
