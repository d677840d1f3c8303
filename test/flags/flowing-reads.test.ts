// Reads that flow (issue 8, item 5): a flag map's value followed through variables, element access
// with constant keys, destructuring, parameters the map is passed to (across files), route loader
// data; accessors declared by factory, camelCased keys, wrapper default parameters, `env(…)`
// helpers, and SDK method names on a receiver imported through an alias that does not resolve.
import { describe, expect, it } from "vitest";
import type { DeadflagConfig } from "../../src/config/config-schema.js";
import type { FlagRead } from "../../src/flags/flag-index.js";
import { allReads, describeRead, indexSources } from "../helpers/index-sources.js";

const flagMap: DeadflagConfig["flags"] = { accessors: [{ function: "getFeatureFlags", returns: "flag-map" }] };

function readsOf(files: Record<string, string>, flags: DeadflagConfig["flags"] = flagMap): string[] {
  return allReads(indexSources(files, flags)).map(describeRead);
}

function textAt(source: string, range: { start: number; end: number } | undefined): string | undefined {
  return range && source.slice(range.start, range.end);
}

function readAt(files: Record<string, string>, key: string, flags: DeadflagConfig["flags"] = flagMap): FlagRead {
  const read = allReads(indexSources(files, flags)).find((r) => r.key === key);
  if (!read) throw new Error(`no read of ${key}`);
  return read;
}

const flagsModule = 'export async function getFeatureFlags(team: string) { return { [team]: true }; }\n';

