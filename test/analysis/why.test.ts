// `why`: the shortest path to a live node, the reason a node is dead, and how targets are found.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { explainNode, findNode, openProject, scanProject } from "../../src/index.js";
import type { DeadReason, NodeLookup, PathStep, ScanResult, WhyExplanation } from "../../src/index.js";
import { tempProject } from "../helpers/temp-dir.js";

const packageJson = JSON.stringify({ name: "fixture", type: "module", main: "src/index.ts" });

async function scan(files: Record<string, string>): Promise<ScanResult> {
  const root = tempProject({ "package.json": packageJson, ...files });
  return scanProject(await openProject({ root, cache: false }));
}

async function why(files: Record<string, string>, target: string): Promise<WhyExplanation> {
  const { context } = await scan(files);
  const lookup = findNode(context, target);
  if (lookup.kind !== "found") throw new Error(lookup.message);
  return explainNode(context, lookup.id, lookup.line);
}

/** A path as `symbol via @use` strings: enough to see every hop and where it happens. */
function hops(path: readonly PathStep[] | undefined): string[] {
  return (path ?? []).map((step) => {
    const use = step.use ? ` @${step.use.file}:${step.use.line}:${step.use.column}` : "";
    return `${step.symbol} ${step.via}${use}`;
  });
}

function reasonOf(explanation: WhyExplanation): DeadReason {
  expect(explanation.live).toBe(false);
  if (!explanation.reason) throw new Error("a dead node without a reason");
  return explanation.reason;
}

describe("why: live nodes", () => {
  it("walks from the entry through an exported function to what it calls", async () => {
    const explanation = await why(
      {
        "src/index.ts": 'import { helper } from "./helper.js";\nexport function handle(): number {\n  return helper();\n}\n',
        "src/helper.ts": "export function helper(): number {\n  return 1;\n}\n",
      },
      "helper",
    );
    expect(explanation.live).toBe(true);
    expect(explanation.target).toEqual({ file: "src/helper.ts", line: 1, column: 17, symbol: "helper", kind: "function" });
    expect(hops(explanation.path)).toEqual(["src/index.ts module-load", "handle entry-export", "helper call @src/index.ts:3:10"]);
    expect(explanation.path?.[0]).toMatchObject({ kind: "file", entry: "package.json" });
    expect(explanation.path?.[1]).toMatchObject({ file: "src/index.ts", line: 2, column: 17, kind: "function" });
  });

  it("reaches a method through a member call on a live class (dispatch)", async () => {
    const explanation = await why(
      {
        "src/index.ts": [
          'import { Router } from "./router.js";',
          "const router = new Router();",
          "export function go(): void {",
          "  router.route();",
          "}",
          "",
        ].join("\n"),
        "src/router.ts": "export class Router {\n  route(): void {}\n  unused(): void {}\n}\n",
      },
      "Router.route",
    );
    expect(hops(explanation.path)).toEqual(["src/index.ts module-load", "go entry-export", "Router.route member @src/index.ts:4:10"]);
    expect(explanation.path?.at(-1)).toMatchObject({ file: "src/router.ts", line: 2, column: 3, kind: "method" });
  });

  it("roots top-level code in the load of its module, through the imports that load it", async () => {
    const explanation = await why(
      {
        "src/index.ts": 'import "./boot.js";\n',
        "src/boot.ts": 'import { start } from "./start.js";\nstart();\n',
        "src/start.ts": "export function start(): void {}\n",
      },
      "start",
    );
    expect(hops(explanation.path)).toEqual([
      "src/index.ts module-load",
      "src/boot.ts import @src/index.ts:1:1",
      "(module) module-load",
      "start call @src/boot.ts:2:1",
    ]);
  });

  it("gives the shortest path, not the first one the walk found", async () => {
    // The walk is depth-first: it reaches `target` through the long chain before `first` gets its turn.
    const files = {
      "src/index.ts": [
        'import { target } from "./target.js";',
        'import { c1 } from "./chain.js";',
        "export function first(): void {",
        "  target();",
        "}",
        "export function second(): void {",
        "  c1();",
        "}",
        "",
      ].join("\n"),
      "src/chain.ts": [
        'import { target } from "./target.js";',
        "export function c1(): void {",
        "  c2();",
        "}",
        "function c2(): void {",
        "  target();",
        "}",
        "",
      ].join("\n"),
      "src/target.ts": "export function target(): void {}\n",
    };
    const { context } = await scan(files);
    const lookup = findNode(context, "target");
    if (lookup.kind !== "found") throw new Error(lookup.message);
    const reasonChain: string[] = [];
    const { reasons } = context.production;
    for (let reason = reasons.get(lookup.id); reason?.kind === "use"; reason = reasons.get(reason.from)) {
      reasonChain.push(context.graph.nodes[reason.from]?.declaration.name ?? "?");
    }
    expect(reasonChain).toEqual(["c2", "c1", "second"]);
    expect(hops(explainNode(context, lookup.id).path)).toEqual([
      "src/index.ts module-load",
      "first entry-export",
      "target call @src/index.ts:4:3",
    ]);
  });
});

