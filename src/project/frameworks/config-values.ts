// Values read from a tool's config file without running it: `key: "value"` and `key: ["a", "b"]`
// written as literals, which is how `appDirectory`, `testDir` or `pageExtensions` are written in
// practice. A value computed at run time is not seen; the preset's default applies then.
import type ts from "typescript";
import { typescript } from "../../engine/typescript-module.js";
import type { CodeToken as Token } from "./code-tokens.js";
import { codeTokens } from "./code-tokens.js";

/** The string literal given to `key` (`key: "value"`, `"key": "value"` in JSON), if any. */
export function stringValue(text: string, key: string): string | undefined {
  const tokens = codeTokens(text);
  for (let at = 0; at + 2 < tokens.length; at++) {
    if (!isKey(tokens, at, key)) continue;
    const value = tokens[at + 2];
    if (value && isString(value.kind)) return value.text;
  }
  return undefined;
}

/** The string literals of the array given to `key` (`key: ["a", "b"]`), or undefined. */
export function stringArrayValue(text: string, key: string): string[] | undefined {
  const ts = typescript();
  const tokens = codeTokens(text);
  for (let at = 0; at + 2 < tokens.length; at++) {
    if (!isKey(tokens, at, key) || tokens[at + 2]?.kind !== ts.SyntaxKind.OpenBracketToken) continue;
    const values: string[] = [];
    let depth = 0;
    for (let next = at + 2; next < tokens.length; next++) {
      const token = tokens[next];
      if (!token) break;
      if (token.kind === ts.SyntaxKind.OpenBracketToken) depth++;
      else if (token.kind === ts.SyntaxKind.CloseBracketToken && --depth === 0) break;
      else if (depth === 1 && isString(token.kind)) values.push(token.text);
    }
    return values;
  }
  return undefined;
}

/**
 * Every string literal in the value of each `key` (`entry: "a.ts"`, `input: { main: resolve(__dirname, "b.ts") }`,
 * `setupFiles: ["c.ts"]`): the tokens after `key:` up to the comma or bracket that ends the value.
 */
export function valueLiterals(text: string, key: string): string[] {
  const ts = typescript();
  const tokens = codeTokens(text);
  const opening = new Set([ts.SyntaxKind.OpenParenToken, ts.SyntaxKind.OpenBracketToken, ts.SyntaxKind.OpenBraceToken]);
  const closing = new Set([ts.SyntaxKind.CloseParenToken, ts.SyntaxKind.CloseBracketToken, ts.SyntaxKind.CloseBraceToken]);
  const literals: string[] = [];
  for (let at = 0; at + 2 < tokens.length; at++) {
    if (!isKey(tokens, at, key)) continue;
    let depth = 0;
    for (let next = at + 2; next < tokens.length; next++) {
      const token = tokens[next];
      if (!token) break;
      if (opening.has(token.kind)) depth++;
      else if (closing.has(token.kind) && --depth < 0) break;
      else if (depth === 0 && token.kind === ts.SyntaxKind.CommaToken) break;
      else if (isString(token.kind)) literals.push(token.text);
    }
  }
  return literals;
}


/** Whether the tokens at `at` are `key :` (the key bare or quoted). */
function isKey(tokens: readonly Token[], at: number, key: string): boolean {
  const ts = typescript();
  const name = tokens[at];
  if (!name || name.text !== key) return false;
  if (name.kind !== ts.SyntaxKind.Identifier && !isString(name.kind)) return false;
  return tokens[at + 1]?.kind === ts.SyntaxKind.ColonToken;
}

function isString(kind: ts.SyntaxKind): boolean {
  const ts = typescript();
  return kind === ts.SyntaxKind.StringLiteral || kind === ts.SyntaxKind.NoSubstitutionTemplateLiteral;
}

/** The first of `names` (package-relative) that `files` holds. */
function firstPresent(files: readonly string[], names: readonly string[]): string | undefined {
  const fileSet = new Set(files);
  return names.find((name) => fileSet.has(name));
}

/** Each of `stems` with every config extension: `next.config` → `next.config.js`, `.mjs`, `.ts`… */
export function configFileNames(stems: readonly string[]): string[] {
  return stems.flatMap((stem) => ["ts", "mts", "cts", "js", "mjs", "cjs"].map((ext) => `${stem}.${ext}`));
}

/** The text of the first config file among `names` that the package has. */
export function readFirstConfig(
  listed: readonly string[],
  names: readonly string[],
  readText: (file: string) => string | undefined,
): { file: string; text: string } | undefined {
  const file = firstPresent(listed, names);
  if (file === undefined) return undefined;
  const text = readText(file);
  return text === undefined ? undefined : { file, text };
}
