import { z } from "zod";
import { ruleIds } from "./rule-ids.js";

export { ruleIds } from "./rule-ids.js";
export type { RuleId } from "./rule-ids.js";

/** The severities a user may give a rule. */
const severities = ["error", "warn", "off"] as const;

/** A rule severity as written in the config. */
export type Severity = (typeof severities)[number];

/** The SDK presets deadflag knows; `env` reads environment variables matched by `flags.env`. */
export const sdkNames = [
  "launchdarkly",
  "openfeature",
  "unleash",
  "growthbook",
  "statsig",
  "posthog",
  "split",
  "configcat",
  "flagsmith",
  "devcycle",
  "vercel",
  "env",
] as const;

/** The name of an SDK preset. */
export type SdkName = (typeof sdkNames)[number];

/** The declared lifecycle states of a flag; `retired` means every read returns its in-code default. */
const flagStates = ["on", "off", "retired", "active"] as const;

/** The declared state of one flag key. */
export type FlagState = (typeof flagStates)[number];

const nonEmptyString = z.string().min(1);
const argumentIndex = z.int().nonnegative();
const stringOrStrings = z.union([nonEmptyString, z.array(nonEmptyString)]);

const registryEntry = nonEmptyString.refine((value) => isRegistryEntry(value), {
  message: 'expected "path#ExportName" or a path to a .json file',
});

/** The fields that name what an accessor matches; an accessor has exactly one. */
const accessorKinds = ["function", "method", "factory", "jsx", "objectKey", "member"] as const;

/** The fields that do something for each kind of accessor (besides the kind itself). */
const fieldsByKind: Record<(typeof accessorKinds)[number], readonly string[]> = {
  function: ["key", "default", "property", "defaultProperty", "returns", "keyCase", "env"],
  method: ["key", "default", "property", "defaultProperty", "returns", "keyCase", "env"],
  factory: ["key", "default", "property", "defaultProperty", "keyCase", "env"],
  jsx: ["keyProp", "keyCase"],
  objectKey: ["keyCase"],
  member: ["keyCase", "env"],
};

/** Fields that do nothing once `returns: "flag-map"` says the keys are the properties of the result. */
const unusedWithFlagMap = ["key", "default", "defaultProperty"] as const;

const accessorSchema = z
  .strictObject({
    function: nonEmptyString.optional().describe("Name of a function whose call reads a flag, e.g. `isOn`"),
    method: nonEmptyString.optional().describe("Name of a method whose call reads a flag, e.g. `isLive` in `client.isLive(key)`"),
    factory: nonEmptyString
      .optional()
      .describe("Name of a function that returns flag readers: `const flag = makeFlag(); flag(key)` reads a flag"),
    jsx: nonEmptyString.optional().describe("Name of a component that renders its children when a flag is on, e.g. `FeatureFlagToggle`"),
    objectKey: nonEmptyString
      .optional()
      .describe("A property name whose string value is a flag key wherever it is written: `{ path, featureFlag: \"x\" }`"),
    member: nonEmptyString
      .optional()
      .describe("A member that holds a map of flags on any object, e.g. `featureFlags` in `session.user.featureFlags.x`; dots for a path"),
    key: argumentIndex.optional().describe("Index of the argument holding the flag key (default 0)"),
    default: argumentIndex.optional().describe("Index of the argument holding the default value"),
    property: nonEmptyString
      .optional()
      .describe('The key is this property of the object argument at index `key`; with "returns": "flag-map", the map is this property of the result'),
    defaultProperty: nonEmptyString
      .optional()
      .describe("The default is this property of the object argument at index `default` (or `key`)"),
    returns: z
      .literal("flag-map")
      .optional()
      .describe('"flag-map": the properties of the call\'s result are flag keys'),
    keyProp: nonEmptyString.optional().describe("With `jsx`: the prop that holds the flag key"),
    keyCase: z
      .enum(["as-is", "camel"])
      .optional()
      .describe('"camel": keys are written camelCased (`liveChat` for the flag `live-chat`); default "as-is"'),
    env: z
      .literal(true)
      .optional()
      .describe("The accessor reads environment variables (`env(\"FEATURE_X\")`): its keys are variable names, as `flags.env` treats them"),
  })
  .superRefine((accessor, context) => {
    const kinds = accessorKinds.filter((kind) => accessor[kind] !== undefined);
    const [kind, second] = kinds;
    if (kind === undefined) {
      context.addIssue({ code: "custom", message: `expected one of ${describeKinds()} naming what reads a flag` });
      return;
    }
    if (second !== undefined) {
      context.addIssue({ code: "custom", message: `expected exactly one of ${describeKinds()}, got "${kind}" and "${second}"` });
      return;
    }
    const allowed = fieldsByKind[kind];
    for (const field of Object.keys(accessor)) {
      if (field === kind || allowed.includes(field)) continue;
      context.addIssue({ code: "custom", path: [field], message: `does nothing with "${kind}"` });
    }
    if (kind === "jsx" && accessor.keyProp === undefined) {
      context.addIssue({ code: "custom", message: 'expected "keyProp", the prop of the component that holds the flag key' });
    }
    if (accessor.returns === "flag-map") {
      for (const field of unusedWithFlagMap) {
        if (accessor[field] !== undefined) {
          context.addIssue({
            code: "custom",
            path: [field],
            message: 'does nothing with "returns": "flag-map" (the keys are the properties of the result)',
          });
        }
      }
    }
    if (accessor.env === true && accessor.keyCase !== undefined) {
      context.addIssue({ code: "custom", path: ["keyCase"], message: "does nothing with \"env\": variable names are read as written" });
    }
  })
  // Editors cannot see the refinement, so say the same thing in JSON Schema terms.
  .meta({
    oneOf: accessorKinds.map((kind) => ({ required: [kind] })),
    description: `A shape of code that reads a flag: exactly one of ${accessorKinds.map((k) => `"${k}"`).join(", ")}`,
  });

