// Next.js: the app router's special files, every page of the pages router, middleware (`proxy` from
// Next 16), instrumentation, and `next.config.*` (a tool config). Custom `pageExtensions` are read
// from next.config when written as a literal.
// https://nextjs.org/docs/app/getting-started/project-structure
import type { FrameworkPreset, PresetContext, PresetEntries } from "./framework-preset.js";
import { configFileNames, readFirstConfig, stringArrayValue } from "./config-values.js";
import { escapeGlob, matchFiles } from "./match-files.js";

/** Files the app router loads by name, in any route folder. */
const appRouterFiles = [
  "page",
  "layout",
  "template",
  "loading",
  "error",
  "global-error",
  "global-not-found",
  "not-found",
  "forbidden",
  "unauthorized",
  "default",
  "route",
  "opengraph-image",
  "twitter-image",
  "icon",
  "apple-icon",
  "sitemap",
  "robots",
  "manifest",
];

/** Files at the project root (or in `src/`) that Next.js loads. */
const rootFiles = ["middleware", "proxy", "instrumentation", "instrumentation-client", "mdx-components"];

const defaultPageExtensions = ["tsx", "ts", "jsx", "js"];

/** The Next.js preset. */
export const next: FrameworkPreset = {
  name: "next",
  docs: "https://nextjs.org/docs/app/getting-started/project-structure",
  dependencies: ["next"],
  entries: nextEntries,
};

function nextEntries(context: PresetContext): PresetEntries {
  const config = readFirstConfig(context.listed, configFileNames(["next.config"]), context.readText);
  const pageExtensions = (config && stringArrayValue(config.text, "pageExtensions")) ?? defaultPageExtensions;
  const extensions = `{${[...new Set([...pageExtensions, "js", "jsx", "ts", "tsx", "mjs"])].map(escapeGlob).join(",")}}`;
  const pages = `{${pageExtensions.map(escapeGlob).join(",")}}`;
  const production = matchFiles(context.files, [
    `{,src/}app/**/{${appRouterFiles.join(",")}}.${extensions}`,
    `{,src/}pages/**/*.${pages}`,
    `{,src/}{${rootFiles.join(",")}}.${extensions}`,
    ...(config ? [config.file] : []),
  ]);
  return { production, tests: [] };
}
