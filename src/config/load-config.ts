import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import type { createJiti } from "jiti";
import { lilconfig, lilconfigSync } from "lilconfig";
import type { LilconfigResult, Loader, LoaderSync } from "lilconfig";
import { ConfigError } from "./config-error.js";
import { parseConfig } from "./parse-config.js";
import { resolveConfig } from "./resolve-config.js";
import type { ResolvedConfig } from "./resolve-config.js";
import { describeJsonError } from "./describe-json-error.js";
import { toOneLine } from "./to-one-line.js";

/** The config files looked up in each directory, first match wins; `package.json` counts only with a `deadflag` field. */
export const configFileNames = [
  "deadflag.config.json",
  ".deadflagrc.json",
  "package.json",
  "deadflag.config.ts",
  "deadflag.config.mts",
  "deadflag.config.js",
  "deadflag.config.mjs",
] as const;

/** A validated config with defaults applied, and where it came from. */
export interface LoadedConfig {
  config: ResolvedConfig;
  /** Absolute path of the config file; undefined when none was found and the defaults apply. */
  file: string | undefined;
  /** Absolute directory that the config's paths and globs are relative to: the file's, or the root's when there is no file. */
  directory: string;
}

const packageProperty = "deadflag";
const jitiOptions = { moduleCache: false, fsCache: false };
const codeExtensions = [".ts", ".mts", ".cts", ".js", ".mjs", ".cjs"];
const supportedExtensions = [".json", ...codeExtensions];

/**
 * Finds, loads and validates the config for the project at `root`.
 *
 * Without `explicitPath`, looks in `root` for {@link configFileNames}, then in each parent directory up
 * to and including the nearest one (starting at `root`) that holds a `package.json` or `.git`: a config
 * at the top of the repository then also applies when a subfolder is analysed, yet a config from an
 * unrelated project further up never leaks in. With no such boundary, only `root` is searched.
 *
 * @param root The analysed directory.
 * @param explicitPath A config file (`--config`) that replaces the lookup; relative paths are resolved
 *   against `root`, so the CLI should pass an absolute path when the user's path is relative to the cwd.
 * @throws ConfigError when the explicit file is missing, or a file cannot be parsed or fails validation.
 */
export async function loadConfig(root: string, explicitPath?: string): Promise<LoadedConfig> {
  const absoluteRoot = path.resolve(root);
  const displayPath = displayPathIn(absoluteRoot);
  const loadCode: Loader = async (file) => {
    try {
      // jiti (a TypeScript transform) loads only for a code config: a JSON config never pays for it.
      const jiti = (await import("jiti")).createJiti(import.meta.url, jitiOptions);
      return await jiti.import(file, { default: true });
    } catch (error) {
      throw cannotLoad(error, file, displayPath);
    }
  };
  const steps = lookupSteps(absoluteRoot, explicitPath, displayPath);
  for (let step = steps.next(); ; ) {
    if (step.done) return step.value;
    const request = step.value;
    const explorer = lilconfig("deadflag", { ...searchOptions(request.stopDir), loaders: loadersWith(loadCode, displayPath) });
    let result: LilconfigResult;
    try {
      result = request.op === "search" ? await explorer.search(request.path) : await explorer.load(request.path);
    } catch (error) {
      step = steps.throw(asConfigError(error, request.display));
      continue;
    }
    step = steps.next(result);
  }
}

/**
 * {@link loadConfig} without awaiting, for callers that cannot (the ESLint rules): code configs load
 * through jiti's synchronous require, so a config with top-level `await` cannot load this way.
 */
export function loadConfigSync(root: string, explicitPath?: string): LoadedConfig {
  const absoluteRoot = path.resolve(root);
  const displayPath = displayPathIn(absoluteRoot);
  const loadCode: LoaderSync = (file) => {
    let loaded: unknown;
    try {
      const create: typeof createJiti = createRequire(import.meta.url)("jiti").createJiti;
      loaded = create(import.meta.url, jitiOptions)(file);
    } catch (error) {
      throw cannotLoad(error, file, displayPath);
    }
    return typeof loaded === "object" && loaded !== null && "default" in loaded ? loaded.default : loaded;
  };
  const steps = lookupSteps(absoluteRoot, explicitPath, displayPath);
  for (let step = steps.next(); ; ) {
    if (step.done) return step.value;
    const request = step.value;
    const explorer = lilconfigSync("deadflag", { ...searchOptions(request.stopDir), loaders: loadersWith(loadCode, displayPath) });
    let result: LilconfigResult;
    try {
      result = request.op === "search" ? explorer.search(request.path) : explorer.load(request.path);
    } catch (error) {
      step = steps.throw(asConfigError(error, request.display));
      continue;
    }
    step = steps.next(result);
  }
}

