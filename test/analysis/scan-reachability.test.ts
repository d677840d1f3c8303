// `deadflag scan`'s call graph and reachability on small temporary projects: transitive dead code
// (roots and cascade), Rapid Type Analysis of methods, open classes, the module system (namespace
// imports, dynamic imports, require, default exports, re-exports), what static analysis cannot see
// (computed members, eval), type-only references, test-only code and how entries are found.
import { describe, expect, it } from "vitest";
import { openProject, scanProject } from "../../src/index.js";
import type { Finding } from "../../src/index.js";
import { tempProject } from "../helpers/temp-dir.js";

/** A library-style package.json whose published `dist/index.js` maps back to `src/index.ts`. */
const packageJson = JSON.stringify({ name: "fixture", type: "module", main: "dist/index.js" });

async function scan(files: Record<string, string>): Promise<Finding[]> {
  const root = tempProject({ "package.json": packageJson, ...files });
  return scanProject(await openProject({ root, cache: false })).findings;
}

/** `rule file:line:column symbol`: enough to compare whole finding lists exactly. */
function brief(finding: Finding): string {
  return `${finding.ruleId} ${finding.file}:${finding.line}:${finding.column}${finding.symbol === undefined ? "" : ` ${finding.symbol}`}`;
}

function briefs(findings: readonly Finding[]): string[] {
  return findings.map(brief);
}

function findingOf(findings: readonly Finding[], symbol: string, ruleId = "no-unreachable-code"): Finding {
  const found = findings.find((f) => f.symbol === symbol && f.ruleId === ruleId);
  if (!found) throw new Error(`no ${ruleId} finding for ${symbol}; findings:\n${briefs(findings).join("\n")}`);
  return found;
}

const lines = (...text: string[]): string => `${text.join("\n")}\n`;

describe("scan: transitive dead code", () => {
  const files = {
    "src/index.ts": lines('import { used } from "./lib.js";', "used();"),
    "src/lib.ts": lines(
      "export function used(): number {",
      "  return shared();",
      "}",
      "export function dead(): number {",
      "  return helper() + shared();",
      "}",
      "function helper(): number {",
      "  return deeper();",
      "}",
      "function deeper(): number {",
      "  return 2;",
      "}",
      "function shared(): number {",
      "  return 3;",
      "}",
    ),
  };

  it("reports the root and its whole cascade in one pass, and nothing that live code also uses", async () => {
    const findings = await scan(files);
    expect(briefs(findings)).toEqual([
      "no-unreachable-code src/lib.ts:4:17 dead",
      "no-unreachable-code src/lib.ts:7:10 helper",
      "no-unreachable-code src/lib.ts:10:10 deeper",
    ]);
  });

  it("marks the root with data.root and each cascade member with the dead code that uses it", async () => {
    const findings = await scan(files);
    expect(findingOf(findings, "dead")).toMatchObject({
      severity: "error",
      message: "function dead is never used: no entry reaches it",
      endLine: 6,
      endColumn: 2,
      data: { kind: "function", lines: 3, root: true },
    });
    expect(findingOf(findings, "dead").data).not.toHaveProperty("usedBy");
    expect(findingOf(findings, "helper")).toMatchObject({
      message: "function helper is unreachable: only unreachable code uses it (dead)",
      data: { kind: "function", root: false, usedBy: ["dead"] },
    });
    expect(findingOf(findings, "deeper")).toMatchObject({
      message: "function deeper is unreachable: only unreachable code uses it (helper)",
      data: { root: false, usedBy: ["helper"] },
    });
  });

  it("reports an unreachable export once, as unreachable code, not also as an unused export", async () => {
    const findings = await scan(files);
    expect(findings.filter((f) => f.symbol === "dead").map((f) => f.ruleId)).toEqual(["no-unreachable-code"]);
  });

  it("lists every dead user of a cascade member, sorted", async () => {
    const findings = await scan({
      "src/index.ts": lines("export const version = 1;"),
      "src/lib.ts": lines(
        "export function b(): number {",
        "  return util();",
        "}",
        "export function a(): number {",
        "  return util();",
        "}",
        "function util(): number {",
        "  return 1;",
        "}",
      ),
    });
    expect(briefs(findings.filter((f) => f.ruleId === "no-unreachable-code"))).toEqual([]);
    // lib.ts is imported by nothing: one file finding instead of three declaration findings.
    expect(briefs(findings)).toEqual(["no-unused-file src/lib.ts:1:1"]);
    const imported = await scan({
      "src/index.ts": lines('import "./lib.js";'),
      "src/lib.ts": lines(
        "export function b(): number {",
        "  return util();",
        "}",
        "export function a(): number {",
        "  return util();",
        "}",
        "function util(): number {",
        "  return 1;",
        "}",
      ),
    });
    expect(findingOf(imported, "util").data).toMatchObject({ root: false, usedBy: ["a", "b"] });
  });
  it("makes a dead cycle one root (a ↔ b), and what only the cycle uses its cascade", async () => {
    const findings = await scan({
      "src/index.ts": lines('import "./lib.js";'),
      "src/lib.ts": lines(
        "function a(): number {",
        "  return b();",
        "}",
        "function b(): number {",
        "  return a() + c();",
        "}",
        "function c(): number {",
        "  return 1;",
        "}",
      ),
    });
    expect(briefs(findings)).toEqual([
      "no-unreachable-code src/lib.ts:1:10 a",
      "no-unreachable-code src/lib.ts:4:10 b",
      "no-unreachable-code src/lib.ts:7:10 c",
    ]);
    expect(findingOf(findings, "a")).toMatchObject({
      message: "function a is unreachable: only unreachable code in a cycle with it uses it (b)",
      data: { root: true, cycle: true, usedBy: ["b"] },
    });
    expect(findingOf(findings, "b").data).toMatchObject({ root: true, cycle: true, usedBy: ["a"] });
    expect(findingOf(findings, "c").data).toMatchObject({ root: false, usedBy: ["b"] });
  });

  it("makes a dead cycle cascade when other dead code uses it", async () => {
    const findings = await scan({
      "src/index.ts": lines('import "./lib.js";'),
      "src/lib.ts": lines(
        "class Parent {",
        "  make(): Child {",
        "    return new Child(this);",
        "  }",
        "}",
        "class Child {",
        "  constructor(readonly parent: Parent) {}",
        "  sibling(): Parent {",
        "    return new Parent();",
        "  }",
        "}",
        "function build(): Parent {",
        "  return new Parent();",
        "}",
      ),
    });
    expect(briefs(findings)).toEqual([
      "no-unreachable-code src/lib.ts:1:7 Parent",
      "no-unreachable-code src/lib.ts:6:7 Child",
      "no-unreachable-code src/lib.ts:12:10 build",
    ]);
    expect(findingOf(findings, "Parent").data).toMatchObject({ root: false, usedBy: ["Child", "build"] });
    expect(findingOf(findings, "Child").data).toMatchObject({ root: false, usedBy: ["Parent"] });
    expect(findingOf(findings, "Child").data).not.toHaveProperty("cycle");
    expect(findingOf(findings, "build").data).toMatchObject({ root: true });
  });

  it("counts code in an unused file as a dead user: what only it uses is cascade", async () => {
    const findings = await scan({
      "src/index.ts": lines('import "./lib.js";'),
      "src/lib.ts": lines("export function helper(): number {", "  return 1;", "}"),
      "src/orphan.ts": lines('import { helper } from "./lib.js";', "export const value = helper();"),
    });
    expect(briefs(findings)).toEqual(["no-unreachable-code src/lib.ts:1:17 helper", "no-unused-file src/orphan.ts:1:1"]);
    expect(findingOf(findings, "helper")).toMatchObject({
      message: "function helper is unreachable: only unreachable code uses it (value)",
      data: { root: false, usedBy: ["value"] },
    });
  });
});

