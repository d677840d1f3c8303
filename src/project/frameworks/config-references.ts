// Files a tool's config names as literals (`setupFiles: ["./test/setup.ts"]`, `lib.entry`,
// `globalSetup`): the tool loads them, nothing imports them.
import path from "node:path";
import { resolveFileReference, stringLiterals } from "./file-reference.js";

const sourceFile = /\.[cm]?[jt]sx?$/;

/** The package files that string literals with a source extension in `text` (the config at `configFile`) name. */
export function configReferences(text: string, configFile: string, files: readonly string[]): string[] {
  const fileSet = new Set(files);
  const from = path.posix.dirname(configFile) === "." ? "" : path.posix.dirname(configFile);
  return stringLiterals(text).flatMap((literal) => {
    if (!sourceFile.test(literal.replace(/[?#].*$/, ""))) return [];
    const file = resolveFileReference(literal, from, fileSet);
    return file === undefined || file === configFile ? [] : [file];
  });
}
