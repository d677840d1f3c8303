import { sdkNames } from "./config-schema.js";
import type { AccessorConfig, DeadflagConfig, FlagState, RuleId, SdkName, Severity } from "./config-schema.js";

/** Days without a change after which a flag is stale, unless `staleAfterDays` says otherwise. */
const defaultStaleAfterDays = 90;

/** Environment variable name globs read as flags, unless `flags.env` says otherwise. */
const defaultEnvPatterns: readonly string[] = ["FEATURE_*", "FF_*", "*_FEATURE_*", "ENABLE_*", "*_ENABLED"];

/** A project-specific call that reads a flag, normalised from a `flags.accessors` entry. */
export interface Accessor {
  /** `function` for `isOn(key)`, `method` for `anything.isOn(key)`. */
  kind: "function" | "method";
  name: string;
  /** Index of the argument holding the key (or, with `property`, the object holding it). */
  key: number;
  /** Index of the argument holding the default (or, with `defaultProperty`, the object holding it). */
  default?: number;
  property?: string;
  defaultProperty?: string;
  /** `flag-map`: the call returns an object whose properties are flag keys; `key` is then meaningless. */
  returns?: "flag-map";
}

/** The flag settings with every default applied. */
export interface ResolvedFlagsConfig {
  sdks: SdkName[];
  accessors: Accessor[];
  registry: string[];
  env: string[];
  states: Record<string, FlagState>;
}

/** A config with every default applied; paths and globs stay relative to the config's directory. */
export interface ResolvedConfig {
  /** Entry globs; empty means "infer the entries from the project". */
  entry: string[];
  project: string | undefined;
  ignore: string[];
  /** Globs of test files, on top of the built-in test file names. */
  tests: string[];
  /** Only the rules the user set; each rule's own default severity applies to the others. */
  rules: Partial<Record<RuleId, Severity>>;
  staleAfterDays: number;
  flags: ResolvedFlagsConfig;
}

/** Applies every default to a validated config; the one place where config defaults live. */
export function resolveConfig(config: DeadflagConfig): ResolvedConfig {
  const flags = config.flags ?? {};
  return {
    entry: toArray(config.entry),
    project: config.project,
    ignore: [...(config.ignore ?? [])],
    tests: [...(config.tests ?? [])],
    rules: { ...config.rules },
    staleAfterDays: config.staleAfterDays ?? defaultStaleAfterDays,
    flags: {
      sdks: [...(flags.sdks ?? sdkNames)],
      accessors: (flags.accessors ?? []).map(normaliseAccessor),
      registry: toArray(flags.registry),
      env: [...(flags.env ?? defaultEnvPatterns)],
      states: { ...flags.states },
    },
  };
}

function normaliseAccessor(accessor: AccessorConfig): Accessor {
  const key = accessor.key ?? 0;
  const normalised: Accessor =
    accessor.function === undefined
      ? { kind: "method", name: accessor.method ?? "", key }
      : { kind: "function", name: accessor.function, key };
  // A default read from a property lives in the key's object unless the user says where.
  const defaultIndex = accessor.default ?? (accessor.defaultProperty === undefined ? undefined : key);
  if (defaultIndex !== undefined) normalised.default = defaultIndex;
  if (accessor.property !== undefined) normalised.property = accessor.property;
  if (accessor.defaultProperty !== undefined) normalised.defaultProperty = accessor.defaultProperty;
  if (accessor.returns !== undefined) normalised.returns = accessor.returns;
  return normalised;
}

function toArray(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return typeof value === "string" ? [value] : [...value];
}