describe("scan: methods (Rapid Type Analysis)", () => {
  it("keeps a method that live code calls on an instance of a live class, and reports the one nobody calls", async () => {
    const findings = await scan({
      "src/index.ts": lines('import { run } from "./app.js";', "run();"),
      "src/app.ts": lines('import { Box } from "./box.js";', "export function run(): number {", "  const box = new Box();", "  return box.open();", "}"),
      "src/box.ts": lines("export class Box {", "  open(): number {", "    return 1;", "  }", "  close(): number {", "    return 2;", "  }", "}"),
    });
    expect(briefs(findings)).toEqual(["no-unreachable-code src/box.ts:5:3 Box.close"]);
    expect(findingOf(findings, "Box.close")).toMatchObject({
      severity: "error",
      message: "method Box.close is never used: no entry reaches it",
      endLine: 7,
      endColumn: 4,
      data: { kind: "method", lines: 3, root: true },
    });
  });

  it("keeps a method called through an interface on another class's instance: a live call names it", async () => {
    const findings = await scan({
      "src/index.ts": lines('import { measure } from "./measure.js";', "measure();"),
      "src/shape.ts": lines("export interface Shape {", "  area(): number;", "}"),
      "src/measure.ts": lines(
        'import type { Shape } from "./shape.js";',
        'import { Square } from "./square.js";',
        "export function measure(): number {",
        "  const shape: Shape = new Square();",
        "  return shape.area();",
        "}",
      ),
      "src/square.ts": lines(
        'import type { Shape } from "./shape.js";',
        "export class Square implements Shape {",
        "  area(): number {",
        "    return 4;",
        "  }",
        "  perimeter(): number {",
        "    return 8;",
        "  }",
        "}",
      ),
    });
    expect(briefs(findings)).toEqual(["no-unreachable-code src/square.ts:6:3 Square.perimeter"]);
  });

  it("keeps an override that the base class calls through this, and reports a method only the subclass has", async () => {
    const findings = await scan({
      "src/index.ts": lines('import { start } from "./start.js";', "start();"),
      "src/start.ts": lines('import { Derived } from "./classes.js";', "export function start(): number {", "  return new Derived().run();", "}"),
      "src/classes.ts": lines(
        "export class Base {",
        "  run(): number {",
        "    return this.step();",
        "  }",
        "  step(): number {",
        "    return 1;",
        "  }",
        "}",
        "export class Derived extends Base {",
        "  override step(): number {",
        "    return 2;",
        "  }",
        "  extra(): number {",
        "    return 3;",
        "  }",
        "}",
      ),
    });
    expect(briefs(findings)).toEqual(["no-unused-export src/classes.ts:1:1 Base", "no-unreachable-code src/classes.ts:13:3 Derived.extra"]);
    expect(findingOf(findings, "Base", "no-unused-export")).toMatchObject({
      message: "export Base is used only in its own file: the export keyword is unused",
      data: { selfOnly: true },
    });
  });

  it("resolves static methods by name on the live class", async () => {
    const findings = await scan({
      "src/index.ts": lines('import { go } from "./go.js";', "go();"),
      "src/go.ts": lines('import { Util } from "./util.js";', "export function go(): number {", "  return Util.make();", "}"),
      "src/util.ts": lines(
        "export class Util {",
        "  static make(): number {",
        "    return 1;",
        "  }",
        "  static unused(): number {",
        "    return 2;",
        "  }",
        "}",
      ),
    });
    expect(briefs(findings)).toEqual(["no-unreachable-code src/util.ts:5:10 Util.unused"]);
    expect(findingOf(findings, "Util.unused").data).toMatchObject({ kind: "method", root: true });
  });

  it("keeps a getter (and its setter) read as a property, and reports a getter nobody reads", async () => {
    const findings = await scan({
      "src/index.ts": lines('import { read } from "./read.js";', "read();"),
      "src/read.ts": lines('import { Panel } from "./panel.js";', "export function read(): number {", "  return new Panel().size;", "}"),
      "src/panel.ts": lines(
        "export class Panel {",
        "  private stored = 1;",
        "  get size(): number {",
        "    return this.stored;",
        "  }",
        "  set size(value: number) {",
        "    this.stored = value;",
        "  }",
        "  get other(): number {",
        "    return 2;",
        "  }",
        "}",
      ),
    });
    expect(briefs(findings)).toEqual(["no-unreachable-code src/panel.ts:9:7 Panel.other"]);
    expect(findingOf(findings, "Panel.other")).toMatchObject({ message: "getter Panel.other is never used: no entry reaches it", data: { kind: "getter" } });
  });

  it("keeps every member of a class the entry exports: callers outside the project may call any of them", async () => {
    const findings = await scan({
      "src/index.ts": lines(
        "export class Api {",
        "  a(): number {",
        "    return this.c();",
        "  }",
        "  b(): number {",
        "    return 2;",
        "  }",
        "  private c(): number {",
        "    return 3;",
        "  }",
        "}",
      ),
    });
    expect(briefs(findings)).toEqual([]);
  });

  it("opens a class that an entry's exported function returns: its callers get the instance", async () => {
    const findings = await scan({
      "src/index.ts": lines('import { Client } from "./client.js";', "export function create(): Client {", "  return new Client();", "}"),
      "src/client.ts": lines("export class Client {", "  fetch(): number {", "    return 1;", "  }", "}"),
    });
    expect(briefs(findings)).toEqual([]);
  });

  it("keeps every member of a class that extends a package's class (React.Component, or Component imported by name)", async () => {
    const findings = await scan({
      "src/index.ts": lines('import { mount } from "./mount.js";', "mount();"),
      "src/mount.ts": lines(
        'import { Named, Qualified } from "./app.js";',
        'import { Page } from "./page.js";',
        "export function mount(): unknown[] {",
        "  return [new Qualified({}), new Named({}), new Page({})];",
        "}",
      ),
      "src/app.ts": lines(
        'import React, { Component } from "react";',
        "export class Qualified extends React.Component {",
        "  componentDidMount(): void {}",
        "  render(): null {",
        "    return null;",
        "  }",
        "}",
        "export class Named extends Component {",
        "  shouldComponentUpdate(): boolean {",
        "    return false;",
        "  }",
        "}",
      ),
      // A project class between the subclass and the package's class: still the framework's.
      "src/page.ts": lines(
        'import { Qualified } from "./app.js";',
        "export class Page extends Qualified {",
        "  componentWillUnmount(): void {}",
        "}",
      ),
    });
    expect(briefs(findings)).toEqual([]);
  });

  it("keeps a decorated class and all its members, though nothing names them", async () => {
    const findings = await scan({
      "src/index.ts": lines('import "./service.js";'),
      "src/service.ts": lines(
        "function Injectable(): ClassDecorator {",
        "  return () => {};",
        "}",
        "@Injectable()",
        "class Service {",
        "  handle(): number {",
        "    return 1;",
        "  }",
        "}",
      ),
    });
    expect(briefs(findings)).toEqual([]);
  });

  it("opens a class whose instance goes to a package's code (app.use(new Plugin())): the package calls its members", async () => {
    const findings = await scan({
      "src/index.ts": lines('import { run } from "./app.js";', "run();"),
      "src/app.ts": lines(
        'import express from "express";',
        'import { Box } from "./box.js";',
        'import { keep } from "./keep.js";',
        'import { Plugin } from "./plugin.js";',
        "const app = express();",
        "const boxes = new Map([[\"a\", new Box()]]);",
        "export function run(): void {",
        "  app.use([new Plugin()]);",
        "  keep(new Box());",
        '  boxes.get("a")?.open();',
        "}",
      ),
      "src/keep.ts": lines("export function keep(box: { open(): number }): number {", "  return box.open();", "}"),
      "src/plugin.ts": lines("export class Plugin {", "  apply(): number {", "    return 1;", "  }", "}"),
      "src/box.ts": lines("export class Box {", "  open(): number {", "    return 1;", "  }", "  close(): number {", "    return 2;", "  }", "}"),
    });
    // Box goes only to the project's own keep() and to a Map: still closed, so close() stays dead.
    expect(briefs(findings)).toEqual(["no-unreachable-code src/box.ts:5:3 Box.close"]);
  });

  it("opens a class a CommonJS tool config hands to the tool (module.exports = { plugins: [new MyPlugin()] })", async () => {
    const findings = await scan({
      "package.json": JSON.stringify({ name: "cjs", main: "src/index.js" }),
      "src/index.js": lines("module.exports = {};"),
      "webpack.config.js": lines('const { MyPlugin } = require("./src/plugin");', "module.exports = { plugins: [new MyPlugin()] };"),
      "src/plugin.js": lines("class MyPlugin {", "  apply() {", "    return 1;", "  }", "}", "module.exports = { MyPlugin };"),
    });
    expect(briefs(findings)).toEqual([]);
  });

  it("keeps next() of the iterator a [Symbol.iterator]() member returns: for…of calls it", async () => {
    const findings = await scan({
      "src/index.ts": lines('import { Range } from "./range.js";', "for (const x of new Range()) console.log(x);"),
      "src/range.ts": lines(
        "class Cursor {",
        "  next(): IteratorResult<number> {",
        "    return { done: true, value: 0 };",
        "  }",
        "}",
        "export class Range {",
        "  [Symbol.iterator](): Cursor {",
        "    return new Cursor();",
        "  }",
        "}",
      ),
    });
    expect(briefs(findings)).toEqual([]);
  });

  it("reports a member of a dead class through the class only", async () => {
    const findings = await scan({
      "src/index.ts": lines('import "./unused.js";'),
      "src/unused.ts": lines("class Unused {", "  method(): number {", "    return 1;", "  }", "}"),
    });
    expect(briefs(findings)).toEqual(["no-unreachable-code src/unused.ts:1:7 Unused"]);
  });
});

