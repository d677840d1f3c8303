// Module specifiers → project files or package names, with TypeScript's own resolver (so `paths`,
// `baseUrl`, index files and `.js`-for-`.ts` imports behave as in the user's build), over a fixed
// file set rather than the disk: the same resolver serves the working tree and any git revision.
import path from "node:path";
import type ts from "typescript";
import { typescript } from "../engine/typescript-module.js";
import type { ProjectPackage } from "../project/project-package.js";
import { isRecord } from "../project/project-package.js";
import { publishedSources } from "../project/published-source.js";

/** What a specifier resolves to: a file of the project, an outside package, or nothing known. */
export type ResolvedModule =
  | { kind: "file"; file: string }
  | { kind: "package"; name: string }
  | { kind: "unresolved" };

/** Resolves import specifiers between the files of one project snapshot. */
export interface ModuleResolver {
  resolve(fromFile: string, specifier: string): ResolvedModule;
}

const jsonExtension = ".json";

/** Per-file compiler options and the workspace packages of a monorepo. */
export interface ResolverSettings {
  /** The options of the tsconfig that selects `file` (a package's own `paths`); default: the shared options. */
  compilerOptionsOf?: (file: string) => ts.CompilerOptions;
  /** Workspace packages: imported by name, they resolve to their sources. */
  packages?: readonly ProjectPackage[];
}

/**
 * A resolver over `files` (POSIX paths relative to `root`). Compiler options come from the user's
 * tsconfig; module resolution is forced to `bundler`, the most permissive mode, because deadflag
 * must follow every import the user's toolchain can follow.
 */
export function createModuleResolver(
  root: string,
  files: readonly string[],
  compilerOptions: ts.CompilerOptions = {},
  settings: ResolverSettings = {},
): ModuleResolver {
  const ts = typescript();
  const absoluteRoot = path.resolve(root);
  const fileSet = new Set(files.map((f) => path.posix.join(toPosix(absoluteRoot), f)));
  const directories = new Set<string>();
  for (const file of fileSet) {
    for (let dir = path.posix.dirname(file); !directories.has(dir); dir = path.posix.dirname(dir)) {
      directories.add(dir);
      if (dir === path.posix.dirname(dir)) break;
    }
  }
  const forced = (own: ts.CompilerOptions): ts.CompilerOptions => ({
    ...own,
    allowJs: true,
    resolveJsonModule: true,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    allowArbitraryExtensions: true,
  });
  const options = forced(compilerOptions);
  // The packages' manifests, so that `imports` (`#app/*`), `exports` and `main` resolve as in Node.
  const manifests = new Map(
    (settings.packages ?? []).map((p) => [path.posix.join(toPosix(absoluteRoot), p.directory, "package.json"), JSON.stringify(p.manifest)]),
  );
  const host: ts.ModuleResolutionHost = {
    fileExists: (file) => fileSet.has(toPosix(file)) || manifests.has(toPosix(file)),
    directoryExists: (dir) => directories.has(toPosix(dir).replace(/\/$/, "")),
    readFile: (file) => manifests.get(toPosix(file)),
    getCurrentDirectory: () => toPosix(absoluteRoot),
  };
  const cache = ts.createModuleResolutionCache(toPosix(absoluteRoot), (f) => f, options);
  // One resolution cache per distinct options object: each package's tsconfig has its own `paths`.
  const perOptions = new Map<ts.CompilerOptions, { options: ts.CompilerOptions; cache: ts.ModuleResolutionCache }>();
  const settingsFor = (file: string): { options: ts.CompilerOptions; cache: ts.ModuleResolutionCache } => {
    const own = settings.compilerOptionsOf?.(file);
    if (own === undefined || own === compilerOptions) return { options, cache };
    let known = perOptions.get(own);
    if (!known) {
      const ownOptions = forced(own);
      known = { options: ownOptions, cache: ts.createModuleResolutionCache(toPosix(absoluteRoot), (f) => f, ownOptions) };
      perOptions.set(own, known);
    }
    return known;
  };
  /** Resolutions by importing file, then specifier. */
  const memo = new Map<string, Map<string, ResolvedModule>>();
  const rootPrefix = `${toPosix(absoluteRoot)}/`;
  const workspace = workspaceResolver(toPosix(absoluteRoot), settings.packages ?? [], files, (fromFile, specifier) => {
    const own = settingsFor(fromFile);
    const resolved = ts.resolveModuleName(specifier, rootPrefix + fromFile, own.options, host, own.cache).resolvedModule;
    return resolved && resolved.resolvedFileName.startsWith(rootPrefix) && fileSet.has(resolved.resolvedFileName)
      ? resolved.resolvedFileName.slice(rootPrefix.length)
      : undefined;
  });

  return {
    resolve(fromFile, specifier) {
      let inFile = memo.get(fromFile);
      if (!inFile) {
        inFile = new Map();
        memo.set(fromFile, inFile);
      }
      const known = inFile.get(specifier);
      if (known) return known;
      const containing = rootPrefix + fromFile;
      let result: ResolvedModule;
      const own = settingsFor(fromFile);
      const resolved = ts.resolveModuleName(specifier, containing, own.options, host, own.cache).resolvedModule;
      const inWorkspace = isRelative(specifier) ? undefined : workspace(specifier);
      if (resolved && resolved.resolvedFileName.startsWith(rootPrefix) && fileSet.has(resolved.resolvedFileName)) {
        result = { kind: "file", file: resolved.resolvedFileName.slice(rootPrefix.length) };
      } else if (inWorkspace !== undefined) {
        result = { kind: "file", file: inWorkspace };
      } else if (specifier.endsWith(jsonExtension) && isRelative(specifier)) {
        const file = path.posix.join(path.posix.dirname(fromFile), specifier);
        result = fileSet.has(rootPrefix + file) ? { kind: "file", file } : { kind: "unresolved" };
      } else if (isRelative(specifier) || path.isAbsolute(specifier)) {
        result = { kind: "unresolved" };
      } else {
        result = { kind: "package", name: packageNameOf(specifier) };
      }
      inFile.set(specifier, result);
      return result;
    },
  };
}

