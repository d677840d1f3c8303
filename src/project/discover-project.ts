// Project discovery, one code path for the working tree and every git revision: the files (from
// each tsconfig, else every source file), the compiler options each file is resolved with, and the
// workspace packages of a monorepo. It reads only through a ProjectFileSystem, and without
// awaiting: over the disk it runs synchronously (the ESLint rules cannot await); over a git tree a
// round notes the files it lacked, they are fetched, and the round runs again.
import path from "node:path";
import picomatch from "picomatch";
import type ts from "typescript";
import type { EngineDiagnostic } from "../engine/engine-diagnostic.js";
import { matchWorkspaceFolders, workspaceManifests, workspacePatterns } from "./find-workspaces.js";
import { PrefetchedFiles } from "./prefetched-files.js";
import type { ProjectFileSystem, SyncProjectFileSystem } from "./project-file-system.js";
import type { ProjectPackage } from "./project-package.js";
import { dependencyNames, isRecord } from "./project-package.js";
import type { ParsedTsconfig } from "./read-tsconfig.js";
import { readTsconfig } from "./read-tsconfig.js";

/** What discovery found: the project's files and how to resolve their imports. */
export interface ProjectLayout {
  /** The project's source files, POSIX and relative to the root, sorted. */
  files: string[];
  /** Every file of the tree (relative), sources or not: entries look for `index.html` and configs in it. */
  listed: string[];
  /** The root tsconfig used, relative to the root; undefined when the root's files were globbed. */
  tsconfig: string | undefined;
  /** The root tsconfig's compiler options. */
  compilerOptions: ts.CompilerOptions;
  /** The compiler options that resolve the imports of `file`: those of the tsconfig that selects it. */
  compilerOptionsOf(file: string): ts.CompilerOptions;
  /** The root package first (folder ""), then each workspace package, by folder. */
  packages: ProjectPackage[];
  /**
   * Reads a file of the tree (relative), for entries and presets, without awaiting; undefined when
   * absent, or when not fetched yet (then `fetchMisses` fetches it for another round).
   */
  readText(file: string): string | undefined;
  /** Fetches the files read and not yet fetched since the last call; false when there were none. */
  fetchMisses(): Promise<boolean>;
  /** Every file discovery read or looked for (absolute POSIX paths): what the layout depends on. */
  consulted(): string[];
}

/** What to look for. */
export interface DiscoverOptions {
  /** The tsconfig the config names (absolute); without it, `<root>/tsconfig.json` if present. */
  project: string | undefined;
  /** The config's `ignore` globs. */
  ignore: readonly string[];
}

/** Extensions deadflag analyses. */
const sourcePattern = /\.(?:[cm]?tsx?|[cm]?jsx?)$/;
const alwaysIgnored = ["**/node_modules/**", "**/.git/**", "**/*.d.ts", "**/*.d.mts", "**/*.d.cts"];
/** Without a tsconfig: build output, coverage, minified bundles and dot-folders are not sources. */
const notSourceWithoutTsconfig = ["**/dist/**", "**/build/**", "**/coverage/**", "**/*.min.js", "**/.*/**"];
const tsconfigNames = ["tsconfig.json", "jsconfig.json"];
/** Rounds of fetching before discovery settles for what it has (an `extends` chain takes two or three). */
const maxRounds = 10;
/** Files every round reads first: fetched together before the first round. */
const manifestPattern = /(?:^|\/)(?:package\.json|[tj]sconfig(?:\.[^/]*)?\.json|pnpm-workspace\.yaml)$/;

/** A tsconfig's folder and what it selects. */
interface TsconfigScope {
  /** Folder of the tsconfig, relative to the root ("" for the root). */
  directory: string;
  options: ts.CompilerOptions;
  files: Set<string>;
}

