// Playwright: every source file under `testDir` (its tests by `testMatch`, default `*.spec`/`*.test`,
// and their fixtures and helpers, which only tests load), and the global setup and teardown the
// config names. `testDir` may be in another package of a monorepo (a root config testing an app).
// https://playwright.dev/docs/test-configuration
import path from "node:path";
import type { FrameworkPreset, PresetContext, PresetEntries } from "./framework-preset.js";
import { configReferences } from "./config-references.js";
import { configFileNames, readFirstConfig, stringValue } from "./config-values.js";
import { escapeGlob, matchFiles, sourceExtensionGlob } from "./match-files.js";

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
  const configFolder = path.posix.dirname(path.posix.join(context.directory, config.file));
  const testDir = path.posix.normalize(path.posix.join(configFolder, stringValue(config.text, "testDir") ?? "."));
  // The config's own folder as testDir: its test files by name only, not every source beside the config.
  const glob =
    testDir === path.posix.normalize(configFolder)
      ? `**/*.{spec,test}.${sourceExtensionGlob}`
      : `**/*.${sourceExtensionGlob}`;
  const base = testDir === "." ? "" : `${escapeGlob(testDir)}/`;
  const tests = matchFiles(context.projectFiles, [`${base}${glob}`]).map((file) => path.posix.relative(context.directory, file));
  tests.push(...configReferences(config.text, config.file, context.files));
  return { production: [], tests };
}
