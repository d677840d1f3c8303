// Storybook: its `.storybook/` configuration, and the stories its `main` config's `stories` globs
// select (relative to `.storybook/`, possibly in other packages of a monorepo). Stories are
// development tools, so they are test entries: a component only stories use is reported as used
// only by tests. Files named `*.stories.*` are test files anywhere, preset or not.
// https://storybook.js.org/docs/api/main-config/main-config-stories
import path from "node:path";
import type { FrameworkPreset, PresetContext, PresetEntries } from "./framework-preset.js";
import { configFileNames, readFirstConfig, valueLiterals } from "./config-values.js";
import { escapeGlob, matchFiles, sourceExtensionGlob } from "./match-files.js";

/** The Storybook preset. */
export const storybook: FrameworkPreset = {
  name: "storybook",
  docs: "https://storybook.js.org/docs/api/main-config/main-config-stories",
  dependencies: ["storybook", "@storybook/*"],
  entries: storybookEntries,
};

function storybookEntries(context: PresetContext): PresetEntries {
  const tests = matchFiles(context.files, [`.storybook/*.${sourceExtensionGlob}`]);
  const main = readFirstConfig(context.listed, configFileNames([".storybook/main"]), context.readText);
  if (main) {
    const base = context.directory === "" ? ".storybook" : `${context.directory}/.storybook`;
    const globs = valueLiterals(main.text, "stories")
      .filter((glob) => !glob.endsWith(".mdx"))
      .map((glob) => rootGlob(base, glob));
    const stories = matchFiles(context.projectFiles, globs);
    tests.push(...stories.map((file) => path.posix.relative(context.directory, file)));
  }
  return { production: [], tests };
}

/** A `stories` glob (relative to `.storybook/`) relative to the root: its leading `../` resolved, the rest kept as written. */
function rootGlob(base: string, glob: string): string {
  const parts = glob.split("/");
  const firstGlob = parts.findIndex((part) => /[*?{}()[\]!]/.test(part));
  const literal = firstGlob === -1 ? parts.slice(0, -1) : parts.slice(0, firstGlob);
  const rest = parts.slice(literal.length).join("/");
  const folder = path.posix.normalize(path.posix.join(base, ...literal));
  return folder === "." ? rest : `${escapeGlob(folder)}/${rest}`;
}
