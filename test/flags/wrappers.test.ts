// Wrappers and handles: the project's own functions that pass a parameter into a flag-key
// position (wrappers) or return one read (handles), found without config, to any depth and across
// files; and configured accessors (`flags.accessors`).
import { describe, expect, it } from "vitest";
import type { DeadflagConfig } from "../../src/config/config-schema.js";
import type { FlagIndex, FlagRead } from "../../src/flags/flag-index.js";
import { allReads, describeRead, indexSources } from "../helpers/index-sources.js";

/** `describeRead` plus the wrapper a read went through. */
function describeWrapped(read: FlagRead): string {
  const wrapper = read.wrapper ? ` via ${read.wrapper.file}#${read.wrapper.name}` : "";
  return `${describeRead(read)}${wrapper}`;
}

function readsOf(files: Record<string, string>, flags: DeadflagConfig["flags"] = {}): string[] {
  return allReads(indexSources(files, flags)).map(describeWrapped);
}

function readOf(index: FlagIndex, key: string, line?: number): FlagRead {
  const read = allReads(index).find((r) => r.key === key && (line === undefined || r.range.line === line));
  if (!read) throw new Error(`no read of ${key}${line === undefined ? "" : ` on line ${line}`}`);
  return read;
}

/** The source text a range covers. */
function textAt(source: string, range: { start: number; end: number } | undefined): string | undefined {
  return range && source.slice(range.start, range.end);
}

const growthbookClient = ['import { GrowthBook } from "@growthbook/growthbook";', "export const gb = new GrowthBook();"].join("\n");

const openfeatureClient = ['import { OpenFeature } from "@openfeature/server-sdk";', "export const client = OpenFeature.getClient();"].join("\n");