/** Discovers the project in `fileSystem`, fetching what each round lacked until nothing is. */
export async function discoverProject(
  fileSystem: ProjectFileSystem,
  options: DiscoverOptions,
  diagnostics: EngineDiagnostic[],
): Promise<ProjectLayout> {
  const root = toPosix(fileSystem.root);
  const listed = await fileSystem.listFiles(diagnostics);
  const prefetched = new PrefetchedFiles(fileSystem, new Set(listed));
  if (!fileSystem.readFileSync) await Promise.all(listed.filter((f) => manifestPattern.test(f)).map((f) => prefetched.read(`${root}/${f}`)));
  for (let round = 1; ; round++) {
    const roundDiagnostics: EngineDiagnostic[] = [];
    const layout = discoverListed(root, listed, prefetched, options, roundDiagnostics);
    if (!(await prefetched.fetchMisses()) || round >= maxRounds) {
      diagnostics.push(...roundDiagnostics);
      return layout;
    }
  }
}

/** {@link discoverProject} without awaiting, over a file system that reads synchronously. */
export function discoverProjectSync(
  fileSystem: SyncProjectFileSystem,
  options: DiscoverOptions,
  diagnostics: EngineDiagnostic[],
): ProjectLayout {
  const listed = fileSystem.listFilesSync(diagnostics);
  return discoverListed(toPosix(fileSystem.root), listed, new PrefetchedFiles(fileSystem, new Set(listed)), options, diagnostics);
}

/** One round of discovery over the listing `listed` of the tree at `root`. */
function discoverListed(
  root: string,
  listed: string[],
  prefetched: PrefetchedFiles,
  options: DiscoverOptions,
  diagnostics: EngineDiagnostic[],
): ProjectLayout {
  const listedSet = new Set(listed);
  const readText = (file: string): string | undefined => (listedSet.has(file) ? prefetched.textOf(`${root}/${file}`) : undefined);

  const manifestTexts = new Map<string, string>();
  for (const name of workspaceManifests) {
    const text = readText(name);
    if (text !== undefined) manifestTexts.set(name, text);
  }
  const workspaceFolders = matchWorkspaceFolders(workspacePatterns(manifestTexts, diagnostics), listed);
  const packages = ["", ...workspaceFolders].map((directory) => readPackage(directory, readText, diagnostics));
  prefetched.setWorkspaceFolders(
    new Map(packages.flatMap((p) => (p.workspace && p.name !== undefined ? [[p.name, `${root}/${p.directory}`]] : []))),
  );

  const absoluteListing = listed.map((file) => `${root}/${file}`);
  const seen = new Set<string>();
  const scopes: TsconfigScope[] = [];
  const readScope = (file: string): ParsedTsconfig | undefined => {
    if (seen.has(file)) return undefined;
    seen.add(file);
    const display = relativeTo(root, file) ?? file;
    const parsed = readTsconfig(file, display, prefetched, absoluteListing, diagnostics);
    if (!parsed) return undefined;
    // JSON files a tsconfig includes (`**/*.json`) are data, not sources.
    const files = new Set(
      parsed.fileNames.flatMap((name) => relativeTo(root, name) ?? []).filter((f) => listedSet.has(f) && sourcePattern.test(f)),
    );
    const directory = path.posix.dirname(relativeTo(root, file) ?? ".");
    scopes.push({ directory: directory === "." ? "" : directory, options: parsed.options, files });
    for (const reference of parsed.references) readScope(reference);
    return parsed;
  };

  const rootTsconfigPath = options.project === undefined ? findTsconfig("", listedSet) : toPosix(path.resolve(options.project));
  const rootParsed = rootTsconfigPath === undefined ? undefined : readScope(absoluteOf(root, rootTsconfigPath));
  const rootOptions = rootParsed?.options ?? {};
  const globbedFolders: string[] = rootParsed ? [] : [""];
  for (const pkg of packages) {
    if (!pkg.workspace) continue;
    const own = findTsconfig(pkg.directory, listedSet);
    const parsed = own === undefined ? undefined : readScope(`${root}/${own}`);
    pkg.compilerOptions = parsed?.options ?? rootOptions;
    if (!parsed) globbedFolders.push(pkg.directory);
  }
  const rootPackage = packages[0];
  if (rootPackage) rootPackage.compilerOptions = rootOptions;

  const selected = new Set<string>();
  for (const scope of scopes) for (const file of scope.files) selected.add(file);
  // Folders without a usable tsconfig: every source file, less what a deeper tsconfig already covers.
  const coveredFolders = scopes.map((s) => s.directory).filter((d) => !globbedFolders.includes(d));
  const isNotSource = picomatch(notSourceWithoutTsconfig, { dot: true });
  for (const folder of globbedFolders) {
    for (const file of listed) {
      if (!isInside(file, folder) || !sourcePattern.test(file) || isNotSource(file)) continue;
      const owner = deepestFolder(file, [...globbedFolders, ...coveredFolders]);
      if (owner === folder) selected.add(file);
    }
  }
  const isIgnored = picomatch([...alwaysIgnored, ...options.ignore], { dot: true });
  const files = [...selected].filter((f) => !isIgnored(f)).sort();

  const optionsByFile = new Map<string, ts.CompilerOptions>();
  const byDepth = [...scopes].sort((a, b) => depth(b.directory) - depth(a.directory));
  for (const file of files) {
    const scope =
      byDepth.find((s) => s.files.has(file) && isInside(file, s.directory)) ??
      byDepth.find((s) => s.files.has(file)) ??
      byDepth.find((s) => isInside(file, s.directory));
    if (scope) optionsByFile.set(file, scope.options);
  }
  return {
    files,
    listed,
    tsconfig: rootParsed ? relativeTo(root, rootParsed.file) : undefined,
    compilerOptions: rootOptions,
    compilerOptionsOf: (file) => optionsByFile.get(file) ?? rootOptions,
    packages,
    readText,
    fetchMisses: () => prefetched.fetchMisses(),
    consulted: () => prefetched.consulted(),
  };
}

