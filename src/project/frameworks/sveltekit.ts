// SvelteKit: the `+page`/`+layout`/`+server` modules of `src/routes`, hooks, param matchers, the
// service worker, and the modules `.svelte` components import in their `<script>` (`$lib` is
// `src/lib`).
// https://svelte.dev/docs/kit/project-structure
import type { FrameworkPreset, PresetContext, PresetEntries } from "./framework-preset.js";
import { componentImports } from "./component-scripts.js";
import { matchFiles } from "./match-files.js";

/** The SvelteKit preset. */
export const sveltekit: FrameworkPreset = {
  name: "sveltekit",
  docs: "https://svelte.dev/docs/kit/project-structure",
  dependencies: ["@sveltejs/kit"],
  entries: sveltekitEntries,
};

function sveltekitEntries(context: PresetContext): PresetEntries {
  const production = matchFiles(context.files, [
    "src/routes/**/+{page,layout,server,page.server,layout.server}.{ts,js}",
    "src/hooks{,.server,.client}.{ts,js}",
    "src/params/*.{ts,js}",
    "src/service-worker{.ts,.js,/index.ts,/index.js}",
  ]);
  production.push(...(componentImports(context.listed, context.files, [".svelte"], context.readText, { $lib: "src/lib" })));
  return { production, tests: [] };
}
