// Precision: calls that look like flag reads but are not must stay out of the index, and keys that
// LaunchDarkly's camelCase conversion cannot tell apart are reported.
import { describe, expect, it } from "vitest";
import { allReads, describeRead, indexSources } from "../helpers/index-sources.js";

function readsOf(files: Record<string, string>): string[] {
  return allReads(indexSources(files)).map(describeRead);
}

describe("no false reads", () => {
  it("ignores a logger's isLevelEnabled and a Map's get, with every SDK enabled", () => {
    expect(
      readsOf({
        "src/app.ts": [
          'import pino from "pino";',
          "const logger = pino();",
          "const cache = new Map<string, number>();",
          'export const debug = logger.isLevelEnabled("debug") ? cache.get("x") : 0;',
        ].join("\n"),
      }),
    ).toEqual([]);
  });

  it("ignores isEnabled, variation and getValue on an instance of a local class", () => {
    expect(
      readsOf({
        "src/cache.ts": [
          "export class Cache {",
          "  isEnabled(key: string) { return key.length > 0; }",
          "  variation(key: string) { return key; }",
          "  getValue(key: string) { return key; }",
          "}",
        ].join("\n"),
        "src/app.ts": [
          'import { Cache } from "./cache";',
          "const cache = new Cache();",
          'export const a = cache.isEnabled("cache-key");',
          'export const b = cache.variation("cache-variation");',
          'export const c = cache.getValue("cache-value");',
        ].join("\n"),
      }),
    ).toEqual([]);
  });

  it("ignores a method named `variation` on an unrelated object literal and on an untyped parameter", () => {
    expect(
      readsOf({
        "src/app.ts": [
          "const palette = { variation(name: string) { return name.toUpperCase(); } };",
          'export const a = palette.variation("bold");',
          'export const b = (theme: any) => theme.variation("italic", false);',
        ].join("\n"),
      }),
    ).toEqual([]);
  });

  it("never reads process.env.NODE_ENV as a flag", () => {
    const index = indexSources({ "src/app.ts": 'if (process.env.NODE_ENV === "production") enableCache();' });
    expect(index).toMatchObject({ flags: [], unresolved: [], collisions: [] });
  });

  it("ignores a `useFlags` and a `useFeatureIsOn` the project defines itself", () => {
    expect(
      readsOf({
        "src/hooks.ts": [
          "export function useFlags() { return { newCheckout: true }; }",
          'export function useFeatureIsOn(name: string) { return name === "always"; }',
        ].join("\n"),
        "src/app.tsx": [
          'import { useFlags, useFeatureIsOn } from "./hooks";',
          "function useLocalFlags() { return { local: true }; }",
          "export function App() {",
          "  const { newCheckout } = useFlags();",
          "  const { local } = useLocalFlags();",
          '  return newCheckout && local && useFeatureIsOn("project-hook");',
          "}",
        ].join("\n"),
      }),
    ).toEqual([]);
  });

  it("ignores isEnabled, isOn and useFlags imported from packages that are not flag SDKs", () => {
    expect(
      readsOf({
        "src/app.ts": [
          'import { isEnabled } from "some-utils";',
          'import { isOn, useFlags } from "@acme/toggles";',
          'export const a = isEnabled("utils-key");',
          'export const b = isOn("acme-key");',
          "export const { betaUser } = useFlags();",
        ].join("\n"),
      }),
    ).toEqual([]);
  });

  it("ignores a generic method name on a receiver it cannot trace, but keeps a name only flag SDKs use", () => {
    expect(
      readsOf({
        "src/app.js": [
          "export function run(service) {",
          '  service.isEnabled("generic-name");',
          '  service.get("generic-get");',
          '  return service.getBooleanValue("distinctive", false);',
          "}",
        ].join("\n"),
      }),
    ).toEqual(["distinctive src/app.js:4:10 openfeature/sdk-method-name default=false"]);
  });
});

describe("LaunchDarkly camelCase keys", () => {
  const sdk = 'import { useFlags, useLDClient } from "launchdarkly-react-client-sdk";';

  it("reports keys that camelCase to the same name (`my-flag`, `my_flag`) and leaves the useFlags() read on its camelCase key", () => {
    const index = indexSources(
      {
        "src/app.tsx": [
          sdk,
          "export function App() {",
          "  const { myFlag } = useFlags();",
          "  const client = useLDClient();",
          '  const a = client?.variation("my-flag", false);',
          '  const b = client?.variation("my_flag", false);',
          "  return myFlag && a && b;",
          "}",
        ].join("\n"),
      },
      { sdks: ["launchdarkly"] },
    );
    expect(index.collisions).toEqual([{ camelCase: "myFlag", keys: ["my-flag", "my_flag"] }]);
    // Ambiguous: the read cannot be linked to either key.
    expect(allReads(index).map((r) => `${r.key} ${r.range.line}:${r.range.column} ${r.keySource}`)).toEqual([
      "my-flag 5:13 literal",
      "myFlag 3:11 camel-case",
      "my_flag 6:13 literal",
    ]);
  });

  it("reports collisions between keys known only from `flags.states`", () => {
    const index = indexSources(
      { "src/app.tsx": [sdk, "export const App = () => useFlags().betaUsers;"].join("\n") },
      { sdks: ["launchdarkly"], states: { "Beta-Users": "on", beta_users: "off", unrelated: "on" } },
    );
    expect(index.collisions).toEqual([{ camelCase: "betaUsers", keys: ["Beta-Users", "beta_users"] }]);
    expect(allReads(index).map((r) => r.key)).toEqual(["betaUsers"]);
  });

  it("links a camelCase read to the one known key it stands for", () => {
    const index = indexSources(
      {
        "src/app.tsx": [
          sdk,
          "export function App() {",
          "  const { newCheckout, enable2Fa } = useFlags();",
          "  return newCheckout || enable2Fa;",
          "}",
        ].join("\n"),
      },
      { sdks: ["launchdarkly"], states: { "new-checkout": "on", enable2fa: "active" } },
    );
    expect(index.collisions).toEqual([]);
    expect(allReads(index).map((r) => `${r.key} ${r.range.line}:${r.range.column} ${r.keySource} ${r.via}`)).toEqual([
      "enable2fa 3:24 camel-case useFlags().enable2Fa",
      "new-checkout 3:11 camel-case useFlags().newCheckout",
    ]);
  });
});
