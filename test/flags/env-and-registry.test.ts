// Environment variables as flags (`flags.env`, the `env` preset) and flag registries
// (`flags.registry`): TypeScript exports and JSON files that declare the project's flags.
import { describe, expect, it } from "vitest";
import { ConfigError, indexFlags, openProject } from "../../src/index.js";
import type { DeadflagConfig, FlagIndex } from "../../src/index.js";
import type { FlagRead } from "../../src/flags/flag-index.js";
import { allReads, indexSources } from "../helpers/index-sources.js";
import { tempProject } from "../helpers/temp-dir.js";

function describeEnv(read: FlagRead): string {
  return `${read.key} ${read.file}:${read.range.line}:${read.range.column} ${read.sdk}/${read.recognisedBy} ${read.keySource} ${read.polarity}`;
}

function textAt(source: string, range: { start: number; end: number } | undefined): string | undefined {
  return range && source.slice(range.start, range.end);
}

describe("environment variables", () => {
  const appText = [
    "export function run() {",
    "  if (process.env.FEATURE_X) x();",
    '  if (process.env["FF_Y"] === "true") y(); else notY();',
    "  const z = import.meta.env.VITE_FEATURE_Z ? 1 : 2;",
    "  const { ENABLE_W, NODE_ENV, PORT } = process.env;",
    '  if (ENABLE_W !== "true") withoutW();',
    '  if (process.env.NODE_ENV === "production") prod();',
    "  if (process.env.PAYMENTS_ENABLED) payments();",
    "  if (process.env.DEBUG) debug();",
    "  return [z, NODE_ENV, PORT];",
    "}",
  ].join("\n");

  it("indexes process.env, process.env[…], import.meta.env and destructured names that match the default globs", () => {
    expect(allReads(indexSources({ "src/app.ts": appText })).map(describeEnv)).toEqual([
      "ENABLE_W src/app.ts:5:11 env/env env-name negative",
      "FEATURE_X src/app.ts:2:7 env/env env-name positive",
      "FF_Y src/app.ts:3:7 env/env env-name positive",
      "PAYMENTS_ENABLED src/app.ts:8:7 env/env env-name positive",
      "VITE_FEATURE_Z src/app.ts:4:13 env/env env-name positive",
    ]);
  });

  it("records the code each env read guards, with `compare` for string comparisons", () => {
    const index = indexSources({ "src/app.ts": appText });
    const read = (key: string): FlagRead | undefined => allReads(index).find((r) => r.key === key);
    expect(read("FEATURE_X")?.guards.map((g) => [g.kind, textAt(appText, g.on?.range), textAt(appText, g.off?.range)])).toEqual([
      ["if", "x();", undefined],
    ]);
    expect(read("FF_Y")?.guards[0]).toMatchObject({ kind: "if", polarity: "positive", compare: "true" });
    expect(textAt(appText, read("FF_Y")?.guards[0]?.on?.range)).toBe("y();");
    expect(textAt(appText, read("FF_Y")?.guards[0]?.off?.range)).toBe("notY();");
    expect(read("ENABLE_W")?.guards[0]).toMatchObject({ kind: "if", polarity: "negative", compare: "true", via: "ENABLE_W" });
    expect(textAt(appText, read("ENABLE_W")?.guards[0]?.off?.range)).toBe("withoutW();");
    expect(read("VITE_FEATURE_Z")?.guards[0]?.kind).toBe("ternary");
    expect(read("FEATURE_X")).toMatchObject({ via: "process.env.FEATURE_X", enclosing: "run" });
  });

  it("names import.meta.env in the `via` of an import.meta.env read", () => {
    const index = indexSources({ "src/app.ts": "export const z = import.meta.env.VITE_FEATURE_Z ? 1 : 2;\n" });
    expect(allReads(index).map((r) => r.via)).toEqual(["import.meta.env.VITE_FEATURE_Z"]);
  });

  it("never takes NODE_ENV (or a name no glob matches) for a flag", () => {
    const index = indexSources({ "src/app.ts": appText });
    expect(index.flags.map((f) => f.key)).not.toContain("NODE_ENV");
    expect(index.flags.map((f) => f.key)).not.toContain("DEBUG");
    expect(index.flags.map((f) => f.key)).not.toContain("PORT");
  });

  it("matches custom `flags.env` globs instead of the defaults", () => {
    const index = indexSources(
      { "src/app.ts": ["if (process.env.MY_TOGGLE) a();", "if (process.env.FEATURE_X) b();", "if (process.env.NODE_ENV) c();"].join("\n") },
      { env: ["MY_*", "NODE_*"] },
    );
    // NODE_ENV is a flag here only because the user's own glob says so.
    expect(allReads(index).map(describeEnv)).toEqual(["MY_TOGGLE src/app.ts:1:5 env/env env-name positive", "NODE_ENV src/app.ts:3:5 env/env env-name positive"]);
  });

  it("with the default globs, takes a matching name for a flag only where a read tests it as a boolean", () => {
    const files = {
      "src/worker.ts": [
        "export const config = { workers: process.env.WORKER_ENABLED, port: process.env.PORT };",
        "export const isBeta = !!process.env.BETA_ENABLED;",
        "const enabled = process.env.SEARCH_ENABLED;",
        "export const search = enabled ? 1 : 2;",
      ].join("\n"),
    };
    expect(allReads(indexSources(files)).map(describeEnv)).toEqual([
      "BETA_ENABLED src/worker.ts:2:25 env/env env-name positive",
      "SEARCH_ENABLED src/worker.ts:3:17 env/env env-name positive",
    ]);
    // Configured globs name flags on purpose: every read of a matching name counts.
    expect(allReads(indexSources(files, { env: ["*_ENABLED"] })).map((r) => r.key)).toEqual([
      "BETA_ENABLED",
      "SEARCH_ENABLED",
      "WORKER_ENABLED",
    ]);
  });

  it("never takes an assignment to process.env (a test's setup) for a read", () => {
    const files = { "test/setup.ts": ['process.env.FEATURE_X = "true";', 'process.env["FEATURE_Y"] = "1";'].join("\n") };
    expect(indexSources(files, { env: ["FEATURE_*"] }).flags).toEqual([]);
  });

  it("reads no env flags when `flags.sdks` leaves out `env`, or `flags.env` is empty", () => {
    const files = { "src/app.ts": "if (process.env.FEATURE_X) a();" };
    expect(indexSources(files, { sdks: ["openfeature"] }).flags).toEqual([]);
    expect(indexSources(files, { env: [] }).flags).toEqual([]);
    expect(indexSources(files, { sdks: ["env"] }).flags.map((f) => f.key)).toEqual(["FEATURE_X"]);
  });
});

