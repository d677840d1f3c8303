import { describe, expect, it } from "vitest";
import { allReads, describeRead, indexSources } from "../../helpers/index-sources.js";

const serverClient = [
  'import * as ld from "@launchdarkly/node-server-sdk";',
  'const client = ld.init("sdk-key");',
  'const context = { kind: "user", key: "user-1" };',
];

describe("launchdarkly preset", () => {
  describe("server SDK: (key, context, defaultValue)", () => {
    it("reads variation and the typed variations with the default at index 2", () => {
      const index = indexSources({
        "src/server.ts": [
          ...serverClient,
          "export async function handle() {",
          '  const checkout = await client.variation("new-checkout", context, false);',
          '  const dark = await client.boolVariation("dark-mode", context, true);',
          '  const tier = await client.stringVariation("tier", context, "basic");',
          '  const limit = await client.numberVariation("rate-limit", context, 100);',
          '  const layout = await client.jsonVariation("layout", context, null);',
          "}",
        ].join("\n"),
      });
      const reads = allReads(index);
      expect(reads.map(describeRead)).toEqual([
        "dark-mode src/server.ts:6:22 launchdarkly/sdk-import default=true",
        "layout src/server.ts:9:24 launchdarkly/sdk-import default=null",
        "new-checkout src/server.ts:5:26 launchdarkly/sdk-import default=false",
        "rate-limit src/server.ts:8:23 launchdarkly/sdk-import default=100",
        'tier src/server.ts:7:22 launchdarkly/sdk-import default="basic"',
      ]);
      expect(reads.map((r) => `${r.key}:${r.valueType ?? "-"}`)).toEqual([
        "dark-mode:boolean",
        "layout:object",
        "new-checkout:-",
        "rate-limit:number",
        "tier:string",
      ]);
    });

    it("reads the *Detail variants through .value and guards on it", () => {
      const index = indexSources({
        "src/server.ts": [
          ...serverClient,
          "export async function handle() {",
          '  if ((await client.boolVariationDetail("beta", context, false)).value) enableBeta();',
          '  const detail = await client.variationDetail("pricing", context, "v1");',
          '  return detail.value === "v2" ? priceV2() : priceV1();',
          "}",
        ].join("\n"),
      });
      const reads = allReads(index);
      expect(reads.map(describeRead)).toEqual([
        "beta src/server.ts:5:14 launchdarkly/sdk-import default=false",
        'pricing src/server.ts:6:24 launchdarkly/sdk-import default="v1"',
      ]);
      const [beta, pricing] = reads;
      expect(beta?.guards[0]?.on?.refs).toContain("enableBeta");
      expect(pricing?.guards[0]?.compare).toBe("v2");
      expect(pricing?.guards[0]?.on?.refs).toContain("priceV2");
      expect(pricing?.guards[0]?.off?.refs).toContain("priceV1");
    });

    it("records the polarity of a negated read and the code each side guards", () => {
      const index = indexSources({
        "src/server.ts": [
          ...serverClient,
          "export async function handle() {",
          '  if (!(await client.boolVariation("legacy-auth", context, false))) return modernAuth();',
          "  return legacyAuth();",
          "}",
        ].join("\n"),
      });
      const [read] = allReads(index);
      expect(read?.polarity).toBe("negative");
      expect(read?.guards[0]?.kind).toBe("early-exit");
      expect(read?.guards[0]?.off?.refs).toContain("modernAuth");
      expect(read?.guards[0]?.on?.refs).toContain("legacyAuth");
    });
  });

  describe("client SDKs: (key, defaultValue)", () => {
    it("reads variation, typed variations and details with the default at index 1", () => {
      const index = indexSources({
        "src/client.ts": [
          'import { initialize } from "launchdarkly-js-client-sdk";',
          'const client = initialize("client-side-id", { kind: "user", key: "user-1" });',
          'export const a = client.variation("new-checkout", false);',
          'export const b = client.stringVariation("tier", "basic");',
          'export const c = client.variationDetail("beta", true).value;',
        ].join("\n"),
      });
      expect(allReads(index).map(describeRead)).toEqual([
        "beta src/client.ts:5:18 launchdarkly/sdk-import default=true",
        "new-checkout src/client.ts:3:18 launchdarkly/sdk-import default=false",
        'tier src/client.ts:4:18 launchdarkly/sdk-import default="basic"',
      ]);
    });

    it("reads every property of client.allFlags() by its original key", () => {
      const index = indexSources({
        "src/client.ts": [
          'import { initialize } from "@launchdarkly/js-client-sdk";',
          'const client = initialize("client-side-id", { kind: "user", key: "user-1" });',
          "const all = client.allFlags();",
          'export const a = all["new-checkout"] ? "new" : "old";',
        ].join("\n"),
      });
      const reads = allReads(index);
      expect(reads.map(describeRead)).toEqual(["new-checkout src/client.ts:4:18 launchdarkly/sdk-import"]);
      expect(reads[0]?.keySource).toBe("property");
    });
  });

  describe("receivers that cannot be traced", () => {
    it("picks the client or server form of a distinctive name by its argument count", () => {
      const index = indexSources({
        "src/untyped.js": [
          'export function a(client) { return client.boolVariation("client-form", false); }',
          'export function b(client, ctx) { return client.boolVariation("server-form", ctx, true); }',
        ].join("\n"),
      });
      expect(allReads(index).map(describeRead)).toEqual([
        "client-form src/untyped.js:1:36 launchdarkly/sdk-method-name default=false",
        "server-form src/untyped.js:2:41 launchdarkly/sdk-method-name default=true",
      ]);
    });

    it("does not read the generic name variation on an untraced receiver", () => {
      const index = indexSources({
        "src/untyped.js": 'export function a(client) { return client.variation("x", false); }',
      });
      expect(allReads(index)).toEqual([]);
    });
  });

  describe("React SDK", () => {
    it("links camelCased useFlags() properties to the kebab key another read names", () => {
      const index = indexSources({
        "src/server.ts": [...serverClient, 'export const on = () => client.variation("new-checkout", context, false);'].join("\n"),
        "src/Checkout.tsx": [
          'import { useFlags } from "launchdarkly-react-client-sdk";',
          "export function Checkout() {",
          "  const { newCheckout } = useFlags();",
          "  return newCheckout ? <NewCheckout /> : <OldCheckout />;",
          "}",
        ].join("\n"),
      });
      const reads = allReads(index);
      expect(reads.map(describeRead)).toEqual([
        "new-checkout src/Checkout.tsx:3:11 launchdarkly/sdk-import",
        "new-checkout src/server.ts:4:25 launchdarkly/sdk-import default=false",
      ]);
      expect(reads[0]?.keySource).toBe("camel-case");
      expect(reads[0]?.guards[0]?.on?.refs).toContain("NewCheckout");
      expect(reads[0]?.guards[0]?.off?.refs).toContain("OldCheckout");
    });

    it("links a camelCased property to a key named only in flags.states, and keeps unknown ones camelCased", () => {
      const index = indexSources(
        {
          "src/Nav.tsx": [
            'import { useFlags } from "launchdarkly-react-client-sdk";',
            "export function Nav() {",
            "  const flags = useFlags();",
            "  return flags.newNav && flags.betaBanner ? <NewNav /> : null;",
            "}",
          ].join("\n"),
        },
        { states: { "new-nav": "on" } },
      );
      const reads = allReads(index);
      expect(reads.map(describeRead)).toEqual([
        "betaBanner src/Nav.tsx:4:26 launchdarkly/sdk-import",
        "new-nav src/Nav.tsx:4:10 launchdarkly/sdk-import",
      ]);
      expect(index.flags.find((f) => f.key === "new-nav")?.state).toBe("on");
      expect(reads[1]?.via).toBe("useFlags().newNav");
    });

    it("reports keys that collide under camelCase and leaves the ambiguous read unlinked", () => {
      const index = indexSources({
        "src/server.ts": [
          ...serverClient,
          'export const a = () => client.variation("my-flag", context, false);',
          'export const b = () => client.variation("my_flag", context, false);',
        ].join("\n"),
        "src/View.tsx": [
          'import { useFlags } from "launchdarkly-react-client-sdk";',
          "export const View = () => (useFlags().myFlag ? <A /> : <B />);",
        ].join("\n"),
      });
      expect(index.collisions).toEqual([{ camelCase: "myFlag", keys: ["my-flag", "my_flag"] }]);
      expect(allReads(index).map(describeRead)).toContain("myFlag src/View.tsx:2:28 launchdarkly/sdk-import");
    });

    it("reads variation(key, defaultValue) on the client of useLDClient()", () => {
      const index = indexSources({
        "src/Banner.tsx": [
          'import { useLDClient } from "launchdarkly-react-client-sdk";',
          "export function Banner() {",
          "  const client = useLDClient();",
          '  return client?.variation("banner", false) ? <NewBanner /> : null;',
          "}",
        ].join("\n"),
      });
      const reads = allReads(index);
      expect(reads.map(describeRead)).toEqual(["banner src/Banner.tsx:4:10 launchdarkly/sdk-import default=false"]);
      expect(reads[0]?.guards[0]?.on?.refs).toContain("NewBanner");
    });

    it("reads the typed variation hooks of the React Native and new React SDKs", () => {
      const index = indexSources({
        "src/Screen.tsx": [
          'import { useBoolVariation, useStringVariationDetail } from "@launchdarkly/react-native-client-sdk";',
          'import { useNumberVariation } from "@launchdarkly/react-sdk";',
          "export function Screen() {",
          '  const showNew = useBoolVariation("new-screen", false);',
          '  const { value: tier } = useStringVariationDetail("tier", "basic");',
          '  const limit = useNumberVariation("limit", 10);',
          "  return showNew ? <NewScreen /> : <OldScreen />;",
          "}",
        ].join("\n"),
      });
      const reads = allReads(index);
      expect(reads.map(describeRead)).toEqual([
        "limit src/Screen.tsx:6:17 launchdarkly/sdk-import default=10",
        "new-screen src/Screen.tsx:4:19 launchdarkly/sdk-import default=false",
        'tier src/Screen.tsx:5:27 launchdarkly/sdk-import default="basic"',
      ]);
      expect(reads[1]?.valueType).toBe("boolean");
      expect(reads[1]?.guards[0]?.on?.refs).toContain("NewScreen");
    });
  });

  describe("receiver tracing", () => {
    it("traces a constructor parameter property typed with the SDK's LDClient", () => {
      const index = indexSources({
        "src/service.ts": [
          'import type { LDClient, LDContext } from "@launchdarkly/node-server-sdk";',
          "export class Checkout {",
          "  constructor(private readonly ld: LDClient) {}",
          "  async variant(context: LDContext) {",
          '    return this.ld.variation("checkout-flow", context, "classic");',
          "  }",
          "}",
        ].join("\n"),
      });
      expect(allReads(index).map(describeRead)).toEqual([
        'checkout-flow src/service.ts:5:12 launchdarkly/sdk-type default="classic"',
      ]);
    });

    it("traces a client initialised in another module", () => {
      const index = indexSources({
        "src/ld.ts": 'import { init } from "@launchdarkly/node-server-sdk";\nexport const ldClient = init("sdk-key");',
        "src/app.ts": [
          'import { ldClient } from "./ld";',
          'export const isOn = (ctx: object) => ldClient.variation("new-checkout", ctx, false);',
        ].join("\n"),
      });
      expect(allReads(index).map(describeRead)).toEqual(["new-checkout src/app.ts:2:38 launchdarkly/sdk-import default=false"]);
    });
  });

  describe("negative cases", () => {
    it("ignores variation, allFlags and useFlags that do not come from the SDK", () => {
      const index = indexSources({
        "src/flags.ts": [
          "export function useFlags() { return { newCheckout: true }; }",
          "class Variants { variation(key: string, ctx: object, fallback: boolean) { return fallback; } allFlags() { return {}; } }",
          "export const variants = new Variants();",
        ].join("\n"),
        "src/app.ts": [
          'import { useFlags, variants } from "./flags";',
          "export const a = useFlags().newCheckout;",
          'export const b = variants.variation("x", {}, false);',
          'export const c = (variants.allFlags() as Record<string, boolean>)["y"];',
          'export const d = new Map<string, boolean>().get("z");',
        ].join("\n"),
      });
      expect(allReads(index)).toEqual([]);
      expect(index.unresolved).toEqual([]);
    });
  });
});
