import { existsSync, readFileSync } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import { createJiti } from "jiti";
import { lilconfig } from "lilconfig";
import type { LilconfigResult, Loader } from "lilconfig";
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
  const displayPath = (file: string): string => path.relative(absoluteRoot, file).split(path.sep).join("/");
  const loadJson: Loader = (file, content) => parseJson(content, displayPath(file));
  const jiti = createJiti(import.meta.url, { moduleCache: false, fsCache: false });
  const loadCode: Loader = async (file) => {
    try {
      return await jiti.import(file, { default: true });
    } catch (error) {
      const reason = toOneLine(errorMessage(error).split(file).join(displayPath(file)));
      throw new ConfigError(displayPath(file), `cannot load: ${reason}`, { cause: error });
    }
  };
  const explorerUpTo = (stopDir: string): ReturnType<typeof lilconfig> =>
    lilconfig("deadflag", {
      searchPlaces: [...configFileNames],
      packageProp: packageProperty,
      stopDir,
      ignoreEmptySearchPlaces: false,
      cache: false,
      loaders: {
        ".json": loadJson,
        noExt: loadJson,
        ...Object.fromEntries(codeExtensions.map((extension) => [extension, loadCode])),
      },
    });
  // In a monorepo the lookup goes up to the workspace root: a package's own package.json is no boundary.
  const workspaceRoot = findWorkspaceRoot(absoluteRoot);
  const explorer = explorerUpTo(workspaceRoot ?? findSearchBoundary(absoluteRoot));

  const result =
    explicitPath === undefined
      ? await searchOrThrow(() => explorer.search(absoluteRoot), undefined)
      : await loadExplicitOrThrow(path.resolve(absoluteRoot, explicitPath), displayPath, (file) =>
          explorer.load(file),
        );
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
  const rootResult = await searchOrThrow(() => explorerUpTo(workspaceRoot).search(workspaceRoot), undefined);
  if (rootResult === null || rootResult.config == null) return { config, file, directory };
  const rootInput: unknown = rootResult.isEmpty === true ? {} : rootResult.config;
  const rootIsPackageJson = path.basename(rootResult.filepath) === "package.json";
  parseConfig(rootInput, { file: displayPath(rootResult.filepath), fieldPrefix: rootIsPackageJson ? [packageProperty] : [] });
  const merged = refineConfig(rebaseConfigPaths(rootInput, path.dirname(rootResult.filepath), directory), input);
  return { config: parseConfig(merged, { file: displayPath(file) }), file, directory };
}

/**
 * The root of the monorepo `root` is in: the nearest folder from `root` up (to the repository's top)
 * whose package.json declares `workspaces`, or that holds a pnpm-workspace.yaml or lerna.json.
 */
function findWorkspaceRoot(root: string): string | undefined {
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

async function loadExplicitOrThrow(
  file: string,
  displayPath: (file: string) => string,
  load: (file: string) => Promise<LilconfigResult>,
): Promise<LilconfigResult> {
  const shown = displayPath(file);
  const stats = await stat(file).catch(() => undefined);
  if (stats === undefined) throw new ConfigError(shown, "config file not found");
  if (!stats.isFile()) throw new ConfigError(shown, "expected a config file, got a directory");
  const extension = path.extname(file);
  if (extension !== "" && !supportedExtensions.includes(extension)) {
    throw new ConfigError(shown, `unsupported config file type "${extension}", expected .json, .ts, .mts, .js or .mjs`);
  }
  return searchOrThrow(() => load(file), shown);
}

async function searchOrThrow(
  run: () => Promise<LilconfigResult>,
  file: string | undefined,
): Promise<LilconfigResult> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError(file, `cannot read config: ${toOneLine(errorMessage(error))}`, { cause: error });
  }
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
