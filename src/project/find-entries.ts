// The roots of reachability: production entries (the config's `entry` globs, or what each
// package.json publishes, mapped from build output back to sources), the files frameworks and
// tools load by convention (one preset per framework, enabled by the package's dependencies),
// tool config files, and test files, kept apart so that code kept alive only by its tests can be
// told apart.
import path from "node:path";
import picomatch from "picomatch";
import type { EngineDiagnostic } from "../engine/engine-diagnostic.js";
import type { FrameworkPreset } from "./frameworks/framework-preset.js";
import { frameworkPresets } from "./frameworks/index.js";
import { escapeGlob } from "./frameworks/match-files.js";
import type { ProjectPackage } from "./project-package.js";
import { isRecord } from "./project-package.js";
import { publishedSources } from "./published-source.js";
import { sourceExtensions } from "./source-extensions.js";

/** The project's entry files, POSIX and relative to the root. */
export interface Entries {
  production: string[];
  tests: string[];
  /** Where the production entries came from, for messages. */
  source: "config" | "package.json" | "conventional";
  /** The presets that fired, in each package, and why. */
  presets: PresetFiring[];
}

/** One preset enabled in one package. */
export interface PresetFiring {
  preset: string;
  /** The package folder, relative to the root ("" for the root). */
  package: string;
  /** Why it fired: the dependency that enabled it. */
  reason: string;
  /** The entries it added, relative to the root. */
  production: string[];
  tests: string[];
}

/** What entry finding looks at. */
export interface EntryInput {
  /** The analysed directory, absolute. */
  root: string;
  /** The project's files (relative to the root). */
  files: readonly string[];
  /** Every file of the tree, sources or not. */
  listed: readonly string[];
  /** The root package first, then the workspace packages. */
  packages: readonly ProjectPackage[];
  /** The config's `entry` and `tests` globs. */
  entryGlobs: readonly string[];
  testGlobs: readonly string[];
  /** Reads a file of the tree (relative to the root) without awaiting; undefined when absent or not fetched yet. */
  readText(file: string): string | undefined;
  /** Fetches what `readText` lacked (a git tree); absent when `readText` never lacks anything (the disk). */
  fetchMisses?: () => Promise<boolean>;
}

/** Globs of test files: never production entries, always test entries. */
const testFileGlobs = [
  "**/*.{test,spec}.{ts,tsx,mts,cts,js,jsx,mjs,cjs}",
  // Stories are development tools wherever they live (a monorepo's Storybook app reads other packages').
  "**/*.{stories,story}.{ts,tsx,mts,cts,js,jsx,mjs,cjs}",
  "**/__tests__/**",
  "**/__mocks__/**",
  "test/**",
  "tests/**",
  "e2e/**",
];

/** Test folders at the top of a package. */
const packageTestFolders = ["test/**", "tests/**", "e2e/**"];

/** Tool configuration at a package's root (`vitest.config.ts`, `eslint.config.js`): loaded by tools, not imported. */
const toolConfigGlobs = ["*.config.{ts,mts,cts,js,mjs,cjs}", ".*rc.{ts,js,cjs,mjs}"];

/** When nothing else names an entry: the usual names of a program's entry. */
const conventionalEntries = ["src/index", "src/main", "index", "main", "src/app", "app", "src/server", "server"];

/** Rounds of fetching what presets read before settling for what was fetched. */
const maxRounds = 5;

/** Finds the entries among `input.files`, fetching what presets read until nothing is missing. */
export async function findEntries(input: EntryInput, diagnostics: EngineDiagnostic[]): Promise<Entries> {
  for (let round = 1; ; round++) {
    const roundDiagnostics: EngineDiagnostic[] = [];
    const entries = findEntriesSync(input, roundDiagnostics);
    if (!input.fetchMisses || !(await input.fetchMisses()) || round >= maxRounds) {
      diagnostics.push(...roundDiagnostics);
      return entries;
    }
  }
}