describe("scan: modules", () => {
  const libLines = ["export function f(): number {", "  return 1;", "}", "export function g(): number {", "  return 2;", "}"];
  const lib = lines(...libLines);

  it("follows a namespace import member by member: ns.f() keeps f, g stays dead", async () => {
    const findings = await scan({
      "src/index.ts": lines('import * as lib from "./lib.js";', "lib.f();"),
      "src/lib.ts": lib,
    });
    expect(briefs(findings)).toEqual(["no-unreachable-code src/lib.ts:4:17 g"]);
  });

  it("keeps every export of a namespace passed around whole", async () => {
    const findings = await scan({
      "src/index.ts": lines('import * as lib from "./lib.js";', "console.log(Object.keys(lib));"),
      "src/lib.ts": lib,
    });
    expect(briefs(findings)).toEqual([]);
  });

  it("keeps every export of a module a literal dynamic import hands on whole, not its private code", async () => {
    const findings = await scan({
      "src/index.ts": lines('const lazy = await import("./lazy.js");', "console.log(lazy);"),
      "src/lazy.ts": lines(...libLines, "function inner(): number {", "  return 3;", "}"),
    });
    expect(briefs(findings)).toEqual(["no-unreachable-code src/lazy.ts:7:10 inner"]);
  });

  it("keeps only the exports a literal dynamic import reads (lazy.f()), and the module's top-level code", async () => {
    const findings = await scan({
      "src/index.ts": lines('const lazy = await import("./lazy.js");', "lazy.f();"),
      "src/lazy.ts": lines(...libLines, "function inner(): number {", "  return 3;", "}"),
    });
    expect(briefs(findings)).toEqual(["no-unreachable-code src/lazy.ts:4:17 g", "no-unreachable-code src/lazy.ts:7:10 inner"]);
  });

  it("follows require: a bound module by member, a bare top-level require runs the module and hands over all of it", async () => {
    const findings = await scan({
      "src/index.js": lines('const lib = require("./lib.js");', 'require("./boot.js");', "module.exports = lib.f();"),
      "src/lib.js": lines("exports.f = function f() {", "  return 1;", "};", "function unused() {", "  return 2;", "}"),
      "src/boot.js": lines("function main() {", "  return helper();", "}", "function helper() {", "  return 1;", "}", "function never() {", "  return 2;", "}", "main();"),
    });
    expect(briefs(findings)).toEqual(["no-unreachable-code src/boot.js:7:10 never", "no-unreachable-code src/lib.js:4:10 unused"]);
  });

  it("follows default exports of a function, a class and an expression", async () => {
    const findings = await scan({
      "src/index.ts": lines(
        'import fn from "./fn.js";',
        'import Cls from "./cls.js";',
        'import value from "./value.js";',
        "console.log(fn(), new Cls().go(), value);",
      ),
      "src/fn.ts": lines("export default function (): number {", "  return helper();", "}", "function helper(): number {", "  return 1;", "}"),
      "src/cls.ts": lines("export default class Foo {", "  go(): number {", "    return 1;", "  }", "  stop(): number {", "    return 2;", "  }", "}"),
      "src/value.ts": lines("function compute(): number {", "  return 3;", "}", "export default compute() + 1;"),
    });
    expect(briefs(findings)).toEqual(["no-unreachable-code src/cls.ts:5:3 Foo.stop"]);
  });

  it("reports an unused default-exported class once, by its own name", async () => {
    const findings = await scan({
      "src/index.ts": lines('import "./cls.js";', 'import "./alias.js";'),
      "src/cls.ts": lines("export default class Foo {", "  go(): number {", "    return 1;", "  }", "}"),
      // `export default name` adds no code of its own: only `thing` can be reported.
      "src/alias.ts": lines("function thing(): number {", "  return 1;", "}", "export default thing;"),
    });
    expect(briefs(findings)).toEqual(["no-unreachable-code src/alias.ts:1:10 thing", "no-unreachable-code src/cls.ts:1:22 Foo"]);
  });

  it("keeps the live end of a re-export chain and reports the unused re-exports along it", async () => {
    const findings = await scan({
      "src/index.ts": lines('import { f } from "./barrel.js";', "f();"),
      "src/barrel.ts": lines('export { f, g } from "./middle.js";'),
      "src/middle.ts": lines('export { f, g } from "./impl.js";'),
      "src/impl.ts": lib,
    });
    expect(briefs(findings)).toEqual([
      "no-unused-export src/barrel.ts:1:1 g",
      "no-unreachable-code src/impl.ts:4:17 g",
      "no-unused-export src/middle.ts:1:1 g",
    ]);
    expect(findingOf(findings, "g", "no-unused-export").message).toBe("export g is not imported by any other module");
  });

  it("follows export * from a barrel, and keeps everything an entry re-exports with export *", async () => {
    const throughBarrel = await scan({
      "src/index.ts": lines('import { f } from "./barrel.js";', "f();"),
      "src/barrel.ts": lines('export * from "./impl.js";'),
      "src/impl.ts": lib,
    });
    expect(briefs(throughBarrel)).toEqual(["no-unreachable-code src/impl.ts:4:17 g"]);
    const fromEntry = await scan({
      "src/index.ts": lines('export * from "./impl.js";', 'export * as extra from "./extra.js";'),
      "src/impl.ts": lines(...libLines, "function hidden(): number {", "  return 3;", "}"),
      "src/extra.ts": lines("export function h(): number {", "  return 1;", "}"),
    });
    expect(briefs(fromEntry)).toEqual(["no-unreachable-code src/impl.ts:7:10 hidden"]);
  });

  it("follows JSX: a rendered component is live, one nobody renders is dead", async () => {
    const findings = await scan({
      "src/index.tsx": lines('import { Live } from "./components.js";', 'console.log(<Live title="x" />);'),
      "src/components.tsx": lines(
        "export function Live(props: { title: string }) {",
        "  return <div>{props.title}</div>;",
        "}",
        "export function Dead() {",
        "  return <span />;",
        "}",
        'export const Arrow = () => <Live title="y" />;',
      ),
    });
    expect(briefs(findings)).toEqual(["no-unreachable-code src/components.tsx:4:17 Dead", "no-unreachable-code src/components.tsx:7:14 Arrow"]);
    expect(findingOf(findings, "Arrow").data).toMatchObject({ kind: "variable", root: true });
  });

  it("keeps a function passed as a callback", async () => {
    const findings = await scan({
      "src/index.ts": lines('import { onEach } from "./callbacks.js";', "console.log([1, 2].map(onEach));"),
      "src/callbacks.ts": lines("export function onEach(x: number): number {", "  return x + 1;", "}", "export function never(x: number): number {", "  return x;", "}"),
    });
    expect(briefs(findings)).toEqual(["no-unreachable-code src/callbacks.ts:4:17 never"]);
  });

  it("runs a loaded module's top-level statements: main() there keeps main and what it calls", async () => {
    const findings = await scan({
      "src/index.ts": lines('import "./boot.js";'),
      "src/boot.ts": lines("function main(): number {", "  return helper();", "}", "function helper(): number {", "  return 1;", "}", "function unused(): number {", "  return 2;", "}", "main();"),
    });
    expect(briefs(findings)).toEqual(["no-unreachable-code src/boot.ts:7:10 unused"]);
  });

  it("never reports a variable whose initializer runs code at load (const x = register())", async () => {
    const findings = await scan({
      "src/index.ts": lines('import "./registry.js";'),
      "src/registry.ts": lines("function register(): number {", "  return 1;", "}", "const registered = register();", "const plain = 2;"),
    });
    expect(briefs(findings)).toEqual(["no-unreachable-code src/registry.ts:5:7 plain"]);
  });

  it("keeps an enum that live code reads, and reports one nobody reads", async () => {
    const findings = await scan({
      "src/index.ts": lines('import { Color } from "./color.js";', "console.log(Color.Red);"),
      "src/color.ts": lines("export enum Color {", "  Red,", "  Green,", "}", "export enum Unused {", "  A,", "}"),
    });
    expect(briefs(findings)).toEqual(["no-unreachable-code src/color.ts:5:13 Unused"]);
    expect(findingOf(findings, "Unused")).toMatchObject({ message: "enum Unused is never used: no entry reaches it", data: { kind: "enum" } });
  });

  it("reports overloads and their implementation as one declaration", async () => {
    const findings = await scan({
      "src/index.ts": lines('import { f } from "./overloads.js";', 'f("x");'),
      "src/overloads.ts": lines(
        "export function f(a: string): string;",
        "export function f(a: number): number;",
        "export function f(a: unknown): unknown {",
        "  return a;",
        "}",
        "export function g(a: string): void;",
        "export function g(a: unknown): void {",
        "  void a;",
        "}",
      ),
    });
    expect(briefs(findings)).toEqual(["no-unreachable-code src/overloads.ts:6:17 g"]);
    expect(findingOf(findings, "g")).toMatchObject({ endLine: 9, data: { lines: 4 } });
  });

  it("resolves a use to the value when a type shares its name (interface Point + function Point)", async () => {
    const findings = await scan({
      "src/index.ts": lines('import { Point } from "./point.js";', "const p: Point = Point(1, 2);", "console.log(p);"),
      "src/point.ts": lines(
        "export interface Point {",
        "  x: number;",
        "  y: number;",
        "}",
        "export function Point(x: number, y: number): Point {",
        "  return { x, y };",
        "}",
      ),
    });
    expect(briefs(findings)).toEqual([]);
  });

  it("does not report ambient declarations or namespaces of types only: they hold no code", async () => {
    const findings = await scan({
      "src/index.ts": lines('import "./ambient.js";'),
      "src/ambient.ts": lines(
        "declare global {",
        "  interface Window {",
        "    deadflag: string;",
        "  }",
        "}",
        "declare const VERSION: string;",
        "declare function external(): void;",
        "declare class Host {",
        "  run(): void;",
        "}",
        "namespace Types {",
        "  export type A = string;",
        "}",
        "namespace Values {",
        "  export const a = 1;",
        "}",
        "export {};",
      ),
    });
    expect(briefs(findings)).toEqual(["no-unreachable-code src/ambient.ts:14:11 Values"]);
    expect(findingOf(findings, "Values").data).toMatchObject({ kind: "namespace" });
  });
});

