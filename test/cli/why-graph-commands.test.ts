// `deadflag why` and `deadflag graph`, run as a user runs them, on the Knight Capital example.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { GraphDocument, WhyExplanation } from "../../src/index.js";
import { runCli } from "../helpers/run-cli.js";
import { tempProject } from "../helpers/temp-dir.js";

const knight = path.resolve("examples/knight-capital");

/** The ```json blocks of docs/graph-json.md, parsed, in order. */
function docExamples(): unknown[] {
  const markdown = readFileSync(path.resolve("docs/graph-json.md"), "utf8");
  return [...markdown.matchAll(/```json\n([\s\S]*?)\n```/g)].map((match): unknown => JSON.parse(match[1] ?? ""));
}

function parseWhy(stdout: string): WhyExplanation & { version: number } {
  const parsed: unknown = JSON.parse(stdout);
  if (typeof parsed !== "object" || parsed === null || !("target" in parsed) || !("live" in parsed)) throw new Error("not a why document");
  return parsed as WhyExplanation & { version: number };
}

function parseGraph(stdout: string): GraphDocument {
  const parsed: unknown = JSON.parse(stdout);
  if (typeof parsed !== "object" || parsed === null || !("nodes" in parsed) || !("edges" in parsed)) throw new Error("not a graph document");
  return parsed as GraphDocument;
}

