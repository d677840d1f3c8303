// Playwright: the test files under `testDir` (its `testMatch`, default `*.spec`/`*.test`), and the
// global setup and teardown the config names.
// https://playwright.dev/docs/test-configuration
import path from "node:path";
import type { FrameworkPreset, PresetContext, PresetEntries } from "./framework-preset.js";
import { configReferences } from "./config-references.js";
import { configFileNames, readFirstConfig, stringArrayValue, stringValue } from "./config-values.js";
import { escapeGlob, matchFiles } from "./match-files.js";

const defaultTestMatch = "**/*.@(spec|test).?(c|m)[jt]s?(x)";

/** The Playwright preset. */
export const playwright: FrameworkPreset = {
  name: "playwright",
  docs: "https://playwright.dev/docs/test-configuration",
  dependencies: ["@playwright/test", "playwright"],
  entries: playwrightEntries,
};

function playwrightEntries(context: PresetContext): PresetEntries {
  const config = readFirstConfig(context.listed, configFileNames(["playwright.config", "playwright-ct.config"]), context.readText);
  if (!config) return { production: [], tests: [] };
  const configFolder = path.posix.dirname(config.file) === "." ? "" : path.posix.dirname(config.file);
  const testDir = path.posix.normalize(path.posix.join(configFolder, stringValue(config.text, "testDir") ?? "."));
  const testMatch = stringArrayValue(config.text, "testMatch") ?? [stringValue(config.text, "testMatch") ?? defaultTestMatch];
  const base = testDir === "." ? "" : `${escapeGlob(testDir)}/`;
  const tests = matchFiles(
    context.files,
    testMatch.map((glob) => (glob.includes("/") ? `${base}${glob.replace(/^\.\//, "")}` : `${base}**/${glob}`)),
  );
  tests.push(...configReferences(config.text, config.file, context.files));
  return { production: [], tests };
}
