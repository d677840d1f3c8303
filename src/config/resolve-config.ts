import { sdkNames } from "./config-schema.js";
import type { AccessorConfig, DeadflagConfig, FlagState, RuleId, SdkName, Severity } from "./config-schema.js";

/** Days without a change after which a flag is stale, unless `staleAfterDays` says otherwise. */
const defaultStaleAfterDays = 90;

/** Days after a flag's first read during which its meaning changes are development, unless `developmentDays` says otherwise. */
const defaultDevelopmentDays = 30;

/** Environment variable name globs read as flags, unless `flags.env` says otherwise. */
const defaultEnvPatterns: readonly string[] = ["FEATURE_*", "FF_*", "*_FEATURE_*", "ENABLE_*", "*_ENABLED"];

/** A project-specific shape that reads a flag, normalised from a `flags.accessors` entry. */
export type Accessor = CallAccessor | JsxAccessor | ObjectKeyAccessor | MemberAccessor;

/** `isOn(key)`, `anything.isOn(key)`, or `flag(key)` where `flag` is what the factory returned. */
export interface CallAccessor {
  kind: "function" | "method" | "factory";
  name: string;
  /** Index of the argument holding the key (or, with `property`, the object holding it). */
  key: number;
  /** Index of the argument holding the default (or, with `defaultProperty`, the object holding it). */
  default?: number;
  /** The key's property in its argument; with `returns: "flag-map"`, the result's property that holds the map. */
  property?: string;
  defaultProperty?: string;
  /** `flag-map`: the call returns an object whose properties are flag keys; `key` is then meaningless. */
  returns?: "flag-map";
  /** Keys are written camelCased and stand for the one known key that camelCases to them. */
  keyCase?: "camel";
  /** The keys are environment variable names (`env("FEATURE_X")`). */
  env?: true;
}

/** `<FeatureFlagToggle featureFlag="x">`: the children render when the flag in `keyProp` is on. */
export interface JsxAccessor {
  kind: "jsx";
  name: string;
  keyProp: string;
  keyCase?: "camel";
}

/** `{ path: "/beta", featureFlag: "x" }`: the string value of the property `name` is a flag key. */
export interface ObjectKeyAccessor {
  kind: "object-key";
  name: string;
  keyCase?: "camel";
}

/** `session.user.featureFlags.x`: the members of `name` (a dotted path's last steps) on any object are flags. */
export interface MemberAccessor {
  kind: "member";
  /** The member path, e.g. `["user", "featureFlags"]`. */
  path: string[];
  keyCase?: "camel";
  env?: true;
}

/** The flag settings with every default applied. */
export interface ResolvedFlagsConfig {
  sdks: SdkName[];
  accessors: Accessor[];
  registry: string[];
  env: string[];
  /**
   * Whether `flags.env` was written in the config: then every name it matches is a flag. The
   * default globs also match deployment settings (`WORKER_ENABLED`), so a name they match is a flag
   * only where it is tested as a boolean or when the project declares it.
   */
  envConfigured: boolean;
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
  /** A flag first read fewer days ago than this is in development (`no-flag-reuse` reports its changes as info). */
  developmentDays: number;
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
    developmentDays: config.developmentDays ?? defaultDevelopmentDays,
    flags: {
      sdks: [...(flags.sdks ?? sdkNames)],
      accessors: (flags.accessors ?? []).map(normaliseAccessor),
      registry: toArray(flags.registry),
      env: [...(flags.env ?? defaultEnvPatterns)],
      envConfigured: flags.env !== undefined,
      states: { ...flags.states },
    },
  };
}

function normaliseAccessor(accessor: AccessorConfig): Accessor {
  const keyCase = accessor.keyCase === "camel" ? ({ keyCase: "camel" } as const) : {};
  const env = accessor.env === true ? ({ env: true } as const) : {};
  if (accessor.jsx !== undefined) return { kind: "jsx", name: accessor.jsx, keyProp: accessor.keyProp ?? "", ...keyCase };
  if (accessor.objectKey !== undefined) return { kind: "object-key", name: accessor.objectKey, ...keyCase };
  if (accessor.member !== undefined) return { kind: "member", path: accessor.member.split("."), ...keyCase, ...env };
  const key = accessor.key ?? 0;
  const normalised: CallAccessor =
    accessor.function !== undefined
      ? { kind: "function", name: accessor.function, key }
      : accessor.factory !== undefined
        ? { kind: "factory", name: accessor.factory, key }
        : { kind: "method", name: accessor.method ?? "", key };
  // A default read from a property lives in the key's object unless the user says where.
  const defaultIndex = accessor.default ?? (accessor.defaultProperty === undefined ? undefined : key);
  if (defaultIndex !== undefined) normalised.default = defaultIndex;
  if (accessor.property !== undefined) normalised.property = accessor.property;
  if (accessor.defaultProperty !== undefined) normalised.defaultProperty = accessor.defaultProperty;
  if (accessor.returns !== undefined) normalised.returns = accessor.returns;
  return { ...normalised, ...keyCase, ...env };
}

function toArray(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return typeof value === "string" ? [value] : [...value];
}