describe("wrappers", () => {
  it("makes a function that passes its parameter to an SDK key a wrapper: its calls read the key it is given", () => {
    const appText = [
      'import { isOn } from "./flags";',
      "export function render() {",
      '  if (isOn("new-nav")) showNewNav();',
      "  else showOldNav();",
      "}",
    ].join("\n");
    const index = indexSources({
      "src/gb.ts": growthbookClient,
      "src/flags.ts": ['import { gb } from "./gb";', "export function isOn(name: string) {", "  return gb.isOn(name);", "}"].join("\n"),
      "src/app.ts": appText,
    });
    // Not `growthbook/sdk-import`: `isOn` returns an SDK value, but calling it is calling the wrapper.
    expect(allReads(index).map(describeWrapped)).toEqual(["new-nav src/app.ts:3:7 growthbook/wrapper via src/flags.ts#isOn"]);
    const read = readOf(index, "new-nav");
    expect(read).toMatchObject({ via: "isOn", keySource: "literal", valueType: "boolean", polarity: "positive", enclosing: "render" });
    expect(read.guards).toHaveLength(1);
    expect(read.guards[0]?.kind).toBe("if");
    expect(textAt(appText, read.guards[0]?.on?.range)).toBe("showNewNav();");
    expect(textAt(appText, read.guards[0]?.off?.range)).toBe("showOldNav();");
    // The wrapper's own body is neither a read nor an unresolved key.
    expect(index.unresolved).toEqual([]);
  });

  it("makes an arrow function a wrapper", () => {
    expect(
      readsOf({
        "src/gb.ts": growthbookClient,
        "src/flags.ts": ['import { gb } from "./gb";', "export const featureOn = (feature: string): boolean => gb.isOn(feature);"].join("\n"),
        "src/app.ts": ['import { featureOn } from "./flags";', 'export const checkout = featureOn("new-checkout") ? 2 : 1;'].join("\n"),
      }),
    ).toEqual(["new-checkout src/app.ts:2:25 growthbook/wrapper via src/flags.ts#featureOn"]);
  });

  it("follows a wrapper of a wrapper of a wrapper across three files, carrying the default the middle one passes", () => {
    expect(
      readsOf(
        {
          "src/client.ts": [
            openfeatureClient,
            "export const getFlag = (key: string, fallback: boolean) => client.getBooleanValue(key, fallback);",
          ].join("\n"),
          "src/features.ts": [
            'import { getFlag } from "./client";',
            "export function featureOn(feature: string) {",
            "  return getFlag(feature, true);",
            "}",
          ].join("\n"),
          "src/checkout.ts": [
            'import { featureOn } from "./features";',
            "export const checkoutFlag = (name: string) => featureOn(name);",
            'export const isV2 = () => checkoutFlag("checkout-v2");',
          ].join("\n"),
        },
        { sdks: ["openfeature"] },
      ),
    ).toEqual(["checkout-v2 src/checkout.ts:3:27 openfeature/wrapper default=true via src/checkout.ts#checkoutFlag"]);
  });

  it("takes a forwarded default from each caller's argument, and leaves it out when the caller passes none", () => {
    const index = indexSources(
      {
        "src/client.ts": [openfeatureClient, "export const flag = (k: string, d?: boolean) => client.getBooleanValue(k, d);"].join("\n"),
        "src/app.ts": [
          'import { flag } from "./client";',
          'const FALLBACK = true;',
          'export const a = flag("with-literal", false);',
          'export const b = flag("with-constant", FALLBACK);',
          'export const c = flag("without-default");',
        ].join("\n"),
      },
      { sdks: ["openfeature"] },
    );
    expect(allReads(index).map(describeWrapped)).toEqual([
      "with-constant src/app.ts:4:18 openfeature/wrapper default=true via src/client.ts#flag",
      "with-literal src/app.ts:3:18 openfeature/wrapper default=false via src/client.ts#flag",
      "without-default src/app.ts:5:18 openfeature/wrapper via src/client.ts#flag",
    ]);
    expect(readOf(index, "with-literal").valueType).toBe("boolean");
  });

  it("makes a function with a destructured object parameter a wrapper: `flag({ key })` reads its `key` property", () => {
    // `flag` is also a name SDKs read with (Vercel's `flag()`), which is what records these calls today.
    expect(
      readsOf({
        "src/client.ts": [
          openfeatureClient,
          "export function flag({ key }: { key: string }) {",
          "  return client.getBooleanValue(key, false);",
          "}",
        ].join("\n"),
        "src/app.ts": ['import { flag } from "./client";', 'export const banner = flag({ key: "summer-banner" });'].join("\n"),
      }),
    ).toEqual(["summer-banner src/app.ts:2:23 openfeature/wrapper default=false via src/client.ts#flag"]);
  });

  it("makes a destructured-object wrapper whose name no SDK uses a wrapper, with a destructured default (`flagOr({ key, fallback })`)", () => {
    expect(
      readsOf({
        "src/client.ts": [
          openfeatureClient,
          "export function flagOr({ key, fallback }: { key: string; fallback: boolean }) {",
          "  return client.getBooleanValue(key, fallback);",
          "}",
        ].join("\n"),
        "src/app.ts": ['import { flagOr } from "./client";', 'export const promo = flagOr({ key: "promo", fallback: true });'].join("\n"),
      }),
    ).toEqual(["promo src/app.ts:2:22 openfeature/wrapper default=true via src/client.ts#flagOr"]);
  });

  describe("class methods", () => {
    const service = [
      openfeatureClient,
      "export class FeatureFlags {",
      "  isOn(name: string): Promise<boolean> {",
      "    return client.getBooleanValue(name, false);",
      "  }",
      "  async banner() {",
      '    return (await this.isOn("self-call")) ? "new" : "old";',
      "  }",
      "}",
    ].join("\n");

    it("makes a method a wrapper, called through `this`", () => {
      const index = indexSources({ "src/flags.ts": service });
      expect(allReads(index).map(describeWrapped)).toEqual([
        "self-call src/flags.ts:8:19 openfeature/wrapper default=false via src/flags.ts#FeatureFlags.isOn",
      ]);
      const read = readOf(index, "self-call");
      expect(read).toMatchObject({ via: "this.isOn", enclosing: "FeatureFlags.banner" });
      expect(read.guards[0]?.kind).toBe("ternary");
      expect(textAt(service, read.guards[0]?.on?.range)).toBe('"new"');
      expect(textAt(service, read.guards[0]?.off?.range)).toBe('"old"');
    });

    it("follows a member typed with the wrapper's class (constructor parameter property), a typed parameter and an instance", () => {
      expect(
        readsOf({
          "src/flags.ts": service,
          "src/checkout.ts": [
            'import { FeatureFlags } from "./flags";',
            "export class Checkout {",
            "  constructor(private flags: FeatureFlags) {}",
            "  async run() {",
            '    if (await this.flags.isOn("typed-member")) runNew();',
            "  }",
            "}",
            'export const viaParam = (ff: FeatureFlags) => ff.isOn("typed-param");',
            "const shared = new FeatureFlags();",
            'export const viaInstance = () => shared.isOn("instance");',
          ].join("\n"),
        }),
      ).toEqual([
        "instance src/checkout.ts:10:34 openfeature/wrapper default=false via src/flags.ts#FeatureFlags.isOn",
        "self-call src/flags.ts:8:19 openfeature/wrapper default=false via src/flags.ts#FeatureFlags.isOn",
        "typed-member src/checkout.ts:5:15 openfeature/wrapper default=false via src/flags.ts#FeatureFlags.isOn",
        "typed-param src/checkout.ts:8:47 openfeature/wrapper default=false via src/flags.ts#FeatureFlags.isOn",
      ]);
    });

    it("follows a parameter property initialised with an instance of the wrapper's class", () => {
      expect(
        readsOf({
          "src/flags.ts": service,
          "src/checkout.ts": [
            'import { FeatureFlags } from "./flags";',
            "export class Checkout {",
            "  constructor(private readonly flags = new FeatureFlags()) {}",
            '  run() { return this.flags.isOn("initialised-member"); }',
            "}",
          ].join("\n"),
        }).filter((read) => !read.startsWith("self-call")),
      ).toEqual(["initialised-member src/checkout.ts:4:18 openfeature/wrapper default=false via src/flags.ts#FeatureFlags.isOn"]);
    });

    it("makes a method whose name no SDK uses a wrapper when called through a typed member, parameter or local instance", () => {
      expect(
        readsOf({
          "src/flags.ts": [
            openfeatureClient,
            "export class Toggles {",
            "  isLive(name: string) {",
            "    return client.getBooleanValue(name, false);",
            "  }",
            "}",
          ].join("\n"),
          "src/checkout.ts": [
            'import { Toggles } from "./flags";',
            "export class Checkout {",
            "  constructor(private readonly toggles: Toggles) {}",
            '  run() { return this.toggles.isLive("typed-member"); }',
            "}",
            'export const viaParam = (ff: Toggles) => ff.isLive("typed-param");',
            "export function viaLocal() {",
            "  const local = new Toggles();",
            '  return local.isLive("local-instance");',
            "}",
          ].join("\n"),
        }),
      ).toEqual([
        "local-instance src/checkout.ts:9:10 openfeature/wrapper default=false via src/flags.ts#Toggles.isLive",
        "typed-member src/checkout.ts:4:18 openfeature/wrapper default=false via src/flags.ts#Toggles.isLive",
        "typed-param src/checkout.ts:6:42 openfeature/wrapper default=false via src/flags.ts#Toggles.isLive",
      ]);
    });
  });

  it("makes a function of an exported object literal a wrapper, called from another file", () => {
    expect(
      readsOf(
        {
          "src/flags.ts": [openfeatureClient, "export const flags = {", "  isOn: (k: string) => client.getBooleanValue(k, true),", "};"].join("\n"),
          "src/app.ts": ['import { flags } from "./flags";', 'export const dark = flags.isOn("dark-mode");'].join("\n"),
        },
        { sdks: ["openfeature"] },
      ),
    ).toEqual(["dark-mode src/app.ts:2:21 openfeature/wrapper default=true via src/flags.ts#flags.isOn"]);
  });

  describe("handles", () => {
    const appText = [
      'import { isNewCheckout } from "./flags";',
      "export async function checkout() {",
      "  if (await isNewCheckout()) newCheckout();",
      "  else oldCheckout();",
      "}",
      "export async function label() {",
      '  return (await isNewCheckout()) ? "New" : "Classic";',
      "}",
    ].join("\n");
    const files = {
      "src/flags.ts": [openfeatureClient, "export function isNewCheckout() {", '  return client.getBooleanValue("new-checkout", false);', "}"].join("\n"),
      "src/app.ts": appText,
    };

    it("makes every call of a zero-argument function that returns one read a read of that flag, with its default", () => {
      expect(readsOf(files, { sdks: ["openfeature"] })).toEqual([
        "new-checkout src/app.ts:3:13 openfeature/wrapper default=false via src/flags.ts#isNewCheckout",
        "new-checkout src/app.ts:7:17 openfeature/wrapper default=false via src/flags.ts#isNewCheckout",
        "new-checkout src/flags.ts:4:10 openfeature/sdk-import default=false",
      ]);
    });

    it("makes a zero-argument function that returns a wrapper's read a handle too", () => {
      expect(
        readsOf(
          {
            "src/flags.ts": [openfeatureClient, "export const flag = (key: string) => client.getBooleanValue(key, true);"].join("\n"),
            "src/checkout.ts": ['import { flag } from "./flags";', 'export const isV2 = () => flag("checkout-v2");'].join("\n"),
            "src/app.ts": ['import { isV2 } from "./checkout";', "export const version = isV2() ? 2 : 1;"].join("\n"),
          },
          { sdks: ["openfeature"] },
        ),
      ).toEqual([
        "checkout-v2 src/app.ts:2:24 openfeature/wrapper default=true via src/checkout.ts#isV2",
        "checkout-v2 src/checkout.ts:2:27 openfeature/wrapper default=true via src/flags.ts#flag",
      ]);
    });

    it("makes no handle of a function that returns different reads on different paths", () => {
      expect(
        readsOf(
          {
            "src/flags.ts": [
              openfeatureClient,
              "export function pick(x: boolean) {",
              '  if (x) return client.getBooleanValue("first", false);',
              '  return client.getBooleanValue("second", false);',
              "}",
              "export function zero() {",
              '  if (Math.random() > 0.5) return client.getBooleanValue("first", false);',
              '  return client.getBooleanValue("second", false);',
              "}",
            ].join("\n"),
            "src/app.ts": ['import { zero } from "./flags";', "export const chosen = zero();"].join("\n"),
          },
          { sdks: ["openfeature"] },
        ),
      ).toEqual([
        "first src/flags.ts:4:17 openfeature/sdk-import default=false",
        "first src/flags.ts:8:35 openfeature/sdk-import default=false",
        "second src/flags.ts:5:10 openfeature/sdk-import default=false",
        "second src/flags.ts:9:10 openfeature/sdk-import default=false",
      ]);
    });

    it("gives each call of a handle its own guards", () => {
      const index = indexSources(files, { sdks: ["openfeature"] });
      const inIf = readOf(index, "new-checkout", 3);
      expect(inIf.guards.map((g) => g.kind)).toEqual(["if"]);
      expect(textAt(appText, inIf.guards[0]?.on?.range)).toBe("newCheckout();");
      expect(textAt(appText, inIf.guards[0]?.off?.range)).toBe("oldCheckout();");
      const inTernary = readOf(index, "new-checkout", 7);
      expect(inTernary.guards.map((g) => g.kind)).toEqual(["ternary"]);
      expect(textAt(appText, inTernary.guards[0]?.on?.range)).toBe('"New"');
      expect(textAt(appText, inTernary.guards[0]?.off?.range)).toBe('"Classic"');
      expect(readOf(index, "new-checkout", 4).guards).toEqual([]);
    });
  });

  describe("keys a wrapper cannot resolve", () => {
    it("reports a wrapper call with a non-constant key as unresolved, with the caller's text", () => {
      const index = indexSources({
        "src/gb.ts": growthbookClient,
        "src/flags.ts": ['import { gb } from "./gb";', "export function isOn(name: string) {", "  return gb.isOn(name);", "}"].join("\n"),
        "src/app.ts": [
          'import { isOn } from "./flags";',
          "export function forPlan(plan: string) {",
          "  return isOn(`plan-${plan}`);",
          "}",
        ].join("\n"),
      });
      expect(index.flags).toEqual([]);
      expect(index.unresolved).toEqual([
        {
          file: "src/app.ts",
          range: expect.objectContaining({ line: 3, column: 10, endLine: 3, endColumn: 30 }),
          sdk: "growthbook",
          via: "isOn",
          keyText: "`plan-${plan}`",
        },
      ]);
    });

    it("reports a non-constant key passed to a wrapper whose name no SDK uses as unresolved", () => {
      const index = indexSources({
        "src/gb.ts": growthbookClient,
        "src/flags.ts": ['import { gb } from "./gb";', "export function featureEnabled(name: string) {", "  return gb.isOn(name);", "}"].join("\n"),
        "src/app.ts": [
          'import { featureEnabled } from "./flags";',
          "export function forPlan(plan: string) {",
          "  return featureEnabled(`plan-${plan}`) || featureEnabled(\"plan-\" + plan);",
          "}",
        ].join("\n"),
      });
      expect(index.flags).toEqual([]);
      expect(index.unresolved.map((u) => `${u.range.line}:${u.range.column} ${u.via} ${u.keyText}`)).toEqual([
        "3:10 featureEnabled `plan-${plan}`",
        "3:44 featureEnabled \"plan-\" + plan",
      ]);
    });

    it("makes a function that forwards its own parameter a wrapper too, and indexes nothing while nobody calls it with a key", () => {
      const index = indexSources({
        "src/gb.ts": growthbookClient,
        "src/flags.ts": ['import { gb } from "./gb";', "export function isOn(name: string) {", "  return gb.isOn(name);", "}"].join("\n"),
        "src/app.ts": ['import { isOn } from "./flags";', "export const check = (feature: string) => isOn(feature);"].join("\n"),
      });
      expect(index).toMatchObject({ flags: [], unresolved: [], collisions: [] });
    });
  });

  describe("names that are not wrappers", () => {
    it("ignores a project function with a wrapper's name that reads no flag, in another file and in a nested scope", () => {
      expect(
        readsOf({
          "src/gb.ts": growthbookClient,
          "src/flags.ts": ['import { gb } from "./gb";', "export function isEnabled(name: string) {", "  return gb.isOn(name);", "}"].join("\n"),
          "src/strings.ts": [
            "function isOn(text: string) {",
            "  return text.length > 0;",
            "}",
            'export const filled = isOn("not-a-flag");',
          ].join("\n"),
          "src/app.ts": [
            'import { isEnabled } from "./flags";',
            "export function shadowed() {",
            '  const isEnabled = (mode: string) => mode === "on";',
            '  return isEnabled("shadowed-arrow");',
            "}",
            "export function nested() {",
            "  function isEnabled(mode: string) { return mode === \"on\"; }",
            '  return isEnabled("shadowed-function");',
            "}",
            'export const real = isEnabled("real");',
          ].join("\n"),
        }),
      ).toEqual(["real src/app.ts:10:21 growthbook/wrapper via src/flags.ts#isEnabled"]);
    });
  });
});