/** Every place the lookup for `root` may find a config file (for change detection). */
export function configCandidates(root: string): string[] {
  const absoluteRoot = path.resolve(root);
  const top = findWorkspaceRoot(absoluteRoot) ?? findSearchBoundary(absoluteRoot);
  const candidates: string[] = [];
  for (let directory = absoluteRoot; ; directory = path.dirname(directory)) {
    candidates.push(...configFileNames.map((name) => path.join(directory, name)), path.join(directory, "pnpm-workspace.yaml"), path.join(directory, "lerna.json"));
    if (directory === top || path.dirname(directory) === directory) return candidates;
  }
}

/** One lilconfig operation the lookup needs: search from a folder, or load a file; `display` names it in errors. */
interface LookupRequest {
  op: "search" | "load";
  path: string;
  stopDir: string;
  display: string | undefined;
}

/**
 * The lookup as steps: it yields each lilconfig operation and gets its result back, so that one
 * code path serves the asynchronous and the synchronous loaders.
 */
function* lookupSteps(
  absoluteRoot: string,
  explicitPath: string | undefined,
  displayPath: (file: string) => string,
): Generator<LookupRequest, LoadedConfig, LilconfigResult> {
  // In a monorepo the lookup goes up to the workspace root: a package's own package.json is no boundary.
  const workspaceRoot = findWorkspaceRoot(absoluteRoot);
  const stopDir = workspaceRoot ?? findSearchBoundary(absoluteRoot);
  let result: LilconfigResult;
  if (explicitPath === undefined) {
    result = yield { op: "search", path: absoluteRoot, stopDir, display: undefined };
  } else {
    const file = path.resolve(absoluteRoot, explicitPath);
    assertLoadable(file, displayPath);
    result = yield { op: "load", path: file, stopDir, display: displayPath(file) };
  }
  if (result === null) {
    return { config: resolveConfig({}), file: undefined, directory: absoluteRoot };
  }

  const file = result.filepath;
  const isPackageJson = path.basename(file) === "package.json";
  if (isPackageJson && result.config == null) {
    throw new ConfigError(displayPath(file), `no "${packageProperty}" field`);
  }
  const input: unknown = result.isEmpty === true ? {} : result.config;
  const config = parseConfig(input, {
    file: displayPath(file),
    fieldPrefix: isPackageJson ? [packageProperty] : [],
  });
  const directory = path.dirname(file);
  if (explicitPath !== undefined || workspaceRoot === undefined || directory === workspaceRoot) return { config, file, directory };
  // A package's config refines the workspace root's: the root's fields apply unless the package sets them.
  const rootResult = yield { op: "search", path: workspaceRoot, stopDir: workspaceRoot, display: undefined };
  if (rootResult === null || rootResult.config == null) return { config, file, directory };
  const rootInput: unknown = rootResult.isEmpty === true ? {} : rootResult.config;
  const rootIsPackageJson = path.basename(rootResult.filepath) === "package.json";
  parseConfig(rootInput, { file: displayPath(rootResult.filepath), fieldPrefix: rootIsPackageJson ? [packageProperty] : [] });
  const merged = refineConfig(rebaseConfigPaths(rootInput, path.dirname(rootResult.filepath), directory), input);
  return { config: parseConfig(merged, { file: displayPath(file) }), file, directory };
}

function displayPathIn(root: string): (file: string) => string {
  return (file) => path.relative(root, file).split(path.sep).join("/");
}

function searchOptions(stopDir: string): { searchPlaces: string[]; packageProp: string; stopDir: string; ignoreEmptySearchPlaces: boolean; cache: boolean } {
  return { searchPlaces: [...configFileNames], packageProp: packageProperty, stopDir, ignoreEmptySearchPlaces: false, cache: false };
}

