// Jest: test files by `testMatch` when written as literals (the default names are test files
// already), and the setup files and environments the config names (`<rootDir>/jest.setup.ts`), from
// jest.config.* or package.json's `jest` field.
// https://jestjs.io/docs/configuration
import type { FrameworkPreset, PresetContext, PresetEntries } from "./framework-preset.js";
import { configReferences } from "./config-references.js";
import { configFileNames, readFirstConfig, stringArrayValue } from "./config-values.js";
import { matchFiles } from "./match-files.js";

/** The Jest preset. */
export const jest: FrameworkPreset = {
  name: "jest",
  docs: "https://jestjs.io/docs/configuration",
  dependencies: ["jest"],
  entries: jestEntries,
};

function jestEntries(context: PresetContext): PresetEntries {
  const config = readFirstConfig(context.listed, configFileNames(["jest.config"]), context.readText);
  const inManifest = context.manifest["jest"];
  const texts = [
    ...(config ? [{ file: config.file, text: config.text }] : []),
    ...(inManifest === undefined ? [] : [{ file: "package.json", text: JSON.stringify(inManifest) }]),
  ];
  const tests: string[] = [];
  for (const { file, text } of texts) {
    tests.push(...configReferences(text.replaceAll("<rootDir>/", "./"), file, context.files));
    const globs = (stringArrayValue(text, "testMatch") ?? []).map((glob) => glob.replace(/^<rootDir>\//, ""));
    tests.push(...matchFiles(context.files, globs));
  }
  return { production: [], tests };
}