describe("flag maps followed through the file", () => {
  it("reads element access with a constant key, optional or not, through an imported constant object", () => {
    const app = [
      'import { getFeatureFlags } from "./flags";',
      'import { FEATURE_FLAG } from "./keys";',
      'const KEY = "local-key";',
      "export async function page(teamId: string) {",
      "  const orgFlags = await getFeatureFlags(teamId);",
      "  if (orgFlags?.[FEATURE_FLAG.billing]) billing();",
      "  return orgFlags[KEY] ? 1 : 2;",
      "}",
    ].join("\n");
    const files = {
      "src/flags.ts": flagsModule,
      "src/keys.ts": 'export const FEATURE_FLAG = { billing: "new-billing" } as const;\n',
      "src/app.ts": app,
    };
    expect(readsOf(files)).toEqual(["local-key src/app.ts:7:10 accessor/accessor", "new-billing src/app.ts:6:7 accessor/accessor"]);
    const billing = readAt(files, "new-billing");
    expect(billing).toMatchObject({ keySource: "constant", via: "getFeatureFlags().FEATURE_FLAG.billing", enclosing: "page" });
    expect(textAt(app, billing.range)).toBe("orgFlags?.[FEATURE_FLAG.billing]");
    expect(billing.guards.map((g) => [g.kind, textAt(app, g.on?.range)])).toEqual([["if", "billing();"]]);
  });

  it("follows the map through a second variable and a destructuring of that variable", () => {
    const app = [
      'import { getFeatureFlags } from "./flags";',
      "export async function run() {",
      "  const flags = await getFeatureFlags();",
      "  const same = flags;",
      "  const { ai, sso: singleSignOn } = same;",
      "  if (ai) chat();",
      "  return singleSignOn && same.tokens;",
      "}",
    ].join("\n");
    expect(readsOf({ "src/flags.ts": flagsModule, "src/app.ts": app })).toEqual([
      "ai src/app.ts:5:11 accessor/accessor",
      "sso src/app.ts:5:15 accessor/accessor",
      "tokens src/app.ts:7:26 accessor/accessor",
    ]);
    const ai = readAt({ "src/flags.ts": flagsModule, "src/app.ts": app }, "ai");
    expect(ai.guards.map((g) => [g.kind, textAt(app, g.on?.range)])).toEqual([["if", "chat();"]]);
  });

  it("follows a map awaited together with other values into its element of the destructured array", () => {
    const app = [
      'import { getFeatureFlags } from "./flags";',
      "export async function overview() {",
      "  const [doc, flags] = await Promise.all([loadDoc(), getFeatureFlags()]);",
      "  return { doc, annotations: flags.annotations };",
      "}",
    ].join("\n");
    expect(readsOf({ "src/flags.ts": flagsModule, "src/app.ts": app })).toEqual(["annotations src/app.ts:4:30 accessor/accessor"]);
  });

  it("does not read a member assigned to, nor a method called on the map", () => {
    const app = [
      'import { getFeatureFlags } from "./flags";',
      "export async function run() {",
      "  const flags = await getFeatureFlags();",
      "  flags.patched = true;",
      '  return flags.hasOwnProperty("x");',
      "}",
    ].join("\n");
    expect(readsOf({ "src/flags.ts": flagsModule, "src/app.ts": app })).toEqual([]);
  });

  it("follows a map passed as an argument into the parameter of a function in another file", () => {
    const files = {
      "src/flags.ts": flagsModule,
      "src/check.ts": [
        "export function canExport(flags: Record<string, boolean>, plan: string) {",
        '  if (flags.exports && plan !== "free") return true;',
        "  return forward(flags);",
        "}",
        "function forward(map: Record<string, boolean>) {",
        "  return map.deepExports;",
        "}",
      ].join("\n"),
      "src/app.ts": [
        'import { getFeatureFlags } from "./flags";',
        'import { canExport } from "./check";',
        "export async function run() {",
        '  return canExport(await getFeatureFlags(), "pro");',
        "}",
      ].join("\n"),
    };
    expect(readsOf(files)).toEqual(["deepExports src/check.ts:6:10 accessor/accessor", "exports src/check.ts:2:7 accessor/accessor"]);
    expect(readAt(files, "exports")).toMatchObject({ via: "canExport(getFeatureFlags()).exports", enclosing: "canExport" });
    expect(readAt(files, "exports").guards.map((g) => g.kind)).toEqual(["early-exit"]);
  });

  it("does not read the parameters of a function no map is passed to", () => {
    const files = {
      "src/flags.ts": flagsModule,
      "src/check.ts": "export function canExport(options: { exports: boolean }) { return options.exports; }\n",
      "src/app.ts": ['import { canExport } from "./check";', "export const ok = canExport({ exports: true });"].join("\n"),
    };
    expect(readsOf(files)).toEqual([]);
  });

  it("follows a map a project function returns into its callers, in other files, also inside a returned object", () => {
    const files = {
      "src/flags.ts": flagsModule,
      "src/load.ts": [
        'import { getFeatureFlags } from "./flags";',
        "export async function loadFlags() {",
        "  const flags = await getFeatureFlags();",
        "  return flags;",
        "}",
        "export const loadContext = async () => ({ user: 1, flags: await getFeatureFlags() });",
        "export function identity<T>(value: T): T {",
        "  return value;",
        "}",
      ].join("\n"),
      "src/app.ts": [
        'import { identity, loadContext, loadFlags } from "./load";',
        "export async function run() {",
        "  const flags = await loadFlags();",
        "  const { flags: contextFlags } = await loadContext();",
        "  const settings = identity({ theme: 1 });",
        "  return flags.fromFunction && contextFlags.fromContext && settings.theme;",
        "}",
      ].join("\n"),
    };
    expect(readsOf(files)).toEqual([
      "fromContext src/app.ts:6:32 accessor/accessor",
      "fromFunction src/app.ts:6:10 accessor/accessor",
    ]);
    expect(allReads(indexSources(files, flagMap)).find((r) => r.key === "fromFunction")?.via).toBe("loadFlags().fromFunction");
  });

  it("follows a map passed as a JSX prop into a component that destructures it", () => {
    const nav = [
      "export function Nav({ flags, title }: { flags: Record<string, boolean>; title: string }) {",
      "  return <nav>{flags.newNav ? <NewLinks /> : <OldLinks />}{title}</nav>;",
      "}",
    ].join("\n");
    const files = {
      "src/flags.ts": flagsModule,
      "src/Nav.tsx": nav,
      "src/App.tsx": [
        'import { getFeatureFlags } from "./flags";',
        'import { Nav } from "./Nav";',
        "export async function App() {",
        "  const flags = await getFeatureFlags();",
        '  return <Nav flags={flags} title="home" />;',
        "}",
      ].join("\n"),
    };
    expect(readsOf(files)).toEqual(["newNav src/Nav.tsx:2:16 accessor/accessor"]);
    const read = readAt(files, "newNav");
    expect(read.guards.map((g) => [g.kind, textAt(nav, g.on?.range), textAt(nav, g.off?.range)])).toEqual([
      ["ternary", "<NewLinks />", "<OldLinks />"],
    ]);
  });

  it("follows a route loader's flags into useLoaderData() and React Router's loaderData prop", () => {
    const route = [
      'import { json, useLoaderData } from "@remix-run/react";',
      'import { getFeatureFlags } from "../flags";',
      "export async function loader() {",
      "  const flags = await getFeatureFlags();",
      "  return json({ flags, user: 1 });",
      "}",
      "export function Banner() {",
      "  const { flags } = useLoaderData<typeof loader>();",
      "  return flags.banner ? <b /> : null;",
      "}",
      "export default function Route({ loaderData }: { loaderData: { flags: Record<string, boolean> } }) {",
      "  return loaderData.flags.sidebar ? <aside /> : null;",
      "}",
    ].join("\n");
    expect(readsOf({ "src/flags.ts": flagsModule, "app/routes/home.tsx": route })).toEqual([
      "banner app/routes/home.tsx:9:10 accessor/accessor",
      "sidebar app/routes/home.tsx:12:10 accessor/accessor",
    ]);
  });

  it("makes a function that reads the map with its parameter as the key a wrapper", () => {
    const files = {
      "src/license.ts": [
        "export async function getLicenseFeatures() { return {}; }",
        "async function hasFeature(featureKey: string) {",
        "  const features = await getLicenseFeatures();",
        "  return features[featureKey] ?? false;",
        "}",
        'export const isSsoEnabled = () => hasFeature("sso");',
      ].join("\n"),
      "src/app.ts": ['import { isSsoEnabled } from "./license";', "export const x = async () => ((await isSsoEnabled()) ? 1 : 2);"].join("\n"),
    };
    const reads = allReads(indexSources(files, { accessors: [{ function: "getLicenseFeatures", returns: "flag-map" }] }));
    expect(reads.map((r) => `${describeRead(r)} ${r.wrapper?.name ?? ""}`)).toEqual([
      "sso src/app.ts:2:38 accessor/wrapper isSsoEnabled",
      "sso src/license.ts:6:35 accessor/wrapper hasFeature",
    ]);
  });
});