describe("scan: what static analysis cannot follow", () => {
  it("marks method findings uncertain (warn) when live code calls members by computed names, and keeps function findings certain", async () => {
    const findings = await scan({
      "src/index.ts": lines('import { run } from "./run.js";', 'run("open");'),
      "src/run.ts": lines(
        'import { Box } from "./box.js";',
        'import { util } from "./util.js";',
        "export function run(name: string): number {",
        "  const box = new Box();",
        "  (box as unknown as Record<string, () => number>)[name]?.();",
        "  return util();",
        "}",
      ),
      "src/box.ts": lines("export class Box {", "  open(): number {", "    return 1;", "  }", "}"),
      "src/util.ts": lines("export function util(): number {", "  return 1;", "}", "export function dead(): number {", "  return 2;", "}"),
    });
    expect(briefs(findings)).toEqual(["no-unreachable-code src/box.ts:2:3 Box.open", "no-unreachable-code src/util.ts:4:17 dead"]);
    expect(findingOf(findings, "Box.open")).toMatchObject({
      severity: "warn",
      data: { confidence: "uncertain", uncertainBecause: "live code calls members by computed names" },
    });
    expect(findingOf(findings, "dead").severity).toBe("error");
    expect(findingOf(findings, "dead").data).not.toHaveProperty("confidence");
  });

  it("marks findings uncertain (warn) in the module that calls eval and the exports of the modules it imports, and only there", async () => {
    const findings = await scan({
      "src/index.ts": lines('import { util } from "./util.js";', 'import { far } from "./far.js";', 'eval("util()");', "far();"),
      "src/util.ts": lines("export function util(): number {", "  return helper();", "}", "function local(): number {", "  return 3;", "}"),
      "src/far.ts": lines('import { helper } from "./deep.js";', "export function far(): number {", "  return 1;", "}", "export function farDead(): number {", "  return helper();", "}"),
      "src/deep.ts": lines("export function helper(): number {", "  return 2;", "}", "export function deepDead(): number {", "  return 3;", "}"),
    });
    expect(briefs(findings)).toEqual([
      "no-unreachable-code src/deep.ts:1:17 helper",
      "no-unreachable-code src/deep.ts:4:17 deepDead",
      "no-unreachable-code src/far.ts:5:17 farDead",
      "no-unreachable-code src/util.ts:1:17 util",
      "no-unreachable-code src/util.ts:4:10 local",
    ]);
    const reason = "live code in src/index.ts calls eval or new Function, which can see this module";
    for (const symbol of ["util", "farDead"]) {
      expect(findingOf(findings, symbol)).toMatchObject({ severity: "warn", data: { confidence: "uncertain", uncertainBecause: reason } });
    }
    // eval in index.ts sees what util.ts exports, not its private local.
    expect(findingOf(findings, "local").severity).toBe("error");
    // farDead may run (eval sees far.ts), so what only it uses may too.
    expect(findingOf(findings, "helper")).toMatchObject({
      severity: "warn",
      data: { confidence: "uncertain", uncertainBecause: `farDead, which uses it, may run: ${reason}` },
    });
    // deep.ts is out of eval's sight, and nothing uncertain uses deepDead.
    expect(findingOf(findings, "deepDead").severity).toBe("error");
    expect(findingOf(findings, "deepDead").data).not.toHaveProperty("confidence");
  });

  it("marks findings uncertain under the directory a computed import's literal prefix names, and only there", async () => {
    const findings = await scan({
      "src/index.ts": lines('import { util } from "./util.js";', "export async function load(name: string): Promise<unknown> {", "  util();", "  return import(`./plugins/${name}.js`);", "}"),
      "src/util.ts": lines("export function util(): number {", "  return 1;", "}", "export function maybe(): number {", "  return 2;", "}"),
      "src/plugins/a.ts": lines("export const a = 1;"),
      "src/other/b.ts": lines("export const b = 1;"),
    });
    expect(briefs(findings)).toEqual([
      "no-unused-file src/other/b.ts:1:1",
      "no-unused-file src/plugins/a.ts:1:1",
      "no-unreachable-code src/util.ts:4:17 maybe",
    ]);
    expect(findings.find((f) => f.file === "src/plugins/a.ts")).toMatchObject({
      severity: "warn",
      data: { confidence: "uncertain", uncertainBecause: "live code in src/index.ts imports modules under src/plugins/ by a computed name" },
    });
    expect(findings.find((f) => f.file === "src/other/b.ts")?.severity).toBe("error");
    expect(findingOf(findings, "maybe").severity).toBe("error");
  });

  it("says in the message that a finding is uncertain, and why; a certain finding's message says nothing of it", async () => {
    const findings = await scan({
      "src/index.ts": lines("export async function load(name: string): Promise<unknown> {", "  return import(`./plugins/${name}.js`);", "}"),
      "src/plugins/a.ts": lines("export const a = 1;"),
      "src/other/b.ts": lines("export const b = 1;"),
    });
    expect(findings.map((f) => `${f.severity} ${f.file}: ${f.message}`)).toEqual([
      "error src/other/b.ts: file is not imported by any entry (directly or indirectly)",
      "warn src/plugins/a.ts: file is not imported by any entry (directly or indirectly); uncertain: live code in src/index.ts imports modules under src/plugins/ by a computed name",
    ]);
  });

  it("follows consts and path.join/resolve to the folders a computed require names (both sides of a ternary)", async () => {
    const findings = await scan({
      "src/index.ts": lines('import { run } from "./scripts/runner.js";', "run(process.argv);"),
      "src/scripts/runner.ts": lines(
        'import path from "node:path";',
        "const built = __filename.includes(\"dist\");",
        'const MIGRATIONS = built ? path.resolve(__dirname, "../migration") : path.resolve(__dirname, "../../migration");',
        "export function run(names: string[]): void {",
        "  for (const name of names) {",
        "    const folder = path.join(MIGRATIONS, name);",
        '    require(path.join(folder, "data.js"));',
        '    require(path.join(__dirname, "seed", name));',
        "  }",
        "}",
      ),
      "migration/001/data.ts": lines("export function up(): void {}"),
      "src/scripts/seed/users.ts": lines("export function seed(): void {}"),
      "src/lonely.ts": lines("export const lonely = 1;"),
    });
    expect(findings.map((f) => `${brief(f)} ${String(f.data?.["uncertainBecause"] ?? "certain")}`)).toEqual([
      "no-unused-file migration/001/data.ts:1:1 live code in src/scripts/runner.ts imports modules under migration/ by a computed name",
      "no-unused-file src/lonely.ts:1:1 certain",
      "no-unused-file src/scripts/seed/users.ts:1:1 live code in src/scripts/runner.ts imports modules under src/scripts/seed/ by a computed name",
    ]);
  });

  it("reads import(CONST) with a module-level const as a literal import, and STYLES[key]() on a const object as no member call", async () => {
    const findings = await scan({
      "src/index.ts": lines(
        'const LAZY = "./lazy.js";',
        "const STYLES = { a: () => 1, b: () => 2 };",
        "async function go(key: 'a' | 'b'): Promise<number> {",
        "  const { f } = await import(LAZY);",
        "  return f() + STYLES[key]() + new Box().open();",
        "}",
        'void go("a");',
        "class Box {",
        "  open(): number {",
        "    return 1;",
        "  }",
        "  shut(): number {",
        "    return 0;",
        "  }",
        "}",
      ),
      "src/lazy.ts": lines("export function f(): number {", "  return 1;", "}", "export function g(): number {", "  return 2;", "}"),
    });
    expect(briefs(findings)).toEqual(["no-unreachable-code src/index.ts:12:3 Box.shut", "no-unreachable-code src/lazy.ts:4:17 g"]);
    for (const finding of findings) expect(finding.severity).toBe("error");
  });

  it("marks findings of module-level code uncertain anywhere when a computed import has no literal prefix", async () => {
    const findings = await scan({
      "src/index.ts": lines('import { util } from "./util.js";', "export async function load(name: string): Promise<unknown> {", "  util();", "  return import(name);", "}"),
      "src/util.ts": lines("export function util(): number {", "  return 1;", "}", "export function maybe(): number {", "  return 2;", "}"),
    });
    expect(briefs(findings)).toEqual(["no-unreachable-code src/util.ts:4:17 maybe"]);
    expect(findingOf(findings, "maybe")).toMatchObject({
      severity: "warn",
      data: { confidence: "uncertain", uncertainBecause: "live code imports a module by a computed name" },
    });
  });

  it("marks findings in a file with syntax errors uncertain: they rest on what parsed", async () => {
    const findings = await scan({
      "src/index.ts": lines('import "./broken.js";'),
      "src/broken.ts": lines("function dead(): number {", "  return 1;", "}", "const x = (;"),
    });
    expect(findingOf(findings, "dead")).toMatchObject({
      severity: "warn",
      data: { confidence: "uncertain", uncertainBecause: "the file has syntax errors" },
    });
  });

  it("ignores eval in dead code: it cannot run", async () => {
    const findings = await scan({
      "src/index.ts": lines('import "./util.js";'),
      "src/util.ts": lines("function dead(): void {", '  eval("1");', "}"),
    });
    expect(findingOf(findings, "dead")).toMatchObject({ severity: "error" });
    expect(findingOf(findings, "dead").data).not.toHaveProperty("confidence");
  });
});

