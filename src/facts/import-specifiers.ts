// The module specifiers a file imports, found by TypeScript's pre-processing scanner rather than a
// parse: fast enough for a file too large to analyse (a generated or bundled module), so that what
// it imports is still known.
import { typescript } from "../engine/typescript-module.js";

/** Every specifier of `import`, `export … from`, `import()` and `require()` with a literal, in order, once each. */
export function importSpecifiers(text: string): string[] {
  const ts = typescript();
  const { importedFiles } = ts.preProcessFile(text, true, true);
  return [...new Set(importedFiles.map((reference) => reference.fileName))];
}