describe("a map indexed by an option of a route wrapper", () => {
  it("reads the option's key where the wrapper is called with it, and nothing where the option is left out", () => {
    const files = {
      "src/flags.ts": flagsModule,
      "src/auth.ts": [
        'import { getFeatureFlags } from "./flags";',
        "export const withWorkspace = (handler: () => unknown, { featureFlag, requiredPlan = [] }: { featureFlag?: string; requiredPlan?: string[] } = {}) => {",
        "  return async () => {",
        "    if (featureFlag) {",
        "      const flags = await getFeatureFlags();",
        '      if (!flags[featureFlag]) throw new Error("beta");',
        "    }",
        "    return handler();",
        "  };",
        "};",
      ].join("\n"),
      "src/route.ts": [
        'import { withWorkspace } from "./auth";',
        "export const GET = withWorkspace(() => 1, {",
        '  featureFlag: "site-visits",',
        "});",
        'export const POST = withWorkspace(() => 2, { requiredPlan: ["pro"] });',
      ].join("\n"),
    };
    const index = indexSources(files, flagMap);
    expect(allReads(index).map((r) => `${describeRead(r)} ${r.wrapper?.name ?? ""}`)).toEqual([
      "site-visits src/route.ts:2:20 accessor/wrapper withWorkspace",
    ]);
    expect(index.unresolved).toEqual([]);
  });
});

describe("accessors declared by factory", () => {
  const files = {
    "src/flags.ts": [
      'import { createFlagReader } from "flag-kit";',
      "export const flag = createFlagReader();",
    ].join("\n"),
    "src/app.ts": [
      'import { flag } from "./flags";',
      'import { createFlagReader } from "flag-kit";',
      "export function run() {",
      '  if (flag({ key: "module-level" })) a();',
      "  const local = createFlagReader();",
      '  return local({ key: "local-reader" }) ? 1 : 2;',
      "}",
    ].join("\n"),
    "src/other.ts": ["function flags(name: string) { return name; }", 'export const label = flags("not-a-flag");'].join("\n"),
  };

  it("reads the calls of any function the factory returned, whatever its local name", () => {
    expect(readsOf(files, { accessors: [{ factory: "createFlagReader", property: "key" }] })).toEqual([
      "local-reader src/app.ts:6:10 accessor/accessor",
      "module-level src/app.ts:4:7 accessor/accessor",
    ]);
  });

  it("does not take another function with an accessor-like name for a reader", () => {
    const keys = allReads(indexSources(files, { accessors: [{ factory: "createFlagReader", property: "key" }] })).map((r) => r.key);
    expect(keys).not.toContain("not-a-flag");
  });
});