describe("scan: type-only references", () => {
  it("reports a class that live code names only in types, saying which declarations name it", async () => {
    const findings = await scan({
      "src/index.ts": lines('import type { Model } from "./model.js";', 'import { describe } from "./describe.js";', "export function main(m: Model): string {", "  return describe(m);", "}"),
      "src/describe.ts": lines('import type { Model } from "./model.js";', "export function describe(m: Model): string {", "  return String(m);", "}"),
      "src/model.ts": lines("export class Model {", "  id = 1;", "}"),
    });
    expect(briefs(findings)).toEqual(["no-unreachable-code src/model.ts:1:14 Model"]);
    expect(findingOf(findings, "Model")).toMatchObject({
      severity: "error",
      message: "class Model is never used at run time: only types refer to it (in describe, main)",
      data: { kind: "class", root: true, typeUsers: ["describe", "main"] },
    });
  });
});

describe("scan: test-only code", () => {
  const files = {
    "src/index.ts": lines('import { live } from "./lib.js";', "live();"),
    "src/lib.ts": lines(
      "export function live(): number {",
      "  return 1;",
      "}",
      "export function forTests(): number {",
      "  return helper();",
      "}",
      "function helper(): number {",
      "  return 2;",
      "}",
    ),
    "src/fixtures.ts": lines("export function makeFixture(): number {", "  return 1;", "}"),
    "src/lib.test.ts": lines(
      'import { forTests } from "./lib.js";',
      'import { makeFixture } from "./fixtures.js";',
      "forTests();",
      "makeFixture();",
      "function unusedInTest(): void {}",
    ),
  };

  it("reports code only tests reach as testOnly at warn, files only tests import once, and never the test files", async () => {
    const findings = await scan(files);
    expect(briefs(findings)).toEqual([
      "no-unused-file src/fixtures.ts:1:1",
      "no-unreachable-code src/lib.ts:4:17 forTests",
      "no-unreachable-code src/lib.ts:7:10 helper",
    ]);
    expect(findingOf(findings, "forTests")).toMatchObject({
      severity: "warn",
      message: "function forTests is used only by tests",
      data: { testOnly: true, root: true },
    });
    expect(findingOf(findings, "helper")).toMatchObject({ severity: "warn", data: { testOnly: true, root: false } });
    expect(findings.find((f) => f.ruleId === "no-unused-file")).toMatchObject({
      severity: "warn",
      message: "file is imported only by tests",
      data: { testOnly: true, declarations: 1 },
    });
  });
});