describe("why: every live node of examples/knight-capital", () => {
  it("has a path from the entry that ends at the node and runs through live code only", async () => {
    const { context } = scanProject(await openProject({ root: path.resolve("examples/knight-capital"), cache: false }));
    expect(context.production.live.size).toBeGreaterThan(20);
    for (const id of context.production.live) {
      const { path: steps = [], target } = explainNode(context, id);
      expect(steps[0], target.symbol).toMatchObject({ file: "src/index.ts", kind: "file", entry: "package.json" });
      expect(steps.at(-1), target.symbol).toMatchObject({ symbol: target.symbol, file: target.file, line: target.line });
      for (const step of steps.slice(1)) {
        const { loaded, live: liveNodes } = context.production;
        const live = step.kind === "file" ? loaded.has(step.file) : liveNodes.has(context.graph.nodeOf(step.file, step.symbol) ?? -1);
        expect(live, `${target.symbol}: ${step.symbol}`).toBe(true);
      }
    }
  });
});

describe("why: dead nodes", () => {
  it("says when nothing uses a declaration at all", async () => {
    const explanation = await why({ "src/index.ts": "export const a = 1;\nfunction lonely(): void {}\n" }, "lonely");
    expect(reasonOf(explanation)).toEqual({ kind: "no-uses", fileImported: true });
  });

  it("says that no entry imports the file of an unused declaration", async () => {
    const explanation = await why(
      { "src/index.ts": "export const a = 1;\n", "src/orphan.ts": "export function orphan(): void {}\n" },
      "orphan",
    );
    expect(reasonOf(explanation)).toEqual({ kind: "no-uses", fileImported: false });
  });

  it("names the dead users of a declaration in a cascade, with where they use it", async () => {
    const explanation = await why(
      { "src/index.ts": "export const a = 1;\nfunction root(): void {\n  leaf();\n}\nfunction leaf(): void {}\n" },
      "leaf",
    );
    expect(reasonOf(explanation)).toEqual({
      kind: "dead-users",
      users: [{ symbol: "root", kind: "function", file: "src/index.ts", line: 3, column: 3, via: "call" }],
    });
  });

  it("finds the dead flag branch that keeps code reachable only behind a retired flag", async () => {
    const explanation = await why(
      {
        "deadflag.config.json": JSON.stringify({ flags: { states: { "power-peg": "retired" } } }),
        "src/index.ts": [
          'import { OpenFeature } from "@openfeature/server-sdk";',
          'import { PowerPeg } from "./power-peg.js";',
          "const client = OpenFeature.getClient();",
          "export async function route(): Promise<void> {",
          '  if (await client.getBooleanValue("power-peg", false)) {',
          "    new PowerPeg().run();",
          "  }",
          "}",
          "",
        ].join("\n"),
        "src/power-peg.ts": "export class PowerPeg {\n  run(): void {}\n}\n",
      },
      "PowerPeg",
    );
    const reason = reasonOf(explanation);
    expect(reason).toMatchObject({
      kind: "behind-flag",
      branch: { flag: "power-peg", state: "retired", value: false, side: "on", guard: "if", file: "src/index.ts", line: 5 },
    });
    if (reason.kind !== "behind-flag") return;
    expect(hops(reason.path)).toEqual(["src/index.ts module-load", "route entry-export", "PowerPeg new @src/index.ts:6:9"]);
    expect(reason.path.map((step) => step.guard?.flag)).toEqual([undefined, undefined, "power-peg"]);
  });

  it("explains a member of a dead class by its class", async () => {
    const explanation = await why(
      { "src/index.ts": "export const a = 1;\nclass Unused {\n  method(): void {}\n}\n" },
      "Unused.method",
    );
    expect(reasonOf(explanation)).toEqual({
      kind: "dead-class",
      class: { symbol: "Unused", file: "src/index.ts", line: 2, column: 7 },
      reason: { kind: "no-uses", fileImported: true },
    });
  });

  it("says when only tests use a declaration, with the path from the test file", async () => {
    const explanation = await why(
      {
        "src/index.ts": "export const a = 1;\n",
        "src/util.ts": "export function onlyTests(): number {\n  return 2;\n}\n",
        "test/util.test.ts": 'import { onlyTests } from "../src/util.js";\nonlyTests();\n',
      },
      "onlyTests",
    );
    const reason = reasonOf(explanation);
    expect(reason.kind).toBe("test-only");
    if (reason.kind !== "test-only") return;
    expect(reason.path[0]).toMatchObject({ file: "test/util.test.ts", entry: "test" });
    expect(hops(reason.path)).toEqual(["test/util.test.ts module-load", "(module) module-load", "onlyTests call @test/util.test.ts:2:1"]);
  });
});

