// Guarded code: for each flag read, the code that runs only when the flag is on and only when it is
// off, as extraction records it in the read's `guards`.
import { describe, expect, it } from "vitest";
import { extractFileFacts } from "../../src/facts/extract-file-facts.js";
import type { BranchFact, FileFacts, GuardFact } from "../../src/facts/file-facts.js";

const readNames = new Set(["getBooleanValue", "getStringValue"]);

/** A compact, position-exact view of a guard: its kind, polarity, where it is and the text of each side. */
interface GuardView {
  kind: GuardFact["kind"];
  polarity: GuardFact["polarity"];
  at: string;
  on?: string;
  off?: string;
  compare?: GuardFact["compare"];
  via?: string;
}

function factsOf(lines: string[], fileName = "src/app.ts"): { source: string; facts: FileFacts } {
  const source = [
    'import { OpenFeature } from "@openfeature/server-sdk";',
    "const client = OpenFeature.getClient();",
    ...lines,
  ].join("\n");
  return { source, facts: extractFileFacts(fileName, source, { readNames }) };
}

/** The guards of the read of `key` in a file whose line 3 onwards are `lines`. */
function guardsOf(key: string, lines: string[], fileName?: string): GuardView[] {
  const { source, facts } = factsOf(lines, fileName);
  const reads = facts.calls.filter((c) => c.args[0]?.kind === "string" && c.args[0].value === key);
  if (reads.length !== 1) throw new Error(`expected one read of ${key}, found ${reads.length}`);
  return (reads[0]?.guards ?? []).map((guard) => viewOf(guard, source));
}

function viewOf(guard: GuardFact, source: string): GuardView {
  const view: GuardView = { kind: guard.kind, polarity: guard.polarity, at: `${guard.range.line}:${guard.range.column}` };
  if (guard.on) view.on = textOf(guard.on, source);
  if (guard.off) view.off = textOf(guard.off, source);
  if (guard.compare !== undefined) view.compare = guard.compare;
  if (guard.via !== undefined) view.via = guard.via;
  return view;
}

function textOf(branch: BranchFact, source: string): string {
  return source.slice(branch.range.start, branch.range.end);
}

function fn(...body: string[]): string[] {
  return ["export async function run(other: boolean, list: string[]) {", ...body.map((line) => `  ${line}`), "}"];
}

