import { ConfigError } from "./config-error.js";
import { configSchema } from "./config-schema.js";
import { describeConfigIssues } from "./describe-config-issues.js";
import { resolveConfig } from "./resolve-config.js";
import type { ResolvedConfig } from "./resolve-config.js";

/** Where a config value came from, so that errors can point at it. */
export interface ConfigOrigin {
  /** The file, POSIX and relative to the analysed root; undefined for a config given inline. */
  file: string | undefined;
  /** Where the config sits inside the file, e.g. `["deadflag"]` in a package.json. */
  fieldPrefix?: readonly string[];
}

/** Validates a config as users write it and applies the defaults; throws a one-line ConfigError on the first problem. */
export function parseConfig(input: unknown, origin: ConfigOrigin = { file: undefined }): ResolvedConfig {
  const result = configSchema.safeParse(input, { reportInput: true });
  if (!result.success) {
    throw new ConfigError(origin.file, describeConfigIssues(result.error.issues, configSchema, origin.fieldPrefix));
  }
  return resolveConfig(result.data);
}
