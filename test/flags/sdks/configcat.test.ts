import { describe, expect, it } from "vitest";
import { allReads, describeRead, indexSources } from "../../helpers/index-sources.js";

const nodeClient = ['import * as configcat from "configcat-node";', 'const client = configcat.getClient("sdk-key");'];

describe("configcat preset", () => {
  describe("client: (key, defaultValue, …)", () => {
    it("reads getValueAsync(key, defaultValue, user?) and guards on its value", () => {
      const index = indexSources({
        "src/server.ts": [
          ...nodeClient,
          "export async function handle(user: object) {",
          '  if (await client.getValueAsync("isAwesomeFeatureEnabled", false)) awesome();',
          '  const tier = await client.getValueAsync("tier", "basic", user);',
          "}",
        ].join("\n"),
      });
      const reads = allReads(index);
      expect(reads.map(describeRead)).toEqual([
        "isAwesomeFeatureEnabled src/server.ts:4:13 configcat/sdk-import default=false",
        'tier src/server.ts:5:22 configcat/sdk-import default="basic"',
      ]);
      expect(reads[0]?.guards[0]?.on?.refs).toContain("awesome");
    });

    it("reads the older callback form getValue(key, defaultValue, callback) of configcat-js", () => {
      const index = indexSources({
        "src/browser.ts": [
          'import * as configcat from "configcat-js";',
          'const client = configcat.createClient("sdk-key");',
          'client.getValue("newCheckout", false, (value) => render(value));',
        ].join("\n"),
      });
      expect(allReads(index).map(describeRead)).toEqual(["newCheckout src/browser.ts:3:1 configcat/sdk-import default=false"]);
    });

    it("reads getValue and getValueDetails on a snapshot of the client", () => {
      const index = indexSources({
        "src/sync.ts": [
          'import * as configcat from "@configcat/sdk";',
          'const client = configcat.getClient("sdk-key");',
          "export function render() {",
          "  const snapshot = client.snapshot();",
          '  const limit = snapshot.getValue("rateLimit", 10);',
          '  const theme = snapshot.getValueDetails("theme", "light");',
          '  return theme.value === "dark" ? darkTheme() : lightTheme();',
          "}",
        ].join("\n"),
      });
      const reads = allReads(index);
      expect(reads.map(describeRead)).toEqual([
        "rateLimit src/sync.ts:5:17 configcat/sdk-import default=10",
        'theme src/sync.ts:6:17 configcat/sdk-import default="light"',
      ]);
      expect(reads[1]?.guards[0]?.compare).toBe("dark");
      expect(reads[1]?.guards[0]?.on?.refs).toContain("darkTheme");
      expect(reads[1]?.guards[0]?.off?.refs).toContain("lightTheme");
    });

    it("reads getValueDetailsAsync(key, defaultValue).value", () => {
      const index = indexSources({
        "src/server.ts": [
          ...nodeClient,
          "export async function handle() {",
          '  return (await client.getValueDetailsAsync("beta", false)).value ? beta() : stable();',
          "}",
        ].join("\n"),
      });
      const reads = allReads(index);
      expect(reads.map(describeRead)).toEqual(["beta src/server.ts:4:17 configcat/sdk-import default=false"]);
      expect(reads[0]?.guards[0]?.on?.refs).toContain("beta");
      expect(reads[0]?.guards[0]?.off?.refs).toContain("stable");
    });
  });

  describe("React SDK", () => {
    it("reads useFeatureFlag(key, defaultValue) and guards on its value; the provider is not a read", () => {
      const index = indexSources({
        "src/App.tsx": [
          'import { ConfigCatProvider, useFeatureFlag } from "configcat-react";',
          "function Feature() {",
          '  const { value: isAwesome, loading } = useFeatureFlag("isAwesomeFeatureEnabled", false);',
          "  return isAwesome ? <Awesome /> : <Plain />;",
          "}",
          'export const App = () => <ConfigCatProvider sdkKey="sdk-key"><Feature /></ConfigCatProvider>;',
        ].join("\n"),
      });
      const reads = allReads(index);
      expect(reads.map(describeRead)).toEqual(["isAwesomeFeatureEnabled src/App.tsx:3:41 configcat/sdk-import default=false"]);
      expect(reads[0]?.guards[0]?.on?.refs).toContain("Awesome");
      expect(reads[0]?.guards[0]?.off?.refs).toContain("Plain");
    });

    it("traces the client of useConfigCatClient()", () => {
      const index = indexSources({
        "src/Button.tsx": [
          'import { useConfigCatClient } from "configcat-react";',
          "export function Button() {",
          "  const client = useConfigCatClient();",
          '  const onClick = async () => (await client.getValueAsync("newButton", false)) && track();',
          "  return <button onClick={onClick} />;",
          "}",
        ].join("\n"),
      });
      expect(allReads(index).map(describeRead)).toEqual(["newButton src/Button.tsx:4:38 configcat/sdk-import default=false"]);
    });
  });

  describe("receiver tracing", () => {
    it("traces a constructor parameter property typed with IConfigCatClient", () => {
      const index = indexSources({
        "src/service.ts": [
          'import type { IConfigCatClient } from "configcat-node";',
          "export class Pricing {",
          "  constructor(private readonly configCat: IConfigCatClient) {}",
          '  tier() { return this.configCat.getValueAsync("pricingTier", "free"); }',
          "}",
        ].join("\n"),
      });
      expect(allReads(index).map(describeRead)).toEqual(['pricingTier src/service.ts:4:19 configcat/sdk-type default="free"']);
    });

    it("traces a client created in another module", () => {
      const index = indexSources({
        "src/configcat.ts": [...nodeClient, "export default client;"].join("\n"),
        "src/app.ts": [
          'import configCatClient from "./configcat";',
          'export const isOn = () => configCatClient.getValueAsync("newCheckout", false);',
        ].join("\n"),
      });
      expect(allReads(index).map(describeRead)).toEqual(["newCheckout src/app.ts:2:27 configcat/sdk-import default=false"]);
    });
  });

  describe("negative cases", () => {
    it("ignores getValue and useFeatureFlag that do not come from the SDK", () => {
      const index = indexSources({
        "src/hooks.ts": "export function useFeatureFlag(name: string, fallback: boolean) { return { value: fallback }; }",
        "src/app.ts": [
          'import { useFeatureFlag } from "./hooks";',
          "class Cache { getValue(key: string, fallback: number) { return fallback; } }",
          "const cache = new Cache();",
          'export const a = cache.getValue("ttl", 60);',
          'export const b = useFeatureFlag("local", false).value;',
          'export function c(store) { return store.getValueAsync("untraced", false); }',
          'export const d = new Map<string, number>().get("x");',
        ].join("\n"),
      });
      expect(allReads(index)).toEqual([]);
      expect(index.unresolved).toEqual([]);
    });
  });
});
