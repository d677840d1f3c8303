// The fold of `no-dead-flag-branch` (Piranha-style): on the findings a scan really gives, the fold
// keeps only the live code, with its comments and layout, and is not offered when it cannot be safe.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { foldFlagBranch } from "../../src/fix/fold-flag-branch.js";
import { applyEdits } from "../../src/fix/text-edit.js";
import { openProject, scanProject } from "../../src/index.js";
import type { Finding } from "../../src/index.js";
import { tempProject } from "../helpers/temp-dir.js";

const lines = (...text: string[]): string => `${text.join("\n")}\n`;
const client = 'import { OpenFeature } from "@openfeature/server-sdk";\nexport const client = OpenFeature.getClient();\n';

/** The dead-branch findings of `src/app.tsx` (or `file`) in a project of `files` with `states`. */
async function deadBranches(files: Record<string, string>, states: Record<string, string>, file = "src/app.tsx"): Promise<Finding[]> {
  const root = tempProject({
    "package.json": JSON.stringify({ name: "fixture", type: "module", main: "dist/app.js" }),
    "deadflag.config.json": JSON.stringify({ flags: { states } }),
    "src/client.ts": client,
    ...files,
  });
  const { findings } = scanProject(await openProject({ root, cache: false }));
  return findings.filter((f) => f.ruleId === "no-dead-flag-branch" && f.file === file);
}

/** The file's text after the fold of `finding`, or undefined when none is offered. */
function folded(text: string, finding: Finding | undefined): string | undefined {
  expect(finding, "a dead-branch finding").toBeDefined();
  const edit = finding ? foldFlagBranch(finding.file, text, finding) : undefined;
  return edit ? applyEdits(text, [edit]) : undefined;
}

