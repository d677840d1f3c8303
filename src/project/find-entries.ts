// The roots of reachability: production entries (the config's `entry` globs, or what package.json
// publishes, mapped from build output back to sources), tool config files at the root, and test
// files, which are kept apart so that code kept alive only by its tests can be told apart.
import { readFileSync } from "node:fs";
import path from "node:path";
import picomatch from "picomatch";
import type { EngineDiagnostic } from "../engine/engine-diagnostic.js";

/** The project's entry files, POSIX and relative to the root. */
export interface Entries {
  production: string[];
  tests: string[];
  /** Where the production entries came from, for messages. */
  source: "config" | "package.json" | "conventional";
}

/** Globs of test files: never production entries, always test entries. */
const testFileGlobs = [
  "**/*.{test,spec}.{ts,tsx,mts,cts,js,jsx,mjs,cjs}",
  "**/__tests__/**",
  "**/__mocks__/**",
  "test/**",
  "tests/**",
  "e2e/**",
];

/** Tool configuration at the root (`vitest.config.ts`, `eslint.config.js`): loaded by tools, not imported. */
const toolConfigGlobs = ["*.config.{ts,mts,cts,js,mjs,cjs}", ".*rc.{ts,js,cjs,mjs}"];

/** When package.json says nothing usable: the usual names of a program's entry. */
const conventionalEntries = ["src/index", "src/main", "index", "main", "src/app", "app", "src/server", "server"];

const sourceExtensions = [".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"];
const buildDirectories = ["dist/", "build/", "lib/", "out/", "esm/", "cjs/"];
/** Per-format folders inside a build directory: `dist/cjs/index.js`, `dist/esm5/index.js` (rxjs). */
const formatDirectories = ["cjs/", "esm/", "esm5/", "esm2015/", "es2015/", "es5/", "es6/", "mjs/", "umd/", "types/", "node/", "browser/", "module/", "commonjs/"];

/** Finds the entries among `files` (the project's files, relative to `root`). */
export function findEntries(
  root: string,
  files: readonly string[],
  entryGlobs: readonly string[],
  diagnostics: EngineDiagnostic[],
): Entries {
  const fileSet = new Set(files);
  const isTest = picomatch(testFileGlobs, { dot: true });
  const tests = files.filter((f) => isTest(f));
  const isToolConfig = picomatch(toolConfigGlobs, { dot: true });
  const toolConfigs = files.filter((f) => isToolConfig(f));
  if (entryGlobs.length > 0) {
    const isEntry = picomatch([...entryGlobs], { dot: true });
    const production = files.filter((f) => isEntry(f));
    if (production.length === 0) diagnostics.push({ message: `no file matches the entry globs ${entryGlobs.join(", ")}` });
    return { production: unique([...production, ...toolConfigs]), tests, source: "config" };
  }
  const published = packageEntryPaths(root).flatMap((p) => sourcesFor(p, files, fileSet));
  if (published.length > 0) return { production: unique([...published, ...toolConfigs]), tests, source: "package.json" };
  const conventional = conventionalEntries.flatMap((base) => {
    const file = sourceExtensions.map((ext) => base + ext).find((f) => fileSet.has(f));
    return file ? [file] : [];
  });
  if (conventional.length === 0) {
    diagnostics.push({
      message: 'no entry found (package.json names none, and there is no src/index or index file); set "entry" in the config',
    });
  }
  return { production: unique([...conventional.slice(0, 1), ...toolConfigs]), tests, source: "conventional" };
}

/** Paths package.json publishes: `main`, `module`, `browser`, `bin`, and every `exports` target. */
function packageEntryPaths(root: string): string[] {
  let manifest: unknown;
  try {
    manifest = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
  } catch {
    return [];
  }
  if (!isRecord(manifest)) return [];
  const paths: string[] = [];
  for (const field of ["main", "module", "browser", "source"]) {
    const value = manifest[field];
    if (typeof value === "string") paths.push(value);
  }
  const bin = manifest["bin"];
  if (typeof bin === "string") paths.push(bin);
  else if (isRecord(bin)) paths.push(...Object.values(bin).filter((v) => typeof v === "string"));
  collectExportTargets(manifest["exports"], paths);
  return paths;
}

/** Conditional exports nest: `{ ".": { "import": { "types": …, "default": … } } }`. */
function collectExportTargets(value: unknown, into: string[]): void {
  if (typeof value === "string") into.push(value);
  else if (Array.isArray(value)) for (const item of value) collectExportTargets(item, into);
  else if (isRecord(value)) for (const [key, item] of Object.entries(value)) if (key !== "types") collectExportTargets(item, into);
}

/**
 * The source files behind a published path: itself when it is a source file of the project, else
 * the same path with the build directory (and a per-format folder in it) swapped for the source
 * (`dist/src/cli/main.js` → `src/cli/main.ts`, `dist/cjs/index.js` → `src/index.ts`, `./index.js`
 * → `src/index.ts`) and `.js` for `.ts`. A subpath pattern (`./internal/*`) publishes every file
 * it matches, `*` standing for any part of a path as in Node's `exports`.
 */
function sourcesFor(published: string, files: readonly string[], fileSet: ReadonlySet<string>): string[] {
  const normal = path.posix.normalize(published.replace(/^\.\//, ""));
  if (normal.endsWith(".d.ts") || normal.endsWith(".json") || /\.d\.[cm]ts$/.test(normal)) return [];
  if (fileSet.has(normal)) return [normal];
  const stem = normal.replace(/\.(c|m)?jsx?$|\.(c|m)?tsx?$/, "");
  const stems = [stem];
  for (const dir of buildDirectories) {
    if (!stem.startsWith(dir)) continue;
    const rest = stem.slice(dir.length);
    const unformatted = formatDirectories.filter((format) => rest.startsWith(format)).map((format) => rest.slice(format.length));
    for (const inner of [rest, ...unformatted]) stems.push(inner, `src/${inner}`, `src/${inner.replace(/^src\//, "")}`);
  }
  if (!stem.startsWith("src/")) stems.push(`src/${stem}`);
  if (!normal.includes("*")) {
    for (const candidate of stems) {
      for (const ext of sourceExtensions) {
        if (fileSet.has(candidate + ext)) return [candidate + ext];
        if (fileSet.has(`${candidate}/index${ext}`)) return [`${candidate}/index${ext}`];
      }
    }
    return [];
  }
  for (const candidate of stems) {
    const pattern = new RegExp(`^${candidate.split("*").map(escapeRegExp).join(".+")}(?:\\.[cm]?[jt]sx?)$`);
    const matched = files.filter((file) => pattern.test(file) && !/\.d\.[cm]?ts$/.test(file));
    if (matched.length > 0) return matched;
  }
  return [];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/g, "\\$&");
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)].sort();
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