describe("deadflag why", () => {
  it("explains PowerPeg by the retired flag and the branch at src/router.ts:25", () => {
    const result = runCli(["why", "PowerPeg", knight, "--no-cache"]);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe("");
    expect(result.stdout.split("\n")[0]).toBe(
      "PowerPeg (class, src/legacy/powerPeg.ts:10:14) is dead: reachable only behind flag power-peg" +
        " (retired: reads return false): the branch at src/router.ts:25 never runs.",
    );
    expect(result.stdout).toMatch(/^ {2}PowerPeg +src\/router\.ts:26:23 +instantiated +✗ cut: flag power-peg is retired$/m);
  });

  it("prints the path to SmarsRouter.route one hop per line, starting at src/index.ts", () => {
    const result = runCli(["why", "SmarsRouter.route", knight, "--no-cache"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(
      [
        "SmarsRouter.route (method, src/router.ts:24:9) is live, 2 hops from src/index.ts:",
        "  src/index.ts                           entry (package.json)",
        "  handleParentOrder  src/index.ts:13:23  exported by the entry",
        "  SmarsRouter.route  src/index.ts:16:17  .route on a live SmarsRouter",
        "",
      ].join("\n"),
    );
  });

  it("prints the path as JSON: from the entry src/index.ts to the method, with where each hop happens", () => {
    const result = runCli(["why", "SmarsRouter.route", knight, "--format", "json", "--no-cache"]);
    expect(result.status).toBe(0);
    const doc = parseWhy(result.stdout);
    expect(doc.version).toBe(1);
    expect(doc.target).toEqual({ file: "src/router.ts", line: 24, column: 9, symbol: "SmarsRouter.route", kind: "method" });
    expect(doc.live).toBe(true);
    expect(doc.path?.map((step) => [step.symbol, step.via])).toEqual([
      ["src/index.ts", "module-load"],
      ["handleParentOrder", "entry-export"],
      ["SmarsRouter.route", "member"],
    ]);
    expect(doc.path?.[0]).toMatchObject({ file: "src/index.ts", entry: "package.json" });
    expect(doc.path?.[2]?.use).toEqual({ file: "src/index.ts", line: 16, column: 17 });
  });

  it("says that a line inside the dead Power Peg branch never runs", () => {
    const result = runCli(["why", "src/router.ts:27", knight, "--format", "json", "--no-cache"]);
    expect(result.status).toBe(0);
    const doc = parseWhy(result.stdout);
    expect(doc.target.symbol).toBe("SmarsRouter.route");
    expect(doc.deadBranch).toMatchObject({ flag: "power-peg", state: "retired", value: false, file: "src/router.ts", line: 25 });
  });

  it("says in text that the line asked about is in a dead branch, then explains its declaration", () => {
    const result = runCli(["why", "src/router.ts:27", knight, "--no-cache"]);
    expect(result.status).toBe(0);
    expect(result.stdout.split("\n").slice(0, 3)).toEqual([
      "src/router.ts:25-36 is a dead branch: flag power-peg is retired (reads return false), so the flag-on side of its early-exit never runs.",
      "",
      "SmarsRouter.route (method, src/router.ts:24:9) is live, 2 hops from src/index.ts:",
    ]);
  });

  it("takes a private member, alone and after its file (src/cache.ts#Cache.#read)", () => {
    const root = tempProject({
      "package.json": JSON.stringify({ name: "p", type: "module", main: "src/index.ts" }),
      "src/index.ts": 'import { Cache } from "./cache.js";\nconsole.log(new Cache().get());\n',
      "src/cache.ts": "export class Cache {\n  get(): number {\n    return this.#read();\n  }\n  #read(): number {\n    return 1;\n  }\n}\n",
    });
    for (const target of ["Cache.#read", "src/cache.ts#Cache.#read", "#read"]) {
      const result = runCli(["why", target, root, "--no-cache"]);
      expect(result.status, target).toBe(0);
      expect(result.stdout.split("\n")[0], target).toBe("Cache.#read (method, src/cache.ts:5:3) is live, 3 hops from src/index.ts:");
    }
  });

  it("fails with one line and exit code 2 for an unknown symbol", () => {
    const result = runCli(["why", "PowerPig", knight, "--no-cache"]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr.trim().split("\n")).toEqual(['deadflag: no declaration named "PowerPig" (did you mean "PowerPeg"?)']);
  });

  it("fails with one line naming the candidates and exit code 2 for an ambiguous symbol", () => {
    const root = tempProject({
      "package.json": JSON.stringify({ name: "fixture", type: "module", main: "src/index.ts" }),
      "src/index.ts": 'export { helper } from "./a.js";\nexport { helper as other } from "./b.js";\n',
      "src/a.ts": "export function helper(): void {}\n",
      "src/b.ts": "export function helper(): void {}\n",
    });
    const result = runCli(["why", "helper", root, "--no-cache"]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr.trim().split("\n")).toEqual([
      'deadflag: "helper" is ambiguous: src/a.ts#helper, src/b.ts#helper; name one as <file>#<symbol> or <file>:<line>',
    ]);
  });
});

describe("deadflag graph", () => {
  it("prints the graph as JSON with the power-peg guard on the edge to PowerPeg", () => {
    const result = runCli(["graph", knight, "--format", "json", "--no-cache"]);
    expect(result.status).toBe(0);
    const doc = parseGraph(result.stdout);
    expect(doc.version).toBe(1);
    const toPowerPeg = doc.edges.filter((edge) => edge.to === "src/legacy/powerPeg.ts#PowerPeg");
    expect(toPowerPeg).toEqual([
      {
        from: "src/router.ts#SmarsRouter.route",
        to: "src/legacy/powerPeg.ts#PowerPeg",
        kind: "new",
        file: "src/router.ts",
        line: 26,
        column: 23,
        guard: { flag: "power-peg", state: "retired", dead: true },
      },
    ]);
    expect(doc.nodes.find((node) => node.id === "src/legacy/powerPeg.ts#PowerPeg")).toMatchObject({ live: false, kind: "class" });
    expect(doc.nodes.find((node) => node.id === "src/index.ts#handleParentOrder")).toMatchObject({ live: true, entry: true });
    expect(doc.modules.find((module) => module.file === "src/exchange/dropCopy.ts")).toEqual({
      file: "src/exchange/dropCopy.ts",
      loaded: false,
      entry: false,
      test: false,
    });
  });

  it("defaults to JSON and gives the same bytes twice", () => {
    const first = runCli(["graph", knight, "--no-cache"]);
    expect(first.status).toBe(0);
    expect(runCli(["graph", knight, "--no-cache"]).stdout).toBe(first.stdout);
    expect(() => parseGraph(first.stdout)).not.toThrow();
  });

  it("rejects a text format as a usage error", () => {
    const result = runCli(["graph", knight, "--format", "text"]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("argument 'text' is invalid. Allowed choices are json.");
  });
});

describe("docs/graph-json.md", () => {
  it("shows exactly what why --format json prints for SmarsRouter.route and PowerPeg", () => {
    const [, live, dead] = docExamples();
    expect(live).toEqual(JSON.parse(runCli(["why", "SmarsRouter.route", knight, "--format", "json", "--no-cache"]).stdout));
    expect(dead).toEqual(JSON.parse(runCli(["why", "PowerPeg", knight, "--format", "json", "--no-cache"]).stdout));
  });

  it("shows nodes, edges and modules that graph prints, unchanged", () => {
    const [example] = docExamples();
    const real = parseGraph(runCli(["graph", knight, "--no-cache"]).stdout);
    const shown = parseGraph(JSON.stringify(example));
    expect(shown.version).toBe(real.version);
    expect(shown.nodes.length).toBeGreaterThan(0);
    for (const node of shown.nodes) expect(real.nodes).toContainEqual(node);
    expect(shown.edges.some((edge) => edge.guard)).toBe(true);
    for (const edge of shown.edges) expect(real.edges).toContainEqual(edge);
    for (const module of shown.modules) expect(real.modules).toContainEqual(module);
  });
});