describe("scan: entries", () => {
  async function entriesOf(files: Record<string, string>): Promise<{ production: string[]; source: string }> {
    const root = tempProject(files);
    const { context } = scanProject(await openProject({ root, cache: false }));
    return { production: context.entries.production, source: context.entries.source };
  }

  it("maps package.json main, exports and bin from dist/*.js back to src/*.ts", async () => {
    const manifest = {
      name: "fixture",
      main: "./dist/index.js",
      exports: { ".": { types: "./dist/index.d.ts", import: "./dist/index.js" }, "./sub": "./dist/sub/index.js" },
      bin: { fixture: "./dist/cli.js" },
    };
    const files = {
      "package.json": JSON.stringify(manifest),
      "src/index.ts": "export const a = 1;\n",
      "src/sub/index.ts": "export const b = 1;\n",
      "src/cli.ts": "export const c = 1;\n",
      "src/other.ts": "export const d = 1;\n",
    };
    expect(await entriesOf(files)).toEqual({ production: ["src/cli.ts", "src/index.ts", "src/sub/index.ts"], source: "package.json" });
    const root = tempProject(files);
    const findings = scanProject(await openProject({ root, cache: false })).findings;
    expect(briefs(findings)).toEqual(["no-unused-file src/other.ts:1:1"]);
  });

  it("maps dist/src/… and per-format build folders (dist/cjs, dist/esm5) back to src", async () => {
    expect(
      await entriesOf({
        "package.json": JSON.stringify({
          name: "fixture",
          bin: "dist/src/cli/main.js",
          exports: { ".": { require: "./dist/cjs/index.js", default: "./dist/esm5/index.js" }, "./ops": { node: "./dist/cjs/ops/index.js" } },
        }),
        "src/index.ts": "export const a = 1;\n",
        "src/ops/index.ts": "export const b = 1;\n",
        "src/cli/main.ts": "export const c = 1;\n",
        "src/other.ts": "export const d = 1;\n",
      }),
    ).toEqual({ production: ["src/cli/main.ts", "src/index.ts", "src/ops/index.ts"], source: "package.json" });
  });

  it("publishes every file a subpath pattern matches (./internal/*), as Node does", async () => {
    expect(
      await entriesOf({
        "package.json": JSON.stringify({ name: "fixture", exports: { ".": "./dist/index.js", "./internal/*": "./dist/internal/*.js" } }),
        "src/index.ts": "export const a = 1;\n",
        "src/internal/a.ts": "export const b = 1;\n",
        "src/internal/deep/b.ts": "export const c = 1;\n",
        "src/private.ts": "export const d = 1;\n",
      }),
    ).toEqual({ production: ["src/index.ts", "src/internal/a.ts", "src/internal/deep/b.ts"], source: "package.json" });
  });

  it("does not report the default export React Email's preview renders; what only templates use is test-only", async () => {
    const findings = await scan({
      "package.json": JSON.stringify({ name: "fixture", type: "module", main: "dist/index.js", dependencies: { "react-email": "5.0.0" } }),
      "src/index.ts": lines('import { Verify } from "../emails/verify.js";', "export const html = Verify();"),
      "emails/verify.tsx": lines(
        'import { sample } from "../src/sample.js";',
        "export function Verify(name = \"you\"): string {",
        "  return `hello ${name}`;",
        "}",
        "export default function VerifyPreview(): string {",
        "  return Verify(sample);",
        "}",
      ),
      "src/sample.ts": lines('export const sample = "Ada";'),
    });
    expect(findings.map((f) => `${f.severity} ${brief(f)} ${f.message}`)).toEqual([
      "warn no-unreachable-code src/sample.ts:1:14 sample variable sample is used only by tests",
    ]);
  });

  it("uses the config's entry globs instead of package.json", async () => {
    const files = {
      "package.json": packageJson,
      "deadflag.config.json": JSON.stringify({ entry: ["src/entries/*.ts"] }),
      "src/index.ts": "export const a = 1;\n",
      "src/entries/one.ts": lines('import { h } from "../h.js";', "export const one = h();"),
      "src/entries/two.ts": "export const two = 2;\n",
      "src/h.ts": lines("export function h(): number {", "  return 1;", "}", "export function dead(): number {", "  return 1;", "}"),
    };
    expect(await entriesOf(files)).toEqual({ production: ["src/entries/one.ts", "src/entries/two.ts"], source: "config" });
    const findings = await scan(files);
    expect(briefs(findings)).toEqual(["no-unreachable-code src/h.ts:4:17 dead", "no-unused-file src/index.ts:1:1"]);
  });
});