function loadersWith<L extends Loader | LoaderSync>(loadCode: L, displayPath: (file: string) => string): Record<string, L | LoaderSync> {
  const loadJson: LoaderSync = (file, content) => parseJson(content, displayPath(file));
  return {
    ".json": loadJson,
    noExt: loadJson,
    ...Object.fromEntries(codeExtensions.map((extension) => [extension, loadCode])),
  };
}

function cannotLoad(error: unknown, file: string, displayPath: (file: string) => string): ConfigError {
  const reason = toOneLine(errorMessage(error).split(file).join(displayPath(file)));
  return new ConfigError(displayPath(file), `cannot load: ${reason}`, { cause: error });
}

function asConfigError(error: unknown, file: string | undefined): ConfigError {
  if (error instanceof ConfigError) return error;
  return new ConfigError(file, `cannot read config: ${toOneLine(errorMessage(error))}`, { cause: error });
}

function assertLoadable(file: string, displayPath: (file: string) => string): void {
  const shown = displayPath(file);
  let stats;
  try {
    stats = statSync(file);
  } catch {
    throw new ConfigError(shown, "config file not found");
  }
  if (!stats.isFile()) throw new ConfigError(shown, "expected a config file, got a directory");
  const extension = path.extname(file);
  if (extension !== "" && !supportedExtensions.includes(extension)) {
    throw new ConfigError(shown, `unsupported config file type "${extension}", expected .json, .ts, .mts, .js or .mjs`);
  }
}

/**
 * The root of the monorepo `root` is in: the nearest folder from `root` up (to the repository's top)
 * whose package.json declares `workspaces`, or that holds a pnpm-workspace.yaml or lerna.json.
 */
export function findWorkspaceRoot(root: string): string | undefined {
  for (let directory = root; ; directory = path.dirname(directory)) {
    if (existsSync(path.join(directory, "pnpm-workspace.yaml")) || existsSync(path.join(directory, "lerna.json"))) return directory;
    const manifest = path.join(directory, "package.json");
    if (existsSync(manifest)) {
      try {
        const parsed: unknown = JSON.parse(readFileSync(manifest, "utf8"));
        if (typeof parsed === "object" && parsed !== null && "workspaces" in parsed) return directory;
      } catch {
        // A broken package.json declares no workspaces; the lookup reports it if it matters.
      }
    }
    if (existsSync(path.join(directory, ".git")) || path.dirname(directory) === directory) return undefined;
  }
}

/** `input` with its config-relative paths (`project`, `flags.registry`) made relative to `to` instead of `from`. */
function rebaseConfigPaths(input: unknown, from: string, to: string): unknown {
  if (!isObject(input)) return input;
  const rebase = (p: string): string => path.relative(to, path.resolve(from, p)).split(path.sep).join("/");
  const rebased: Record<string, unknown> = { ...input };
  if (typeof input["project"] === "string") rebased["project"] = rebase(input["project"]);
  const flags = input["flags"];
  if (isObject(flags) && flags["registry"] !== undefined) {
    const entries = Array.isArray(flags["registry"]) ? flags["registry"] : [flags["registry"]];
    const registry = entries.map((entry: unknown) => {
      if (typeof entry !== "string") return entry;
      const hash = entry.lastIndexOf("#");
      return hash > 0 ? `${rebase(entry.slice(0, hash))}${entry.slice(hash)}` : rebase(entry);
    });
    rebased["flags"] = { ...flags, registry };
  }
  return rebased;
}

/** `base` refined by `own`: objects (`rules`, `flags`, `flags.states`) merge key by key, `own` winning; other values replace. */
function refineConfig(base: unknown, own: unknown): unknown {
  if (!isObject(base) || !isObject(own)) return own;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(own)) {
    const inherited = merged[key];
    merged[key] = isObject(inherited) && isObject(value) ? refineConfig(inherited, value) : value;
  }
  return merged;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The last directory the lookup may visit: the nearest one from `root` up holding a package.json or .git. */
function findSearchBoundary(root: string): string {
  for (let directory = root; ; directory = path.dirname(directory)) {
    if (existsSync(path.join(directory, "package.json")) || existsSync(path.join(directory, ".git"))) {
      return directory;
    }
    if (path.dirname(directory) === directory) return root;
  }
}

function parseJson(content: string, file: string): unknown {
  try {
    return JSON.parse(content.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new ConfigError(file, `invalid JSON: ${describeJsonError(errorMessage(error), content)}`, { cause: error });
  }
}


function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