function describeKinds(): string {
  const quoted = accessorKinds.map((kind) => `"${kind}"`);
  return `${quoted.slice(0, -1).join(", ")} or ${quoted[quoted.length - 1] ?? ""}`;
}

const flagsSchema = z.strictObject({
  sdks: z.array(z.enum(sdkNames)).optional().describe("SDK presets to recognise (default: all)"),
  accessors: z.array(accessorSchema).optional().describe("Project-specific functions, methods, components and objects that read flags"),
  registry: z
    .union([registryEntry, z.array(registryEntry)])
    .optional()
    .describe('Where the known flag keys are declared: "path#ExportName" or a .json file'),
  env: z.array(nonEmptyString).optional().describe("Globs of environment variable names that are flags"),
  states: z
    .record(z.string(), z.enum(flagStates))
    .optional()
    .describe('Declared state of each flag key; "retired" means every read returns its in-code default'),
});

/** The schema of a deadflag config as users write it; every object is strict, so unknown fields are errors. */
export const configSchema = z.strictObject({
  $schema: z.string().optional().describe("JSON Schema for editors; ignored by deadflag"),
  entry: stringOrStrings.optional().describe("Entry file globs (default: inferred from the project)"),
  project: nonEmptyString.optional().describe("Path to a tsconfig, relative to this config's directory"),
  ignore: z.array(nonEmptyString).optional().describe("Globs of files to leave out of the analysis"),
  tests: z.array(nonEmptyString).optional().describe("Globs of test files, on top of the usual test file names"),
  rules: z
    .partialRecord(z.enum(ruleIds), z.enum(severities))
    .optional()
    .describe('Rule severities: "error", "warn" or "off"'),
  staleAfterDays: z.int().positive().optional().describe("Days after which an unchanged flag is stale (default 90)"),
  developmentDays: z
    .int()
    .nonnegative()
    .optional()
    .describe("Days after its first read during which a flag is in development: its meaning changes are info (default 30)"),
  flags: flagsSchema.optional().describe("How flags are read, declared and what state they are in"),
});

/** A deadflag config as written by users (every field optional); type a `deadflag.config.ts` with it. */
export type DeadflagConfig = z.infer<typeof configSchema>;

/** One accessor as written by users, before normalisation. */
export type AccessorConfig = z.infer<typeof accessorSchema>;

/** The JSON Schema of the config file, for editors (`"$schema"`); draft-07 because editors support it best. */
export function configJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(configSchema, { target: "draft-07", io: "input" });
}

function isRegistryEntry(value: string): boolean {
  const hash = value.indexOf("#");
  if (hash === -1) return value.endsWith(".json");
  return hash > 0 && hash < value.length - 1 && !value.includes("#", hash + 1);
}
