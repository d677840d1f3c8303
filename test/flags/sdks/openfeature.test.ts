import { describe, expect, it } from "vitest";
import { allReads, describeRead, indexSources } from "../../helpers/index-sources.js";

const serverClient = ['import { OpenFeature } from "@openfeature/server-sdk";', 'const client = OpenFeature.getClient("app");'];

describe("openfeature preset", () => {
  describe("evaluation API: get*Value(flagKey, defaultValue) and get*Details(…).value", () => {
    it("reads every typed value method with its key, default and value type", () => {
      const index = indexSources({
        "src/server.ts": [
          ...serverClient,
          "export async function handle() {",
          '  const a = await client.getBooleanValue("new-checkout", false);',
          '  const b = await client.getStringValue("tier", "basic", { targetingKey: "u" });',
          '  const c = await client.getNumberValue("rate-limit", 100);',
          '  const d = await client.getObjectValue("layout", { columns: 2 });',
          "}",
        ].join("\n"),
      });
      const reads = allReads(index);
      expect(reads.map(describeRead)).toEqual([
        "layout src/server.ts:7:19 openfeature/sdk-import",
        "new-checkout src/server.ts:4:19 openfeature/sdk-import default=false",
        "rate-limit src/server.ts:6:19 openfeature/sdk-import default=100",
        'tier src/server.ts:5:19 openfeature/sdk-import default="basic"',
      ]);
      expect(reads.map((r) => r.valueType)).toEqual(["object", "boolean", "number", "string"]);
    });

    it("reads every details method and guards on its .value", () => {
      const index = indexSources({
        "src/server.ts": [
          ...serverClient,
          "export async function handle() {",
          '  if ((await client.getBooleanDetails("beta", false)).value) enableBeta();',
          '  const tier = await client.getStringDetails("tier", "basic");',
          '  if (tier.value === "pro") showPro();',
          '  const limit = (await client.getNumberDetails("rate-limit", 100)).value;',
          '  const layout = (await client.getObjectDetails("layout", {})).value;',
          "}",
        ].join("\n"),
      });
      const reads = allReads(index);
      expect(reads.map(describeRead)).toEqual([
        "beta src/server.ts:4:14 openfeature/sdk-import default=false",
        "layout src/server.ts:8:25 openfeature/sdk-import",
        "rate-limit src/server.ts:7:24 openfeature/sdk-import default=100",
        'tier src/server.ts:5:22 openfeature/sdk-import default="basic"',
      ]);
      const beta = reads.find((r) => r.key === "beta");
      expect(beta?.guards[0]?.on?.refs).toContain("enableBeta");
      const tier = reads.find((r) => r.key === "tier");
      expect(tier?.guards[0]?.compare).toBe("pro");
      expect(tier?.guards[0]?.on?.refs).toContain("showPro");
    });

    it("reads the web SDK's synchronous client the same way", () => {
      const index = indexSources({
        "src/web.ts": [
          'import { OpenFeature } from "@openfeature/web-sdk";',
          "const client = OpenFeature.getClient();",
          'export const showBanner = () => (client.getBooleanValue("banner", false) ? "new" : "old");',
        ].join("\n"),
      });
      const reads = allReads(index);
      expect(reads.map(describeRead)).toEqual(["banner src/web.ts:3:34 openfeature/sdk-import default=false"]);
      expect(reads[0]?.guards[0]?.kind).toBe("ternary");
    });
  });

  describe("React SDK", () => {
    it("reads the typed value and details hooks", () => {
      const index = indexSources({
        "src/Page.tsx": [
          'import { useBooleanFlagValue, useStringFlagDetails, useNumberFlagValue, useObjectFlagDetails } from "@openfeature/react-sdk";',
          "export function Page() {",
          '  const showNew = useBooleanFlagValue("new-page", false);',
          '  const { value: theme } = useStringFlagDetails("theme", "light");',
          '  const size = useNumberFlagValue("page-size", 20);',
          '  const layout = useObjectFlagDetails("layout", {}).value;',
          "  return showNew ? <NewPage /> : <OldPage />;",
          "}",
        ].join("\n"),
      });
      const reads = allReads(index);
      expect(reads.map(describeRead)).toEqual([
        "layout src/Page.tsx:6:18 openfeature/sdk-import",
        "new-page src/Page.tsx:3:19 openfeature/sdk-import default=false",
        "page-size src/Page.tsx:5:16 openfeature/sdk-import default=20",
        'theme src/Page.tsx:4:28 openfeature/sdk-import default="light"',
      ]);
      const newPage = reads.find((r) => r.key === "new-page");
      expect(newPage?.guards[0]?.on?.refs).toContain("NewPage");
      expect(newPage?.guards[0]?.off?.refs).toContain("OldPage");
    });

    it("guards on useFlag(key, defaultValue).value, read directly or destructured", () => {
      const index = indexSources({
        "src/Header.tsx": [
          'import { useFlag, useSuspenseFlag } from "@openfeature/react-sdk";',
          "export function Header() {",
          '  const { value: showSearch } = useFlag("search", false);',
          '  const banner = useSuspenseFlag("banner", false);',
          "  return (",
          "    <div>",
          "      {showSearch && <Search />}",
          "      {banner.value ? <Banner /> : <NoBanner />}",
          "    </div>",
          "  );",
          "}",
        ].join("\n"),
      });
      const reads = allReads(index);
      expect(reads.map(describeRead)).toEqual([
        "banner src/Header.tsx:4:18 openfeature/sdk-import default=false",
        "search src/Header.tsx:3:33 openfeature/sdk-import default=false",
      ]);
      const [banner, search] = reads;
      expect(search?.guards[0]?.kind).toBe("and");
      expect(search?.guards[0]?.on?.refs).toContain("Search");
      expect(banner?.guards[0]?.on?.refs).toContain("Banner");
      expect(banner?.guards[0]?.off?.refs).toContain("NoBanner");
    });

    it("reads <FeatureFlag flagKey> and guards its children", () => {
      const index = indexSources({
        "src/Promo.tsx": [
          'import { FeatureFlag } from "@openfeature/react-sdk";',
          "export const Promo = () => (",
          '  <FeatureFlag flagKey="promo" defaultValue={false}>',
          "    <PromoBanner />",
          "  </FeatureFlag>",
          ");",
        ].join("\n"),
      });
      const reads = allReads(index);
      expect(reads.map(describeRead)).toEqual(["promo src/Promo.tsx:3:3 openfeature/sdk-import"]);
      expect(reads[0]?.guards[0]?.kind).toBe("jsx-children");
      expect(reads[0]?.guards[0]?.on?.refs).toContain("PromoBanner");
    });

    it("traces the client of useOpenFeatureClient()", () => {
      const index = indexSources({
        "src/Cart.tsx": [
          'import { useOpenFeatureClient } from "@openfeature/react-sdk";',
          "export function Cart() {",
          "  const client = useOpenFeatureClient();",
          '  return client.getBooleanValue("cart-v2", false) ? <CartV2 /> : <Cart />;',
          "}",
        ].join("\n"),
      });
      expect(allReads(index).map(describeRead)).toEqual(["cart-v2 src/Cart.tsx:4:10 openfeature/sdk-import default=false"]);
    });
  });

  describe("NestJS SDK", () => {
    it("reads the flag key and default of the parameter decorators", () => {
      const index = indexSources({
        "src/app.controller.ts": [
          'import { Controller, Get } from "@nestjs/common";',
          'import { BooleanFeatureFlag, StringFeatureFlag } from "@openfeature/nestjs-sdk";',
          'import type { EvaluationDetails } from "@openfeature/server-sdk";',
          'import type { Observable } from "rxjs";',
          "@Controller()",
          "export class AppController {",
          '  @Get("/")',
          "  welcome(",
          '    @BooleanFeatureFlag({ flagKey: "new-welcome", defaultValue: false }) welcome: Observable<EvaluationDetails<boolean>>,',
          '    @StringFeatureFlag({ flagKey: "greeting", defaultValue: "hello" }) greeting: Observable<EvaluationDetails<string>>,',
          "  ) {}",
          "}",
        ].join("\n"),
      });
      expect(allReads(index).map(describeRead)).toEqual([
        'greeting src/app.controller.ts:10:6 openfeature/sdk-import default="hello"',
        "new-welcome src/app.controller.ts:9:6 openfeature/sdk-import default=false",
      ]);
    });
  });

  describe("receiver tracing", () => {
    it("traces a client created in another module (by import, not by the method name alone)", () => {
      const index = indexSources({
        "src/flags.ts": 'import { OpenFeature } from "@openfeature/server-sdk";\nexport const flags = OpenFeature.getClient("app");',
        "src/app.ts": [
          'import { flags } from "./flags";',
          'export const isOn = () => flags.getBooleanValue("new-checkout", false);',
        ].join("\n"),
      });
      expect(allReads(index).map(describeRead)).toEqual(["new-checkout src/app.ts:2:27 openfeature/sdk-import default=false"]);
    });

    it("traces a class member typed with the SDK's Client", () => {
      const index = indexSources({
        "src/service.ts": [
          'import type { Client } from "@openfeature/server-sdk";',
          "export class Checkout {",
          "  constructor(private readonly features: Client) {}",
          '  flow() { return this.features.getStringValue("checkout-flow", "classic"); }',
          "}",
        ].join("\n"),
      });
      expect(allReads(index).map(describeRead)).toEqual([
        'checkout-flow src/service.ts:4:19 openfeature/sdk-type default="classic"',
      ]);
    });

    it("still reads the distinctive method names on an untraced receiver", () => {
      const index = indexSources({
        "src/untyped.js": 'export function isOn(client) { return client.getBooleanValue("legacy-flag", true); }',
      });
      expect(allReads(index).map(describeRead)).toEqual(["legacy-flag src/untyped.js:1:39 openfeature/sdk-method-name default=true"]);
    });
  });

  describe("negative cases", () => {
    it("ignores useFlag, getBooleanValue and FeatureFlag that the project defines itself", () => {
      const index = indexSources({
        "src/my-flags.tsx": [
          "export function useFlag(name: string) { return { value: name.length > 3 }; }",
          "export const FeatureFlag = (props: { flagKey: string }) => null;",
          "class Settings { getBooleanValue(name: string, fallback: boolean) { return fallback; } }",
          "export const settings = new Settings();",
        ].join("\n"),
        "src/app.tsx": [
          'import { FeatureFlag, settings, useFlag } from "./my-flags";',
          'export const a = useFlag("dark").value;',
          'export const b = settings.getBooleanValue("compact", false);',
          'export const c = <FeatureFlag flagKey="local" />;',
          'export const d = new Map<string, boolean>().get("x");',
        ].join("\n"),
      });
      expect(allReads(index)).toEqual([]);
    });
  });
});
