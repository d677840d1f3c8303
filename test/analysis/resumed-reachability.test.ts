// An editor session's walks resume from the last scan's (see resumeReachability): taking out what
// an edit removed and walking on from what it added. Checked against cold scans of the same texts
// on rxjs's sources, with edits made from its own code by a seeded generator: declarations deleted
// and renamed, calls removed, exports added, files put back as they were.
import { readdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { openProject, projectSessionFor, scanProject } from "../../src/index.js";
import type { ScanResult } from "../../src/index.js";
import { rxjsProject } from "../helpers/rxjs-project.js";
import { seededRandom as random } from "../helpers/seeded-random.js";
import { tempProject } from "../helpers/temp-dir.js";

function sourceFiles(root: string, directory = "src"): string[] {
  return readdirSync(path.join(root, directory), { withFileTypes: true }).flatMap((entry) => {
    const file = `${directory}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(root, file);
    return file.endsWith(".ts") ? [file] : [];
  });
}

interface Edit {
  kind: string;
  file: string;
  text: string;
}

/** One edit of `text` of the kind asked, or undefined when the file has nothing of that kind. */
function editOf(kind: string, file: string, text: string, pick: <T>(list: readonly T[]) => T | undefined, serial: number): Edit | undefined {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const functions = source.statements.filter((s): s is ts.FunctionDeclaration => ts.isFunctionDeclaration(s) && s.name !== undefined && s.body !== undefined);
  const cut = (start: number, end: number, put = ""): string => text.slice(0, start) + put + text.slice(end);
  switch (kind) {
    case "delete a declaration": {
      const statement = pick(source.statements.filter((s) => ts.isFunctionDeclaration(s) || ts.isVariableStatement(s) || ts.isClassDeclaration(s)));
      return statement && { kind, file, text: cut(statement.getStart(source), statement.end) };
    }
    case "rename a function": {
      const name = pick(functions)?.name;
      return name && { kind, file, text: cut(name.getStart(source), name.end, `${name.text}Renamed${serial}`) };
    }
    case "remove a call": {
      const calls: ts.ExpressionStatement[] = [];
      const visit = (node: ts.Node): void => {
        if (ts.isExpressionStatement(node) && ts.isCallExpression(node.expression) && node.parent !== source) calls.push(node);
        ts.forEachChild(node, visit);
      };
      visit(source);
      const call = pick(calls);
      return call && { kind, file, text: cut(call.getStart(source), call.end) };
    }
    case "add an export using an import": {
      const names = source.statements.flatMap((s) => {
        const bindings = ts.isImportDeclaration(s) && !s.importClause?.isTypeOnly ? s.importClause?.namedBindings : undefined;
        return bindings && ts.isNamedImports(bindings) ? bindings.elements.filter((e) => !e.isTypeOnly).map((e) => e.name.text) : [];
      });
      const name = pick(names);
      return name === undefined ? undefined : { kind, file, text: `${text}\nexport function probe${serial}(): unknown {\n  return ${name};\n}\n` };
    }
    default:
      return undefined;
  }
}

/** Gives every file under `root` an old time, so that the session trusts its stats (a file written this second is racy). */
function settle(root: string): void {
  const old = Date.now() / 1000 - 3600;
  const visit = (directory: string): void => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const child = path.join(directory, entry.name);
      if (entry.isDirectory()) visit(child);
      else utimesSync(child, old, old);
    }
    utimesSync(directory, old, old);
  };
  visit(root);
}

/** What a walk reached, by file and declaration name (ids differ between graphs). */
function liveNames(result: ScanResult, walk: "production" | "withTests"): string[] {
  const { graph } = result.context;
  return [...result.context[walk].live].map((id) => `${graph.nodes[id]?.file}#${graph.nodes[id]?.declaration.name}`).sort();
}

describe("walks resumed across edits", () => {
  it("reach what a cold scan of the same texts reaches, edit after edit, and resume most of the time", async () => {
    const make = rxjsProject;
    const editorRoot = make();
    const coldRoot = make();
    settle(editorRoot);
    const files = sourceFiles(editorRoot).filter((file) => !file.includes("__tests__")).sort();
    const original = new Map(files.map((file) => [file, readFileSync(path.join(editorRoot, file), "utf8")]));
    const session = projectSessionFor({ root: editorRoot, cache: false });
    let last = session.scan().result;
    const next = random(20261202);
    const pick = <T>(list: readonly T[]): T | undefined => (list.length === 0 ? undefined : list[Math.floor(next() * list.length)]);
    const texts = new Map<string, string>();
    const kinds = ["delete a declaration", "rename a function", "remove a call", "add an export using an import"];
    let resumed = 0;
    let steps = 0;
    const seen = new Set<string>();
    for (let serial = 0; steps < 24; serial++) {
      const edited = [...texts.keys()];
      let edit: Edit | undefined;
      if (edited.length > 0 && next() < 0.25) {
        const file = pick(edited) ?? "";
        edit = { kind: "put a file back", file, text: original.get(file) ?? "" };
      } else {
        const file = pick(files) ?? "";
        edit = editOf(pick(kinds) ?? "", file, texts.get(file) ?? original.get(file) ?? "", pick, serial);
      }
      if (!edit) continue;
      steps++;
      seen.add(edit.kind);
      texts.set(edit.file, edit.text);
      writeFileSync(path.join(coldRoot, edit.file), edit.text);
      const scan = session.scan(new Map(texts)).result;
      const cold = scanProject(await openProject({ root: coldRoot, cache: false }));
      const step = `${steps}: ${edit.kind} in ${edit.file}`;
      expect(liveNames(scan, "production"), step).toEqual(liveNames(cold, "production"));
      expect(liveNames(scan, "withTests"), step).toEqual(liveNames(cold, "withTests"));
      expect([...scan.context.production.loaded].sort(), step).toEqual([...cold.context.production.loaded].sort());
      expect(scan.findings, step).toEqual(cold.findings);
      // A resumed walk goes on in the earlier walk's sets.
      if (scan.context.production.live === last.context.production.live) resumed++;
      last = scan;
    }
    expect([...seen].sort()).toEqual([...kinds, "put a file back"].sort());
    expect(resumed).toBeGreaterThanOrEqual(steps / 2);
  }, 300_000);
});

describe("a walk resumed after an edit takes out what lost its reason and finds it again by another way", () => {
  const files = {
    "package.json": '{ "name": "small", "private": true }',
    "deadflag.config.json": JSON.stringify({ entry: ["src/index.ts"], flags: { states: {} } }),
    "src/index.ts": 'import { a, b } from "./work";\nimport { c } from "./third";\na();\nb();\nc();\n',
    "src/third.ts": 'import { helper } from "./helper";\nexport function c(): number {\n  return helper();\n}\n',
    "src/work.ts": [
      'import { helper, other } from "./helper";',
      "export function a(): number {",
      "  helper();",
      "  return other();",
      "}",
      "export function b(): number {",
      "  return helper();",
      "}",
      "",
    ].join("\n"),
    "src/helper.ts": "export function helper(): number {\n  return deep();\n}\nfunction deep(): number {\n  return 1;\n}\nexport function other(): number {\n  return new Box().open();\n}\nexport class Box {\n  open(): number {\n    return 2;\n  }\n}\n",
    // Bulk, so that the few declarations the edits remove stay under the share that makes a new graph.
    "src/bulk.ts": Array.from({ length: 40 }, (_, i) => `export function bulk${i}(): number {\n  return ${i};\n}\n`).join(""),
  };
  const withClose = files["src/helper.ts"].replace("    return 2;\n  }\n", "    return 2;\n  }\n  close(): number {\n    return 3;\n  }\n");
  const steps: Array<[string, Record<string, string>]> = [
    ["a no longer calls helper (b still does)", { "src/work.ts": files["src/work.ts"].replace("  helper();\n", "") }],
    ["b no longer calls helper (a still does)", { "src/work.ts": files["src/work.ts"].replace("return helper();", "return 0;") }],
    // One of these takes helper's reason away: it is found again through the other file's use.
    ["neither a nor b calls helper (c still does)", { "src/work.ts": files["src/work.ts"].replace("  helper();\n", "").replace("return helper();", "return 0;") }],
    ["everything put back", {}],
    ["c no longer calls helper (a and b still do)", { "src/third.ts": files["src/third.ts"].replace("return helper();", "return 0;") }],
    ["b deleted", { "src/work.ts": files["src/work.ts"].replace(/export function b[^}]*}\n/, ""), "src/index.ts": files["src/index.ts"].replace("a, b", "a").replace("b();\n", "") }],
    ["the entry exports a new function", { "src/index.ts": `${files["src/index.ts"]}export function extra(): number {\n  return 3;\n}\n` }],
    ["helper renamed: its callers' uses lead nowhere", { "src/helper.ts": files["src/helper.ts"].replace("function helper", "function helped") }],
    ["a declaration that runs when its module loads", { "src/helper.ts": `${files["src/helper.ts"]}const made = deep();\n` }],
    ["everything put back", {}],
    // A member added, then (the class untouched) a use of its name: the member index must know it.
    ["Box gains close()", { "src/helper.ts": withClose }],
    ["a calls close() on a Box", { "src/helper.ts": withClose, "src/work.ts": files["src/work.ts"].replace("  helper();\n", '  helper();\n  new Box().close();\n').replace("import { helper, other }", "import { Box, helper, other }") }],
  ];
  it("equals a cold scan at every step, resuming each time", async () => {
    const editorRoot = tempProject(files);
    const coldRoot = tempProject(files);
    settle(editorRoot);
    const session = projectSessionFor({ root: editorRoot, cache: false });
    let last = session.scan().result;
    for (const [step, edits] of steps) {
      for (const [file, text] of Object.entries({ ...files, ...edits })) if (file.startsWith("src/")) writeFileSync(path.join(coldRoot, file), text);
      const texts = Object.fromEntries(Object.entries({ ...files, ...edits }).filter(([file]) => file.startsWith("src/") && file !== "src/bulk.ts"));
      const scan = session.scan(new Map(Object.entries(texts))).result;
      const cold = scanProject(await openProject({ root: coldRoot, cache: false }));
      expect(liveNames(scan, "production"), step).toEqual(liveNames(cold, "production"));
      expect(scan.findings, step).toEqual(cold.findings);
      expect(scan.context.production.live, `${step}: resumed`).toBe(last.context.production.live);
      last = scan;
    }
  });
});
