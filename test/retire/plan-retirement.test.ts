// The retirement engine on small projects and on the Knight Capital example: what it folds, what it
// deletes (only code dead because of the fold), what it leaves to a person, and that the result
// still type-checks.
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/engine/input-error.js";
import { planRetirement } from "../../src/retire/plan-retirement.js";
import type { FileChange, RetireValue } from "../../src/retire/plan-retirement.js";
import { firstNewCompileError } from "../../src/retire/verify-compiles.js";
import { tempProject } from "../helpers/temp-dir.js";
import { knightFiles } from "./knight-files.js";

const plan = (root: string, key: string, value: RetireValue) => planRetirement({ open: { root, cache: false }, key, value });
const afterOf = (changes: readonly FileChange[], file: string): string | undefined => changes.find((c) => c.file === file)?.after;

/** A project reading flag `new-checkout` through OpenFeature in src/checkout.ts, with `extra` files. */
function checkoutProject(checkout: string, extra: Record<string, string> = {}): string {
  return tempProject({
    "package.json": JSON.stringify({ name: "shop", private: true, type: "module", main: "src/index.ts" }),
    "tsconfig.json": JSON.stringify({ compilerOptions: { strict: true, module: "nodenext", moduleResolution: "nodenext", noEmit: true, skipLibCheck: true }, include: ["src"] }),
    "src/index.ts": 'import { checkout } from "./checkout.js";\ncheckout(1);\n',
    "src/checkout.ts": checkout,
    ...extra,
  });
}

const sdkImport = 'import { OpenFeature } from "@openfeature/server-sdk";\nconst client = OpenFeature.getClient();\n';

