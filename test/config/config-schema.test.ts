import { describe, expect, it } from "vitest";
import { configJsonSchema, configSchema, ruleIds, sdkNames } from "../../src/config/config-schema.js";

describe("configJsonSchema", () => {
  it("describes the top-level fields and rejects unknown ones, for editors", () => {
    const schema = configJsonSchema();
    expect(schema["additionalProperties"]).toBe(false);
    expect(schema["properties"]).toHaveProperty("flags");
    expect(Object.keys(Object(schema["properties"]))).toEqual([
      "$schema",
      "entry",
      "project",
      "ignore",
      "tests",
      "rules",
      "staleAfterDays",
      "developmentDays",
      "flags",
    ]);
  });

  it("tells editors that an accessor needs exactly one of the fields naming what reads a flag", () => {
    const accessor = configJsonSchema()["properties"];
    expect(JSON.stringify(accessor)).toContain(
      '"oneOf":[{"required":["function"]},{"required":["method"]},{"required":["factory"]},{"required":["jsx"]},{"required":["objectKey"]},{"required":["member"]}]',
    );
  });

  it("lists every rule id as an allowed rules key", () => {
    const text = JSON.stringify(configJsonSchema());
    for (const ruleId of ruleIds) expect(text).toContain(`"${ruleId}"`);
  });
});

describe("configSchema", () => {
  it("accepts the full example config", () => {
    const result = configSchema.safeParse({
      $schema: "./node_modules/deadflag/schema.json",
      entry: ["src/index.ts"],
      project: "tsconfig.json",
      ignore: ["**/generated/**"],
      rules: { "no-unused-export": "warn" },
      staleAfterDays: 90,
      flags: {
        sdks: ["launchdarkly", "openfeature"],
        accessors: [
          { function: "isOn", key: 0 },
          { method: "isLive", key: 0, default: 1 },
          { function: "flag", key: 0, property: "key", defaultProperty: "defaultValue" },
          { function: "getFeatureFlags", returns: "flag-map" },
        ],
        registry: ["src/flags.ts#FEATURE_FLAG", "flags.json"],
        env: ["FEATURE_*", "FF_*"],
        states: { "power-peg": "retired" },
      },
    });
    expect(result.error?.issues).toBeUndefined();
    expect(result.success).toBe(true);
  });

  it("knows the twelve SDK presets", () => {
    expect(sdkNames).toHaveLength(12);
    expect(configSchema.safeParse({ flags: { sdks: [...sdkNames] } }).success).toBe(true);
    expect(configSchema.safeParse({ flags: { sdks: ["optimizely"] } }).success).toBe(false);
  });
});