describe("key casing, wrapper defaults, env helpers and unresolved aliases", () => {
  it('links a camelCased key of a "keyCase": "camel" accessor to the one known key that camelCases to it', () => {
    const files = {
      "src/Chat.tsx": [
        'import { useFeature } from "./features";',
        "export function Chat() {",
        '  return useFeature("liveChat") ? <Live /> : null;',
        "}",
      ].join("\n"),
    };
    const index = indexSources(files, { accessors: [{ function: "useFeature", keyCase: "camel" }], states: { "live-chat": "active" } });
    expect(allReads(index).map(describeRead)).toEqual(["live-chat src/Chat.tsx:3:10 accessor/accessor"]);
    expect(allReads(index)[0]?.keySource).toBe("camel-case");
  });

  it("makes a camelCased wrapper over LaunchDarkly's useFlags() link its keys to the declared key", () => {
    const files = {
      "src/features.ts": [
        'import { useFlags } from "launchdarkly-react-client-sdk";',
        "export function useFeature(name: string): boolean {",
        "  const flags = useFlags();",
        "  return Boolean(flags[name]);",
        "}",
      ].join("\n"),
      "src/Chat.tsx": ['import { useFeature } from "./features";', 'export const Chat = () => (useFeature("liveChat") ? <Live /> : null);'].join("\n"),
    };
    const index = indexSources(files, { states: { "live-chat": "active" } });
    expect(allReads(index).map((r) => `${describeRead(r)} ${r.keySource}`)).toEqual([
      "live-chat src/Chat.tsx:2:28 launchdarkly/wrapper camel-case",
    ]);
  });

  it("gives a wrapper's call without the default argument the default of the wrapper's parameter", () => {
    const files = {
      "src/client.ts": ['import { OpenFeature } from "@openfeature/server-sdk";', "export const client = OpenFeature.getClient();"].join("\n"),
      "src/flags.ts": [
        'import { client } from "./client";',
        "export function isOn(key: string, fallback = false) {",
        "  return client.getBooleanValue(key, fallback);",
        "}",
      ].join("\n"),
      "src/app.ts": ['import { isOn } from "./flags";', 'export const a = isOn("quiet");', 'export const b = isOn("loud", true);'].join("\n"),
    };
    expect(readsOf(files, {})).toEqual([
      "loud src/app.ts:3:18 openfeature/wrapper default=true",
      "quiet src/app.ts:2:18 openfeature/wrapper default=false",
    ]);
  });

  it('reads `env(…)` helpers configured with "env": true as environment variables, tested ones only', () => {
    const files = {
      "src/env.ts": "export const env = (name: string): string | undefined => process.env[name];\n",
      "src/app.ts": [
        'import { env } from "./env";',
        "export const IS_BILLING_ENABLED = () => env('NEXT_PUBLIC_FEATURE_BILLING_ENABLED') === 'true';",
        "export const posthogKey = env('NEXT_PUBLIC_POSTHOG_KEY');",
        "export const workers = env('WORKER_ENABLED');",
      ].join("\n"),
    };
    const reads = allReads(indexSources(files, { accessors: [{ function: "env", env: true }] }));
    expect(reads.map((r) => `${describeRead(r)} ${r.keySource}`)).toEqual(["NEXT_PUBLIC_FEATURE_BILLING_ENABLED src/app.ts:2:41 env/env env-name"]);
  });

  it("reads an SDK-only method name on a receiver imported through an alias that does not resolve", () => {
    const files = {
      "src/app.ts": [
        'import { featureClient } from "@/lib/flags";',
        'export const on = await featureClient.getBooleanValue("aliased", false);',
        'import { client } from "real-package";',
        'export const off = await client.getBooleanValue("packaged", false);',
      ].join("\n"),
    };
    expect(readsOf(files, {})).toEqual(["aliased src/app.ts:2:25 openfeature/sdk-method-name default=false"]);
  });
});