describe("planRetirement", () => {
  it("retires power-peg off in the Knight example: Power Peg's code and files go, the router type-checks, unrelated dead code stays", async () => {
    const root = tempProject(knightFiles());
    const result = await plan(root, "power-peg", "off");
    expect(result.changes.map((c) => [c.file, c.after === undefined ? "deleted" : "changed"])).toEqual([
      ["deadflag.config.json", "changed"],
      ["src/legacy/cumulativeQuantity.ts", "deleted"],
      ["src/legacy/powerPeg.ts", "deleted"],
      ["src/router.ts", "changed"],
    ]);
    const router = afterOf(result.changes, "src/router.ts") ?? "";
    expect(router).not.toMatch(/PowerPeg|"power-peg"|FLAGS\.powerPeg|this\.pegs/);
    // The class body does not start with the blank line the removed property left.
    expect(router).toContain("export class SmarsRouter {\n  constructor(");
    expect(router).toContain("return this.routeSliced(parent);");
    // smart-routing is another flag: its read and the FLAGS import stay.
    expect(router).toContain("client.getBooleanValue(FLAGS.smartRouting, true)");
    expect(router).toContain('import { FLAGS } from "./flags.js";');
    // silentLogger and dropCopy.ts were dead before, for other reasons: not retire's to delete.
    expect(result.changes.map((c) => c.file)).not.toContain("src/logger.ts");
    expect(result.changes.map((c) => c.file)).not.toContain("src/exchange/dropCopy.ts");
    expect(result.byHand).toEqual([]);
    expect(result.ledger?.tombstones["power-peg"]?.meaning.key).toBe("power-peg");
    // The key has no state left to declare; smart-routing keeps its own.
    expect(JSON.parse(afterOf(result.changes, "deadflag.config.json") ?? "")).toEqual({ flags: { states: { "smart-routing": "active" } } });
    expect(firstNewCompileError(root, result.project.tsconfig, result.project.files, result.changes)).toBeUndefined();
  });

  it("with --value on keeps Power Peg's branch instead, unwrapped, and deletes the sliced routing it leaves dead", async () => {
    const root = tempProject(knightFiles());
    const result = await plan(root, "power-peg", "on");
    const router = afterOf(result.changes, "src/router.ts") ?? "";
    expect(router).toContain("    const peg = new PowerPeg(parent, this.gateway, this.log);\n");
    expect(router).not.toMatch(/getBooleanValue\("power-peg"|FLAGS\.powerPeg/);
    // No blank line is left where routeSliced closed the class.
    expect(router).toMatch(/\n  \}\n\}\n$/);
    // `route` always returns through Power Peg now: routeSliced is dead, and so are the venue table and
    // the flag keys only it used.
    expect(router).not.toContain("routeSliced");
    expect(result.changes.filter((c) => c.after === undefined).map((c) => c.file)).toEqual(["src/exchange/venues.ts", "src/flags.ts"]);
    expect(firstNewCompileError(root, result.project.tsconfig, result.project.files, result.changes)).toBeUndefined();
  });

  it("never deletes code that was dead before the fold, and reports it when it sits in a changed file", async () => {
    const root = checkoutProject(
      `${sdkImport}export function checkout(n: number): number {\n  if (client.getBooleanValue("new-checkout", false)) {\n    return fancy(n);\n  }\n  return n;\n}\n\nfunction fancy(n: number): number {\n  return n * 2;\n}\n\nfunction forgotten(): number {\n  return 3;\n}\n`,
    );
    const result = await plan(root, "new-checkout", "off");
    const text = afterOf(result.changes, "src/checkout.ts") ?? "";
    expect(text).not.toContain("fancy");
    expect(text).toContain("function forgotten(): number");
    // At its place in the text as retire leaves it.
    expect(result.alreadyDead).toEqual([expect.objectContaining({ file: "src/checkout.ts", symbol: "forgotten", line: 7, column: 10 })]);
  });

  it("lists a read that cannot be folded safely, with its place, and tombstones nothing", async () => {
    const root = checkoutProject(
      `${sdkImport}let calls = 0;\nexport function checkout(n: number): number {\n  if (client.getBooleanValue("new-checkout", false, { calls: calls++ })) {\n    return n * 2;\n  }\n  return n;\n}\n`,
    );
    const result = await plan(root, "new-checkout", "off");
    expect(result.byHand).toEqual([expect.objectContaining({ file: "src/checkout.ts", line: 5, column: 7 })]);
    expect(result.ledger).toBeUndefined();
  });

  it("folds a read whose guard has no dead side (`if (on)` retired on), and leaves a read whose value is not tested to a person", async () => {
    const root = checkoutProject(
      `${sdkImport}export function checkout(n: number): number {\n  if (client.getBooleanValue("new-checkout", false)) {\n    n += 1;\n  }\n  return Number(client.getBooleanValue("new-checkout", false)) + n;\n}\n`,
    );
    const result = await plan(root, "new-checkout", "on");
    const text = afterOf(result.changes, "src/checkout.ts") ?? "";
    expect(text).toContain("export function checkout(n: number): number {\n  n += 1;\n  return Number(");
    // The client is made by a call, which may do more than make it: it stays.
    expect(text).toContain("const client = OpenFeature.getClient();");
    // A read passed on as a value may not even return the flag's value (a wrapper returning a handler).
    expect(result.byHand).toEqual([
      { file: "src/checkout.ts", line: 5, column: 17, reason: expect.stringMatching(/^its value is not tested in a condition here/) },
    ]);
    expect(result.ledger).toBeUndefined();
  });

  it("with --value default folds each read to its own in-code default", async () => {
    const root = checkoutProject(
      `${sdkImport}export function checkout(n: number): number {\n  return client.getBooleanValue("new-checkout", true) ? n * 2 : n;\n}\n`,
    );
    const result = await plan(root, "new-checkout", "default");
    expect(afterOf(result.changes, "src/checkout.ts")).toContain("  return n * 2;\n");
  });

  it("folds a member of a flag map (`flags.beta`), but leaves a wrapper call that passes the key on to a person", async () => {
    const root = checkoutProject(
      'import { getFlags, withFlag } from "./flags.js";\nexport function checkout(n: number): number {\n  const flags = getFlags();\n  if (!flags.beta) return n;\n  return n * 2;\n}\nexport const handler = withFlag(() => 1, { featureFlag: "beta" });\n',
      {
        "deadflag.config.json": JSON.stringify({ flags: { accessors: [{ function: "getFlags", returns: "flag-map" }] } }),
        "src/flags.ts":
          "export function getFlags(): Record<string, boolean> {\n  return {};\n}\nexport function withFlag<T>(run: () => T, options: { featureFlag: string }): () => T | undefined {\n  return () => (getFlags()[options.featureFlag] ? run() : undefined);\n}\n",
      },
    );
    const result = await plan(root, "beta", "on");
    const text = afterOf(result.changes, "src/checkout.ts") ?? "";
    expect(text).toContain("  const flags = getFlags();\n  return n * 2;\n");
    expect(text).toContain('withFlag(() => 1, { featureFlag: "beta" })');
    expect(result.byHand).toEqual([expect.objectContaining({ file: "src/checkout.ts", line: 6, column: 24 })]);
  });

  it("refuses a key the project does not know", async () => {
    const root = tempProject(knightFiles());
    await expect(plan(root, "power-pge", "off")).rejects.toThrow(InputError);
    await expect(plan(root, "power-pge", "off")).rejects.toThrow(/^unknown flag power-pge: it is not read anywhere/);
  });
});
