import { describe, expect, it } from "vitest";
import { allReads, describeRead, indexSources } from "../../helpers/index-sources.js";

const serverFactory = [
  'import { SplitFactory } from "@splitsoftware/splitio";',
  'const factory = SplitFactory({ core: { authorizationKey: "sdk-key" } });',
  "const client = factory.client();",
];

describe("split preset", () => {
  describe("server SDK: getTreatment(key, featureFlagName)", () => {
    it("reads the flag name at index 1, as a variant guarded by the compared treatment", () => {
      const index = indexSources({
        "src/checkout.ts": [
          ...serverFactory,
          "export function checkout(userId: string) {",
          '  const treatment = client.getTreatment(userId, "new_checkout", { plan: "pro" });',
          '  if (treatment === "on") renderNew();',
          "  else renderOld();",
          "}",
        ].join("\n"),
      });
      const reads = allReads(index);
      expect(reads.map(describeRead)).toEqual(["new_checkout src/checkout.ts:5:21 split/sdk-import"]);
      const [read] = reads;
      expect(read?.valueType).toBe("variant");
      expect(read?.via).toBe("client.getTreatment");
      expect(read?.guards[0]?.compare).toBe("on");
      expect(read?.guards[0]?.on?.refs).toContain("renderNew");
      expect(read?.guards[0]?.off?.refs).toContain("renderOld");
    });

    it("reads getTreatmentWithConfig(key, name).treatment, guarded through the treatment property", () => {
      const index = indexSources({
        "src/banner.ts": [
          ...serverFactory,
          "export async function banner(userId: string) {",
          '  return (await client.getTreatmentWithConfig(userId, "banner")).treatment === "v2" ? bannerV2() : bannerV1();',
          "}",
        ].join("\n"),
      });
      const reads = allReads(index);
      expect(reads.map(describeRead)).toEqual(["banner src/banner.ts:5:17 split/sdk-import"]);
      expect(reads[0]?.guards[0]?.compare).toBe("v2");
      expect(reads[0]?.guards[0]?.on?.refs).toContain("bannerV2");
      expect(reads[0]?.guards[0]?.off?.refs).toContain("bannerV1");
    });

    it("reads the server entry point @splitsoftware/splitio/server like the root", () => {
      const index = indexSources({
        "src/server.ts": [
          'import { SplitFactory } from "@splitsoftware/splitio/server";',
          'const client = SplitFactory({ core: { authorizationKey: "k" } }).client();',
          'export const on = () => client.getTreatment("user-1", "new_checkout") === "on";',
        ].join("\n"),
      });
      expect(allReads(index).map(describeRead)).toEqual(["new_checkout src/server.ts:3:25 split/sdk-import"]);
    });
  });

  describe("client-side SDKs: getTreatment(featureFlagName, attributes?)", () => {
    it("reads the flag name at index 0 from @splitsoftware/splitio-browserjs", () => {
      const index = indexSources({
        "src/app.ts": [
          'import { SplitFactory } from "@splitsoftware/splitio-browserjs";',
          'const client = SplitFactory({ core: { authorizationKey: "k", key: "user-1" } }).client();',
          'export const a = client.getTreatment("new_checkout");',
          'export const b = client.getTreatment("dark_mode", { plan: "pro" });',
          'export const c = client.getTreatmentWithConfig("banner").treatment;',
        ].join("\n"),
      });
      expect(allReads(index).map(describeRead)).toEqual([
        "banner src/app.ts:5:18 split/sdk-import",
        "dark_mode src/app.ts:4:18 split/sdk-import",
        "new_checkout src/app.ts:3:18 split/sdk-import",
      ]);
    });

    it("reads @splitsoftware/splitio/client with the client-side positions, not the root's server ones", () => {
      const index = indexSources({
        "src/app.ts": [
          'import { SplitFactory } from "@splitsoftware/splitio/client";',
          'const client = SplitFactory({ core: { authorizationKey: "k", key: "user-1" } }).client();',
          'export const a = client.getTreatment("new_checkout", { plan: "pro" });',
        ].join("\n"),
      });
      expect(allReads(index).map(describeRead)).toEqual(["new_checkout src/app.ts:3:18 split/sdk-import"]);
      expect(index.unresolved).toEqual([]);
    });

    // Engine gap: a package's shapes are chosen by name alone, so the isomorphic root package, whose
    // `SplitFactory` returns a browser client when the settings carry `core.key`, is always read with
    // the server positions; this call is reported as unresolved ("(no key argument)").
    it.todo("reads a browser client from the isomorphic root @splitsoftware/splitio by its argument shape");
  });

  describe("bulk evaluations: the result is a map keyed by flag name", () => {
    it("reads the properties of getTreatments(…) and the flag-set variants, with their guards", () => {
      const index = indexSources({
        "src/bulk.ts": [
          ...serverFactory,
          "export function page(userId: string) {",
          '  const treatments = client.getTreatments(userId, ["new_checkout", "dark_mode"]);',
          '  if (treatments.new_checkout === "on") renderNew();',
          '  const theme = treatments["dark_mode"];',
          '  const { pricing_v2 } = client.getTreatmentsByFlagSet(userId, "pricing");',
          "}",
        ].join("\n"),
      });
      const reads = allReads(index);
      expect(reads.map(describeRead)).toEqual([
        "dark_mode src/bulk.ts:7:17 split/sdk-import",
        "new_checkout src/bulk.ts:6:7 split/sdk-import",
        "pricing_v2 src/bulk.ts:8:11 split/sdk-import",
      ]);
      const newCheckout = reads.find((r) => r.key === "new_checkout");
      expect(newCheckout?.keySource).toBe("property");
      expect(newCheckout?.guards[0]?.compare).toBe("on");
      expect(newCheckout?.guards[0]?.on?.refs).toContain("renderNew");
    });

    it("reads getTreatmentsWithConfig(…)[name].treatment", () => {
      const index = indexSources({
        "src/bulk.ts": [
          ...serverFactory,
          'const result = client.getTreatmentsWithConfig("user-1", ["banner"]);',
          'export const banner = result.banner.treatment === "on" ? "new" : "old";',
        ].join("\n"),
      });
      const reads = allReads(index);
      expect(reads.map(describeRead)).toEqual(["banner src/bulk.ts:5:23 split/sdk-import"]);
      expect(reads[0]?.via).toBe("getTreatmentsWithConfig().banner.treatment");
      expect(reads[0]?.guards[0]?.kind).toBe("ternary");
    });

    // Engine gap: an array of keys (`getTreatments(key, ["a", "b"])`) is not indexed; only the
    // properties read from the result are. A listed flag whose result is never read is not a read.
    it.todo("indexes every flag name listed in the array argument of getTreatments");
  });

  describe("React SDK", () => {
    it("reads useTreatment({ name }) and guards on its treatment", () => {
      const index = indexSources({
        "src/Checkout.tsx": [
          'import { useTreatment } from "@splitsoftware/splitio-react";',
          "export function Checkout() {",
          '  const { treatment, isReady } = useTreatment({ name: "new_checkout" });',
          '  return treatment === "on" ? <NewCheckout /> : <OldCheckout />;',
          "}",
        ].join("\n"),
      });
      const reads = allReads(index);
      expect(reads.map(describeRead)).toEqual(["new_checkout src/Checkout.tsx:3:34 split/sdk-import"]);
      expect(reads[0]?.valueType).toBe("variant");
      expect(reads[0]?.guards[0]?.compare).toBe("on");
      expect(reads[0]?.guards[0]?.on?.refs).toContain("NewCheckout");
      expect(reads[0]?.guards[0]?.off?.refs).toContain("OldCheckout");
    });

    it("reads the client of useSplitClient() with the client-side positions", () => {
      const index = indexSources({
        "src/Banner.tsx": [
          'import { useSplitClient } from "@splitsoftware/splitio-react";',
          "export function Banner() {",
          "  const { client } = useSplitClient();",
          '  return client?.getTreatment("banner") === "on" ? <NewBanner /> : null;',
          "}",
        ].join("\n"),
      });
      expect(allReads(index).map(describeRead)).toEqual(["banner src/Banner.tsx:4:10 split/sdk-import"]);
    });

    it("reports the list hooks and <SplitTreatments names> as unresolved: their keys are an array", () => {
      const index = indexSources({
        "src/List.tsx": [
          'import { SplitTreatments, useSplitTreatments } from "@splitsoftware/splitio-react";',
          "export function List() {",
          '  const { treatments } = useSplitTreatments({ names: ["a", "b"] });',
          '  return <SplitTreatments names={["c"]}>{({ treatments }) => null}</SplitTreatments>;',
          "}",
        ].join("\n"),
      });
      expect(allReads(index)).toEqual([]);
      expect(index.unresolved.map((u) => `${u.range.line}:${u.range.column} ${u.sdk} ${u.via} ${u.keyText}`)).toEqual([
        "3:26 split useSplitTreatments array",
        "4:10 split <SplitTreatments> array",
      ]);
    });
  });

  describe("receiver tracing", () => {
    it("traces a client held in a class field and one assigned in the constructor", () => {
      const index = indexSources({
        "src/service.ts": [
          'import { SplitFactory } from "@splitsoftware/splitio";',
          "export class Checkout {",
          '  private readonly client = SplitFactory({ core: { authorizationKey: "k" } }).client();',
          "  isNew(user: string) {",
          '    return this.client.getTreatment(user, "new_checkout") === "on";',
          "  }",
          "}",
          "export class Pricing {",
          "  private client;",
          "  constructor() {",
          '    this.client = SplitFactory({ core: { authorizationKey: "k" } }).client();',
          "  }",
          "  tier(user: string) {",
          '    return this.client.getTreatment(user, "pricing_v2");',
          "  }",
          "}",
        ].join("\n"),
      });
      expect(allReads(index).map(describeRead)).toEqual([
        "new_checkout src/service.ts:5:12 split/sdk-import",
        "pricing_v2 src/service.ts:14:12 split/sdk-import",
      ]);
    });

    // Engine gap: Split's typings declare `SplitIO` as a global (UMD) namespace, never imported, so
    // `constructor(private client: SplitIO.IClient)` names no import the receiver can be traced to.
    it.todo("traces a constructor parameter typed with the global SplitIO.IClient");

    it("traces a client created in another module", () => {
      const index = indexSources({
        "src/split.ts": [...serverFactory, "export { client };"].join("\n"),
        "src/app.ts": [
          'import { client } from "./split";',
          'export const isOn = (user: string) => client.getTreatment(user, "new_checkout") === "on";',
        ].join("\n"),
      });
      expect(allReads(index).map(describeRead)).toEqual(["new_checkout src/app.ts:2:39 split/sdk-import"]);
    });
  });

  describe("negative cases", () => {
    it("ignores getTreatment on objects that are not traced to the SDK", () => {
      const index = indexSources({
        "src/experiments.ts": [
          "class Experiments {",
          "  getTreatment(user: string, name: string) { return name; }",
          "  getTreatments(user: string, names: string[]) { return {} as Record<string, string>; }",
          "}",
          "const experiments = new Experiments();",
          'export const a = experiments.getTreatment("user-1", "not_a_flag");',
          'export const b = experiments.getTreatments("user-1", ["x"]).x;',
          'export function c(ab: { getTreatment(n: string): string }) { return ab.getTreatment("untraced"); }',
          'export const d = new Map<string, string>().get("new_checkout");',
        ].join("\n"),
      });
      expect(allReads(index)).toEqual([]);
      expect(index.unresolved).toEqual([]);
    });
  });
});