/**
 * Resolves `@scope/pkg` and `@scope/pkg/sub` to the source file of a workspace package: through
 * its `exports` (conditions in the order a bundler prefers them), else `source`/`types`/`module`/
 * `main` for the package itself and the subpath as a path for the others, each mapped back from
 * build output to source through the package's `outDir`/`rootDir`.
 */
function workspaceResolver(
  root: string,
  packages: readonly ProjectPackage[],
  files: readonly string[],
  resolveRelative: (fromFile: string, specifier: string) => string | undefined,
): (specifier: string) => string | undefined {
  const byName = new Map(packages.flatMap((p) => (p.workspace && p.name !== undefined ? [[p.name, p] as const] : [])));
  if (byName.size === 0) return () => undefined;
  const fileSet = new Set(files);
  return (specifier) => {
    const name = packageNameOf(specifier);
    const pkg = byName.get(name);
    if (!pkg) return undefined;
    const subpath = specifier === name ? "." : `.${specifier.slice(name.length)}`;
    const context = {
      packageDirectory: pkg.directory,
      files,
      fileSet,
      outDir: relativeOption(root, pkg.compilerOptions.outDir),
      rootDir: relativeOption(root, pkg.compilerOptions.rootDir),
      declarations: true,
    };
    const exportsField = pkg.manifest["exports"];
    const targets =
      exportsField === undefined
        ? subpath === "."
          ? ["source", "types", "typings", "module", "main"].flatMap((field) => stringField(pkg.manifest, field))
          : []
        : exportTargets(exportsField, subpath);
    for (const target of targets) {
      const found = publishedSources(target, context)[0];
      if (found !== undefined) return found;
    }
    if (exportsField !== undefined && targets.length > 0) return undefined;
    // No `exports`: a subpath is a path inside the package, `.` its index.
    const base = pkg.directory === "" ? "" : `${pkg.directory}/`;
    const from = `${base}__deadflag_resolve__.ts`;
    const relative = resolveRelative(from, subpath === "." ? "./" : subpath);
    return relative ?? publishedSources(subpath, context)[0];
  };
}

/** Conditions in the order they are tried: sources first, then what bundlers and Node pick. */
const conditionOrder = ["source", "development", "types", "import", "module", "browser", "node", "default", "require"];

/** The targets `exports` gives `subpath` (`.`, `./sub`), `*` patterns expanded, best condition first. */
function exportTargets(exportsField: unknown, subpath: string): string[] {
  const isConditions = isRecord(exportsField) && Object.keys(exportsField).every((key) => !key.startsWith("."));
  const map: Record<string, unknown> =
    typeof exportsField === "string" || Array.isArray(exportsField) || isConditions ? { ".": exportsField } : isRecord(exportsField) ? exportsField : {};
  const exact = map[subpath];
  if (exact !== undefined) return conditionTargets(exact);
  for (const [key, value] of Object.entries(map)) {
    const star = key.indexOf("*");
    if (star === -1) continue;
    const prefix = key.slice(0, star);
    const suffix = key.slice(star + 1);
    if (!subpath.startsWith(prefix) || !subpath.endsWith(suffix) || subpath.length < key.length - 1) continue;
    const matched = subpath.slice(prefix.length, subpath.length - suffix.length);
    return conditionTargets(value).map((target) => target.split("*").join(matched));
  }
  return [];
}

function conditionTargets(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(conditionTargets);
  if (!isRecord(value)) return [];
  const keys = Object.keys(value).sort((a, b) => rank(a) - rank(b));
  return keys.flatMap((key) => conditionTargets(value[key]));
}

function rank(condition: string): number {
  const at = conditionOrder.indexOf(condition);
  return at === -1 ? conditionOrder.length : at;
}

function stringField(manifest: Record<string, unknown>, field: string): string[] {
  const value = manifest[field];
  return typeof value === "string" ? [value] : [];
}

/** An absolute `outDir`/`rootDir` relative to the root, when it is inside. */
function relativeOption(root: string, option: string | undefined): string | undefined {
  if (option === undefined) return undefined;
  const relative = path.posix.relative(root, toPosix(option));
  return relative.startsWith("../") || path.posix.isAbsolute(relative) ? undefined : relative;
}

function isRelative(specifier: string): boolean {
  return specifier === "." || specifier === ".." || specifier.startsWith("./") || specifier.startsWith("../");
}

/** `@scope/pkg/sub` → `@scope/pkg`; `pkg/sub` → `pkg`; `node:fs` → `node:fs`. */
function packageNameOf(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") && parts.length > 1 ? `${parts[0]}/${parts[1]}` : (parts[0] ?? specifier);
}

function toPosix(p: string): string {
  return p.split(path.sep).join("/");
}
