import { describe, expect, it } from "vitest";
import { sdkNames } from "../../src/config/config-schema.js";
import { parseConfig } from "../../src/config/parse-config.js";
import { resolveConfig } from "../../src/config/resolve-config.js";

describe("resolveConfig", () => {
  it("applies every default to an empty config", () => {
    expect(resolveConfig({})).toEqual({
      entry: [],
      project: undefined,
      ignore: [],
      tests: [],
      rules: {},
      staleAfterDays: 90,
      developmentDays: 30,
      flags: {
        sdks: [...sdkNames],
        accessors: [],
        registry: [],
        env: ["FEATURE_*", "FF_*", "*_FEATURE_*", "ENABLE_*", "*_ENABLED"],
        envConfigured: false,
        states: {},
      },
    });
  });

  it("keeps what the user set and turns single strings into lists", () => {
    expect(
      parseConfig({
        entry: "src/main.ts",
        project: "tsconfig.app.json",
        ignore: ["**/generated/**"],
        tests: ["**/*.clienttest.tsx"],
        rules: { "no-unused-export": "warn" },
        staleAfterDays: 30,
        developmentDays: 14,
        flags: { sdks: [], registry: "flags.json", env: ["MY_FLAG_*"], states: { "power-peg": "retired" } },
      }),
    ).toEqual({
      entry: ["src/main.ts"],
      project: "tsconfig.app.json",
      ignore: ["**/generated/**"],
      tests: ["**/*.clienttest.tsx"],
      rules: { "no-unused-export": "warn" },
      staleAfterDays: 30,
      developmentDays: 14,
      flags: {
        sdks: [],
        accessors: [],
        registry: ["flags.json"],
        env: ["MY_FLAG_*"],
        envConfigured: true,
        states: { "power-peg": "retired" },
      },
    });
  });

  it("does not share the default lists between results", () => {
    const first = resolveConfig({});
    first.flags.env.push("MINE_*");
    first.flags.sdks.pop();
    expect(resolveConfig({}).flags.env).toHaveLength(5);
    expect(resolveConfig({}).flags.sdks).toHaveLength(sdkNames.length);
  });

  it("normalises every kind of accessor, keeping only the fields that do something", () => {
    const { flags } = parseConfig({
      flags: {
        accessors: [
          { factory: "makeFlag", property: "key", keyCase: "camel" },
          { jsx: "FeatureFlagToggle", keyProp: "featureFlag" },
          { objectKey: "featureFlag", keyCase: "as-is" },
          { member: "user.featureFlags" },
          { function: "env", env: true },
          { function: "useWorkspace", returns: "flag-map", property: "flags" },
        ],
      },
    });
    expect(flags.accessors).toStrictEqual([
      { kind: "factory", name: "makeFlag", key: 0, property: "key", keyCase: "camel" },
      { kind: "jsx", name: "FeatureFlagToggle", keyProp: "featureFlag" },
      { kind: "object-key", name: "featureFlag" },
      { kind: "member", path: ["user", "featureFlags"] },
      { kind: "function", name: "env", key: 0, env: true },
      { kind: "function", name: "useWorkspace", key: 0, property: "flags", returns: "flag-map" },
    ]);
  });

  it("normalises accessors into kind and name, with the key index defaulting to 0", () => {
    const { flags } = parseConfig({
      flags: {
        accessors: [
          { function: "isOn" },
          { method: "isLive", key: 1, default: 2 },
          { function: "flag", property: "key", defaultProperty: "defaultValue" },
          { method: "getFeatureFlags", returns: "flag-map" },
        ],
      },
    });
    expect(flags.accessors).toStrictEqual([
      { kind: "function", name: "isOn", key: 0 },
      { kind: "method", name: "isLive", key: 1, default: 2 },
      { kind: "function", name: "flag", key: 0, default: 0, property: "key", defaultProperty: "defaultValue" },
      { kind: "method", name: "getFeatureFlags", key: 0, returns: "flag-map" },
    ]);
  });

  it("reads a defaultProperty from the argument the user names", () => {
    const { flags } = parseConfig({ flags: { accessors: [{ function: "flag", key: 1, default: 2, defaultProperty: "fallback" }] } });
    expect(flags.accessors[0]).toStrictEqual({ kind: "function", name: "flag", key: 1, default: 2, defaultProperty: "fallback" });
  });
});
