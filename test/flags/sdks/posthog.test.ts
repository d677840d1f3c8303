import { describe, expect, it } from "vitest";
import type { FlagIndex, FlagRead } from "../../../src/flags/flag-index.js";
import { allReads, describeRead, indexSources } from "../../helpers/index-sources.js";

function indexPostHog(files: Record<string, string>): FlagIndex {
  return indexSources(files, { sdks: ["posthog"] });
}

function readsOf(files: Record<string, string>): string[] {
  return allReads(indexPostHog(files)).map(describeRead);
}

function readOf(index: FlagIndex, key: string): FlagRead {
  const read = allReads(index).find((r) => r.key === key);
  if (!read) throw new Error(`no read of ${key}`);
  return read;
}

describe("posthog preset", () => {
  describe("browser SDK (posthog-js)", () => {
    const app = [
      'import posthog from "posthog-js";',
      'posthog.init("phc_key", { api_host: "https://us.i.posthog.com" });',
      "export function render() {",
      '  if (posthog.isFeatureEnabled("new-checkout")) showNewCheckout();',
      '  const safe = posthog.isFeatureEnabled("safe-flag", { defaultValue: true });',
      '  const variant = posthog.getFeatureFlag("button-color");',
      '  const payload = posthog.getFeatureFlagPayload("banner-copy");',
      '  const result = posthog.getFeatureFlagResult("beta-result");',
      '  if (variant === "red") paintRed();',
      "  return result?.enabled ? [safe, payload] : [];",
      "}",
    ].join("\n");

    it("indexes isFeatureEnabled (default from options.defaultValue), getFeatureFlag, getFeatureFlagPayload and getFeatureFlagResult", () => {
      expect(readsOf({ "src/app.ts": app })).toEqual([
        "banner-copy src/app.ts:7:19 posthog/sdk-import",
        "beta-result src/app.ts:8:18 posthog/sdk-import",
        "button-color src/app.ts:6:19 posthog/sdk-import",
        "new-checkout src/app.ts:4:7 posthog/sdk-import",
        "safe-flag src/app.ts:5:16 posthog/sdk-import default=true",
      ]);
    });

    it("records the code isFeatureEnabled guards", () => {
      const read = readOf(indexPostHog({ "src/app.ts": app }), "new-checkout");
      expect(read.valueType).toBe("boolean");
      expect(read.guards[0]?.kind).toBe("if");
      expect(read.guards[0]?.on?.refs).toContain("showNewCheckout");
    });

    it("guards a variant by its comparison and a result by its `.enabled`", () => {
      const index = indexPostHog({ "src/app.ts": app });
      const variant = readOf(index, "button-color");
      expect(variant.valueType).toBe("variant");
      expect(variant.guards[0]?.compare).toBe("red");
      expect(variant.guards[0]?.on?.refs).toContain("paintRed");
      const result = readOf(index, "beta-result");
      expect(result.guards[0]?.kind).toBe("ternary");
      expect(result.guards[0]?.on?.refs).toEqual(["payload", "safe"]);
    });

    it("traces a constructor parameter property typed with the SDK type", () => {
      expect(
        readsOf({
          "src/service.ts": [
            'import type { PostHog } from "posthog-js";',
            "export class Banner {",
            "  constructor(private readonly posthog: PostHog) {}",
            "  show() {",
            '    return this.posthog.isFeatureEnabled("class-flag");',
            "  }",
            "}",
          ].join("\n"),
        }),
      ).toEqual(["class-flag src/service.ts:5:12 posthog/sdk-type"]);
    });

    it("traces the instance exported by another module", () => {
      expect(
        readsOf({
          "src/analytics.ts": ['import posthog from "posthog-js";', 'posthog.init("phc_key");', "export const analytics = posthog;"].join("\n"),
          "src/routes.ts": ['import { analytics } from "./analytics";', 'export const on = analytics.isFeatureEnabled("cross-module");'].join("\n"),
        }),
      ).toEqual(["cross-module src/routes.ts:2:19 posthog/sdk-import"]);
    });

    it("indexes the distinctive isFeatureEnabled on a receiver that cannot be traced", () => {
      expect(readsOf({ "src/untyped.js": ['export const on = (ph) => ph.isFeatureEnabled("untraced");'].join("\n") })).toEqual([
        "untraced src/untyped.js:1:27 posthog/sdk-method-name",
      ]);
    });
  });

  describe("Node SDK (posthog-node): the distinct id is argument 1", () => {
    const server = [
      'import { PostHog } from "posthog-node";',
      'const client = new PostHog("phc_key", { host: "https://us.i.posthog.com" });',
      "export async function handle(userId: string) {",
      '  if (await client.isFeatureEnabled("server-flag", userId)) return fast();',
      '  const variant = await client.getFeatureFlag("server-variant", userId);',
      '  const payload = await client.getFeatureFlagPayload("server-payload", userId);',
      '  const result = await client.getFeatureFlagResult("server-result", userId);',
      "  const flags = await client.getAllFlags(userId);",
      '  return flags["map-flag"] ? [variant, payload, result] : slow();',
      "}",
    ].join("\n");

    it("indexes isFeatureEnabled, getFeatureFlag, getFeatureFlagPayload, getFeatureFlagResult and getAllFlags() properties", () => {
      expect(readsOf({ "src/server.ts": server })).toEqual([
        "map-flag src/server.ts:9:10 posthog/sdk-import",
        "server-flag src/server.ts:4:13 posthog/sdk-import",
        "server-payload src/server.ts:6:25 posthog/sdk-import",
        "server-result src/server.ts:7:24 posthog/sdk-import",
        "server-variant src/server.ts:5:25 posthog/sdk-import",
      ]);
    });

    it("records the code an awaited isFeatureEnabled and a getAllFlags() property guard", () => {
      const index = indexPostHog({ "src/server.ts": server });
      const read = readOf(index, "server-flag");
      expect(read.guards[0]?.kind).toBe("early-exit");
      expect(read.guards[0]?.on?.refs).toContain("fast");
      const mapRead = readOf(index, "map-flag");
      expect(mapRead.guards[0]?.off?.refs).toEqual(["slow"]);
    });

    it("never reads the distinct id as a default", () => {
      const read = readOf(
        indexPostHog({
          "src/server.ts": [
            'import { PostHog } from "posthog-node";',
            'const client = new PostHog("phc_key");',
            'export const on = client.isFeatureEnabled("no-default", "user-1");',
          ].join("\n"),
        }),
        "no-default",
      );
      expect(read.default).toBeUndefined();
    });
  });

  describe("React (posthog-js/react, @posthog/react)", () => {
    const component = [
      'import { PostHogFeature, useFeatureFlagEnabled, useFeatureFlagPayload, useFeatureFlagResult, useFeatureFlagVariantKey, usePostHog } from "posthog-js/react";',
      "export function Page() {",
      '  const enabled = useFeatureFlagEnabled("react-flag");',
      '  const loaded = useFeatureFlagEnabled("react-flag-default", false);',
      '  const variant = useFeatureFlagVariantKey("react-variant");',
      '  const payload = useFeatureFlagPayload("react-payload");',
      '  const result = useFeatureFlagResult("react-result");',
      "  const posthog = usePostHog();",
      '  const fromClient = posthog.isFeatureEnabled("react-client");',
      "  return (",
      '    <PostHogFeature flag="react-component" match={true}>',
      "      <Beta />",
      "    </PostHogFeature>",
      "  );",
      "}",
    ].join("\n");

    it("indexes the hooks with useFeatureFlagEnabled's default, the client from usePostHog() and <PostHogFeature flag>", () => {
      expect(readsOf({ "src/page.tsx": component })).toEqual([
        "react-client src/page.tsx:9:22 posthog/sdk-import",
        "react-component src/page.tsx:11:5 posthog/sdk-import",
        "react-flag src/page.tsx:3:19 posthog/sdk-import",
        "react-flag-default src/page.tsx:4:18 posthog/sdk-import default=false",
        "react-payload src/page.tsx:6:19 posthog/sdk-import",
        "react-result src/page.tsx:7:18 posthog/sdk-import",
        "react-variant src/page.tsx:5:19 posthog/sdk-import",
      ]);
    });

    it("records the children of <PostHogFeature> as its guarded code", () => {
      const read = readOf(indexPostHog({ "src/page.tsx": component }), "react-component");
      expect(read.guards[0]?.kind).toBe("jsx-children");
      expect(read.guards[0]?.on?.refs).toContain("Beta");
    });

    // Engine gap: a JSX shape names only its key prop. `<PostHogFeature flag="exp" match="test">`
    // renders its children only when the flag's variant is "test" (and `match={false}` only when
    // it is off), but the index records a plain positive jsx-children guard with no `compare`.
    // Enable once a JSX shape can name a compare prop.
    it.todo("records the match prop of <PostHogFeature> as the value its children are guarded by");

    it("indexes the hooks of the standalone @posthog/react package", () => {
      expect(
        readsOf({
          "src/a.tsx": ['import { useFeatureFlagEnabled } from "@posthog/react";', 'export const A = () => (useFeatureFlagEnabled("standalone") ? <B /> : null);'].join(
            "\n",
          ),
        }),
      ).toEqual(["standalone src/a.tsx:2:25 posthog/sdk-import"]);
    });
  });

  describe("React Native (posthog-react-native)", () => {
    it("indexes useFeatureFlag, useFeatureFlagResult and the useFeatureFlags() map", () => {
      expect(
        readsOf({
          "src/screen.tsx": [
            'import { useFeatureFlag, useFeatureFlagResult, useFeatureFlags } from "posthog-react-native";',
            "export function Screen() {",
            '  const variant = useFeatureFlag("rn-variant");',
            '  const result = useFeatureFlagResult("rn-result");',
            "  const flags = useFeatureFlags();",
            '  return flags?.["rn-map"] ? [variant, result] : null;',
            "}",
          ].join("\n"),
        }),
      ).toEqual([
        "rn-map src/screen.tsx:6:10 posthog/sdk-import",
        "rn-result src/screen.tsx:4:18 posthog/sdk-import",
        "rn-variant src/screen.tsx:3:19 posthog/sdk-import",
      ]);
    });
  });

  describe("negative cases", () => {
    it("ignores isFeatureEnabled and getFeatureFlag on another package's client", () => {
      expect(
        readsOf({
          "src/other.ts": [
            'import { createInstance } from "@optimizely/optimizely-sdk";',
            'const optimizely = createInstance({ sdkKey: "k" });',
            'export const on = optimizely.isFeatureEnabled("other-flag", "user-1");',
          ].join("\n"),
        }),
      ).toEqual([]);
    });

    it("ignores same-named methods on the project's own class", () => {
      expect(
        readsOf({
          "src/features.ts": [
            "class Features {",
            "  isFeatureEnabled(name: string) { return name.length > 0; }",
            "  getAllFlags() { return { local: true }; }",
            "}",
            "const features = new Features();",
            'export const a = features.isFeatureEnabled("local-flag");',
            "export const b = features.getAllFlags().local;",
          ].join("\n"),
        }),
      ).toEqual([]);
    });

    it("does not read getAllFlags() properties on the browser client, which has no such map", () => {
      expect(
        readsOf({
          "src/app.ts": ['import posthog from "posthog-js";', "export const on = posthog.getAllFlags().browserMap;"].join("\n"),
        }),
      ).toEqual([]);
    });
  });
});
