import { existsSync } from "node:fs";
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
  const explorer = lilconfig("deadflag", {
    searchPlaces: [...configFileNames],
    packageProp: packageProperty,
    stopDir: findSearchBoundary(absoluteRoot),
    ignoreEmptySearchPlaces: false,
    cache: false,
    loaders: {
      ".json": loadJson,
      noExt: loadJson,
      ...Object.fromEntries(codeExtensions.map((extension) => [extension, loadCode])),
    },
  });

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
  return { config, file, directory: path.dirname(file) };
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
