// Options every command takes, named as ESLint names them where the concept exists.
import path from "node:path";
import { InvalidArgumentError, Option } from "commander";
import type { Command } from "commander";
import type { ConfigError } from "../config/config-error.js";
import type { OpenProjectOptions } from "../engine/open-project.js";
import { checkOutputPath, progressReporter } from "./cli-io.js";
import { printEntryPresets } from "./print-entry-presets.js";

/** The parsed common options. */
export interface CommonOptions {
  config?: string;
  format: string;
  output?: string;
  cache: boolean;
  cacheLocation?: string;
  /** Threads to parse on; undefined: one per core when there are enough files to parse. */
  threads?: number;
  timing?: boolean;
  debug?: boolean;
}

/** The `--config` of the command being run, as typed, and the root it analyses: errors echo the path as typed. */
let typedConfig: { root: string; typed: string } | undefined;

/** Adds the common options to `command`, with `formats` as the choices of `--format`. */
export function withCommonOptions(command: Command, formats: readonly string[]): Command {
  return command
    .option("-c, --config <file>", "use this config file instead of looking one up")
    .addOption(new Option("-f, --format <format>", "output format").choices(formats).default(formats[0]))
    .option("-o, --output <file>", "write the result to a file instead of stdout")
    .option("--no-cache", "parse every file again instead of reusing cached facts")
    .option("--cache-location <dir>", "where to keep the cache (default: node_modules/.cache/deadflag)")
    .option("--threads <count>", "threads to parse files on (default: one per core when there are enough files to parse)", parseThreads)
    .option("--timing", "print the time each phase took to stderr")
    .option("--debug", "print stack traces of internal errors, and which framework presets fired and why")
    .hook("preAction", (_command, action) => {
      const options: { config?: string; output?: string } = action.opts();
      checkOutputPath(options.output);
      const root = action.processedArgs[action.processedArgs.length - 1];
      typedConfig = options.config && typeof root === "string" ? { root: path.resolve(root), typed: options.config } : undefined;
    });
}

/** A whole number of 1 or more, for `--threads`. */
function parseThreads(value: string): number {
  const count = Number(value);
  if (value.trim() === "" || !Number.isInteger(count) || count < 1) throw new InvalidArgumentError("expected a whole number of 1 or more");
  return count;
}

/** A config error's message with the `--config` file named as the user typed it, not relative to the analysed root. */
export function configMessageAsTyped(error: ConfigError): string {
  if (!typedConfig || error.file === undefined) return error.message;
  if (path.resolve(typedConfig.root, error.file) !== path.resolve(typedConfig.typed)) return error.message;
  return `${typedConfig.typed}${error.message.slice(error.file.length)}`;
}

/** The engine's open options from the common CLI options. */
export function openOptionsOf(root: string, options: CommonOptions): OpenProjectOptions {
  const onProgress = progressReporter();
  return {
    root,
    ...(options.config ? { configFile: path.resolve(options.config) } : {}),
    cache: options.cache,
    ...(options.cacheLocation ? { cacheLocation: path.resolve(options.cacheLocation) } : {}),
    threads: options.threads ?? "auto",
    ...(onProgress ? { onProgress } : {}),
    ...(options.debug ? { onEntries: printEntryPresets } : {}),
  };
}
