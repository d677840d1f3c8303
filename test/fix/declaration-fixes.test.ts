// The suggestions of `no-unreachable-code` (delete the declaration) and `no-unused-export` (drop the
// export), on the findings a scan really gives: whole lines with their doc comments go, lists keep
// their other entries, and nothing is offered where deleting would break or run less code.
import { describe, expect, it } from "vitest";
import { deleteDeclaration } from "../../src/fix/delete-declaration.js";
import { removeExport } from "../../src/fix/remove-export.js";
import { applyEdits } from "../../src/fix/text-edit.js";
import { openProject, scanProject } from "../../src/index.js";
import type { Finding } from "../../src/index.js";
import { tempProject } from "../helpers/temp-dir.js";

const lines = (...text: string[]): string => `${text.join("\n")}\n`;

const lib = lines(
  "/** Used. */",
  "export function used(): number {",
  "  return helper() + selfOnly() + cascadeRoot.length;",
  "}",
  "export function helper(): number {",
  "  return 1;",
  "}",
  "",
  "/** Unused fn. */",
  "export function unusedFn(): number {",
  "  return 2;",
  "}",
  "",
  "export const a = 1, b = 2;",
  "const c = 3;",
  "const d = 4;",
  "export { c, d as dd };",
  "export interface Shape { x: number }",
  "export default function named() { return 1; }",
  "function selfOnly(): number { return 5; }",
  "export { selfOnly };",
  "const registered = register();",
  "function register(): number { return 1; }",
  "const cascadeRoot = [1];",
  "function deadRoot(): number { return deadLeaf(); }",
  "function deadLeaf(): number { return 1; }",
);

async function scanLib(): Promise<Finding[]> {
  const root = tempProject({
    "package.json": JSON.stringify({ name: "fixture", type: "module", main: "dist/index.js" }),
    "src/index.ts": 'import { used } from "./lib.js";\nexport const main = (): number => used();\n',
    "src/lib.ts": lib,
  });
  return scanProject(await openProject({ root, cache: false })).findings.filter((f) => f.file === "src/lib.ts");
}

function findingOf(findings: readonly Finding[], ruleId: string, symbol: string): Finding {
  const found = findings.find((f) => f.ruleId === ruleId && f.symbol === symbol);
  expect(found, `${ruleId} ${symbol}`).toBeDefined();
  return found ?? findings[0]!;
}

describe("deleting an unreachable declaration", () => {
  it("deletes a function with its doc comment and one of the blank lines around it", async () => {
    const finding = findingOf(await scanLib(), "no-unreachable-code", "unusedFn");
    const after = applyEdits(lib, deleteDeclaration("src/lib.ts", lib, finding) ?? []);
    expect(after).toContain(lines("  return 1;", "}", "", "export const a = 1, b = 2;"));
    expect(after).not.toContain("Unused fn");
    expect(after.split("\n").length).toBe(lib.split("\n").length - 5);
  });

  it("deletes one declarator of a list and keeps the others", async () => {
    const finding = findingOf(await scanLib(), "no-unreachable-code", "a");
    expect(applyEdits(lib, deleteDeclaration("src/lib.ts", lib, finding) ?? [])).toContain("\nexport const b = 2;\n");
  });

  it("takes the name out of an export list when it deletes the declaration", async () => {
    const finding = findingOf(await scanLib(), "no-unreachable-code", "c");
    const after = applyEdits(lib, deleteDeclaration("src/lib.ts", lib, finding) ?? []);
    expect(after).toContain(lines("export const a = 1, b = 2;", "const d = 4;", "export { d as dd };"));
  });

  it("deletes a default-exported function", async () => {
    const finding = findingOf(await scanLib(), "no-unreachable-code", "named");
    const after = applyEdits(lib, deleteDeclaration("src/lib.ts", lib, finding) ?? []);
    expect(after).toContain(lines("export interface Shape { x: number }", "function selfOnly(): number { return 5; }"));
  });

  it("is not offered when the initializer runs code, or for code only dead code uses", async () => {
    const findings = await scanLib();
    // The engine keeps a module-level initializer that calls something alive; the fix checks again.
    expect(findings.some((f) => f.symbol === "registered")).toBe(false);
    const line = lib.split("\n").indexOf("const registered = register();") + 1;
    const registered: Finding = {
      ruleId: "no-unreachable-code",
      severity: "error",
      message: "variable registered is never used: no entry reaches it",
      file: "src/lib.ts",
      line,
      column: 7,
      endLine: line,
      endColumn: 30,
      symbol: "registered",
      data: { kind: "variable", lines: 1, root: true },
    };
    expect(deleteDeclaration("src/lib.ts", lib, registered)).toBeUndefined();
    expect(deleteDeclaration("src/lib.ts", lib.replace("register()", "[register]"), registered)).toHaveLength(1);
    const leaf = findingOf(findings, "no-unreachable-code", "deadLeaf");
    expect(leaf.data?.["root"]).toBe(false);
    expect(deleteDeclaration("src/lib.ts", lib, leaf)).toBeUndefined();
    const root = findingOf(findings, "no-unreachable-code", "deadRoot");
    expect(applyEdits(lib, deleteDeclaration("src/lib.ts", lib, root) ?? [])).not.toContain("deadRoot");
  });
});

describe("removing an unused export", () => {
  it("drops the export keyword of a declaration and keeps the code", async () => {
    const findings = await scanLib();
    const helper = findingOf(findings, "no-unused-export", "helper");
    expect(helper.data?.["selfOnly"]).toBe(true);
    const edit = removeExport("src/lib.ts", lib, helper);
    expect(edit && applyEdits(lib, [edit])).toContain("\nfunction helper(): number {\n");
    const shape = findingOf(findings, "no-unused-export", "Shape");
    const shapeEdit = removeExport("src/lib.ts", lib, shape);
    expect(shapeEdit && applyEdits(lib, [shapeEdit])).toContain("\ninterface Shape { x: number }\n");
  });

  it("removes the entry of an export list, and the statement when it was the only one", async () => {
    const finding = findingOf(await scanLib(), "no-unused-export", "selfOnly");
    const edit = removeExport("src/lib.ts", lib, finding);
    expect(edit && applyEdits(lib, [edit])).toContain(lines("function selfOnly(): number { return 5; }", "const registered = register();"));
  });

  it("is not offered for one name of a list of declarators", () => {
    const text = "export const x = 1, y = 2;\n";
    const finding: Finding = {
      ruleId: "no-unused-export",
      severity: "error",
      message: "export x is not imported by any other module",
      file: "a.ts",
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 27,
      symbol: "x",
      data: { exported: "x", type: false },
    };
    expect(removeExport("a.ts", text, finding)).toBeUndefined();
  });
});
