// The SDK tour example: one file per SDK, each read indexed with its key, position, SDK and how it
// was recognised, and the dead code behind its retired and always-on flags found by a scan.
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { indexFlags, openProject, scanProject } from "../../src/index.js";
import type { Finding, FlagIndex, FlagRead, OpenedProject } from "../../src/index.js";

const exampleDir = fileURLToPath(new URL("../../examples/sdk-tour/", import.meta.url));

/** Every read of the index, in index order (flags by key, reads by file, line, column). */
function reads(index: FlagIndex): FlagRead[] {
  return index.flags.flatMap((flag) => flag.references);
}

/** `key file:line sdk recognisedBy`, the shape of the expected lists below. */
function describeRead(read: FlagRead): string {
  return `${read.key} ${read.file}:${read.range.line} ${read.sdk} ${read.recognisedBy}`;
}

describe("examples/sdk-tour", () => {
  let project: OpenedProject;
  let index: FlagIndex;

  beforeAll(async () => {
    project = await openProject({ root: exampleDir, cache: false });
    index = indexFlags(project);
  });

  it("opens without diagnostics, with package.json's main as the entry and no accessors configured", () => {
    expect(project.diagnostics).toEqual([]);
    expect(project.config.entry).toEqual([]);
    expect(project.config.flags.accessors).toEqual([]);
  });

  it("indexes every read with its key, file, line, SDK and how it was recognised", () => {
    expect(reads(index).map(describeRead)).toEqual([
      "FEATURE_BULK_IMPORT src/env.ts:6 env env",
      "FEATURE_STREAMING_IMPORT src/env.ts:11 env env",
      "dark-mode src/launchdarkly-react.tsx:11 launchdarkly sdk-import",
      "free-shipping src/launchdarkly.ts:20 launchdarkly sdk-import",
      "gift-cards src/page.tsx:12 growthbook wrapper",
      "holiday-banner src/growthbook-react.tsx:15 growthbook sdk-import",
      "legacy-pricing src/launchdarkly.ts:16 launchdarkly sdk-import",
      "maintenance-mode src/index.ts:29 growthbook wrapper",
      "new-navigation src/launchdarkly-react.tsx:11 launchdarkly sdk-import",
      "quick-reorder src/growthbook-react.tsx:12 growthbook sdk-import",
      "recommendation-algorithm src/openfeature.ts:7 openfeature sdk-import",
      "referral-placement src/posthog.ts:10 posthog sdk-import",
      "referral-program src/posthog.ts:9 posthog sdk-import",
      "review-requests src/unleash.ts:19 unleash sdk-import",
      "semantic-search src/statsig.ts:11 statsig sdk-import",
      // The awaited handle in the page, then the `flag({ key, decide })` declaration itself.
      "summer-sale src/page.tsx:8 vercel wrapper",
      "summer-sale src/vercel-flags.ts:6 vercel sdk-import",
    ]);
    expect(index.unresolved).toEqual([]);
  });

  it("gives every flag its state from deadflag.config.json", () => {
    const states = Object.fromEntries(index.flags.map((flag) => [flag.key, flag.state]));
    expect(states["legacy-pricing"]).toBe("retired");
    expect(states["semantic-search"]).toBe("on");
    expect(index.flags.filter((flag) => flag.state !== "active").map((flag) => flag.key)).toEqual([
      "legacy-pricing",
      "semantic-search",
    ]);
  });

  it("keeps the default written in the code, from the right argument of each SDK", () => {
    const defaults = reads(index)
      .filter((read) => read.default !== undefined)
      .map((read) => `${read.key} ${read.file}:${read.range.line} ${JSON.stringify(read.default)}`);
    expect(defaults).toEqual([
      // `boolVariation(key, context, default)` and `variation(key, context, default)`: the third argument.
      "free-shipping src/launchdarkly.ts:20 false",
      "legacy-pricing src/launchdarkly.ts:16 false",
      // `getStringValue(key, default, context)`: the second.
      'recommendation-algorithm src/openfeature.ts:7 "bestsellers"',
      // `flag({ defaultValue })`, carried to the awaited handle.
      "summer-sale src/page.tsx:8 false",
      "summer-sale src/vercel-flags.ts:6 false",
    ]);
  });

  it("links useFlags()'s camelCased keys back to the kebab-case keys in flags.states", () => {
    const camel = reads(index)
      .filter((read) => read.keySource === "camel-case")
      .map((read) => `${read.key} ${read.file}:${read.range.line}:${read.range.column} ${read.via}`);
    expect(camel).toEqual([
      "dark-mode src/launchdarkly-react.tsx:11:26 useFlags().darkMode",
      "new-navigation src/launchdarkly-react.tsx:11:11 useFlags().newNavigation",
    ]);
    expect(index.collisions).toEqual([]);
  });

  it("finds the in-house isOn wrapper over GrowthBook, and the Vercel handle, without config", () => {
    const wrapped = reads(index)
      .filter((read) => read.recognisedBy === "wrapper")
      .map((read) => `${read.key} ${read.file}:${read.range.line}:${read.range.column} ${read.via} ${read.wrapper?.file ?? "-"}#${read.wrapper?.name ?? "-"}`);
    expect(wrapped).toEqual([
      "gift-cards src/page.tsx:12:8 isOn src/wrappers.ts#isOn",
      "maintenance-mode src/index.ts:29:11 isOn src/wrappers.ts#isOn",
      "summer-sale src/page.tsx:8:22 summerSale src/vercel-flags.ts#summerSale",
    ]);
  });

  it("records the guard each file shows: if, early exit, ternary, &&, switch and JSX children", () => {
    const guards = reads(index).map(
      (read) => `${read.key} ${read.file}:${read.range.line} ${read.polarity} ${read.guards.map((g) => g.kind).join(",") || "-"}`,
    );
    expect(guards).toEqual([
      "FEATURE_BULK_IMPORT src/env.ts:6 positive -",
      "FEATURE_STREAMING_IMPORT src/env.ts:11 positive early-exit",
      "dark-mode src/launchdarkly-react.tsx:11 positive ternary",
      "free-shipping src/launchdarkly.ts:20 positive ternary",
      "gift-cards src/page.tsx:12 positive and",
      "holiday-banner src/growthbook-react.tsx:15 positive jsx-children",
      "legacy-pricing src/launchdarkly.ts:16 positive early-exit",
      // `return !isOn(…)` guards nothing; a read's polarity is its first guard's, so positive.
      "maintenance-mode src/index.ts:29 positive -",
      "new-navigation src/launchdarkly-react.tsx:11 positive ternary",
      "quick-reorder src/growthbook-react.tsx:12 positive and",
      "recommendation-algorithm src/openfeature.ts:7 positive switch",
      "referral-placement src/posthog.ts:10 positive ternary",
      "referral-program src/posthog.ts:9 negative early-exit",
      "review-requests src/unleash.ts:19 negative early-exit",
      "semantic-search src/statsig.ts:11 positive if",
      "summer-sale src/page.tsx:8 positive ternary",
      "summer-sale src/vercel-flags.ts:6 positive -",
    ]);
    const recommendation = reads(index).find((read) => read.key === "recommendation-algorithm");
    expect(recommendation?.guards[0]?.cases?.map((c) => [c.values, c.isDefault, c.branch.range.line])).toEqual([
      [["bought-together"], false, 10],
      [["similar-items"], false, 12],
      [[], true, 14],
    ]);
    const placement = reads(index).find((read) => read.key === "referral-placement");
    expect(placement?.guards[0]?.compare).toBe("checkout");
    const streaming = reads(index).find((read) => read.key === "FEATURE_STREAMING_IMPORT");
    expect(streaming?.guards[0]?.compare).toBe("true");
  });

  describe("scan", () => {
    let findings: Finding[];

    beforeAll(() => {
      findings = scanProject(project).findings;
    });

    it("reports only the dead branches of the retired and the always-on flag, and the code behind them", () => {
      expect(findings.map((f) => `${f.ruleId} ${f.file}:${f.line}:${f.column} ${f.flag ?? f.symbol ?? "-"}`)).toEqual([
        "no-dead-flag-branch src/launchdarkly.ts:16:61 legacy-pricing",
        "no-unreachable-code src/legacy/pricing.ts:6:10 roundToNickel",
        "no-unreachable-code src/legacy/pricing.ts:11:17 legacy-pricing",
        "no-unreachable-code src/search.ts:16:23 semantic-search",
        "no-dead-flag-branch src/statsig.ts:13:10 semantic-search",
      ]);
    });

    it("names the retired flag's dead flag-on side and the legacy pricing engine behind it", () => {
      const branch = findings.find((f) => f.ruleId === "no-dead-flag-branch" && f.flag === "legacy-pricing");
      expect(branch).toMatchObject({ line: 16, endLine: 18, severity: "error" });
      expect(branch?.data).toEqual({
        state: "retired",
        value: false,
        side: "on",
        guard: "early-exit",
        read: { file: "src/launchdarkly.ts", line: 16, column: 13 },
        lines: 3,
      });

      const legacyPrice = findings.find((f) => f.ruleId === "no-unreachable-code" && f.symbol === "legacyPrice");
      expect(legacyPrice?.file).toBe("src/legacy/pricing.ts");
      expect(legacyPrice?.data).toMatchObject({
        kind: "function",
        root: true,
        behindFlag: { flag: "legacy-pricing", state: "retired", value: false, file: "src/launchdarkly.ts", line: 16 },
      });
      const roundToNickel = findings.find((f) => f.ruleId === "no-unreachable-code" && f.symbol === "roundToNickel");
      expect(roundToNickel?.data).toMatchObject({ root: false, usedBy: ["legacyPrice"] });
      expect(roundToNickel?.data).not.toHaveProperty("behindFlag");
    });

    it("names the always-on gate's dead else branch and the keyword search only it calls", () => {
      const branch = findings.find((f) => f.ruleId === "no-dead-flag-branch" && f.flag === "semantic-search");
      expect(branch).toMatchObject({ file: "src/statsig.ts", line: 13, endLine: 15 });
      expect(branch?.data).toMatchObject({ state: "on", value: true, side: "off", guard: "if" });

      const keywordSearch = findings.find((f) => f.ruleId === "no-unreachable-code" && f.symbol === "keywordSearch");
      expect(keywordSearch?.file).toBe("src/search.ts");
      expect(keywordSearch?.data).toMatchObject({
        root: true,
        behindFlag: { flag: "semantic-search", state: "on", value: true, file: "src/statsig.ts", line: 13 },
      });
    });
  });
});
