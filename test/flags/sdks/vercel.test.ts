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

    // Engine gap: extraction keeps a call only when its local callee name is a read name, it hands
    // on a parameter, or it calls a module-level function with a string-literal (or module-level)
    // argument. `import { flag as declareFlag } from "flags/next"; declareFlag({ key: "renamed" })`
    // passes none of these (its argument is an object literal), so no CallFact exists to match by
    // the imported name. Enable once extraction also keeps calls of names imported under an alias
    // of a read name.
    it.todo("indexes a declaration through an aliased import of flag");
  });

  describe("calls of the flag handle", () => {
    // Engine gap: `showBanner`'s module binding is traced through the call `flag({…})` to the
    // package import `flag` of "flags/next", so `await showBanner()` is matched directly as a call
    // of `flag` with no arguments (an unresolved read, keyText "(no key argument)"), and
    // calleeTarget never yields the handle id `flags.ts#showBanner` that recordKeyed registered.
    // Expected: "banner app/page.tsx:3:24 vercel/wrapper default=false". Enable once a call of a
    // binding that holds a call's result is not taken for a call of the callee.
    it.todo("reads the flag where its handle is called in another module");

    // Same cause as above, within the declaring module: `(await showBanner()) ? A : B` in flags.ts.
    it.todo("reads the flag where its handle is called in the declaring module");
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
