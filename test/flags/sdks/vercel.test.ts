import { describe, expect, it } from "vitest";
import type { FlagIndex } from "../../../src/flags/flag-index.js";
import { allReads, describeRead, indexSources } from "../../helpers/index-sources.js";

function indexVercel(files: Record<string, string>): FlagIndex {
  return indexSources(files, { sdks: ["vercel"] });
}

function readsOf(files: Record<string, string>): string[] {
  return allReads(indexVercel(files)).map(describeRead);
}

const flagsFile = [
  'import { flag } from "flags/next";',
  "export const showBanner = flag({",
  '  key: "banner",',
  "  decide() {",
  "    return false;",
  "  },",
  "  defaultValue: false,",
  "});",
].join("\n");

describe("vercel preset", () => {
  describe("flag() declarations", () => {
    it("indexes the declaration with its key and defaultValue properties", () => {
      const index = indexVercel({ "flags.ts": flagsFile });
      expect(allReads(index).map(describeRead)).toEqual(["banner flags.ts:2:27 vercel/sdk-import default=false"]);
      expect(index.unresolved).toEqual([]);
    });

    it("resolves a key held in a constant of another module", () => {
      expect(
        readsOf({
          "keys.ts": 'export const FlagKeys = { summerSale: "summer-sale" } as const;',
          "flags.ts": [
            'import { flag } from "flags/next";',
            'import { FlagKeys } from "./keys";',
            'export const summerSale = flag<string>({ key: FlagKeys.summerSale, defaultValue: "off", decide: () => "on" });',
          ].join("\n"),
        }),
      ).toEqual(['summer-sale flags.ts:3:27 vercel/sdk-import default="off"']);
    });

    it("indexes declarations from SvelteKit and from the former @vercel/flags package", () => {
      expect(
        readsOf({
          "src/lib/flags.ts": [
            'import { flag } from "flags/sveltekit";',
            'export const svelteFlag = flag({ key: "svelte-flag", decide: () => true });',
          ].join("\n"),
          "legacy/flags.ts": [
            'import { flag } from "@vercel/flags/next";',
            'export const legacyFlag = flag({ key: "legacy-flag", decide: () => true, defaultValue: true });',
          ].join("\n"),
        }),
      ).toEqual([
        "legacy-flag legacy/flags.ts:2:27 vercel/sdk-import default=true",
        "svelte-flag src/lib/flags.ts:2:27 vercel/sdk-import",
      ]);
    });

    it("indexes the unstable_flag of @vercel/flags 2.x, imported under the name flag", () => {
      expect(
        readsOf({
          "flags.ts": [
            'import { unstable_flag as flag } from "@vercel/flags/next";',
            'export const v2 = flag({ key: "v2-flag", decide: () => true, defaultValue: false });',
          ].join("\n"),
        }),
      ).toEqual(["v2-flag flags.ts:2:19 vercel/sdk-import default=false"]);
    });

    it("indexes a declaration through an aliased import of flag", () => {
      expect(
        readsOf({
          "flags.ts": [
            'import { flag as declareFlag } from "flags/next";',
            'export const renamed = declareFlag({ key: "renamed", decide: () => true, defaultValue: true });',
          ].join("\n"),
        }),
      ).toEqual(["renamed flags.ts:2:24 vercel/sdk-import default=true"]);
    });
  });

  describe("calls of the flag handle", () => {
    it("reads the flag where its handle is called in another module, with the declaration's default", () => {
      const index = indexVercel({
        "flags.ts": flagsFile,
        "app/page.tsx": [
          'import { showBanner } from "../flags";',
          "export default async function Page() {",
          "  const banner = await showBanner();",
          "  return banner ? <Banner /> : null;",
          "}",
        ].join("\n"),
      });
      expect(allReads(index).map(describeRead)).toEqual([
        "banner app/page.tsx:3:24 vercel/wrapper default=false",
        "banner flags.ts:2:27 vercel/sdk-import default=false",
      ]);
      expect(index.unresolved).toEqual([]);
      const call = allReads(index)[0];
      expect(call?.wrapper).toEqual({ file: "flags.ts", name: "showBanner" });
      expect(call?.guards[0]?.on?.refs).toContain("Banner");
    });

    it("reads the flag where its handle is called in the declaring module", () => {
      const reads = readsOf({ "flags.ts": `${flagsFile}\nexport const view = async () => ((await showBanner()) ? "a" : "b");\n` });
      expect(reads).toEqual([
        "banner flags.ts:2:27 vercel/sdk-import default=false",
        "banner flags.ts:9:41 vercel/wrapper default=false",
      ]);
    });
  });

  describe("negative cases", () => {
    it("ignores a flag() imported from another package", () => {
      expect(
        readsOf({
          "flags.ts": ['import { flag } from "some-flag-lib";', 'export const other = flag({ key: "other", decide: () => true });'].join("\n"),
        }),
      ).toEqual([]);
    });

    it("ignores the project's own flag() function", () => {
      expect(
        readsOf({
          "flags.ts": [
            "function flag<T>(definition: { key: string; value: T }) { return () => definition.value; }",
            'export const local = flag({ key: "local", value: true });',
          ].join("\n"),
        }),
      ).toEqual([]);
    });

    it("leaves Unleash's flag(name) to the Unleash preset", () => {
      const index = indexSources(
        {
          "app/page.tsx": [
            'import { flag } from "@unleash/nextjs";',
            'export default async function Page() { return (await flag("unleash-flag")).enabled; }',
          ].join("\n"),
        },
        { sdks: ["vercel", "unleash"] },
      );
      expect(allReads(index).map(describeRead)).toEqual(["unleash-flag app/page.tsx:2:54 unleash/sdk-import"]);
      expect(index.unresolved).toEqual([]);
    });
  });
});
