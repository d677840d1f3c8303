// Class members in every form the call graph must follow: `#private` members (`this.#x()`,
// `Class.#x`, `#x in obj`), static blocks, accessors, parameter properties and injected constructor
// types, members named by constants (`[KEY]() {}`), and `why` by name for each of them.
import { describe, expect, it } from "vitest";
import { explainNode, findNode, openProject, scanProject } from "../../src/index.js";
import type { Finding, ScanResult } from "../../src/index.js";
import { tempProject } from "../helpers/temp-dir.js";

const packageJson = JSON.stringify({ name: "fixture", type: "module", main: "dist/index.js" });

async function scan(files: Record<string, string>): Promise<ScanResult> {
  const root = tempProject({ "package.json": packageJson, ...files });
  return scanProject(await openProject({ root, cache: false }));
}

function briefs(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.ruleId} ${f.file}:${f.line}:${f.column} ${f.symbol ?? ""}`);
}

const lines = (...text: string[]): string => `${text.join("\n")}\n`;

const cache = {
  "src/index.ts": lines('import { Cache } from "./cache.js";', 'const c = Cache.create();', 'console.log(c.get("a"));'),
  "src/cache.ts": lines(
    "export class Cache {",
    "  #store = new Map<string, number>();",
    "  static #instances = 0;",
    "  static {",
    "    Cache.#register();",
    "  }",
    "  static #register(): void {",
    "    Cache.#instances = 0;",
    "  }",
    "  static create(): Cache {",
    "    Cache.#instances++;",
    "    return new Cache();",
    "  }",
    "  get(key: string): number {",
    "    return this.#read(key) ?? this.#fallback(this);",
    "  }",
    "  #read(key: string): number | undefined {",
    "    return this.#store.get(key);",
    "  }",
    "  #fallback(other: object): number {",
    "    return #store in other ? this.#size : -1;",
    "  }",
    "  get #size(): number {",
    "    return this.#store.size;",
    "  }",
    "  #unused(): number {",
    "    return this.#read('x') ?? 1;",
    "  }",
    "}",
    "export class Other {",
    "  #unused(): number {",
    "    return 2;",
    "  }",
    "  get(): number {",
    "    return 3;",
    "  }",
    "}",
  ),
  "src/other.ts": lines('import { Other } from "./cache.js";', "export const other = new Other();"),
};

describe("scan: #private members", () => {
  it("follows this.#x(), Class.#x, #x in obj, a private getter and a static block; reports the private member nobody uses", async () => {
    const { findings } = await scan(cache);
    // Other is dead as a whole (src/other.ts is not imported): its members go with it.
    expect(briefs(findings.filter((f) => f.ruleId === "no-unreachable-code"))).toEqual([
      "no-unreachable-code src/cache.ts:26:3 Cache.#unused",
      "no-unreachable-code src/cache.ts:30:14 Other",
    ]);
    expect(findings.find((f) => f.symbol === "Cache.#unused")).toMatchObject({
      severity: "error",
      message: "method Cache.#unused is never used: no entry reaches it",
      data: { kind: "method", root: true },
    });
  });

  it("binds a private name to its own class: another class's #unused with the same name stays dead", async () => {
    const { findings } = await scan({
      ...cache,
      "src/index.ts": lines('import { Cache } from "./cache.js";', 'import { other } from "./other.js";', "console.log(Cache.create().get('a'), other.get());"),
    });
    expect(briefs(findings.filter((f) => f.ruleId === "no-unreachable-code"))).toEqual([
      "no-unreachable-code src/cache.ts:26:3 Cache.#unused",
      "no-unreachable-code src/cache.ts:31:3 Other.#unused",
    ]);
  });

  it("does not open #private members of a class an entry exports: code outside cannot name them", async () => {
    const { findings } = await scan({
      "src/index.ts": lines(
        "export class Client {",
        "  send(): string {",
        "    return this.#format();",
        "  }",
        "  #format(): string {",
        "    return 'x';",
        "  }",
        "  #legacy(): string {",
        "    return 'y';",
        "  }",
        "  publicButUnused(): string {",
        "    return 'z';",
        "  }",
        "}",
      ),
    });
    expect(briefs(findings)).toEqual(["no-unreachable-code src/index.ts:8:3 Client.#legacy"]);
  });

  it("keeps a private setter that is assigned and the getter of the same name (one accessor pair)", async () => {
    const { findings } = await scan({
      "src/index.ts": lines(
        "class Counter {",
        "  #n = 0;",
        "  get #value(): number {",
        "    return this.#n;",
        "  }",
        "  set #value(v: number) {",
        "    this.#n = v;",
        "  }",
        "  bump(): void {",
        "    this.#value = 1;",
        "  }",
        "}",
        "new Counter().bump();",
      ),
    });
    expect(briefs(findings)).toEqual([]);
  });
});

describe("scan: members named by constants", () => {
  const files = {
    "src/index.ts": lines(
      'import { Store } from "./store.js";',
      'import { Keys } from "./keys.js";',
      "const LOCAL = 'flush';",
      "const s = new Store();",
      "s[Keys.load]();",
      "s[LOCAL]();",
    ),
    "src/keys.ts": lines("export enum Keys {", "  load = 'load',", "  save = 'save',", "}"),
    "src/store.ts": lines(
      'import { Keys } from "./keys.js";',
      "const FLUSH = 'flush';",
      "export class Store {",
      "  [Keys.load](): number {",
      "    return 1;",
      "  }",
      "  [Keys.save](): number {",
      "    return 2;",
      "  }",
      "  [FLUSH](): number {",
      "    return 3;",
      "  }",
      "}",
    ),
  };

  it("resolves [KEY]() {} and obj[KEY]() through constants and enums in any file; reports the one nobody calls", async () => {
    const { findings } = await scan(files);
    expect(briefs(findings.filter((f) => f.ruleId === "no-unreachable-code"))).toEqual(["no-unreachable-code src/store.ts:7:3 Store.[Keys.save]"]);
  });

  it("keeps a member named by a value no constant holds (a symbol): it is live with its class", async () => {
    const { findings } = await scan({
      "src/index.ts": lines("const kTag = Symbol('tag');", "class Tagged {", "  [kTag](): number {", "    return 1;", "  }", "}", "new Tagged();"),
    });
    expect(briefs(findings)).toEqual([]);
  });
});

describe("scan: parameter properties and injected constructor types", () => {
  it("follows this.service.method() through a parameter property, and a default value's function", async () => {
    const { findings } = await scan({
      "src/index.ts": lines('import { Widget, Service } from "./widget.js";', "console.log(new Widget(new Service()).render());"),
      "src/widget.ts": lines(
        "export class Service {",
        "  value(): number {",
        "    return 1;",
        "  }",
        "  unused(): number {",
        "    return 2;",
        "  }",
        "}",
        "export class Widget {",
        "  constructor(private readonly service: Service, private readonly format = (n: number) => String(n)) {}",
        "  render(): string {",
        "    return this.format(this.service.value());",
        "  }",
        "}",
      ),
    });
    expect(briefs(findings)).toEqual(["no-unreachable-code src/widget.ts:5:3 Service.unused"]);
  });

  it("treats a constructor parameter's type in a decorated class as a run-time use (dependency injection)", async () => {
    const { findings } = await scan({
      "src/index.ts": lines('import { bootstrap } from "framework";', 'import { AppComponent } from "./app.js";', "bootstrap(AppComponent);"),
      "src/app.ts": lines(
        'import { Component } from "framework";',
        'import { Api } from "./api.js";',
        'import type { Logger } from "./api.js";',
        "@Component()",
        "export class AppComponent {",
        "  constructor(private readonly api: Api, logger?: Logger) {}",
        "}",
      ),
      "src/api.ts": lines(
        "export class Api {",
        "  fetch(): number {",
        "    return 1;",
        "  }",
        "}",
        "export class Logger {",
        "  log(): void {}",
        "}",
      ),
    });
    // Api is injected; Logger too (the type names it), while nothing calls Api.fetch or Logger.log.
    expect(briefs(findings.filter((f) => f.ruleId === "no-unreachable-code"))).toEqual([
      "no-unreachable-code src/api.ts:2:3 Api.fetch",
      "no-unreachable-code src/api.ts:7:3 Logger.log",
    ]);
  });
});

describe("why: members by name", () => {
  async function whyOf(result: ScanResult, target: string): Promise<{ live: boolean; symbol: string; line: number }> {
    const lookup = findNode(result.context, target);
    if (lookup.kind !== "found") throw new Error(lookup.message);
    const explanation = explainNode(result.context, lookup.id, lookup.line);
    return { live: explanation.live, symbol: explanation.target.symbol, line: explanation.target.line };
  }

  it("finds Class.#member, <file>#Class.#member and #member alone (the # after a dot is the member's)", async () => {
    const result = await scan(cache);
    expect(await whyOf(result, "Cache.#read")).toEqual({ live: true, symbol: "Cache.#read", line: 17 });
    expect(await whyOf(result, "src/cache.ts#Cache.#unused")).toEqual({ live: false, symbol: "Cache.#unused", line: 26 });
    expect(await whyOf(result, "#register")).toEqual({ live: true, symbol: "Cache.#register", line: 7 });
    expect(await whyOf(result, "src/cache.ts#Cache.get")).toEqual({ live: true, symbol: "Cache.get", line: 14 });
  });

  it("says which private members are meant when a name is in two classes, as <file>#Class.#member", async () => {
    const result = await scan(cache);
    const lookup = findNode(result.context, "#unused");
    expect(lookup).toMatchObject({
      kind: "ambiguous",
      message: '"#unused" is ambiguous: src/cache.ts#Cache.#unused, src/cache.ts#Other.#unused; name one as <file>#<symbol> or <file>:<line>',
    });
  });

  it("explains a private member's path from the entry through the static block that calls it", async () => {
    const result = await scan(cache);
    const lookup = findNode(result.context, "Cache.#register");
    if (lookup.kind !== "found") throw new Error("not found");
    const explanation = explainNode(result.context, lookup.id);
    expect(explanation.path?.map((step) => `${step.symbol} ${step.via}`)).toEqual([
      "src/index.ts module-load",
      "c evaluated",
      "Cache reference",
      "Cache.#register call",
    ]);
  });

  it("finds a member named by a constant by its written name", async () => {
    const result = await scan({
      "src/index.ts": lines("const KEY = 'go';", "class Runner {", "  [KEY](): number {", "    return 1;", "  }", "}", "new Runner()[KEY]();"),
    });
    expect(await whyOf(result, "Runner.[KEY]")).toEqual({ live: true, symbol: "Runner.[KEY]", line: 3 });
  });
});