describe("registry (flags.registry)", () => {
  async function indexProject(files: Record<string, string>, flags: DeadflagConfig["flags"]): Promise<FlagIndex> {
    const root = tempProject({
      "package.json": JSON.stringify({ name: "fixture", private: true }),
      "deadflag.config.json": JSON.stringify({ flags }),
      ...files,
    });
    return indexFlags(await openProject({ root, cache: false }));
  }

  async function registryError(files: Record<string, string>, registry: string[]): Promise<ConfigError> {
    const error: unknown = await indexProject(files, { registry }).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    if (!(error instanceof ConfigError)) throw new Error(`expected a ConfigError, got ${String(error)}`);
    return error;
  }

  /** `key line:source default` for each declaration of each flag. */
  function declarationsOf(index: FlagIndex): string[] {
    return index.flags.flatMap((flag) =>
      flag.declarations.map((d) => {
        const defaultPart = d.default === undefined ? "" : ` default=${JSON.stringify(d.default)}`;
        return `${d.key} ${d.file}${d.line === undefined ? "" : `:${d.line}`} ${d.source}${defaultPart}`;
      }),
    );
  }

  const registryFile = [
    "// The project's flags.",
    'export enum Flag { PowerPeg = "power-peg", SmartRouting = "smart-routing" }',
    'export const KEYS = { checkout: "new-checkout", search: "old-search" } as const;',
    'export const DEFAULTS: Record<string, boolean | string | number> = { "dark-mode": false, "button-color": 1, tier: "basic" };',
    'export const LIST = ["list-a", "list-b"] as const;',
    'export type Union = "union-a" | "union-b";',
    'export interface Features { "iface-a": boolean; ifaceB: string }',
    "export const DETAILED = { beta: { defaultValue: true }, gamma: { description: 'none' } };",
  ].join("\n");

  it("declares keys from an enum, an `as const` object of keys, a Record of defaults and an `as const` array", async () => {
    const index = await indexProject({ "src/flags.ts": registryFile }, {
      registry: ["src/flags.ts#Flag", "src/flags.ts#KEYS", "src/flags.ts#DEFAULTS", "src/flags.ts#LIST"],
    });
    expect(declarationsOf(index)).toEqual([
      'button-color src/flags.ts:4 src/flags.ts#DEFAULTS default=1',
      'dark-mode src/flags.ts:4 src/flags.ts#DEFAULTS default=false',
      "list-a src/flags.ts:5 src/flags.ts#LIST",
      "list-b src/flags.ts:5 src/flags.ts#LIST",
      "new-checkout src/flags.ts:3 src/flags.ts#KEYS",
      "old-search src/flags.ts:3 src/flags.ts#KEYS",
      "power-peg src/flags.ts:2 src/flags.ts#Flag",
      "smart-routing src/flags.ts:2 src/flags.ts#Flag",
      'tier src/flags.ts:4 src/flags.ts#DEFAULTS default="basic"',
    ]);
  });

  it("declares keys from a union of string literals, an interface, and objects of `{ defaultValue }`", async () => {
    const index = await indexProject({ "src/flags.ts": registryFile }, {
      registry: ["src/flags.ts#Union", "src/flags.ts#Features", "src/flags.ts#DETAILED"],
    });
    expect(declarationsOf(index)).toEqual([
      "beta src/flags.ts:8 src/flags.ts#DETAILED default=true",
      "gamma src/flags.ts:8 src/flags.ts#DETAILED",
      "iface-a src/flags.ts:7 src/flags.ts#Features",
      "ifaceB src/flags.ts:7 src/flags.ts#Features",
      "union-a src/flags.ts:6 src/flags.ts#Union",
      "union-b src/flags.ts:6 src/flags.ts#Union",
    ]);
  });

  it("declares the keys spreads bring into an array or object, from this file or another, and a one-member union", async () => {
    const index = await indexProject(
      {
        "src/preview.ts": 'export const previewFlags = ["preview-a", "preview-b"] as const;\n',
        "src/flags.ts": [
          'import { previewFlags } from "./preview";',
          'const base = { "base-flag": true, "over": false };',
          'export const ALL = [...previewFlags, "own"] as const;',
          'export const DEFAULTS = { ...base, over: true, extra: "x" };',
          'export type Only = "only-one";',
        ].join("\n"),
      },
      { registry: ["src/flags.ts#ALL", "src/flags.ts#DEFAULTS", "src/flags.ts#Only"] },
    );
    expect(declarationsOf(index)).toEqual([
      "base-flag src/flags.ts:4 src/flags.ts#DEFAULTS default=true",
      'extra src/flags.ts:4 src/flags.ts#DEFAULTS default="x"',
      "only-one src/flags.ts:5 src/flags.ts#Only",
      "over src/flags.ts:4 src/flags.ts#DEFAULTS default=true",
      "own src/flags.ts:3 src/flags.ts#ALL",
      "preview-a src/flags.ts:3 src/flags.ts#ALL",
      "preview-b src/flags.ts:3 src/flags.ts#ALL",
    ]);
  });

  it("declares the keys and defaults of the local object of literals a registry function returns", async () => {
    const index = await indexProject(
      {
        "src/flags.ts": [
          "export async function getFeatureFlags(teamId?: string) {",
          "  const teamFeatures = { tokens: false, ai: false, region: \"eu\" };",
          "  if (!teamId) return Object.fromEntries(Object.entries(teamFeatures));",
          "  return teamFeatures;",
          "}",
        ].join("\n"),
      },
      { registry: ["src/flags.ts#getFeatureFlags"] },
    );
    expect(declarationsOf(index)).toEqual([
      "ai src/flags.ts:1 src/flags.ts#getFeatureFlags default=false",
      'region src/flags.ts:1 src/flags.ts#getFeatureFlags default="eu"',
      "tokens src/flags.ts:1 src/flags.ts#getFeatureFlags default=false",
    ]);
  });

  it("declares environment variables of the registry as flags, tested or not", async () => {
    const index = await indexProject(
      { "src/flags.ts": 'export const ENV_FLAGS = ["WORKER_ENABLED"] as const;\n', "src/app.ts": "export const w = process.env.WORKER_ENABLED;\n" },
      { registry: ["src/flags.ts#ENV_FLAGS"] },
    );
    expect(index.flags.map((f) => [f.key, f.references.map((r) => `${r.file}:${r.range.line}`)])).toEqual([["WORKER_ENABLED", ["src/app.ts:1"]]]);
  });

  it("reports a re-exported registry at its declaration: the file and the line where it is declared", async () => {
    const index = await indexProject(
      { "src/flags.ts": registryFile, "src/index.ts": ['export { Flag } from "./flags";', 'export * from "./flags";'].join("\n") },
      { registry: ["src/index.ts#Flag", "src/index.ts#LIST"] },
    );
    expect(declarationsOf(index)).toEqual([
      "list-a src/flags.ts:5 src/index.ts#LIST",
      "list-b src/flags.ts:5 src/index.ts#LIST",
      "power-peg src/flags.ts:2 src/index.ts#Flag",
      "smart-routing src/flags.ts:2 src/index.ts#Flag",
    ]);
  });

  it("declares the keys of a registry that is a property of another constant, not the keys of the whole constant", async () => {
    const index = await indexProject(
      {
        "src/flags.ts": [
          'const CONFIG = { flags: { checkout: "new-checkout" }, api: { url: "https://example.com" } } as const;',
          "export const FLAGS = CONFIG.flags;",
        ].join("\n"),
      },
      { registry: ["src/flags.ts#FLAGS"] },
    );
    expect(declarationsOf(index)).toEqual(["new-checkout src/flags.ts:2 src/flags.ts#FLAGS"]);
  });

  it("declares keys from JSON files: an object of defaults, an array of keys, and `{ items: [{ key }] }`", async () => {
    const index = await indexProject(
      {
        "flags/defaults.json": JSON.stringify({ "json-bool": true, "json-str": "x", "json-obj": { a: 1 } }),
        "flags/list.json": JSON.stringify(["json-list-a", "json-list-b"]),
        "flags/launchdarkly.json": `\uFEFF${JSON.stringify({ items: [{ key: "ld-a" }, { key: "ld-b", name: "B" }, { name: "no key" }] })}`,
      },
      { registry: ["flags/defaults.json", "flags/list.json", "flags/launchdarkly.json"] },
    );
    expect(declarationsOf(index)).toEqual([
      "json-bool flags/defaults.json flags/defaults.json default=true",
      "json-list-a flags/list.json flags/list.json",
      "json-list-b flags/list.json flags/list.json",
      "json-obj flags/defaults.json flags/defaults.json",
      'json-str flags/defaults.json flags/defaults.json default="x"',
      "ld-a flags/launchdarkly.json flags/launchdarkly.json",
      "ld-b flags/launchdarkly.json flags/launchdarkly.json",
    ]);
  });

  it("lists a declared flag that nothing reads with its declarations and no references, next to a read one", async () => {
    const index = await indexProject(
      {
        "src/flags.ts": registryFile,
        "src/app.ts": [
          'import { OpenFeature } from "@openfeature/server-sdk";',
          'import { Flag } from "./flags";',
          "const client = OpenFeature.getClient();",
          "export const on = client.getBooleanValue(Flag.SmartRouting, false);",
        ].join("\n"),
      },
      { registry: ["src/flags.ts#Flag"], states: { "power-peg": "retired" } },
    );
    expect(index.flags.map((f) => ({ key: f.key, state: f.state, reads: f.references.length, declared: f.declarations.length, sdks: f.sdks }))).toEqual([
      { key: "power-peg", state: "retired", reads: 0, declared: 1, sdks: [] },
      { key: "smart-routing", state: null, reads: 1, declared: 1, sdks: ["openfeature"] },
    ]);
    expect(index.flags[1]?.references[0]).toMatchObject({ file: "src/app.ts", range: { line: 4, column: 19 }, keySource: "constant" });
  });

  it("links a LaunchDarkly camelCase read to the registry key it stands for", async () => {
    const index = await indexProject(
      {
        "src/flags.ts": 'export enum Flag { NewCheckout = "new-checkout" }',
        "src/app.tsx": [
          'import { useFlags } from "launchdarkly-react-client-sdk";',
          "export const App = () => (useFlags().newCheckout ? 1 : 0);",
        ].join("\n"),
      },
      { sdks: ["launchdarkly"], registry: ["src/flags.ts#Flag"] },
    );
    expect(index.flags.map((f) => [f.key, f.references.map((r) => `${r.file}:${r.range.line}:${r.range.column} ${r.keySource}`), f.declarations.length])).toEqual([
      ["new-checkout", ["src/app.tsx:2:27 camel-case"], 1],
    ]);
  });

  describe("errors", () => {
    it("names the entry and the file when the export is missing", async () => {
      const error = await registryError({ "src/flags.ts": registryFile }, ["src/flags.ts#Flag", "src/flags.ts#Missing"]);
      expect(error.message).toBe('deadflag.config.json: flags.registry[1]: src/flags.ts has no export named "Missing"');
    });

    it("names the entry and the file when the file is not a source file of the project", async () => {
      const error = await registryError({ "src/flags.ts": registryFile }, ["src/nowhere.ts#Flag"]);
      expect(error.message).toBe("deadflag.config.json: flags.registry[0]: src/nowhere.ts is not a source file of the project");
    });

    it("names the entry and the file when the export lists no keys", async () => {
      const error = await registryError({ "src/flags.ts": "export function Flag() { return 1; }\n" }, ["src/flags.ts#Flag"]);
      expect(error.message).toBe(
        "deadflag.config.json: flags.registry[0]: src/flags.ts#Flag is not an enum, a constant object or array, a type listing flag keys, or a function returning an object of defaults",
      );
    });

    it("explains invalid JSON on one line, with the line and column of the error", async () => {
      const error = await registryError({ "flags.json": '{\n  "a": true,\n  "b": tru\n}\n' }, ["flags.json"]);
      expect(error.message).toMatch(/^deadflag\.config\.json: flags\.registry\[0\]: flags\.json is not valid JSON: \S[^\n]*$/);
      expect(error.message).not.toContain("\n");
    });

    it("turns V8's offset into a line and column", async () => {
      const error = await registryError({ "flags.json": '{\n  "a": true,\n}\n' }, ["flags.json"]);
      expect(error.message).toMatch(/^deadflag\.config\.json: flags\.registry\[0\]: flags\.json is not valid JSON: \S.* at line 3, column 1$/);
    });

    it("explains truncated JSON", async () => {
      const error = await registryError({ "flags.json": '{ "a": ' }, ["flags.json"]);
      expect(error.message).toMatch(/^deadflag\.config\.json: flags\.registry\[0\]: flags\.json is not valid JSON: \S[^\n]*$/);
    });

    it("says when a JSON file does not exist", async () => {
      const error = await registryError({}, ["missing.json"]);
      expect(error.message).toBe("deadflag.config.json: flags.registry[0]: missing.json does not exist");
    });

    it("says what a JSON registry must hold when it holds something else", async () => {
      const error = await registryError({ "flags.json": '"just a string"' }, ["flags.json"]);
      expect(error.message).toBe(
        'deadflag.config.json: flags.registry[0]: flags.json must hold an object of flag defaults, an array of keys, or { "items": [{ "key": … }] }',
      );
    });
  });
});
