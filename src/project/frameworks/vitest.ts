// Vitest: test files by its `include` globs when the config writes them as literals (the default
// names are test files already), benchmarks, workspace files, and the setup files the config names.
// https://vitest.dev/config/
import type { FrameworkPreset, PresetContext, PresetEntries } from "./framework-preset.js";
import { configReferences } from "./config-references.js";
import { configFileNames, readFirstConfig, stringArrayValue, valueLiterals } from "./config-values.js";
import { matchFiles } from "./match-files.js";

/** The Vitest preset. */
export const vitest: FrameworkPreset = {
  name: "vitest",
  docs: "https://vitest.dev/config/",
  dependencies: ["vitest"],
  entries: vitestEntries,
};

function vitestEntries(context: PresetContext): PresetEntries {
  const tests = matchFiles(context.files, [
    "**/*.{bench,benchmark}.{ts,tsx,mts,cts,js,jsx,mjs,cjs}",
    "vitest.{workspace,projects}.{ts,mts,cts,js,mjs,cjs}",
  ]);
  const config = readFirstConfig(context.listed, configFileNames(["vitest.config", "vite.config"]), context.readText);
  if (config) {
    // Only what the test settings name: a vite.config's other literals (`build.lib.entry`) are Vite's,
    // and `coverage: { include: ["proxy.ts"] }` names production files to measure, not tests.
    const text = withoutBlock(config.text, "coverage");
    const named = ["setupFiles", "globalSetup"].flatMap((key) => valueLiterals(text, key));
    tests.push(...configReferences(named.map((file) => JSON.stringify(file)).join(","), config.file, context.files));
    tests.push(...matchFiles(context.files, (stringArrayValue(text, "include") ?? []).map((glob) => glob.replace(/^\.\//, ""))));
  }
  return { production: [], tests };
}

/** `text` without the object literal of `key: { … }` (braces balanced; strings and comments are not told apart). */
function withoutBlock(text: string, key: string): string {
  const match = new RegExp(`\\b${key}\\s*:\\s*\\{`).exec(text);
  if (!match) return text;
  let depth = 0;
  for (let at = match.index + match[0].length - 1; at < text.length; at++) {
    if (text[at] === "{") depth++;
    else if (text[at] === "}" && --depth === 0) return text.slice(0, match.index) + withoutBlock(text.slice(at + 1), key);
  }
  return text.slice(0, match.index);
}
