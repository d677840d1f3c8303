import { describe, expect, it } from "vitest";
import { allReads, describeRead, indexSources } from "../../helpers/index-sources.js";

describe("devcycle preset", () => {
  describe("server SDKs: (user, key, defaultValue)", () => {
    it("reads variableValue and variable(…).value with the key at index 1 and the default at index 2", () => {
      const index = indexSources({
        "src/server.ts": [
          'import { initializeDevCycle } from "@devcycle/nodejs-server-sdk";',
          'const devcycleClient = await initializeDevCycle("server-key").onClientInitialized();',
          "export function handle(user: { user_id: string }) {",
          '  if (devcycleClient.variableValue(user, "new-checkout", false)) newCheckout();',
          '  const banner = devcycleClient.variable(user, "banner", "v1");',
          '  return banner.value === "v2" ? bannerV2() : bannerV1();',
          "}",
        ].join("\n"),
      });
      const reads = allReads(index);
      expect(reads.map(describeRead)).toEqual([
        'banner src/server.ts:5:18 devcycle/sdk-import default="v1"',
        "new-checkout src/server.ts:4:7 devcycle/sdk-import default=false",
      ]);
      const [banner, checkout] = reads;
      expect(checkout?.guards[0]?.on?.refs).toContain("newCheckout");
      expect(banner?.guards[0]?.compare).toBe("v2");
      expect(banner?.guards[0]?.on?.refs).toContain("bannerV2");
      expect(banner?.guards[0]?.off?.refs).toContain("bannerV1");
    });

    it("reads the cloud-bucketing client the same way", () => {
      const index = indexSources({
        "src/edge.ts": [
          'import { DevCycleCloudClient } from "@devcycle/js-cloud-server-sdk";',
          'const client = new DevCycleCloudClient("server-key", {}, { platform: "edge" });',
          'export const limit = (user: object) => client.variableValue(user, "rate-limit", 100);',
        ].join("\n"),
      });
      expect(allReads(index).map(describeRead)).toEqual(["rate-limit src/edge.ts:3:40 devcycle/sdk-import default=100"]);
    });
  });

  describe("client SDKs: (key, defaultValue)", () => {
    it("reads variableValue and variable(…).value with the key at index 0 and the default at index 1", () => {
      const index = indexSources({
        "src/client.ts": [
          'import { initializeDevCycle } from "@devcycle/js-client-sdk";',
          'const client = initializeDevCycle("client-key", { user_id: "user-1" });',
          'export const a = client.variableValue("new-checkout", false);',
          'export const b = client.variable("theme", "light").value;',
        ].join("\n"),
      });
      expect(allReads(index).map(describeRead)).toEqual([
        "new-checkout src/client.ts:3:18 devcycle/sdk-import default=false",
        'theme src/client.ts:4:18 devcycle/sdk-import default="light"',
      ]);
    });
  });

  describe("React SDK", () => {
    it("reads useVariableValue, useVariable(…).value, <RenderIfEnabled> and SwapComponents", () => {
      const index = indexSources({
        "src/Page.tsx": [
          'import { RenderIfEnabled, SwapComponents, useVariable, useVariableValue } from "@devcycle/react-client-sdk";',
          "export function Page() {",
          '  const showNew = useVariableValue("new-page", false);',
          '  const { value: theme } = useVariable("theme", "light");',
          "  return (",
          "    <div>",
          "      {showNew ? <NewPage /> : <OldPage />}",
          '      <RenderIfEnabled variableKey="promo">',
          "        <Promo />",
          "      </RenderIfEnabled>",
          "    </div>",
          "  );",
          "}",
          'export const Checkout = SwapComponents(OldCheckout, NewCheckout, "new-checkout");',
        ].join("\n"),
      });
      const reads = allReads(index);
      expect(reads.map(describeRead)).toEqual([
        "new-checkout src/Page.tsx:14:25 devcycle/sdk-import",
        "new-page src/Page.tsx:3:19 devcycle/sdk-import default=false",
        "promo src/Page.tsx:8:7 devcycle/sdk-import",
        'theme src/Page.tsx:4:28 devcycle/sdk-import default="light"',
      ]);
      const newPage = reads[1];
      expect(newPage?.guards[0]?.on?.refs).toContain("NewPage");
      expect(newPage?.guards[0]?.off?.refs).toContain("OldPage");
      expect(reads[2]?.guards[0]?.kind).toBe("jsx-children");
      expect(reads[2]?.guards[0]?.on?.refs).toContain("Promo");
    });

    it("traces the client of useDevCycleClient() with the client-side positions", () => {
      const index = indexSources({
        "src/Button.tsx": [
          'import { useDevCycleClient } from "@devcycle/react-client-sdk";',
          "export function Button() {",
          "  const client = useDevCycleClient();",
          '  return client.variableValue("big-button", false) ? <Big /> : <Small />;',
          "}",
        ].join("\n"),
      });
      expect(allReads(index).map(describeRead)).toEqual(["big-button src/Button.tsx:4:10 devcycle/sdk-import default=false"]);
    });

    it("reads getVariableValue destructured from @devcycle/nextjs-sdk/server's setupDevCycle(), in another module", () => {
      const index = indexSources({
        "src/devcycle.ts": [
          'import { setupDevCycle } from "@devcycle/nextjs-sdk/server";',
          "export const { getVariableValue, getClientContext } = setupDevCycle({ serverSDKKey: \"k\", clientSDKKey: \"c\", userGetter: () => ({ user_id: \"u\" }) });",
        ].join("\n"),
        "app/page.tsx": [
          'import { getVariableValue } from "../src/devcycle";',
          "export default async function Page() {",
          '  const newPage = await getVariableValue("new-page", false);',
          "  return newPage ? <NewPage /> : <OldPage />;",
          "}",
        ].join("\n"),
      });
      expect(allReads(index).map(describeRead)).toEqual(["new-page app/page.tsx:3:25 devcycle/sdk-import default=false"]);
      expect(allReads(index)[0]?.guards[0]?.off?.refs).toEqual(["OldPage"]);
    });
  });

  describe("NestJS SDK", () => {
    it("reads the @VariableValue({ key, default }) decorator and a client injected by type", () => {
      const index = indexSources({
        "src/app.controller.ts": [
          'import { Controller, Get } from "@nestjs/common";',
          'import { DevCycleClient, VariableValue } from "@devcycle/nestjs-server-sdk";',
          "@Controller()",
          "export class AppController {",
          "  constructor(private readonly devcycle: DevCycleClient) {}",
          '  @Get("/")',
          '  home(@VariableValue({ key: "new-home", default: false }) newHome: boolean) {',
          '    return this.devcycle.variableValue({ user_id: "u" }, "home-layout", "grid");',
          "  }",
          "}",
        ].join("\n"),
      });
      expect(allReads(index).map(describeRead)).toEqual([
        'home-layout src/app.controller.ts:8:12 devcycle/sdk-type default="grid"',
        "new-home src/app.controller.ts:7:9 devcycle/sdk-import default=false",
      ]);
    });

    // Engine gap: `@RequireVariableValue({ "new-api": true })` names its keys as the property names of
    // an object argument; a read shape can only point at an argument or one named property of it.
    it.todo("reads the keys of @RequireVariableValue({ [key]: value })");
  });

  describe("receiver tracing", () => {
    it("traces a client created in another module", () => {
      const index = indexSources({
        "src/devcycle.ts": [
          'import { initializeDevCycle } from "@devcycle/nodejs-server-sdk";',
          'export const devcycle = initializeDevCycle("server-key");',
        ].join("\n"),
        "src/app.ts": [
          'import { devcycle } from "./devcycle";',
          'export const isOn = (user: object) => devcycle.variableValue(user, "new-checkout", false);',
        ].join("\n"),
      });
      expect(allReads(index).map(describeRead)).toEqual(["new-checkout src/app.ts:2:39 devcycle/sdk-import default=false"]);
    });
  });

  describe("negative cases", () => {
    it("ignores variable, variableValue and useVariableValue that do not come from the SDK", () => {
      const index = indexSources({
        "src/theme.ts": [
          "class Theme { variable(name: string) { return name; } variableValue(name: string, fallback: string) { return fallback; } }",
          "export const theme = new Theme();",
          "export function useVariableValue(name: string, fallback: string) { return fallback; }",
        ].join("\n"),
        "src/app.ts": [
          'import { theme, useVariableValue } from "./theme";',
          'export const a = theme.variable("--primary");',
          'export const b = theme.variableValue("--spacing", "4px");',
          'export const c = useVariableValue("--radius", "2px");',
          'export function d(client) { return client.variableValue("untraced", false); }',
          'export const e = new Map<string, string>().get("x");',
        ].join("\n"),
      });
      expect(allReads(index)).toEqual([]);
      expect(index.unresolved).toEqual([]);
    });
  });
});
