import { describe, expect, it } from "vitest";
import type { FlagIndex, FlagRead } from "../../../src/flags/flag-index.js";
import { allReads, describeRead, indexSources } from "../../helpers/index-sources.js";

function indexStatsig(files: Record<string, string>): FlagIndex {
  return indexSources(files, { sdks: ["statsig"] });
}

function readsOf(files: Record<string, string>): string[] {
  return allReads(indexStatsig(files)).map(describeRead);
}

function readOf(index: FlagIndex, key: string): FlagRead {
  const read = allReads(index).find((r) => r.key === key);
  if (!read) throw new Error(`no read of ${key}`);
  return read;
}

describe("statsig preset", () => {
  describe("legacy server SDK (statsig-node): the gate name is argument 1", () => {
    const server = [
      'const Statsig = require("statsig-node");',
      "export async function route(user: { userID: string }) {",
      '  if (Statsig.checkGate(user, "new_checkout")) return newCheckout();',
      '  const config = Statsig.getConfig(user, "pricing");',
      '  const experiment = Statsig.getExperiment(user, "headline_test");',
      '  const layer = Statsig.getLayer(user, "home_layer");',
      '  const gate = Statsig.getFeatureGate(user, "gate_details");',
      "  return gate.value ? config : [experiment, layer];",
      "}",
    ].join("\n");

    it("indexes checkGate, getConfig, getExperiment, getLayer and getFeatureGate with the name after the user", () => {
      expect(readsOf({ "src/server.ts": server })).toEqual([
        "gate_details src/server.ts:7:16 statsig/sdk-import",
        "headline_test src/server.ts:5:22 statsig/sdk-import",
        "home_layer src/server.ts:6:17 statsig/sdk-import",
        "new_checkout src/server.ts:3:7 statsig/sdk-import",
        "pricing src/server.ts:4:18 statsig/sdk-import",
      ]);
    });

    it("records the code checkGate guards", () => {
      const read = readOf(indexStatsig({ "src/server.ts": server }), "new_checkout");
      expect(read.valueType).toBe("boolean");
      expect(read.guards[0]?.kind).toBe("early-exit");
      expect(read.guards[0]?.on?.refs).toContain("newCheckout");
    });

    it("guards getFeatureGate by its `.value`", () => {
      const read = readOf(indexStatsig({ "src/server.ts": server }), "gate_details");
      expect(read.guards[0]?.kind).toBe("ternary");
      expect(read.guards[0]?.on?.refs).toEqual(["config"]);
    });
  });

  describe("server core SDK (@statsig/statsig-node-core)", () => {
    it("indexes checkGate, getDynamicConfig and getExperiment on a Statsig instance traced through a variable", () => {
      expect(
        readsOf({
          "src/server.ts": [
            'import { Statsig, StatsigUser } from "@statsig/statsig-node-core";',
            'const statsig = new Statsig("secret-key");',
            "await statsig.initialize();",
            'const user = new StatsigUser({ userID: "a-user" });',
            'export const gate = statsig.checkGate(user, "core_gate");',
            'export const config = statsig.getDynamicConfig(user, "core_config");',
            'export const experiment = statsig.getExperiment(user, "core_experiment");',
          ].join("\n"),
        }),
      ).toEqual([
        "core_config src/server.ts:6:23 statsig/sdk-import",
        "core_experiment src/server.ts:7:27 statsig/sdk-import",
        "core_gate src/server.ts:5:21 statsig/sdk-import",
      ]);
    });

    it("traces a constructor parameter property typed with the SDK class", () => {
      expect(
        readsOf({
          "src/service.ts": [
            'import type { Statsig, StatsigUser } from "@statsig/statsig-node-core";',
            "export class Gatekeeper {",
            "  constructor(private readonly statsig: Statsig) {}",
            "  allowed(user: StatsigUser) {",
            '    return this.statsig.checkGate(user, "class_gate");',
            "  }",
            "}",
          ].join("\n"),
        }),
      ).toEqual(["class_gate src/service.ts:5:12 statsig/sdk-type"]);
    });

    it("traces an instance exported by another module", () => {
      expect(
        readsOf({
          "src/statsig.ts": ['import { Statsig } from "@statsig/statsig-node-core";', 'export const statsig = new Statsig("secret-key");'].join("\n"),
          "src/routes.ts": [
            'import { statsig } from "./statsig";',
            'export const allowed = (user: object) => statsig.checkGate(user, "cross_module");',
          ].join("\n"),
        }),
      ).toEqual(["cross_module src/routes.ts:2:42 statsig/sdk-import"]);
    });
  });

  describe("client SDK (@statsig/js-client): the name is argument 0", () => {
    it("indexes checkGate, getFeatureGate, getDynamicConfig, getExperiment and getLayer", () => {
      expect(
        readsOf({
          "src/client.ts": [
            'import { StatsigClient } from "@statsig/js-client";',
            'const client = new StatsigClient("client-key", { userID: "a-user" });',
            "await client.initializeAsync();",
            'export const gate = client.checkGate("client_gate");',
            'export const details = client.getFeatureGate("client_gate_details").value;',
            'export const config = client.getDynamicConfig("client_config");',
            'export const experiment = client.getExperiment("client_experiment");',
            'export const layer = client.getLayer("client_layer");',
          ].join("\n"),
        }),
      ).toEqual([
        "client_config src/client.ts:6:23 statsig/sdk-import",
        "client_experiment src/client.ts:7:27 statsig/sdk-import",
        "client_gate src/client.ts:4:21 statsig/sdk-import",
        "client_gate_details src/client.ts:5:24 statsig/sdk-import",
        "client_layer src/client.ts:8:22 statsig/sdk-import",
      ]);
    });
  });

  describe("receivers that cannot be traced", () => {
    it("indexes the distinctive checkGate on a receiver that cannot be traced, in the server form", () => {
      expect(
        readsOf({
          "src/untyped.js": ["export function gate(statsig, user) {", '  return statsig.checkGate(user, "untraced_gate");', "}"].join("\n"),
        }),
      ).toEqual(["untraced_gate src/untyped.js:2:10 statsig/sdk-method-name"]);
    });

    it("indexes the client form of checkGate(name) on a receiver that cannot be traced, by where the key is", () => {
      const index = indexStatsig({
        "src/untyped.js": ["export function gate(client) {", '  return client.checkGate("client_untraced");', "}"].join("\n"),
      });
      expect(allReads(index).map(describeRead)).toEqual(["client_untraced src/untyped.js:2:10 statsig/sdk-method-name"]);
      expect(index.unresolved).toEqual([]);
    });
  });

  describe("React (@statsig/react-bindings)", () => {
    const component = [
      'import { useDynamicConfig, useExperiment, useFeatureGate, useGateValue, useLayer, useStatsigClient } from "@statsig/react-bindings";',
      "export function Page() {",
      '  const enabled = useGateValue("react_gate");',
      '  const gate = useFeatureGate("react_gate_details");',
      '  const config = useDynamicConfig("react_config");',
      '  const experiment = useExperiment("react_experiment");',
      '  const layer = useLayer("react_layer");',
      "  const { client } = useStatsigClient();",
      '  const headline = client.checkGate("react_client_gate");',
      "  if (gate.value) return <Details />;",
      "  return enabled ? <New config={config} experiment={experiment} layer={layer} headline={headline} /> : <Old />;",
      "}",
    ].join("\n");

    it("indexes the hooks and the client from useStatsigClient()", () => {
      expect(readsOf({ "src/page.tsx": component })).toEqual([
        "react_client_gate src/page.tsx:9:20 statsig/sdk-import",
        "react_config src/page.tsx:5:18 statsig/sdk-import",
        "react_experiment src/page.tsx:6:22 statsig/sdk-import",
        "react_gate src/page.tsx:3:19 statsig/sdk-import",
        "react_gate_details src/page.tsx:4:16 statsig/sdk-import",
        "react_layer src/page.tsx:7:17 statsig/sdk-import",
      ]);
    });

    it("records the code useGateValue guards and guards useFeatureGate by its `.value`", () => {
      const index = indexStatsig({ "src/page.tsx": component });
      const gateValue = readOf(index, "react_gate");
      expect(gateValue.guards[0]?.kind).toBe("ternary");
      expect(gateValue.guards[0]?.on?.refs).toContain("New");
      expect(gateValue.guards[0]?.off?.refs).toEqual(["Old"]);
      const featureGate = readOf(index, "react_gate_details");
      expect(featureGate.guards[0]?.kind).toBe("early-exit");
      expect(featureGate.guards[0]?.on?.refs).toContain("Details");
    });

    it("indexes checkGate destructured from useStatsigClient()", () => {
      expect(
        readsOf({
          "src/page.tsx": [
            'import { useStatsigClient } from "@statsig/react-bindings";',
            "export function Page() {",
            "  const { checkGate } = useStatsigClient();",
            '  return checkGate("hoisted_gate") ? <New /> : <Old />;',
            "}",
          ].join("\n"),
        }),
      ).toEqual(["hoisted_gate src/page.tsx:4:10 statsig/sdk-import"]);
    });
  });

  describe("legacy client (statsig-js, statsig-react)", () => {
    it("indexes the static Statsig class and the statsig-react hooks by their result members", () => {
      const index = indexStatsig({
        "src/legacy.tsx": [
          'import Statsig from "statsig-js";',
          'import { useConfig, useExperiment, useFeatureGate, useGate, useLayer } from "statsig-react";',
          'export const legacyGate = Statsig.checkGate("legacy_gate");',
          'export const legacyConfig = Statsig.getConfig("legacy_config");',
          "export function Legacy() {",
          '  const { value } = useGate("legacy_hook_gate");',
          '  const details = useFeatureGate("legacy_gate_details");',
          '  const { config } = useConfig("legacy_hook_config");',
          '  const experiment = useExperiment("legacy_experiment").config;',
          '  const layer = useLayer("legacy_layer").layer;',
          "  if (details.gate.value) return <Details />;",
          "  return value ? <New config={config} experiment={experiment} layer={layer} /> : <Old />;",
          "}",
        ].join("\n"),
      });
      expect(allReads(index).map(describeRead)).toEqual([
        "legacy_config src/legacy.tsx:4:29 statsig/sdk-import",
        "legacy_experiment src/legacy.tsx:9:22 statsig/sdk-import",
        "legacy_gate src/legacy.tsx:3:27 statsig/sdk-import",
        "legacy_gate_details src/legacy.tsx:7:19 statsig/sdk-import",
        "legacy_hook_config src/legacy.tsx:8:22 statsig/sdk-import",
        "legacy_hook_gate src/legacy.tsx:6:21 statsig/sdk-import",
        "legacy_layer src/legacy.tsx:10:17 statsig/sdk-import",
      ]);
      expect(readOf(index, "legacy_hook_gate").guards[0]?.on?.refs).toContain("New");
      expect(readOf(index, "legacy_gate_details").guards[0]?.on?.refs).toContain("Details");
    });
  });

  describe("negative cases", () => {
    it("ignores checkGate imported from another package", () => {
      expect(
        readsOf({
          "src/other.ts": [
            'import { createGatekeeper } from "some-gatekeeper";',
            "const someLib = createGatekeeper();",
            'export const open = someLib.checkGate("door", "other_gate");',
          ].join("\n"),
        }),
      ).toEqual([]);
    });

    it("ignores checkGate and getConfig on the project's own class", () => {
      expect(
        readsOf({
          "src/gates.ts": [
            "class Gates {",
            "  checkGate(name: string) { return name.length > 0; }",
            "  getConfig(name: string) { return { name }; }",
            "}",
            "const gates = new Gates();",
            'export const a = gates.checkGate("local_gate");',
            'export const b = gates.getConfig("local_config");',
          ].join("\n"),
        }),
      ).toEqual([]);
    });

    it("ignores the generic getConfig on a receiver that cannot be traced", () => {
      expect(readsOf({ "src/untyped.js": ['export const port = (settings) => settings.getConfig("port");'].join("\n") })).toEqual([]);
    });

    it("never reads the user argument of a server call as the name", () => {
      expect(
        readsOf({
          "src/server.ts": ['import Statsig from "statsig-node";', 'export const on = Statsig.checkGate("not-a-user", "server_only");'].join("\n"),
        }),
      ).toEqual(["server_only src/server.ts:2:19 statsig/sdk-import"]);
    });
  });
});
