// Storybook: its `.storybook/` configuration and every story file. Stories are development tools,
// so they are test entries: a component only stories use is reported as used only by tests.
// https://storybook.js.org/docs/configure
import type { FrameworkPreset, PresetContext, PresetEntries } from "./framework-preset.js";
import { matchFiles, sourceExtensionGlob } from "./match-files.js";

/** The Storybook preset. */
export const storybook: FrameworkPreset = {
  name: "storybook",
  docs: "https://storybook.js.org/docs/configure",
  dependencies: ["storybook", "@storybook/*"],
  entries: (context: PresetContext): Promise<PresetEntries> =>
    Promise.resolve({
      production: [],
      tests: matchFiles(context.files, [`.storybook/*.${sourceExtensionGlob}`, `**/*.{stories,story}.${sourceExtensionGlob}`]),
    }),
};