describe("folding a dead flag branch", () => {
  it("folds the Knight Capital router: the Power Peg branch goes, the early exit takes the rest of its method", async () => {
    const router = readFileSync(path.resolve("examples/knight-capital/src/router.ts"), "utf8");
    const root = path.resolve("examples/knight-capital");
    const { findings } = scanProject(await openProject({ root, cache: false }));
    const [route, onQuote] = findings.filter((f) => f.ruleId === "no-dead-flag-branch");
    expect(route?.line).toBe(25);
    const first = folded(router, route) ?? "";
    expect(first).toContain(
      lines(
        "  async route(parent: ParentOrder): Promise<RoutingResult> {",
        "    return this.routeSliced(parent);",
        "  }",
      ),
    );
    expect(first).not.toContain('client.getBooleanValue("power-peg"');
    expect(first.split("\n").length).toBe(router.split("\n").length - 12);

    expect(onQuote?.line).toBe(44);
    const second = folded(router, onQuote) ?? "";
    expect(second).toContain(
      lines(
        "  /** Re-pegs working Power Peg orders in the quote's symbol. */",
        "  async onQuote(quote: Quote): Promise<void> {",
        "  }",
      ),
    );
    expect(second).not.toContain("FLAGS.powerPeg");
    expect(second).toContain('client.getBooleanValue("power-peg", false)');
  });

  it("keeps the else side of a retired flag, unwrapped and re-indented, with its comments and a multi-line template as written", async () => {
    const app = lines(
      'import { client } from "./client.js";',
      "export async function greet(name: string): Promise<string> {",
      "  // pick the greeting",
      '  if (await client.getBooleanValue("new-greeting", false)) {',
      "    return `hi ${name}`;",
      "  } else {",
      "    // the greeting everyone gets",
      "    const text = `hello",
      "  ${name}`;",
      "    return text; // done",
      "  }",
      "}",
    );
    const [finding] = await deadBranches({ "src/app.tsx": app }, { "new-greeting": "retired" });
    expect(folded(app, finding)).toBe(
      lines(
        'import { client } from "./client.js";',
        "export async function greet(name: string): Promise<string> {",
        "  // pick the greeting",
        "  // the greeting everyone gets",
        "  const text = `hello",
        "  ${name}`;",
        "  return text; // done",
        "}",
      ),
    );
  });

  it("keeps the then side of a flag that is on, and drops an else-if chain's dead link", async () => {
    const app = lines(
      'import { client } from "./client.js";',
      "export function pick(admin: boolean): number {",
      "  if (admin) {",
      "    return 0;",
      '  } else if (client.getBooleanValue("beta", false)) {',
      "    return 1;",
      "  } else {",
      "    return 2;",
      "  }",
      "}",
    );
    const [finding] = await deadBranches({ "src/app.tsx": app }, { beta: "on" });
    expect(folded(app, finding)).toBe(
      lines(
        'import { client } from "./client.js";',
        "export function pick(admin: boolean): number {",
        "  if (admin) {",
        "    return 0;",
        "  } else {",
        "    return 1;",
        "  }",
        "}",
      ),
    );
  });

  it("folds a ternary, a negation and a JSX child", async () => {
    const app = lines(
      'import { client } from "./client.js";',
      "export function View(): JSX.Element {",
      '  const label = !client.getBooleanValue("old-ui", true) ? "new" : "old";',
      "  return (",
      "    <main>",
      '      {client.getBooleanValue("old-ui", true) && <Legacy />}',
      "      <p>{label}</p>",
      "    </main>",
      "  );",
      "}",
      "function Legacy(): JSX.Element {",
      "  return <div />;",
      "}",
    );
    const findings = await deadBranches({ "src/app.tsx": app }, { "old-ui": "off" });
    expect(findings.map((f) => `${f.line}:${f.column} ${String(f.data?.["guard"])}`)).toEqual(["3:67 ternary", "6:50 and"]);
    expect(folded(app, findings[0])).toContain('  const label = "new";\n');
    expect(folded(app, findings[1])).toContain(lines("    <main>", "      <p>{label}</p>"));
  });

  it("keeps a JSX child that was wrapped in parentheses over lines as the element alone", () => {
    const app = lines(
      'import { client } from "./client.js";',
      "export function View(): JSX.Element {",
      "  return (",
      "    <main>",
      '      {client.getBooleanValue("tracking", false) && (',
      "        <Tracking />",
      "      )}",
      "    </main>",
      "  );",
      "}",
    );
    // `on` leaves no dead side of `&&`: a finding on the read itself, as `deadflag retire` makes one.
    const atRead: Finding = {
      ruleId: "no-dead-flag-branch",
      severity: "error",
      message: "",
      file: "src/app.tsx",
      line: 5,
      column: 8,
      endLine: 5,
      endColumn: 49,
      flag: "tracking",
      data: { value: true, read: { file: "src/app.tsx", line: 5, column: 8 } },
    };
    expect(folded(app, atRead)).toContain(lines("    <main>", "      <Tracking />", "    </main>"));
  });

  it("folds a member of a flag map only when asked to, and never one that is called or read further", () => {
    const text = lines(
      "declare const flags: { beta: boolean; nested: { on: boolean } };",
      "export function price(n: number): number {",
      "  if (!flags.beta) return n;",
      "  return n * 2;",
      "}",
    );
    const finding: Finding = {
      ruleId: "no-dead-flag-branch",
      severity: "error",
      message: "",
      file: "src/price.ts",
      line: 3,
      column: 8,
      endLine: 3,
      endColumn: 18,
      flag: "beta",
      data: { value: true, read: { file: "src/price.ts", line: 3, column: 8 } },
    };
    const start = text.indexOf("flags.beta");
    expect(foldFlagBranch("src/price.ts", text, finding)).toBeUndefined();
    const edit = foldFlagBranch("src/price.ts", text, finding, { memberReadEnd: start + "flags.beta".length });
    expect(edit && applyEdits(text, [edit])).toContain(lines("export function price(n: number): number {", "  return n * 2;", "}"));
    // `flags.nested` is not the flag's value when `.on` of it is read.
    const nested = text.replace("flags.beta", "flags.nested.on");
    expect(foldFlagBranch("src/price.ts", nested, finding, { memberReadEnd: start + "flags.nested".length })).toBeUndefined();
  });

  it("drops a spread that would spread nothing, with its comma", async () => {
    const app = lines(
      'import { client } from "./client.js";',
      "export function options(): Record<string, number> {",
      "  return {",
      "    a: 1,",
      '    ...(client.getBooleanValue("fast", false) ? { b: 2 } : {}),',
      "    c: 3,",
      "  };",
      "}",
      "export function more(): Record<string, number> {",
      '  return { a: 1, ...(client.getBooleanValue("wide", false) && { d: 4 }) };',
      "}",
    );
    const [fast] = await deadBranches({ "src/app.tsx": app }, { fast: "off" });
    expect(folded(app, fast)).toContain(lines("  return {", "    a: 1,", "    c: 3,", "  };"));
    // `&&` over an object literal guards no code: a finding on the read itself, as `deadflag retire` makes one.
    const wide: Finding = {
      ruleId: "no-dead-flag-branch",
      severity: "error",
      message: "",
      file: "src/app.tsx",
      line: 10,
      column: 22,
      endLine: 10,
      endColumn: 59,
      flag: "wide",
      data: { value: false, read: { file: "src/app.tsx", line: 10, column: 22 } },
    };
    expect(folded(app, wide)).toContain("  return { a: 1 };\n");
  });

  it("drops a check whose flag is on when only its off side had code", async () => {
    const app = lines(
      'import { client } from "./client.js";',
      "export async function save(): Promise<number> {",
      '  if (!(await client.getBooleanValue("writes", false))) return 0;',
      "  return 1;",
      "}",
    );
    const [finding] = await deadBranches({ "src/app.tsx": app }, { writes: "on" });
    expect(folded(app, finding)).toBe(
      lines('import { client } from "./client.js";', "export async function save(): Promise<number> {", "  return 1;", "}"),
    );
  });

  it("keeps the braces when unwrapping would declare a name twice", async () => {
    const app = lines(
      'import { client } from "./client.js";',
      "export function total(): number {",
      '  if (client.getBooleanValue("fast", false)) {',
      "    const n = 1;",
      "    return n;",
      "  }",
      "  const n = 2;",
      "  return n;",
      "}",
    );
    const [finding] = await deadBranches({ "src/app.tsx": app }, { fast: "on" });
    expect(folded(app, finding)).toBe(
      lines(
        'import { client } from "./client.js";',
        "export function total(): number {",
        "  {",
        "    const n = 1;",
        "    return n;",
        "  }",
        "}",
      ),
    );
  });

  it("is not offered when something else in the condition runs first", async () => {
    const app = lines(
      'import { client } from "./client.js";',
      "let calls = 0;",
      "function track(): boolean {",
      "  calls++;",
      "  return calls > 0;",
      "}",
      "export function run(): number {",
      '  if (track() && client.getBooleanValue("x", false)) {',
      "    return 1;",
      "  }",
      "  return 0;",
      "}",
    );
    const [finding] = await deadBranches({ "src/app.tsx": app }, { x: "off" });
    expect(folded(app, finding)).toBeUndefined();
  });

  it("is not offered when the read's arguments have side effects", async () => {
    const app = lines(
      'import { client } from "./client.js";',
      "function fallback(): boolean {",
      "  return false;",
      "}",
      "export function run(): number {",
      '  if (client.getBooleanValue("x", fallback())) {',
      "    return 1;",
      "  }",
      "  return 0;",
      "}",
    );
    const [finding] = await deadBranches({ "src/app.tsx": app }, { x: "off" });
    expect(folded(app, finding)).toBeUndefined();
  });

  it("is not offered on a text that no longer has the finding's branch", async () => {
    const app = lines(
      'import { client } from "./client.js";',
      "export function run(): number {",
      '  if (client.getBooleanValue("x", false)) {',
      "    return 1;",
      "  }",
      "  return 0;",
      "}",
    );
    const [finding] = await deadBranches({ "src/app.tsx": app }, { x: "off" });
    expect(folded(app.replace("getBooleanValue", "getBoolean"), finding)).toBeUndefined();
  });
});
