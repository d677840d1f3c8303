// Vite: the scripts each `index.html` loads (`<script type="module" src="/src/main.tsx">`), the
// files vite.config names (`build.lib.entry`, `rollupOptions.input`), and the config itself.
// https://vite.dev/guide/#index-html-and-project-root
import path from "node:path";
import type { FrameworkPreset, PresetContext, PresetEntries } from "./framework-preset.js";
import { configReferences } from "./config-references.js";
import { valueLiterals } from "./config-values.js";
import { resolveFileReference } from "./file-reference.js";
import { matchFiles, sourceExtensionGlob } from "./match-files.js";

/** Folders whose HTML is build output or copied as is, never an app's page. */
const notPages = /(^|\/)(public|dist|build|coverage|node_modules)\//;

/** The Vite preset. */
export const vite: FrameworkPreset = {
  name: "vite",
  docs: "https://vite.dev/guide/#index-html-and-project-root",
  dependencies: ["vite"],
  entries: viteEntries,
};

function viteEntries(context: PresetContext): PresetEntries {
  const fileSet = new Set(context.files);
  const production: string[] = [];
  for (const page of context.listed.filter((file) => file.endsWith(".html") && !notPages.test(file))) {
    const text = context.readText(page);
    if (text !== undefined) production.push(...htmlScripts(text, page, fileSet));
  }
  // The package's vite.config, and those of other builds it runs (`vite build --config scripts/x/vite.config.ts`).
  for (const config of matchFiles(context.listed, [`{,**/}vite.config.${sourceExtensionGlob}`])) {
    const text = context.readText(config);
    if (text === undefined) continue;
    // What the build starts from: `build.lib.entry` and `rollupOptions.input`, not test settings.
    const named = ["entry", "input"].flatMap((key) => valueLiterals(text, key));
    production.push(config, ...configReferences(named.map((file) => JSON.stringify(file)).join(","), config, context.files));
  }
  return { production, tests: [] };
}

/** The local scripts an HTML page loads: `/x` from the package root, `./x` from the page's folder. */
function htmlScripts(html: string, page: string, files: ReadonlySet<string>): string[] {
  const found: string[] = [];
  for (const match of html.matchAll(/<script\b[^>]*\bsrc\s*=\s*["']([^"']+)["'][^>]*>/gi)) {
    const source = match[1] ?? "";
    if (/^[a-z]+:|^\/\//i.test(source)) continue;
    const from = path.posix.dirname(page) === "." ? "" : path.posix.dirname(page);
    const file = resolveFileReference(source, source.startsWith("/") ? "" : from, files);
    if (file !== undefined) found.push(file);
  }
  return found;
}
