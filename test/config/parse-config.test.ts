import { describe, expect, it } from "vitest";
import { ConfigError } from "../../src/config/config-error.js";
import { parseConfig } from "../../src/config/parse-config.js";

const file = "deadflag.config.json";

function messageFor(input: unknown, fieldPrefix: string[] = []): string {
  try {
    parseConfig(input, { file, fieldPrefix });
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error("expected parseConfig to throw");
}

describe("parseConfig errors", () => {
  it("names the file, the field path, the allowed states and the value for a wrong flag state", () => {
    expect(messageFor({ flags: { states: { "power-peg": "maybe" } } })).toBe(
      'deadflag.config.json: flags.states.power-peg: expected one of "on", "off", "retired", "active", got "maybe"',
    );
  });

  it("suggests the closest field for an unknown top-level field", () => {
    expect(messageFor({ entries: ["src/index.ts"] })).toBe('deadflag.config.json: unknown field "entries" (did you mean "entry"?)');
  });

  it("omits the suggestion when no field is close", () => {
    expect(messageFor({ colour: "red" })).toBe('deadflag.config.json: unknown field "colour"');
  });

  it("reports unknown fields in nested objects with their path", () => {
    expect(messageFor({ flags: { registery: "flags.json" } })).toBe(
      'deadflag.config.json: flags: unknown field "registery" (did you mean "registry"?)',
    );
    expect(messageFor({ flags: { accessors: [{ function: "isOn", keys: 0 }] } })).toBe(
      'deadflag.config.json: flags.accessors[0]: unknown field "keys" (did you mean "key"?)',
    );
  });

  it("rejects an unknown rule id, suggesting the closest one", () => {
    expect(messageFor({ rules: { "no-unused-exports": "warn" } })).toBe(
      'deadflag.config.json: rules: unknown key "no-unused-exports" (did you mean "no-unused-export"?)',
    );
  });

  it("lists the rule ids when an unknown one is not close to any", () => {
    expect(messageFor({ rules: { semi: "error" } })).toBe(
      'deadflag.config.json: rules: unknown key "semi", expected one of "no-flag-reuse", "no-dead-flag-branch", ' +
        '"no-unreachable-code", "no-unused-export", "no-unused-file", "no-unknown-flag", "no-unused-flag", "no-stale-flag"',
    );
  });

  it("rejects an unknown severity", () => {
    expect(messageFor({ rules: { "no-unused-file": "warning" } })).toBe(
      'deadflag.config.json: rules.no-unused-file: expected one of "error", "warn", "off", got "warning" (did you mean "warn"?)',
    );
  });

  it("reports the first problem and counts the others", () => {
    expect(messageFor({ entries: [], staleAfterDays: "soon", flags: { env: "FF_*" } })).toBe(
      'deadflag.config.json: staleAfterDays: expected a number, got "soon" (and 2 more)',
    );
  });

  it("counts each unknown field of one object as its own problem", () => {
    expect(messageFor({ colour: 1, size: 2 })).toBe('deadflag.config.json: unknown field "colour" (and 1 more)');
  });

  it("says which types a string-or-array field takes", () => {
    expect(messageFor({ entry: 3 })).toBe("deadflag.config.json: entry: expected a string or an array, got 3");
    expect(messageFor({ entry: ["src/a.ts", 3] })).toBe("deadflag.config.json: entry[1]: expected a string, got 3");
  });

  it("requires a positive integer for staleAfterDays", () => {
    expect(messageFor({ staleAfterDays: 0 })).toBe("deadflag.config.json: staleAfterDays: expected a positive integer, got 0");
    expect(messageFor({ staleAfterDays: 1.5 })).toBe("deadflag.config.json: staleAfterDays: expected an integer, got 1.5");
  });

  it("requires non-negative integer argument indexes in accessors", () => {
    expect(messageFor({ flags: { accessors: [{ method: "isLive", default: -1 }] } })).toBe(
      "deadflag.config.json: flags.accessors[0].default: expected a non-negative integer, got -1",
    );
  });

  it("rejects an accessor with both function and method", () => {
    expect(messageFor({ flags: { accessors: [{ function: "isOn", method: "isOn" }] } })).toBe(
      'deadflag.config.json: flags.accessors[0]: expected exactly one of "function", "method", "factory", "jsx", "objectKey" or "member", got "function" and "method"',
    );
  });

  it("rejects an accessor with neither function nor method", () => {
    expect(messageFor({ flags: { accessors: [{ function: "isOn" }, { key: 1 }] } })).toBe(
      'deadflag.config.json: flags.accessors[1]: expected one of "function", "method", "factory", "jsx", "objectKey" or "member" naming what reads a flag',
    );
  });

  it("rejects an accessor field that does nothing in its combination, naming the field", () => {
    expect(messageFor({ flags: { accessors: [{ function: "useWorkspace", returns: "flag-map", key: 1 }] } })).toBe(
      'deadflag.config.json: flags.accessors[0].key: does nothing with "returns": "flag-map" (the keys are the properties of the result)',
    );
    expect(messageFor({ flags: { accessors: [{ member: "featureFlags", default: 1 }] } })).toBe(
      'deadflag.config.json: flags.accessors[0].default: does nothing with "member"',
    );
    expect(messageFor({ flags: { accessors: [{ objectKey: "featureFlag", env: true }] } })).toBe(
      'deadflag.config.json: flags.accessors[0].env: does nothing with "objectKey"',
    );
    expect(messageFor({ flags: { accessors: [{ factory: "makeFlag", returns: "flag-map" }] } })).toBe(
      'deadflag.config.json: flags.accessors[0].returns: does nothing with "factory"',
    );
    expect(messageFor({ flags: { accessors: [{ method: "isOn", keyProp: "flag" }] } })).toBe(
      'deadflag.config.json: flags.accessors[0].keyProp: does nothing with "method"',
    );
    expect(messageFor({ flags: { accessors: [{ function: "env", env: true, keyCase: "camel" }] } })).toBe(
      'deadflag.config.json: flags.accessors[0].keyCase: does nothing with "env": variable names are read as written',
    );
  });

  it("requires the key prop of a JSX accessor", () => {
    expect(messageFor({ flags: { accessors: [{ jsx: "FeatureFlagToggle" }] } })).toBe(
      'deadflag.config.json: flags.accessors[0]: expected "keyProp", the prop of the component that holds the flag key',
    );
  });

  it("rejects a key casing other than as-is or camel", () => {
    expect(messageFor({ flags: { accessors: [{ function: "useFeature", keyCase: "kebab" }] } })).toBe(
      'deadflag.config.json: flags.accessors[0].keyCase: expected one of "as-is", "camel", got "kebab"',
    );
  });

  it("rejects a registry entry that is neither path#ExportName nor a JSON file", () => {
    expect(messageFor({ flags: { registry: "src/flags.ts" } })).toBe(
      'deadflag.config.json: flags.registry: expected "path#ExportName" or a path to a .json file, got "src/flags.ts"',
    );
    expect(messageFor({ flags: { registry: ["flags.json", "src/flags.ts#"] } })).toBe(
      'deadflag.config.json: flags.registry[1]: expected "path#ExportName" or a path to a .json file, got "src/flags.ts#"',
    );
  });

  it("rejects an unknown SDK name, suggesting the closest one", () => {
    expect(messageFor({ flags: { sdks: ["launchdarkly", "open-feature"] } })).toMatch(
      /^deadflag\.config\.json: flags\.sdks\[1\]: expected one of "launchdarkly", .*, got "open-feature" \(did you mean "openfeature"\?\)$/,
    );
  });

  it("rejects a config that is not an object", () => {
    expect(messageFor(["src/index.ts"])).toBe("deadflag.config.json: expected an object, got an array");
  });

  it("prefixes field paths with the package.json property", () => {
    expect(messageFor({ staleAfterDays: -3 }, ["deadflag"])).toBe(
      "deadflag.config.json: deadflag.staleAfterDays: expected a positive integer, got -3",
    );
    expect(messageFor({ entries: [] }, ["deadflag"])).toBe(
      'deadflag.config.json: deadflag: unknown field "entries" (did you mean "entry"?)',
    );
  });

  it("quotes field names that are not plain words", () => {
    expect(messageFor({ flags: { states: { "checkout.v2": "later" } } })).toBe(
      'deadflag.config.json: flags.states["checkout.v2"]: expected one of "on", "off", "retired", "active", got "later"',
    );
  });

  it("keeps the file on the error and omits it from the message for an inline config", () => {
    let caught: unknown;
    try {
      parseConfig({ ignore: "dist" });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect(caught).toMatchObject({ name: "ConfigError", file: undefined, message: 'ignore: expected an array, got "dist"' });
  });
});
