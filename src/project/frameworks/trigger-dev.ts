// Trigger.dev: every module under the `dirs` of trigger.config (default `trigger/`) may define tasks,
// which Trigger.dev loads itself; nothing imports them.
// https://trigger.dev/docs/config/config-file#dirs
import type { FrameworkPreset, PresetContext, PresetEntries } from "./framework-preset.js";
import { configFileNames, readFirstConfig, stringArrayValue } from "./config-values.js";
import { escapeGlob, matchFiles, sourceExtensionGlob } from "./match-files.js";

/** The Trigger.dev preset. */
export const triggerDev: FrameworkPreset = {
  name: "trigger.dev",
  docs: "https://trigger.dev/docs/config/config-file#dirs",
  dependencies: ["@trigger.dev/sdk"],
  entries: triggerEntries,
};

function triggerEntries(context: PresetContext): PresetEntries {
  const config = readFirstConfig(context.listed, configFileNames(["trigger.config"]), context.readText);
  const dirs = (config && stringArrayValue(config.text, "dirs")) ?? ["trigger"];
  const folders = dirs.map((dir) => dir.replace(/^\.\//, "").replace(/\/$/, "")).filter((dir) => dir !== "" && !dir.startsWith("../"));
  const production = matchFiles(context.files, folders.map((dir) => `${escapeGlob(dir)}/**/*.${sourceExtensionGlob}`));
  return { production: config ? [config.file, ...production] : production, tests: [] };
}