/** {@link findEntries} without awaiting: what `readText` lacks counts as absent. */
export function findEntriesSync(input: EntryInput, diagnostics: EngineDiagnostic[]): Entries {
  const { files, packages } = input;
  const fileSet = new Set(files);
  // `test/`, `tests/`, `e2e/` are test folders at the top of every package, not only of the root.
  const packageTestGlobs = packages.flatMap((pkg) =>
    pkg.directory === "" ? [] : packageTestFolders.map((folder) => `${escapeGlob(pkg.directory)}/${folder}`),
  );
  const isTest = picomatch([...testFileGlobs, ...packageTestGlobs, ...input.testGlobs], { dot: true });
  const namedTests = new Set(files.filter((f) => isTest(f)));
  const tests = new Set(namedTests);
  const production = new Set<string>();
  const presets: PresetFiring[] = [];
  const folders = packages.map((p) => p.directory);
  const ownerOf = (file: string): string => deepestFolder(file, folders);

  let configured = 0;
  if (input.entryGlobs.length > 0) {
    const isEntry = picomatch([...input.entryGlobs], { dot: true });
    for (const file of files) if (isEntry(file)) production.add(file);
    configured = production.size;
    if (configured === 0) diagnostics.push({ message: `no file matches the entry globs ${input.entryGlobs.join(", ")}` });
  }

  let published = 0;
  for (const pkg of packages) {
    const own = files.filter((f) => ownerOf(f) === pkg.directory);
    const within = (f: string): string => path.posix.normalize(pkg.directory === "" ? f : `${pkg.directory}/${f}`);
    const local = (f: string): string => (pkg.directory === "" ? f : f.slice(pkg.directory.length + 1));
    if (input.entryGlobs.length === 0) {
      const context = {
        packageDirectory: pkg.directory,
        files,
        fileSet,
        outDir: relativeOption(pkg.compilerOptions.outDir, input),
        rootDir: relativeOption(pkg.compilerOptions.rootDir, input),
      };
      for (const target of packageEntryPaths(pkg.manifest)) {
        for (const file of publishedSources(target, context)) {
          production.add(file);
          published++;
        }
      }
    }
    const isToolConfig = picomatch(toolConfigGlobs, { dot: true });
    for (const file of own) if (isToolConfig(local(file))) production.add(file);

    const listedHere = input.listed.filter((f) => pkg.directory === "" || f.startsWith(`${pkg.directory}/`)).filter((f) => ownerOf(f) === pkg.directory);
    for (const preset of frameworkPresets) {
      const reason = enablingReason(preset, pkg);
      if (reason === undefined) continue;
      const added = preset.entries({
        directory: pkg.directory,
        files: own.map(local),
        listed: listedHere.map(local),
        manifest: pkg.manifest,
        dependencies: pkg.dependencies,
        projectFiles: files,
        readText: (file) => input.readText(within(file)),
      });
      const firing: PresetFiring = {
        preset: preset.name,
        package: pkg.directory,
        reason,
        production: unique(added.production.map(within).filter((f) => fileSet.has(f))),
        tests: unique(added.tests.map(within).filter((f) => fileSet.has(f))),
      };
      for (const file of firing.production) production.add(file);
      for (const file of firing.tests) tests.add(file);
      presets.push(firing);
    }
  }

  // A test file by name is never a production entry; a preset's test entry (a setup file) yields to one.
  const named = [...production].filter((f) => !namedTests.has(f));
  const hasEntries = presets.some((p) => p.production.length > 0) || configured > 0 || published > 0;
  let source: Entries["source"] = configured > 0 || input.entryGlobs.length > 0 ? "config" : "package.json";
  if (!hasEntries) {
    source = "conventional";
    const conventional = packages.flatMap((pkg) => {
      const base = pkg.directory === "" ? "" : `${pkg.directory}/`;
      for (const name of conventionalEntries) {
        const file = sourceExtensions.map((ext) => base + name + ext).find((f) => fileSet.has(f));
        if (file) return [file];
      }
      return [];
    });
    if (conventional.length === 0) {
      diagnostics.push({
        message:
          'no entry found (no package.json names one, no framework preset applies, and there is no src/index or index file); set "entry" in the config',
      });
    }
    named.push(...conventional);
  }
  const productionSet = new Set(named);
  return { production: unique(named), tests: unique([...tests].filter((f) => !productionSet.has(f))), source, presets };
}

/** Why `preset` applies to `pkg`, or undefined when it does not. */
function enablingReason(preset: FrameworkPreset, pkg: ProjectPackage): string | undefined {
  const where = pkg.directory === "" ? "package.json" : `${pkg.directory}/package.json`;
  if (preset.dependencies.length === 0) return "always on";
  for (const wanted of preset.dependencies) {
    const found = wanted.endsWith("*")
      ? [...pkg.dependencies].find((name) => name.startsWith(wanted.slice(0, -1)))
      : pkg.dependencies.has(wanted)
        ? wanted
        : undefined;
    if (found !== undefined) return `"${found}" in ${where}`;
  }
  return undefined;
}

/** Paths package.json publishes: `main`, `module`, `browser`, `source`, `bin`, and every `exports` target. */
function packageEntryPaths(manifest: Record<string, unknown>): string[] {
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

/** A compiler option's path (absolute) relative to the analysed root, when it is inside. */
function relativeOption(option: string | undefined, input: EntryInput): string | undefined {
  if (option === undefined) return undefined;
  const relative = path.posix.relative(input.root.split(path.sep).join("/"), option.split(path.sep).join("/"));
  return relative.startsWith("../") || path.posix.isAbsolute(relative) ? undefined : relative;
}

function deepestFolder(file: string, folders: readonly string[]): string {
  let best = "";
  for (const folder of folders) if (folder !== "" && file.startsWith(`${folder}/`) && folder.length > best.length) best = folder;
  return best;
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)].sort();
}