describe("why: targets", () => {
  const routerFiles = {
    "deadflag.config.json": JSON.stringify({ flags: { states: { "power-peg": "retired" } } }),
    "src/index.ts": [
      'import { OpenFeature } from "@openfeature/server-sdk";',
      "const client = OpenFeature.getClient();",
      "export class Router {",
      "  async route(): Promise<number> {",
      '    if (await client.getBooleanValue("power-peg", false)) {',
      "      return 1;",
      "    }",
      "    return 2;",
      "  }",
      "}",
      "",
    ].join("\n"),
  };

  it("finds the innermost declaration holding a line, and the dead flag branch around it", async () => {
    const explanation = await why(routerFiles, "src/index.ts:6");
    expect(explanation.target).toMatchObject({ symbol: "Router.route", line: 4 });
    expect(explanation.live).toBe(true);
    expect(explanation.deadBranch).toMatchObject({
      flag: "power-peg",
      state: "retired",
      side: "on",
      file: "src/index.ts",
      line: 5,
      endLine: 7,
    });
    expect((await why(routerFiles, "src/index.ts:8")).deadBranch).toBeUndefined();
  });

  it("finds a member by its own name and by <file>#<name>", async () => {
    const { context } = await scan(routerFiles);
    const expected = findNode(context, "Router.route");
    expect(expected.kind).toBe("found");
    expect(findNode(context, "route")).toEqual(expected);
    expect(findNode(context, "src/index.ts#route")).toEqual(expected);
  });

  it("lists every candidate of an ambiguous name", async () => {
    const { context } = await scan({
      "src/index.ts": 'export { helper } from "./a.js";\nexport { helper as other } from "./b.js";\n',
      "src/a.ts": "export function helper(): void {}\n",
      "src/b.ts": "export function helper(): void {}\n",
    });
    const lookup: NodeLookup = findNode(context, "helper");
    expect(lookup.kind).toBe("ambiguous");
    if (lookup.kind !== "ambiguous") return;
    expect(lookup.candidates.map((id) => context.graph.nodes[id]?.file)).toEqual(["src/a.ts", "src/b.ts"]);
    expect(lookup.message).toBe('"helper" is ambiguous: src/a.ts#helper, src/b.ts#helper; name one as <file>#<symbol> or <file>:<line>');
    expect(findNode(context, "src/b.ts#helper")).toMatchObject({ kind: "found" });
  });

  it("says what an unknown target is closest to", async () => {
    const { context } = await scan(routerFiles);
    expect(findNode(context, "Rooter")).toEqual({ kind: "unknown", message: 'no declaration named "Rooter" (did you mean "Router"?)' });
    expect(findNode(context, "src/nope.ts:3")).toEqual({ kind: "unknown", message: "src/nope.ts is not a file of the project" });
    expect(findNode(context, "src/indx.ts#Router")).toEqual({
      kind: "unknown",
      message: "src/indx.ts is not a file of the project (did you mean src/index.ts?)",
    });
    expect(findNode(context, "src/index.ts:1")).toEqual({
      kind: "unknown",
      message: "no declaration or top-level code holds src/index.ts:1",
    });
  });
});
