// Key resolution: how the text of a flag key is found from the expression in the key position,
// in the same file and across files (constants, enums, `as const` objects, re-export chains).
import { describe, expect, it } from "vitest";
import type { FlagIndex, FlagRead } from "../../src/flags/flag-index.js";
import { allReads, indexSources } from "../helpers/index-sources.js";

const sdkImport = [
  'import { OpenFeature } from "@openfeature/server-sdk";',
  "const client = OpenFeature.getClient();",
];

function indexOpenFeature(files: Record<string, string>): FlagIndex {
  return indexSources(files, { sdks: ["openfeature"] });
}

/** `key file:line:column keySource` for every read, in index order. */
function keysOf(files: Record<string, string>): string[] {
  return allReads(indexOpenFeature(files)).map(describeKey);
}

function describeKey(read: FlagRead): string {
  return `${read.key} ${read.file}:${read.range.line}:${read.range.column} ${read.keySource}`;
}

/** An app file whose line 3 onwards are the given lines (lines 1-2 import and create the client). */
function app(...lines: string[]): string {
  return [...sdkImport, ...lines].join("\n");
}

describe("key resolution", () => {
  describe("in the same file", () => {
    it("reads a string literal as the key", () => {
      expect(keysOf({ "src/app.ts": app('client.getBooleanValue("new-checkout", false);') })).toEqual([
        "new-checkout src/app.ts:3:1 literal",
      ]);
    });

    it("reads a template literal without substitutions as the key", () => {
      expect(keysOf({ "src/app.ts": app("client.getBooleanValue(`new-checkout`, false);") })).toEqual([
        "new-checkout src/app.ts:3:1 literal",
      ]);
    });

    it("reports a template literal with a substitution as unresolved, with its text, and indexes no flag", () => {
      const index = indexOpenFeature({
        "src/app.ts": app("export function run(region: string) {", "  return client.getBooleanValue(`checkout-${region}`, false);", "}"),
      });
      expect(index.flags).toEqual([]);
      expect(index.unresolved).toEqual([
        {
          file: "src/app.ts",
          range: expect.objectContaining({ line: 4, column: 10, endLine: 4, endColumn: 61 }),
          sdk: "openfeature",
          via: "client.getBooleanValue",
          keyText: "`checkout-${region}`",
        },
      ]);
    });

    it("inlines a local const (its key source is the literal it holds)", () => {
      expect(
        keysOf({
          "src/app.ts": app("export function run() {", '  const key = "local-key";', "  return client.getBooleanValue(key, false);", "}"),
        }),
      ).toEqual(["local-key src/app.ts:5:10 literal"]);
    });

    it("resolves a module-level const", () => {
      expect(keysOf({ "src/app.ts": app('const KEY = "module-key";', "client.getBooleanValue(KEY, false);") })).toEqual([
        "module-key src/app.ts:4:1 constant",
      ]);
    });

    it("reports a module-level `let` as unresolved: it may be reassigned", () => {
      const index = indexOpenFeature({ "src/app.ts": app('let key = "changing";', "client.getBooleanValue(key, false);") });
      expect(index.flags).toEqual([]);
      expect(index.unresolved.map((u) => `${u.range.line}:${u.range.column} ${u.keyText}`)).toEqual(["4:1 key"]);
    });

    it("resolves an `as const` object's property by name and by element access", () => {
      expect(
        keysOf({
          "src/app.ts": app(
            'const FLAGS = { powerPeg: "power-peg", "smart-routing": "smart-routing-2012" } as const;',
            "client.getBooleanValue(FLAGS.powerPeg, false);",
            'client.getBooleanValue(FLAGS["powerPeg"], false);',
            'client.getBooleanValue(FLAGS["smart-routing"], false);',
          ),
        }),
      ).toEqual([
        "power-peg src/app.ts:4:1 constant",
        "power-peg src/app.ts:5:1 constant",
        "smart-routing-2012 src/app.ts:6:1 constant",
      ]);
    });

    it("resolves a property of a nested object", () => {
      expect(
        keysOf({
          "src/app.ts": app(
            'const FLAGS = { checkout: { v2: "checkout-v2", legacy: { peg: "power-peg" } } } as const;',
            "client.getBooleanValue(FLAGS.checkout.v2, false);",
            'client.getBooleanValue(FLAGS.checkout["legacy"].peg, false);',
          ),
        }),
      ).toEqual(["checkout-v2 src/app.ts:4:1 constant", "power-peg src/app.ts:5:1 constant"]);
    });

    it("resolves an object wrapped in `satisfies` and in `Object.freeze`", () => {
      expect(
        keysOf({
          "src/app.ts": app(
            'const CHECKED = { a: "satisfied" } as const satisfies Record<string, string>;',
            'const FROZEN = Object.freeze({ a: "frozen" });',
            "client.getBooleanValue(CHECKED.a, false);",
            "client.getBooleanValue(FROZEN.a, false);",
          ),
        }),
      ).toEqual(["frozen src/app.ts:6:1 constant", "satisfied src/app.ts:5:1 constant"]);
    });

    it("resolves a string enum member, including a const enum and a template initializer", () => {
      expect(
        keysOf({
          "src/app.ts": app(
            'enum Flag { NewCheckout = "new-checkout", Legacy = `legacy` }',
            'const enum Inline { Beta = "beta" }',
            "client.getBooleanValue(Flag.NewCheckout, false);",
            "client.getBooleanValue(Flag.Legacy, false);",
            "client.getBooleanValue(Inline.Beta, false);",
          ),
        }),
      ).toEqual(["beta src/app.ts:7:1 constant", "legacy src/app.ts:6:1 constant", "new-checkout src/app.ts:5:1 constant"]);
    });

    // Decision: a numeric enum member is read as its number, written as text. The SDK receives
    // that number, so its text is the key the service is asked for; such a key almost always
    // shows a mistake, and indexing it (rather than dropping it) lets `no-unknown-flag` say so.
    it("reads a numeric enum member as its number's text, counting implicit members from the last initializer", () => {
      expect(
        keysOf({
          "src/app.ts": app(
            "enum Level { Off, Low = 5, High }",
            "client.getBooleanValue(Level.Off, false);",
            "client.getBooleanValue(Level.High, false);",
          ),
        }),
      ).toEqual(["0 src/app.ts:4:1 constant", "6 src/app.ts:5:1 constant"]);
    });
  });

  describe("across files", () => {
    const keys = [
      'export const FLAGS = { powerPeg: "power-peg", nested: { deep: "deep-key" } } as const;',
      'export enum Flag { NewCheckout = "new-checkout", Legacy = "legacy" }',
      'export const SMART = "smart-routing";',
      "export const PEG_ALIAS = FLAGS.powerPeg;",
      'export default { fromDefault: "default-export-key" } as const;',
    ].join("\n");

    it("resolves an enum member imported from another file", () => {
      expect(
        keysOf({
          "src/keys.ts": keys,
          "src/app.ts": app('import { Flag } from "./keys";', "client.getBooleanValue(Flag.NewCheckout, false);"),
        }),
      ).toEqual(["new-checkout src/app.ts:4:1 constant"]);
    });

    it("resolves `as const` properties and a default-exported object imported from another file", () => {
      expect(
        keysOf({
          "src/keys.ts": keys,
          "src/app.ts": app(
            'import Defaults, { FLAGS } from "./keys";',
            "client.getBooleanValue(FLAGS.nested.deep, false);",
            "client.getBooleanValue(Defaults.fromDefault, false);",
          ),
        }),
      ).toEqual(["deep-key src/app.ts:4:1 constant", "default-export-key src/app.ts:5:1 constant"]);
    });

    it("resolves constants imported through `export { X } from`, a renaming re-export and `export * from` chains", () => {
      expect(
        keysOf({
          "src/keys.ts": keys,
          "src/named.ts": ['export { SMART } from "./keys";', 'export { Flag as Flags } from "./keys";'].join("\n"),
          "src/star.ts": 'export * from "./named";',
          "src/barrel.ts": 'export * from "./star";',
          "src/app.ts": app(
            'import { SMART, Flags } from "./barrel";',
            "client.getBooleanValue(SMART, false);",
            "client.getBooleanValue(Flags.Legacy, false);",
          ),
        }),
      ).toEqual(["legacy src/app.ts:5:1 constant", "smart-routing src/app.ts:4:1 constant"]);
    });

    it("resolves `ns.KEY` and `ns.Enum.Member` through `import * as ns` of a barrel", () => {
      expect(
        keysOf({
          "src/keys.ts": keys,
          "src/barrel.ts": 'export * from "./keys";',
          "src/app.ts": app(
            'import * as ns from "./barrel";',
            "client.getBooleanValue(ns.SMART, false);",
            "client.getBooleanValue(ns.Flag.NewCheckout, false);",
            'client.getBooleanValue(ns["FLAGS"].powerPeg, false);',
          ),
        }),
      ).toEqual(["new-checkout src/app.ts:5:1 constant", "power-peg src/app.ts:6:1 constant", "smart-routing src/app.ts:4:1 constant"]);
    });

    it("resolves `export * as ns from` re-exports", () => {
      expect(
        keysOf({
          "src/keys.ts": keys,
          "src/index.ts": 'export * as flagKeys from "./keys";',
          "src/app.ts": app('import { flagKeys } from "./index";', "client.getBooleanValue(flagKeys.SMART, false);"),
        }),
      ).toEqual(["smart-routing src/app.ts:4:1 constant"]);
    });

    it("resolves a const that aliases a const of another file, through two files", () => {
      expect(
        keysOf({
          "src/keys.ts": keys,
          "src/alias.ts": ['import { SMART } from "./keys";', "export const ROUTING = SMART;"].join("\n"),
          "src/app.ts": app('import { ROUTING } from "./alias";', "const LOCAL_ALIAS = ROUTING;", "client.getBooleanValue(LOCAL_ALIAS, false);"),
        }),
      ).toEqual(["smart-routing src/app.ts:5:1 constant"]);
    });

    // Regression: the alias's value is `FLAGS.powerPeg`, not the whole `FLAGS` it derives from.
    it("resolves a const that aliases a property of another const", () => {
      expect(
        keysOf({
          "src/keys.ts": keys,
          "src/app.ts": app('import { PEG_ALIAS } from "./keys";', "client.getBooleanValue(PEG_ALIAS, false);"),
        }),
      ).toEqual(["power-peg src/app.ts:4:1 constant"]);
    });

    it("reports a key that names a missing export as unresolved", () => {
      const index = indexOpenFeature({
        "src/keys.ts": keys,
        "src/app.ts": app('import { MISSING } from "./keys";', "client.getBooleanValue(MISSING, false);"),
      });
      expect(index.flags).toEqual([]);
      expect(index.unresolved.map((u) => `${u.file}:${u.range.line}:${u.range.column} ${u.keyText}`)).toEqual(["src/app.ts:4:1 MISSING"]);
    });
  });

  describe("calls without a usable key", () => {
    it("reports a read call without a key argument as unresolved", () => {
      const index = indexOpenFeature({ "src/app.ts": app("client.getBooleanValue();") });
      expect(index.flags).toEqual([]);
      expect(index.unresolved.map((u) => `${u.file}:${u.range.line}:${u.range.column} ${u.via} ${u.keyText}`)).toEqual([
        "src/app.ts:3:1 client.getBooleanValue (no key argument)",
      ]);
    });

    it("reports a key computed by a call as unresolved, with its text", () => {
      const index = indexOpenFeature({ "src/app.ts": app('client.getBooleanValue(keyFor("checkout"), false);') });
      expect(index.unresolved.map((u) => u.keyText)).toEqual(['keyFor("checkout")']);
    });
  });

  describe("parameters", () => {
    it("neither indexes nor reports a key taken from a parameter of a function nobody calls with a key", () => {
      const index = indexOpenFeature({
        "src/app.ts": app("export function check(name: string) {", "  return client.getBooleanValue(name, false);", "}"),
      });
      expect(index).toMatchObject({ flags: [], unresolved: [], collisions: [] });
    });
  });
});
