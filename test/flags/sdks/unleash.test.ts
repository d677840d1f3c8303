import { describe, expect, it } from "vitest";
import type { FlagIndex, FlagRead } from "../../../src/flags/flag-index.js";
import { allReads, describeRead, indexSources } from "../../helpers/index-sources.js";

function indexUnleash(files: Record<string, string>): FlagIndex {
  return indexSources(files, { sdks: ["unleash"] });
}

function readsOf(files: Record<string, string>): string[] {
  return allReads(indexUnleash(files)).map(describeRead);
}

function readOf(index: FlagIndex, key: string): FlagRead {
  const read = allReads(index).find((r) => r.key === key);
  if (!read) throw new Error(`no read of ${key}`);
  return read;
}

describe("unleash preset", () => {
  describe("server SDK (unleash-client)", () => {
    const app = [
      'import { Unleash } from "unleash-client";',
      'const unleash = new Unleash({ appName: "shop", url: "https://unleash.example/api" });',
      "export function checkout(context: object) {",
      '  if (unleash.isEnabled("new-checkout", context, false)) return renderNew();',
      '  const variant = unleash.getVariant("checkout-theme", context);',
      '  return variant.name === "dark" ? renderDark() : renderOld();',
      "}",
    ].join("\n");

    it("indexes isEnabled with its boolean fallback (argument 2) and getVariant on an instance traced through a variable", () => {
      expect(readsOf({ "src/app.ts": app })).toEqual([
        "checkout-theme src/app.ts:5:19 unleash/sdk-import",
        "new-checkout src/app.ts:4:7 unleash/sdk-import default=false",
      ]);
    });

    it("records the code isEnabled guards", () => {
      const read = readOf(indexUnleash({ "src/app.ts": app }), "new-checkout");
      expect(read.guards[0]?.kind).toBe("early-exit");
      expect(read.guards[0]?.on?.refs).toContain("renderNew");
      expect(read.guards[0]?.off?.refs).toContain("renderDark");
    });

    it("guards a variant by the comparison of its name", () => {
      const read = readOf(indexUnleash({ "src/app.ts": app }), "checkout-theme");
      expect(read.valueType).toBe("variant");
      expect(read.guards[0]?.compare).toBe("dark");
      expect(read.guards[0]?.on?.refs).toEqual(["renderDark"]);
      expect(read.guards[0]?.off?.refs).toEqual(["renderOld"]);
    });

    it("reads no default from a fallback function", () => {
      expect(
        readsOf({
          "src/app.ts": [
            'import { startUnleash } from "unleash-client";',
            'const unleash = await startUnleash({ appName: "shop", url: "https://unleash.example/api" });',
            'export const fast = unleash.isEnabled("fast-path", {}, () => true);',
          ].join("\n"),
        }),
      ).toEqual(["fast-path src/app.ts:3:21 unleash/sdk-import"]);
    });

    it("indexes the module-level isEnabled and getVariant after initialize()", () => {
      expect(
        readsOf({
          "src/app.ts": [
            'import { initialize, isEnabled, getVariant } from "unleash-client";',
            'initialize({ appName: "shop", url: "https://unleash.example/api" });',
            'export const beta = isEnabled("beta-banner", { userId: "u1" }, true);',
            'export const theme = getVariant("theme");',
          ].join("\n"),
        }),
      ).toEqual(["beta-banner src/app.ts:3:21 unleash/sdk-import default=true", "theme src/app.ts:4:22 unleash/sdk-import"]);
    });

    it("indexes isEnabled on a namespace import", () => {
      expect(
        readsOf({
          "src/app.ts": ['import * as unleash from "unleash-client";', 'export const on = unleash.isEnabled("ns-flag");'].join("\n"),
        }),
      ).toEqual(["ns-flag src/app.ts:2:19 unleash/sdk-import"]);
    });

    it("traces a constructor parameter property typed with the SDK class", () => {
      expect(
        readsOf({
          "src/service.ts": [
            'import type { Unleash } from "unleash-client";',
            "export class Checkout {",
            "  constructor(private readonly unleash: Unleash) {}",
            "  render() {",
            '    return this.unleash.isEnabled("class-flag") ? "new" : "old";',
            "  }",
            "}",
          ].join("\n"),
        }),
      ).toEqual(["class-flag src/service.ts:5:12 unleash/sdk-type"]);
    });

    it("traces a client exported by another module", () => {
      expect(
        readsOf({
          "src/unleash.ts": [
            'import { initialize } from "unleash-client";',
            'export const unleash = initialize({ appName: "shop", url: "https://unleash.example/api" });',
          ].join("\n"),
          "src/routes.ts": ['import { unleash } from "./unleash";', 'export const on = unleash.isEnabled("cross-module");'].join("\n"),
        }),
      ).toEqual(["cross-module src/routes.ts:2:19 unleash/sdk-import"]);
    });
  });

  describe("browser SDK (unleash-proxy-client)", () => {
    it("indexes isEnabled and getVariant on an UnleashClient", () => {
      expect(
        readsOf({
          "src/app.ts": [
            'import { UnleashClient } from "unleash-proxy-client";',
            'const client = new UnleashClient({ url: "https://unleash.example/api/frontend", clientKey: "k", appName: "web" });',
            'export const on = client.isEnabled("web-flag");',
            'export const variant = client.getVariant("web-variant");',
          ].join("\n"),
        }),
      ).toEqual(["web-flag src/app.ts:3:19 unleash/sdk-import", "web-variant src/app.ts:4:24 unleash/sdk-import"]);
    });
  });

  describe("React (@unleash/proxy-client-react)", () => {
    const component = [
      'import { useFlag, useUnleashClient, useVariant } from "@unleash/proxy-client-react";',
      "export function Landing() {",
      '  const enabled = useFlag("travel.landing");',
      '  const variant = useVariant("travel.theme");',
      "  const client = useUnleashClient();",
      '  const banner = client.isEnabled("travel.banner");',
      "  return enabled ? <NewLanding theme={variant.name} banner={banner} /> : <OldLanding />;",
      "}",
    ].join("\n");

    it("indexes useFlag, useVariant and the client from useUnleashClient()", () => {
      expect(readsOf({ "src/landing.tsx": component })).toEqual([
        "travel.banner src/landing.tsx:6:18 unleash/sdk-import",
        "travel.landing src/landing.tsx:3:19 unleash/sdk-import",
        "travel.theme src/landing.tsx:4:19 unleash/sdk-import",
      ]);
    });

    it("records the component useFlag guards through its variable", () => {
      const read = readOf(indexUnleash({ "src/landing.tsx": component }), "travel.landing");
      expect(read.guards[0]?.kind).toBe("ternary");
      expect(read.guards[0]?.on?.refs).toContain("NewLanding");
      expect(read.guards[0]?.off?.refs).toEqual(["OldLanding"]);
    });
  });

  describe("Next.js (@unleash/nextjs)", () => {
    it("indexes flag() with its `enabled` result, flagsClient() and the client hooks", () => {
      const index = indexUnleash({
        "app/page.tsx": [
          'import { flag } from "@unleash/nextjs";',
          "export default async function Page() {",
          '  const { enabled } = await flag("example-flag");',
          "  return enabled ? <Enabled /> : <Disabled />;",
          "}",
        ].join("\n"),
        "app/static.ts": [
          'import { evaluateFlags, flagsClient, getDefinitions } from "@unleash/nextjs";',
          "export async function props() {",
          "  const { toggles } = evaluateFlags(await getDefinitions(), {});",
          "  const flags = flagsClient(toggles);",
          '  return { on: flags.isEnabled("nextjs-example"), variant: flags.getVariant("nextjs-variant") };',
          "}",
        ].join("\n"),
        "app/client.tsx": [
          'import { useFlag } from "@unleash/nextjs/client";',
          'export const Client = () => (useFlag("client-flag") ? <On /> : null);',
        ].join("\n"),
      });
      expect(allReads(index).map(describeRead)).toEqual([
        "client-flag app/client.tsx:2:30 unleash/sdk-import",
        "example-flag app/page.tsx:3:29 unleash/sdk-import",
        "nextjs-example app/static.ts:5:16 unleash/sdk-import",
        "nextjs-variant app/static.ts:5:60 unleash/sdk-import",
      ]);
      const read = readOf(index, "example-flag");
      expect(read.guards[0]?.on?.refs).toEqual(["Enabled"]);
      expect(read.guards[0]?.off?.refs).toEqual(["Disabled"]);
    });
  });

  describe("negative cases", () => {
    it("ignores isEnabled on a logger from another package", () => {
      expect(
        readsOf({
          "src/log.ts": [
            'import { createLogger } from "winston";',
            "const logger = createLogger();",
            'export const verbose = logger.isEnabled("debug");',
          ].join("\n"),
        }),
      ).toEqual([]);
    });

    it("ignores isEnabled and getVariant on the project's own class", () => {
      expect(
        readsOf({
          "src/features.ts": [
            "class Features {",
            "  isEnabled(name: string) { return name.length > 3; }",
            "  getVariant(name: string) { return name; }",
            "}",
            "const features = new Features();",
            'export const a = features.isEnabled("local-a");',
            'export const b = features.getVariant("local-b");',
          ].join("\n"),
        }),
      ).toEqual([]);
    });

    it("ignores isEnabled on a receiver that cannot be traced (the name is not distinctive)", () => {
      expect(
        readsOf({
          "src/untyped.js": ['export function check(client) {', '  return client.isEnabled("untraced");', "}"].join("\n"),
        }),
      ).toEqual([]);
    });

    it("ignores useFlag imported from another SDK", () => {
      expect(
        readsOf({
          "src/other.tsx": ['import { useFlag } from "@openfeature/react-sdk";', 'export const Other = () => useFlag("of-flag", false).value;'].join(
            "\n",
          ),
        }),
      ).toEqual([]);
    });
  });
});
