// Values read from a tool's config file without running it: `key: "value"` and `key: ["a", "b"]`
// written as literals, which is how `appDirectory`, `testDir` or `pageExtensions` are written in
// practice. A value computed at run time is not seen; the preset's default applies then.
import { stringLiterals } from "./file-reference.js";

/** The string literal given to `key` (`key: "value"`, `"key": "value"` in JSON), if any. */
export function stringValue(text: string, key: string): string | undefined {
  const match = new RegExp(`${keyPattern(key)}\\s*:\\s*(["'\`])([^"'\`\\n]*)\\1`).exec(text);
  return match?.[2];
}

/** The string literals of the array given to `key` (`key: ["a", "b"]`), or undefined. */
export function stringArrayValue(text: string, key: string): string[] | undefined {
  const match = new RegExp(`${keyPattern(key)}\\s*:\\s*\\[([^\\]]*)\\]`).exec(text);
  return match?.[1] === undefined ? undefined : stringLiterals(match[1]);
}

/** `key` as a property name, bare or quoted, not the end of a longer name. */
function keyPattern(key: string): string {
  return `(?:^|[^\\w$])["']?${key}["']?`;
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
export async function readFirstConfig(
  listed: readonly string[],
  names: readonly string[],
  readText: (file: string) => Promise<string | undefined>,
): Promise<{ file: string; text: string } | undefined> {
  const file = firstPresent(listed, names);
  if (file === undefined) return undefined;
  const text = await readText(file);
  return text === undefined ? undefined : { file, text };
}