describe("configured accessors (flags.accessors)", () => {
  const accessors: NonNullable<DeadflagConfig["flags"]>["accessors"] = [
    { function: "isFeatureOn" },
    { method: "isLive", key: 0, default: 1 },
    { function: "feature", key: 0, property: "name", defaultProperty: "fallback" },
    { function: "getFeatureFlags", returns: "flag-map" },
    { method: "allToggles", returns: "flag-map" },
  ];
  const appText = [
    'import { isFeatureOn, feature, getFeatureFlags } from "@acme/flags";',
    "export function run(service: { isLive(k: string, d: boolean): boolean; allToggles(): Record<string, boolean> }) {",
    '  if (isFeatureOn("acc-function")) a();',
    '  const live = service.isLive("acc-method", true);',
    '  const size = feature({ name: "acc-property", fallback: 42 });',
    "  const flags = getFeatureFlags();",
    "  if (flags.newNav) nav();",
    "  const { betaUser: beta } = getFeatureFlags();",
    "  if (!beta) legacy();",
    '  if (service.allToggles()["kill-switch"]) stop();',
    "}",
  ].join("\n");

  it("indexes function, method, property and flag-map accessors with their keys and defaults", () => {
    expect(readsOf({ "src/app.ts": appText }, { sdks: [], accessors })).toEqual([
      "acc-function src/app.ts:3:7 accessor/accessor",
      "acc-method src/app.ts:4:16 accessor/accessor default=true",
      "acc-property src/app.ts:5:16 accessor/accessor default=42",
      "betaUser src/app.ts:8:11 accessor/accessor",
      "kill-switch src/app.ts:10:7 accessor/accessor",
      "newNav src/app.ts:7:7 accessor/accessor",
    ]);
  });

  it("records how a flag map's properties are read and what they guard", () => {
    const index = indexSources({ "src/app.ts": appText }, { sdks: [], accessors });
    const newNav = readOf(index, "newNav");
    expect(newNav).toMatchObject({ via: "getFeatureFlags().newNav", keySource: "property", polarity: "positive" });
    expect(textAt(appText, newNav.guards[0]?.on?.range)).toBe("nav();");
    const beta = readOf(index, "betaUser");
    expect(beta).toMatchObject({ polarity: "negative" });
    expect(beta.guards).toHaveLength(1);
    expect(beta.guards[0]).toMatchObject({ kind: "if", polarity: "negative", via: "beta" });
    expect(textAt(appText, beta.guards[0]?.off?.range)).toBe("legacy();");
    expect(beta.guards[0]?.on).toBeUndefined();
    expect(readOf(index, "kill-switch").via).toBe("allToggles().kill-switch");
  });

  it("makes a function that forwards its parameter to an accessor a wrapper of it", () => {
    expect(
      readsOf(
        {
          "src/flags.ts": ['import { isFeatureOn } from "@acme/flags";', "export const on = (k: string) => isFeatureOn(k);"].join("\n"),
          "src/app.ts": ['import { on } from "./flags";', 'export const x = on("wrapped-accessor");'].join("\n"),
        },
        { sdks: [], accessors },
      ),
    ).toEqual(["wrapped-accessor src/app.ts:2:18 accessor/wrapper via src/flags.ts#on"]);
  });

  it("does not treat the accessor's name as a method, or a method accessor as a function", () => {
    expect(
      readsOf(
        {
          "src/app.ts": [
            "declare const obj: { isFeatureOn(k: string): boolean };",
            "declare function isLive(k: string): boolean;",
            'export const a = obj.isFeatureOn("method-call-of-function-accessor");',
            'export const b = isLive("function-call-of-method-accessor");',
          ].join("\n"),
        },
        { sdks: [], accessors },
      ),
    ).toEqual([]);
  });
});
