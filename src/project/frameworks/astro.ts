// Astro: endpoints and pages written in TypeScript (`src/pages/**`), middleware, content and
// action definitions, and the modules `.astro` components import in their frontmatter or scripts.
// https://docs.astro.build/en/basics/project-structure/
import type { FrameworkPreset, PresetContext, PresetEntries } from "./framework-preset.js";
import { componentImports } from "./component-scripts.js";
import { matchFiles, sourceExtensionGlob } from "./match-files.js";

/** The Astro preset. */
export const astro: FrameworkPreset = {
  name: "astro",
  docs: "https://docs.astro.build/en/basics/project-structure/",
  dependencies: ["astro"],
  entries: astroEntries,
};

function astroEntries(context: PresetContext): PresetEntries {
  const production = matchFiles(context.files, [
    `src/pages/**/*.${sourceExtensionGlob}`,
    `src/{middleware,content.config}.${sourceExtensionGlob}`,
    `src/middleware/index.${sourceExtensionGlob}`,
    `src/content/config.${sourceExtensionGlob}`,
    `src/actions/index.${sourceExtensionGlob}`,
  ]);
  production.push(...(componentImports(context.listed, context.files, [".astro"], context.readText)));
  return { production, tests: [] };
}
