// Glob matching for presets: picomatch over a package's files, with `dot` on (`.storybook/main.ts`).
import picomatch from "picomatch";

/** The files among `files` that match any of `globs`. */
export function matchFiles(files: readonly string[], globs: readonly string[]): string[] {
  if (globs.length === 0) return [];
  const isMatch = picomatch([...globs], { dot: true });
  return files.filter((file) => isMatch(file));
}

/** The source extensions as a brace list for globs: `{ts,tsx,…}`. */
export const sourceExtensionGlob = "{ts,tsx,mts,cts,js,jsx,mjs,cjs}";

/** Escapes the characters picomatch reads as glob syntax in a literal path part. */
export function escapeGlob(literal: string): string {
  return literal.replace(/[()[\]{}!+@*?$^|\\]/g, "\\$&");
}