function readPackage(directory: string, readText: (file: string) => string | undefined, diagnostics: EngineDiagnostic[]): ProjectPackage {
  const file = directory === "" ? "package.json" : `${directory}/package.json`;
  const text = readText(file);
  let manifest: Record<string, unknown> = {};
  if (text !== undefined) {
    try {
      const value: unknown = JSON.parse(text);
      if (isRecord(value)) manifest = value;
    } catch (error) {
      diagnostics.push({ file, message: `not valid JSON (${error instanceof Error ? error.message : String(error)}); its entries are not read` });
    }
  }
  const name = typeof manifest["name"] === "string" ? manifest["name"] : undefined;
  return { directory, name, manifest, dependencies: dependencyNames(manifest), workspace: directory !== "", compilerOptions: {} };
}

function findTsconfig(directory: string, listed: ReadonlySet<string>): string | undefined {
  return tsconfigNames.map((name) => (directory === "" ? name : `${directory}/${name}`)).find((file) => listed.has(file));
}

/** The deepest of `folders` that contains `file`. */
function deepestFolder(file: string, folders: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const folder of folders) if (isInside(file, folder) && (best === undefined || folder.length > best.length)) best = folder;
  return best;
}

function isInside(file: string, folder: string): boolean {
  return folder === "" || file.startsWith(`${folder}/`);
}

function depth(folder: string): number {
  return folder === "" ? 0 : folder.split("/").length;
}

function absoluteOf(root: string, file: string): string {
  return path.posix.isAbsolute(file) ? file : `${root}/${file}`;
}

/** `file` relative to `root`, or undefined when it is outside. */
function relativeTo(root: string, file: string): string | undefined {
  const relative = path.posix.relative(root, toPosix(file));
  return relative === "" || relative.startsWith("../") || path.posix.isAbsolute(relative) ? undefined : relative;
}

function toPosix(p: string): string {
  return p.split(path.sep).join("/");
}
