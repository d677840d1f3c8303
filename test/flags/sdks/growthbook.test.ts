import { describe, expect, it } from "vitest";
import type { FlagIndex, FlagRead } from "../../../src/flags/flag-index.js";
import { allReads, describeRead, indexSources } from "../../helpers/index-sources.js";

function indexGrowthBook(files: Record<string, string>): FlagIndex {
  return indexSources(files, { sdks: ["growthbook"] });
}

function readsOf(files: Record<string, string>): string[] {
  return allReads(indexGrowthBook(files)).map(describeRead);
}

function readOf(index: FlagIndex, key: string): FlagRead {
  const read = allReads(index).find((r) => r.key === key);
  if (!read) throw new Error(`no read of ${key}`);
  return read;
}

describe("growthbook preset", () => {
  describe("JavaScript SDK (@growthbook/growthbook)", () => {
    const app = [
      'import { GrowthBook } from "@growthbook/growthbook";',
      'const gb = new GrowthBook({ apiHost: "https://cdn.growthbook.io", clientKey: "sdk-abc" });',
      "export function render() {",
      '  if (gb.isOn("new-nav")) showNewNav();',
      '  const color = gb.getFeatureValue("button-color", "blue");',
      '  if (gb.evalFeature("checkout").on) showCheckout();',
      '  const legacy = gb.feature("legacy-result").on;',
      '  return gb.isOff("kill-switch");',
      "}",
    ].join("\n");

    it("indexes isOn, isOff, getFeatureValue with its default, evalFeature and feature on an instance traced through a variable", () => {
      expect(readsOf({ "src/app.ts": app })).toEqual([
        'button-color src/app.ts:5:17 growthbook/sdk-import default="blue"',
        "checkout src/app.ts:6:7 growthbook/sdk-import",
        "kill-switch src/app.ts:8:10 growthbook/sdk-import",
        "legacy-result src/app.ts:7:18 growthbook/sdk-import",
        "new-nav src/app.ts:4:7 growthbook/sdk-import",
      ]);
    });

    it("records the code isOn guards", () => {
      const read = readOf(indexGrowthBook({ "src/app.ts": app }), "new-nav");
      expect(read.valueType).toBe("boolean");
      expect(read.polarity).toBe("positive");
      expect(read.guards[0]?.kind).toBe("if");
      expect(read.guards[0]?.on?.refs).toContain("showNewNav");
    });

    it("guards evalFeature by its `.on`", () => {
      const read = readOf(indexGrowthBook({ "src/app.ts": app }), "checkout");
      expect(read.guards[0]?.kind).toBe("if");
      expect(read.guards[0]?.on?.refs).toContain("showCheckout");
    });

    it("records isOff as a negative read whose `off` branch is the code it guards", () => {
      const index = indexGrowthBook({
        "src/nav.ts": [
          'import { GrowthBook } from "@growthbook/growthbook";',
          "const gb = new GrowthBook();",
          'if (gb.isOff("new-nav")) showOldNav();',
          "else showNewNav();",
        ].join("\n"),
      });
      const read = readOf(index, "new-nav");
      expect(read.polarity).toBe("negative");
      expect(read.guards[0]?.off?.refs).toEqual(["showOldNav"]);
      expect(read.guards[0]?.on?.refs).toEqual(["showNewNav"]);
    });

    it("indexes the multi-user GrowthBookClient (default before the user context) and its scoped instances", () => {
      expect(
        readsOf({
          "src/server.ts": [
            'import { GrowthBookClient } from "@growthbook/growthbook";',
            'const client = new GrowthBookClient({ clientKey: "sdk-abc" });',
            "export function handle(user: { id: string }) {",
            '  const limit = client.getFeatureValue("rate-limit", 100, { attributes: user });',
            "  const scoped = client.createScopedInstance({ attributes: user });",
            '  return scoped.isOn("scoped-flag") ? limit : 0;',
            "}",
          ].join("\n"),
        }),
      ).toEqual(["rate-limit src/server.ts:4:17 growthbook/sdk-import default=100", "scoped-flag src/server.ts:6:10 growthbook/sdk-import"]);
    });

    it("traces a constructor parameter property typed with the SDK class", () => {
      expect(
        readsOf({
          "src/service.ts": [
            'import type { GrowthBook } from "@growthbook/growthbook";',
            "export class Pricing {",
            "  constructor(private readonly gb: GrowthBook) {}",
            "  price() {",
            '    return this.gb.isOn("class-flag") ? 10 : 12;',
            "  }",
            "}",
          ].join("\n"),
        }),
      ).toEqual(["class-flag src/service.ts:5:12 growthbook/sdk-type"]);
    });

    it("traces an instance exported by another module", () => {
      expect(
        readsOf({
          "src/growthbook.ts": ['import { GrowthBook } from "@growthbook/growthbook";', "export const gb = new GrowthBook({});"].join("\n"),
          "src/routes.ts": ['import { gb } from "./growthbook";', 'export const on = gb.isOn("cross-module");'].join("\n"),
        }),
      ).toEqual(["cross-module src/routes.ts:2:19 growthbook/sdk-import"]);
    });

    it("indexes the distinctive getFeatureValue and evalFeature on a receiver that cannot be traced", () => {
      expect(
        readsOf({
          "src/untyped.js": [
            "export function settings(gb) {",
            '  return [gb.getFeatureValue("untraced-value", 3), gb.evalFeature("untraced-eval").value];',
            "}",
          ].join("\n"),
        }),
      ).toEqual([
        "untraced-eval src/untyped.js:2:52 growthbook/sdk-method-name",
        "untraced-value src/untyped.js:2:11 growthbook/sdk-method-name default=3",
      ]);
    });
  });

  describe("React (@growthbook/growthbook-react)", () => {
    const component = [
      'import { FeatureString, IfFeatureEnabled, useFeature, useFeatureIsOn, useFeatureValue, useGrowthBook } from "@growthbook/growthbook-react";',
      "export function Home() {",
      '  const newLogin = useFeatureIsOn("new-login-form");',
      '  const title = useFeatureValue("site-title", "Welcome");',
      '  const banner = useFeature("promo-banner").on;',
      "  const gb = useGrowthBook();",
      '  const dark = gb.isOn("dark-mode");',
      "  return (",
      "    <main>",
      '      <FeatureString feature="tagline" default="Hello" />',
      '      <IfFeatureEnabled feature="promo">',
      "        <Promo />",
      "      </IfFeatureEnabled>",
      "      {newLogin ? <NewLogin /> : <OldLogin />}",
      "    </main>",
      "  );",
      "}",
    ].join("\n");

    it("indexes the hooks, the instance from useGrowthBook() and the components' feature prop", () => {
      expect(readsOf({ "src/home.tsx": component })).toEqual([
        "dark-mode src/home.tsx:7:16 growthbook/sdk-import",
        "new-login-form src/home.tsx:3:20 growthbook/sdk-import",
        "promo src/home.tsx:11:7 growthbook/sdk-import",
        "promo-banner src/home.tsx:5:18 growthbook/sdk-import",
        'site-title src/home.tsx:4:17 growthbook/sdk-import default="Welcome"',
        "tagline src/home.tsx:10:7 growthbook/sdk-import",
      ]);
    });

    it("records the children of <IfFeatureEnabled> as its guarded code", () => {
      const read = readOf(indexGrowthBook({ "src/home.tsx": component }), "promo");
      expect(read.guards[0]?.kind).toBe("jsx-children");
      expect(read.guards[0]?.on?.refs).toContain("Promo");
    });

    // Engine gap: a JSX shape names only its key prop, so `<FeatureString feature="tagline"
    // default="Hello" />` is indexed without its default. Enable once a JSX shape can name a
    // default prop (expect default="Hello").
    it.todo("reads the default prop of <FeatureString>");

    it("records the code useFeatureIsOn guards through its variable", () => {
      const read = readOf(indexGrowthBook({ "src/home.tsx": component }), "new-login-form");
      expect(read.guards[0]?.kind).toBe("ternary");
      expect(read.guards[0]?.on?.refs).toEqual(["NewLogin"]);
      expect(read.guards[0]?.off?.refs).toEqual(["OldLogin"]);
    });
  });

  describe("negative cases", () => {
    it("ignores isOn and feature on the project's own objects", () => {
      expect(
        readsOf({
          "src/switch.ts": [
            "class Switch {",
            "  isOn(name: string) { return name.length > 0; }",
            "  feature(name: string) { return { on: name.length > 0 }; }",
            "}",
            "const light = new Switch();",
            'export const a = light.isOn("kitchen");',
            'export const b = light.feature("hall").on;',
          ].join("\n"),
        }),
      ).toEqual([]);
    });

    it("ignores isOn on a receiver that cannot be traced (the name is not distinctive)", () => {
      expect(readsOf({ "src/untyped.js": ['export const on = (device) => device.isOn("power");'].join("\n") })).toEqual([]);
    });

    it("ignores same-named hooks and components from other packages", () => {
      expect(
        readsOf({
          "src/other.tsx": [
            'import { useFeature, IfFeatureEnabled } from "some-other-flags";',
            'export const A = () => useFeature("other").on;',
            'export const B = () => <IfFeatureEnabled feature="other-jsx"><X /></IfFeatureEnabled>;',
          ].join("\n"),
        }),
      ).toEqual([]);
    });
  });
});