describe("scan: unused exports", () => {
  it("tells an export used only in its own file, one only tests import and one nobody uses apart; types in signatures are API", async () => {
    const findings = await scan({
      "src/index.ts": lines('import { run } from "./lib.js";', "run({ verbose: true });"),
      "src/lib.ts": lines(
        "export interface RunOptions {",
        "  verbose: boolean;",
        "}",
        "export type Unused = string;",
        "export function run(options: RunOptions): number {",
        "  return options.verbose ? helper() : 0;",
        "}",
        "export function helper(): number {",
        "  return 1;",
        "}",
        "export function forTests(): number {",
        "  return 2;",
        "}",
      ),
      "src/lib.test.ts": lines('import { forTests, type RunOptions } from "./lib.js";', "const options: RunOptions = { verbose: false };", "forTests();", "console.log(options);"),
    });
    expect(briefs(findings)).toEqual([
      "no-unused-export src/lib.ts:4:1 Unused",
      "no-unused-export src/lib.ts:8:1 helper",
      "no-unreachable-code src/lib.ts:11:17 forTests",
    ]);
    expect(findingOf(findings, "Unused", "no-unused-export")).toMatchObject({
      severity: "error",
      message: "export type Unused is not imported by any other module",
      data: { exported: "Unused", type: true },
    });
    expect(findingOf(findings, "helper", "no-unused-export")).toMatchObject({
      severity: "error",
      message: "export helper is used only in its own file: the export keyword is unused",
      data: { exported: "helper", type: false, selfOnly: true },
    });
    expect(findingOf(findings, "forTests")).toMatchObject({ severity: "warn", data: { testOnly: true } });
  });

  it("reports an export only tests import, when the code itself is live", async () => {
    const findings = await scan({
      "src/index.ts": lines('import { run } from "./lib.js";', "run();"),
      "src/lib.ts": lines("export function run(): number {", "  return helper();", "}", "export function helper(): number {", "  return 1;", "}"),
      "src/lib.test.ts": lines('import { helper } from "./lib.js";', "helper();"),
    });
    expect(briefs(findings)).toEqual(["no-unused-export src/lib.ts:4:1 helper"]);
    expect(findingOf(findings, "helper", "no-unused-export")).toMatchObject({
      severity: "warn",
      message: "export helper is imported only by tests",
      data: { testOnly: true },
    });
  });
});

