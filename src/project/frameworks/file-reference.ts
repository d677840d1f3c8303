// A path written in a config or a script (`./src/setup.ts`, `routes/home.tsx`, `/src/main.tsx`),
// looked up among a package's files the way bundlers do: as written, then with a source extension,
// then as a folder's index.
import path from "node:path";
import { typescript } from "../../engine/typescript-module.js";
import { sourceExtensions } from "../source-extensions.js";
import { codeTokens } from "./code-tokens.js";

/** The file `reference` names, relative to the folder `from` (both relative to the package), if any. */
export function resolveFileReference(reference: string, from: string, files: ReadonlySet<string>): string | undefined {
  const cleaned = reference.replace(/^<rootDir>\//, "").replace(/[?#].*$/, "");
  if (cleaned === "" || /^[a-z]+:/i.test(cleaned)) return undefined;
  const joined = path.posix.normalize(cleaned.startsWith("/") ? cleaned.slice(1) : path.posix.join(from, cleaned));
  if (joined.startsWith("../")) return undefined;
  if (files.has(joined)) return joined;
  const stem = joined.replace(/\.(c|m)?jsx?$/, "");
  for (const extension of sourceExtensions) {
    if (files.has(stem + extension)) return stem + extension;
  }
  for (const extension of sourceExtensions) {
    if (files.has(`${joined}/index${extension}`)) return `${joined}/index${extension}`;
  }
  return undefined;
}

/** Every string literal in a JS/TS `text`, in order (comments skipped; templates with substitutions are not literals). */
export function stringLiterals(text: string): string[] {
  const ts = typescript();
  return codeTokens(text, "jsx")
    .filter((token) => token.kind === ts.SyntaxKind.StringLiteral || token.kind === ts.SyntaxKind.NoSubstitutionTemplateLiteral)
    .map((token) => token.text);
}