describe("guard regions", () => {
  describe("if statements", () => {
    it("puts the then-branch on and the else-branch off", () => {
      expect(guardsOf("checkout", fn('if (await client.getBooleanValue("checkout", false)) newCheckout();', "else oldCheckout();"))).toEqual([
        { kind: "if", polarity: "positive", at: "4:3", on: "newCheckout();", off: "oldCheckout();" },
      ]);
    });

    it("records the names each side refers to", () => {
      const { facts } = factsOf(fn('if (await client.getBooleanValue("checkout", false)) { cart.checkout(user); } else legacy.pay();'));
      const guard = facts.calls.find((c) => c.callee.name === "getBooleanValue")?.guards[0];
      expect(guard?.on?.refs).toEqual([".checkout", "cart", "user"]);
      expect(guard?.off?.refs).toEqual([".pay", "legacy"]);
      expect(guard?.on?.range).toMatchObject({ line: 4, column: 56, endLine: 4, endColumn: 80 });
    });

    it("flips the sides of a negated read, with negative polarity", () => {
      expect(guardsOf("checkout", fn('if (!(await client.getBooleanValue("checkout", false))) oldCheckout();'))).toEqual([
        { kind: "if", polarity: "negative", at: "4:3", off: "oldCheckout();" },
      ]);
    });

    it("reads `flag === false` and `flag !== true` as negations", () => {
      expect(guardsOf("a", fn('if ((await client.getBooleanValue("a", false)) === false) offA();'))).toEqual([
        { kind: "if", polarity: "negative", at: "4:3", off: "offA();" },
      ]);
      expect(guardsOf("b", fn('if ((await client.getBooleanValue("b", false)) !== true) offB(); else onB();'))).toEqual([
        { kind: "if", polarity: "negative", at: "4:3", off: "offB();", on: "onB();" },
      ]);
      expect(guardsOf("c", fn('if ((await client.getBooleanValue("c", false)) == true) onC();'))).toEqual([
        { kind: "if", polarity: "positive", at: "4:3", on: "onC();" },
      ]);
    });

    it("compares a string variant: `on` is the code for that variant, with `compare`", () => {
      expect(guardsOf("theme", fn('if ((await client.getStringValue("theme", "light")) === "dark") dark(); else light();'))).toEqual([
        { kind: "if", polarity: "positive", at: "4:3", on: "dark();", off: "light();", compare: "dark" },
      ]);
      expect(guardsOf("theme", fn('if ((await client.getStringValue("theme", "light")) !== "dark") light(); else dark();'))).toEqual([
        { kind: "if", polarity: "negative", at: "4:3", off: "light();", on: "dark();", compare: "dark" },
      ]);
    });

    it("compares with the literal on either side", () => {
      expect(guardsOf("theme", fn('if ("dark" === (await client.getStringValue("theme", "light"))) dark();'))).toEqual([
        { kind: "if", polarity: "positive", at: "4:3", on: "dark();", compare: "dark" },
      ]);
    });

    it("records no guard for a comparison with something that is not a literal", () => {
      expect(guardsOf("theme", fn('if ((await client.getStringValue("theme", "light")) === other) dark();'))).toEqual([]);
    });

    it("keeps the sides of `Boolean(flag)` and `!!flag`", () => {
      expect(guardsOf("a", fn('if (Boolean(await client.getBooleanValue("a", false))) onA(); else offA();'))).toEqual([
        { kind: "if", polarity: "positive", at: "4:3", on: "onA();", off: "offA();" },
      ]);
      expect(guardsOf("b", fn('if (!!(await client.getBooleanValue("b", false))) onB(); else offB();'))).toEqual([
        { kind: "if", polarity: "positive", at: "4:3", on: "onB();", off: "offB();" },
      ]);
    });

    it("decides an else-if by its own condition", () => {
      expect(guardsOf("a", fn('if (other) first(); else if (await client.getBooleanValue("a", false)) onA(); else offA();'))).toEqual([
        { kind: "if", polarity: "positive", at: "4:28", on: "onA();", off: "offA();" },
      ]);
    });
  });

  describe("logical operators", () => {
    it("puts the right side of `flag && x` on", () => {
      expect(guardsOf("a", fn('const shown = (await client.getBooleanValue("a", false)) && render();'))).toEqual([
        { kind: "and", polarity: "positive", at: "4:63", on: "render()" },
      ]);
    });

    it("puts the right side of `flag || x` off", () => {
      expect(guardsOf("a", fn('const fallback = (await client.getBooleanValue("a", false)) || legacy();'))).toEqual([
        { kind: "or", polarity: "positive", at: "4:66", off: "legacy()" },
      ]);
    });

    it("puts the right side of `!flag && x` off, with negative polarity", () => {
      expect(guardsOf("a", fn('const old = !(await client.getBooleanValue("a", false)) && legacy();'))).toEqual([
        { kind: "and", polarity: "negative", at: "4:62", off: "legacy()" },
      ]);
    });

    it("puts the right side of `flag ?? x` off: it runs only when the flag gave no value", () => {
      expect(guardsOf("theme", fn('const theme = (await client.getStringValue("theme", "light")) ?? defaultTheme();'))).toEqual([
        { kind: "nullish", polarity: "positive", at: "4:68", off: "defaultTheme()" },
      ]);
    });

    it("makes `if (flag && other)` decide only the on side: the else-branch also runs with the flag on", () => {
      expect(guardsOf("a", fn('if ((await client.getBooleanValue("a", false)) && other) onA(); else neither();'))).toEqual([
        { kind: "if", polarity: "positive", at: "4:3", on: "onA();" },
      ]);
    });

    it("makes `if (other && flag)` decide only the on side", () => {
      expect(guardsOf("a", fn('if (other && (await client.getBooleanValue("a", false))) onA(); else neither();'))).toEqual([
        { kind: "if", polarity: "positive", at: "4:3", on: "onA();" },
      ]);
    });

    it("makes `if (flag || other)` decide only the off side: the then-branch also runs with the flag off", () => {
      expect(guardsOf("a", fn('if ((await client.getBooleanValue("a", false)) || other) either(); else offA();'))).toEqual([
        { kind: "if", polarity: "positive", at: "4:3", off: "offA();" },
      ]);
    });

    it("makes `if (!(flag && other))` decide only the else side, as on", () => {
      expect(guardsOf("a", fn('if (!((await client.getBooleanValue("a", false)) && other)) either(); else onA();'))).toEqual([
        { kind: "if", polarity: "negative", at: "4:3", on: "onA();" },
      ]);
    });

    it("never takes another conjunct of a test for switched code, even when it calls", () => {
      expect(guardsOf("a", fn('if ((await client.getBooleanValue("a", false)) && list.includes("x") && other) onA();'))).toEqual([
        { kind: "if", polarity: "positive", at: "4:3", on: "onA();" },
      ]);
      expect(guardsOf("a", fn('const v = (await client.getBooleanValue("a", false)) && other ? shown() : hidden();'))).toEqual([
        { kind: "ternary", polarity: "positive", at: "4:13", on: "shown()" },
      ]);
    });

    it("follows a flag variable into a later test with other conditions: only the guarded code is switched", () => {
      expect(
        guardsOf("a", fn('const on = await client.getBooleanValue("a", false);', "const n = list.length;", "if (on && n > 0) legacyPath(list);")),
      ).toEqual([{ kind: "if", polarity: "positive", at: "6:3", on: "legacyPath(list);", via: "on" }]);
    });

    it("keeps an early exit whose condition gained a conjunct to its exit, without the conjunct", () => {
      expect(
        guardsOf("a", fn('if (!(await client.getBooleanValue("a", false)) && other) return;', "list.push(\"rest\");")),
      ).toEqual([{ kind: "early-exit", polarity: "negative", at: "4:3", off: "return;" }]);
    });

    it("records no guard for a condition held in a variable (`const show = flag && isAdmin`)", () => {
      expect(guardsOf("a", fn('const show = (await client.getBooleanValue("a", false)) && other;'))).toEqual([]);
    });
  });

  describe("ternaries and JSX", () => {
    it("puts the true branch on and the false branch off", () => {
      expect(guardsOf("a", fn('const price = (await client.getBooleanValue("a", false)) ? discounted() : full();'))).toEqual([
        { kind: "ternary", polarity: "positive", at: "4:17", on: "discounted()", off: "full()" },
      ]);
    });

    it("records no guard for a read in a ternary's branch", () => {
      expect(guardsOf("a", fn('const v = other ? await client.getBooleanValue("a", false) : false;'))).toEqual([]);
    });

    const view = [
      "export function View() {",
      '  const show = client.getBooleanValue("banner", false);',
      "  return (",
      "    <main>",
      "      {show && <Banner />}",
      "      {!show && <OldBanner />}",
      '      {client.getBooleanValue("layout", false) ? <Grid /> : <List />}',
      "    </main>",
      "  );",
      "}",
    ];

    it("puts JSX children after `flag &&` on, and after `!flag &&` off", () => {
      expect(guardsOf("banner", view, "src/view.tsx")).toEqual([
        { kind: "and", polarity: "positive", at: "7:16", on: "<Banner />", via: "show" },
        { kind: "and", polarity: "negative", at: "8:17", off: "<OldBanner />", via: "show" },
      ]);
    });

    it("decides a ternary inside JSX", () => {
      expect(guardsOf("layout", view, "src/view.tsx")).toEqual([
        { kind: "ternary", polarity: "positive", at: "9:8", on: "<Grid />", off: "<List />" },
      ]);
    });
  });

  describe("early exits", () => {
    it("puts the rest of the block on after `if (!flag) return;`", () => {
      expect(guardsOf("a", fn('if (!(await client.getBooleanValue("a", false))) return;', "step1();", "step2();"))).toEqual([
        { kind: "early-exit", polarity: "negative", at: "4:3", off: "return;", on: "step1();\n  step2();" },
      ]);
    });

    it("puts the rest of the block off after `if (flag) { …; return }`", () => {
      expect(
        guardsOf("a", fn('if (await client.getBooleanValue("a", false)) {', "  fast();", "  return;", "}", "slow();")),
      ).toEqual([{ kind: "early-exit", polarity: "positive", at: "4:3", on: "{\n    fast();\n    return;\n  }", off: "slow();" }]);
    });

    it("treats `throw` and `continue` as exits, the rest of a loop body being the other side", () => {
      expect(guardsOf("a", fn('if (!(await client.getBooleanValue("a", false))) throw new Error("off");', "go();"))).toEqual([
        { kind: "early-exit", polarity: "negative", at: "4:3", off: 'throw new Error("off");', on: "go();" },
      ]);
      expect(
        guardsOf("b", fn("for (const item of list) {", '  if (!(await client.getBooleanValue("b", false))) continue;', "  handle(item);", "}", "after();")),
      ).toEqual([{ kind: "early-exit", polarity: "negative", at: "5:5", off: "continue;", on: "handle(item);" }]);
    });

    it("treats a call of Next.js's redirect or notFound (they throw) as an exit, and a local redirect as a call", () => {
      const gate = 'if (!(await client.getBooleanValue("a", false))) redirect("/");';
      expect(guardsOf("a", ['import { redirect } from "next/navigation";', ...fn(gate, "render();")])).toEqual([
        { kind: "early-exit", polarity: "negative", at: "5:3", off: 'redirect("/");', on: "render();" },
      ]);
      expect(
        guardsOf("a", ['import { notFound as missing } from "next/navigation";', ...fn('if (!(await client.getBooleanValue("a", false))) missing();', "render();")]),
      ).toEqual([{ kind: "early-exit", polarity: "negative", at: "5:3", off: "missing();", on: "render();" }]);
      expect(guardsOf("a", ["function redirect(to: string) { console.log(to); }", ...fn(gate, "render();")])).toEqual([
        { kind: "if", polarity: "negative", at: "5:3", off: 'redirect("/");' },
      ]);
    });

    it("records a plain `if` when nothing follows the exit in its block", () => {
      expect(guardsOf("a", fn("other;", 'if (await client.getBooleanValue("a", false)) return;'))).toEqual([
        { kind: "if", polarity: "positive", at: "5:3", on: "return;" },
      ]);
    });

    it("records a plain `if` when the then-branch does not always exit", () => {
      expect(guardsOf("a", fn('if (await client.getBooleanValue("a", false)) { if (other) return; }', "rest();"))).toEqual([
        { kind: "if", polarity: "positive", at: "4:3", on: "{ if (other) return; }" },
      ]);
    });
  });

  describe("switch", () => {
    it("records one case per clause with code, the values that run it, and the default", () => {
      const { source, facts } = factsOf(
        fn(
          'switch (await client.getStringValue("checkout", "control")) {',
          '  case "a":',
          '  case "b":',
          "    variantAB();",
          "    break;",
          '  case "c":',
          "    variantC();",
          '  case "d":',
          "    variantCD();",
          "    break;",
          "  default:",
          "    control();",
          "}",
        ),
      );
      const guards = facts.calls.find((c) => c.callee.name === "getStringValue")?.guards ?? [];
      expect(guards).toHaveLength(1);
      expect(guards[0]).toMatchObject({ kind: "switch", polarity: "positive", range: { line: 4, column: 3, endLine: 16, endColumn: 4 } });
      expect(guards[0]?.on).toBeUndefined();
      expect(guards[0]?.off).toBeUndefined();
      expect(guards[0]?.cases?.map((c) => ({ values: c.values, isDefault: c.isDefault, code: textOf(c.branch, source), refs: c.branch.refs }))).toEqual([
        { values: ["a", "b"], isDefault: false, code: "variantAB();\n      break;", refs: ["variantAB"] },
        // `case "c"` falls through, so the code of `case "d"` runs for "c" too.
        { values: ["c"], isDefault: false, code: "variantC();", refs: ["variantC"] },
        { values: ["c", "d"], isDefault: false, code: "variantCD();\n      break;", refs: ["variantCD"] },
        { values: [], isDefault: true, code: "control();", refs: ["control"] },
      ]);
    });

    it("switches on a variable that holds the read, naming it in `via`", () => {
      const { facts } = factsOf(
        fn('const variant = await client.getStringValue("checkout", "control");', "switch (variant) {", '  case "a": return a();', "  default: return b();", "}"),
      );
      const guard = facts.calls.find((c) => c.callee.name === "getStringValue")?.guards[0];
      expect(guard).toMatchObject({ kind: "switch", via: "variant", range: { line: 5, column: 3 } });
      expect(guard?.cases?.map((c) => [c.values, c.isDefault, c.branch.refs])).toEqual([
        [["a"], false, ["a"]],
        [[], true, ["b"]],
      ]);
    });
  });

  describe("variables", () => {
    it("follows a variable that holds the value to each of its uses, naming it in `via`", () => {
      expect(
        guardsOf("a", fn('const on = await client.getBooleanValue("a", false);', "if (on) onA(); else offA();", "const label = on ? 1 : 2;")),
      ).toEqual([
        { kind: "if", polarity: "positive", at: "5:3", on: "onA();", off: "offA();", via: "on" },
        { kind: "ternary", polarity: "positive", at: "6:17", on: "1", off: "2", via: "on" },
      ]);
    });

    it("follows a variable that holds the negation", () => {
      expect(guardsOf("a", fn('const off = !(await client.getBooleanValue("a", false));', "if (off) offA(); else onA();"))).toEqual([
        { kind: "if", polarity: "negative", at: "5:3", off: "offA();", on: "onA();", via: "off" },
      ]);
    });

    it("follows a variable copied into another, naming the last one", () => {
      expect(guardsOf("a", fn('const first = await client.getBooleanValue("a", false);', "const second = first;", "if (second) onA();"))).toEqual([
        { kind: "if", polarity: "positive", at: "6:3", on: "onA();", via: "second" },
      ]);
    });

    it("does not follow a `let` that is assigned again: where it is read, it may hold something else", () => {
      expect(guardsOf("a", fn('let show = await client.getBooleanValue("a", false);', "if (other) show = true;", "if (show) maybeA();"))).toEqual([]);
      expect(guardsOf("b", fn('let show = await client.getBooleanValue("b", false);', "[show] = [true];", "if (show) maybeB();"))).toEqual([]);
      expect(guardsOf("c", fn('let show = await client.getBooleanValue("c", false);', "({ show } = { show: true });", "if (show) maybeC();"))).toEqual([]);
    });

    it("follows a `let` that is never assigned again, even when it is copied or passed on", () => {
      expect(
        guardsOf("a", fn('let show = await client.getBooleanValue("a", false);', "const copy = { show };", "track(show);", "if (show) onA();")),
      ).toEqual([{ kind: "if", polarity: "positive", at: "7:3", on: "onA();", via: "show" }]);
    });

    it("records no guard for a read passed as an argument", () => {
      expect(guardsOf("a", fn('track(await client.getBooleanValue("a", false));'))).toEqual([]);
    });

    it("does not take an inner variable, parameter or property with the flag variable's name as a use", () => {
      expect(
        guardsOf(
          "a",
          fn(
            'const enabled = await client.getBooleanValue("a", false);',
            "for (const enabled of list) if (enabled) loopA();",
            "try { risky(); } catch (enabled) { if (enabled) caughtA(); }",
            "list.forEach((enabled) => { if (enabled) paramA(); });",
            "{ const enabled = 0; if (enabled) blockA(); }",
            "const fnExpr = function enabled() { if (enabled) selfA(); };",
            "const holder = { enabled: 1 };",
            "if (holder.enabled) propertyA();",
            "const picked = ({ enabled }: { enabled: boolean }) => { if (enabled) destructuredA(); };",
            "if (enabled) realA();",
          ),
        ),
      ).toEqual([{ kind: "if", polarity: "positive", at: "13:3", on: "realA();", via: "enabled" }]);
    });
  });
});
