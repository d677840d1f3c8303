// Module specifiers → project files or package names, with TypeScript's own resolver (so `paths`,
// `baseUrl`, index files and `.js`-for-`.ts` imports behave as in the user's build), over a fixed
// file set rather than the disk: the same resolver serves the working tree and any git revision.
import path from "node:path";
import { ts } from "ts-morph";

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

/**
 * A resolver over `files` (POSIX paths relative to `root`). Compiler options come from the user's
 * tsconfig; module resolution is forced to `bundler`, the most permissive mode, because deadflag
 * must follow every import the user's toolchain can follow.
 */
export function createModuleResolver(
  root: string,
  files: readonly string[],
  compilerOptions: ts.CompilerOptions = {},
): ModuleResolver {
  const absoluteRoot = path.resolve(root);
  const fileSet = new Set(files.map((f) => path.posix.join(toPosix(absoluteRoot), f)));
  const directories = new Set<string>();
  for (const file of fileSet) {
    for (let dir = path.posix.dirname(file); !directories.has(dir); dir = path.posix.dirname(dir)) {
      directories.add(dir);
      if (dir === path.posix.dirname(dir)) break;
    }
  }
  const options: ts.CompilerOptions = {
    ...compilerOptions,
    allowJs: true,
    resolveJsonModule: true,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    allowArbitraryExtensions: true,
  };
  const host: ts.ModuleResolutionHost = {
    fileExists: (file) => fileSet.has(toPosix(file)),
    directoryExists: (dir) => directories.has(toPosix(dir).replace(/\/$/, "")),
    readFile: () => undefined,
    getCurrentDirectory: () => toPosix(absoluteRoot),
  };
  const cache = ts.createModuleResolutionCache(toPosix(absoluteRoot), (f) => f, options);
  const memo = new Map<string, ResolvedModule>();
  const rootPrefix = `${toPosix(absoluteRoot)}/`;

  return {
    resolve(fromFile, specifier) {
      const memoKey = `${fromFile}\0${specifier}`;
      const known = memo.get(memoKey);
      if (known) return known;
      const containing = rootPrefix + fromFile;
      let result: ResolvedModule;
      const resolved = ts.resolveModuleName(specifier, containing, options, host, cache).resolvedModule;
      if (resolved && resolved.resolvedFileName.startsWith(rootPrefix) && fileSet.has(resolved.resolvedFileName)) {
        result = { kind: "file", file: resolved.resolvedFileName.slice(rootPrefix.length) };
      } else if (specifier.endsWith(jsonExtension) && isRelative(specifier)) {
        const file = path.posix.join(path.posix.dirname(fromFile), specifier);
        result = fileSet.has(rootPrefix + file) ? { kind: "file", file } : { kind: "unresolved" };
      } else if (isRelative(specifier) || path.isAbsolute(specifier)) {
        result = { kind: "unresolved" };
      } else {
        result = { kind: "package", name: packageNameOf(specifier) };
      }
      memo.set(memoKey, result);
      return result;
    },
  };
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