describe("scan: a value beside a type-only import of the same name", () => {
  it("links uses to the local value, not the imported type (effect's `import type { Stream }` + `const Stream`)", async () => {
    const findings = await scan({
      "src/index.ts": lines('import { make } from "./stream.js";', "make();"),
      "src/types.ts": lines("export interface Stream {", "  next(): void;", "}"),
      "src/stream.ts": lines(
        'import type { Stream } from "./types.js";',
        "const Stream = function (this: unknown) {} as unknown as new () => Stream;",
        "export const make = (): Stream => new Stream();",
      ),
    });
    expect(briefs(findings).filter((b) => b.includes("Stream"))).toEqual([]);
  });
});

describe("scan: namespace imports in unused-export analysis", () => {
  it("counts `ns.Type` in a type as a use of that export only, not of the whole module", async () => {
    const findings = await scan({
      "src/index.ts": lines('import type * as shapes from "./shapes.js";', "export const area = (s: shapes.Square): number => s.side ** 2;"),
      "src/shapes.ts": lines("export interface Square {", "  side: number;", "}", "export interface Circle {", "  radius: number;", "}"),
    });
    expect(briefs(findings)).toEqual(["no-unused-export src/shapes.ts:4:1 Circle"]);
  });

  it("publishes every export of a namespace an entry re-exports (`import * as z from …; export { z }`)", async () => {
    const findings = await scan({
      "src/index.ts": lines('import * as z from "./external.js";', "export { z };"),
      "src/external.ts": lines("export const string = () => 's';", "export const number = () => 1;"),
    });
    expect(findings.filter((f) => f.ruleId === "no-unused-export")).toEqual([]);
  });
});
