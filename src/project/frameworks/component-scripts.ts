// The script blocks of component files that deadflag does not parse (`.astro` frontmatter and
// `<script>`, `.svelte` and `.vue` `<script>`): the local modules they import are entries, so that
// a TypeScript module used only by components is not reported unused. Only relative imports and the
// `$lib` alias are followed; what a component itself contains is not analysed.
import path from "node:path";
import { resolveFileReference } from "./file-reference.js";

/** The script text of a component: frontmatter between `---` fences and every `<script>` block. */
function scriptBlocks(text: string): string[] {
  const blocks: string[] = [];
  const frontmatter = /^\s*---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (frontmatter?.[1] !== undefined) blocks.push(frontmatter[1]);
  for (const match of text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)) blocks.push(match[1] ?? "");
  return blocks;
}

/** The specifiers a script imports, statically or dynamically. */
function importSpecifiers(script: string): string[] {
  const specifiers: string[] = [];
  const pattern = /\b(?:import|export)\s+(?:[^"';]*?\s+from\s+)?["']([^"']+)["']|\bimport\s*\(\s*["']([^"']+)["']\s*\)/g;
  for (const match of script.matchAll(pattern)) specifiers.push(match[1] ?? match[2] ?? "");
  return specifiers;
}

/** The package files that the components among `listed` import (relative to the package). */
export function componentImports(
  listed: readonly string[],
  files: readonly string[],
  extensions: readonly string[],
  readText: (file: string) => string | undefined,
  aliases: Readonly<Record<string, string>> = {},
): string[] {
  const fileSet = new Set(files);
  const found = new Set<string>();
  for (const component of listed.filter((file) => extensions.some((ext) => file.endsWith(ext)))) {
    const text = readText(component);
    if (text === undefined) continue;
    const folder = path.posix.dirname(component) === "." ? "" : path.posix.dirname(component);
    for (const specifier of scriptBlocks(text).flatMap(importSpecifiers)) {
      const alias = Object.keys(aliases).find((name) => specifier === name || specifier.startsWith(`${name}/`));
      const file =
        alias !== undefined
          ? resolveFileReference(`/${aliases[alias] ?? ""}${specifier.slice(alias.length)}`, "", fileSet)
          : specifier.startsWith(".")
            ? resolveFileReference(specifier, folder, fileSet)
            : undefined;
      if (file !== undefined) found.add(file);
    }
  }
  return [...found];
}
