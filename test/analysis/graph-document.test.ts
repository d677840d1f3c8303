// The graph document: nodes with liveness, edges with kinds, positions and flag guards, modules.
import { describe, expect, it } from "vitest";
import { buildGraphDocument, openProject, scanProject } from "../../src/index.js";
import type { GraphDocument, GraphDocumentEdge } from "../../src/index.js";
import { tempProject } from "../helpers/temp-dir.js";

const files = {
  "package.json": JSON.stringify({ name: "fixture", type: "module", main: "src/index.ts" }),
  "deadflag.config.json": JSON.stringify({ flags: { states: { "power-peg": "retired" } } }),
  "src/index.ts": [
    'import { OpenFeature } from "@openfeature/server-sdk";',
    'import { PowerPeg } from "./power-peg.js";',
    'import { Router } from "./router.js";',
    "const client = OpenFeature.getClient();",
    "const router = new Router();",
    "export async function handle(): Promise<void> {",
    "  router.route();",
    '  if (await client.getBooleanValue("power-peg", false)) {',
    "    new PowerPeg().run();",
    "  }",
    "}",
    "",
  ].join("\n"),
  "src/router.ts": "export class Router {\n  route(): void {}\n}\nexport class Never {\n  route(): void {}\n}\n",
  "src/power-peg.ts": "export class PowerPeg {\n  run(): void {}\n}\n",
  "src/util.ts": "export function onlyTests(): void {}\n",
  "test/util.test.ts": 'import { onlyTests } from "../src/util.js";\nonlyTests();\n',
};

async function graphOf(): Promise<GraphDocument> {
  const root = tempProject(files);
  return buildGraphDocument(scanProject(await openProject({ root, cache: false })).context);
}

function edge(document: GraphDocument, from: string, to: string): GraphDocumentEdge | undefined {
  return document.edges.find((e) => e.from === from && e.to === to);
}

describe("buildGraphDocument", () => {
  it("lists nodes with their position, liveness, entry and test-only marks", async () => {
    const document = await graphOf();
    expect(document.version).toBe(1);
    const byId = new Map(document.nodes.map((node) => [node.id, node]));
    expect(byId.get("src/index.ts#handle")).toEqual({
      id: "src/index.ts#handle",
      symbol: "handle",
      kind: "function",
      file: "src/index.ts",
      line: 6,
      column: 23,
      endLine: 11,
      endColumn: 2,
      live: true,
      entry: true,
    });
    expect(byId.get("src/power-peg.ts#PowerPeg")).toMatchObject({ live: false });
    expect(byId.get("src/power-peg.ts#PowerPeg")).not.toHaveProperty("testOnly");
    expect(byId.get("src/util.ts#onlyTests")).toMatchObject({ live: false, testOnly: true });
  });

  it("gives each edge its kind and the position of its first use", async () => {
    const document = await graphOf();
    expect(edge(document, "src/index.ts#router", "src/router.ts#Router")).toEqual({
      from: "src/index.ts#router",
      to: "src/router.ts#Router",
      kind: "new",
      file: "src/index.ts",
      line: 5,
      column: 20,
    });
    // `router.route(…)`: `router` is the receiver, referenced; the call goes to the member.
    expect(edge(document, "src/index.ts#handle", "src/index.ts#router")).toMatchObject({ kind: "reference", line: 7, column: 3 });
    expect(document.edges.filter((e) => e.from === "src/index.ts#handle" && e.kind === "dispatch").map((e) => e.to)).toContain(
      "src/router.ts#Router.route",
    );
  });

  it("dispatches a member name only to the members of classes that are instantiated", async () => {
    const document = await graphOf();
    expect(edge(document, "src/index.ts#handle", "src/router.ts#Router.route")).toMatchObject({ kind: "dispatch", line: 7, column: 10 });
    expect(edge(document, "src/index.ts#handle", "src/router.ts#Never.route")).toBeUndefined();
  });

  it("marks the edges a dead flag branch cuts with the flag", async () => {
    const document = await graphOf();
    expect(edge(document, "src/index.ts#handle", "src/power-peg.ts#PowerPeg")).toEqual({
      from: "src/index.ts#handle",
      to: "src/power-peg.ts#PowerPeg",
      kind: "new",
      file: "src/index.ts",
      line: 9,
      column: 9,
      guard: { flag: "power-peg", state: "retired", dead: true },
    });
    expect(edge(document, "src/index.ts#handle", "src/power-peg.ts#PowerPeg.run")).toMatchObject({
      kind: "dispatch",
      guard: { flag: "power-peg" },
    });
    const guarded = document.edges.filter((e) => e.guard).map((e) => e.to);
    expect(guarded).toEqual(["src/power-peg.ts#PowerPeg", "src/power-peg.ts#PowerPeg.run"]);
  });

  it("lists every module with whether it loads in production, is an entry or a test", async () => {
    const document = await graphOf();
    expect(document.modules).toEqual([
      { file: "src/index.ts", loaded: true, entry: true, test: false },
      { file: "src/power-peg.ts", loaded: true, entry: false, test: false },
      { file: "src/router.ts", loaded: true, entry: false, test: false },
      { file: "src/util.ts", loaded: false, entry: false, test: false },
      { file: "test/util.test.ts", loaded: false, entry: false, test: true },
    ]);
  });

  it("sorts nodes by position and edges by ids, so two runs give the same bytes", async () => {
    const first = await graphOf();
    expect(JSON.stringify(await graphOf())).toBe(JSON.stringify(first));
    const positions = first.nodes.map((n) => [n.file, n.line, n.column] as const);
    const sortedPositions = [...positions].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1] || a[2] - b[2]));
    expect(positions).toEqual(sortedPositions);
    const edgeKeys = first.edges.map((e) => `${e.from}\n${e.to}\n${e.kind}`);
    expect(edgeKeys).toEqual([...edgeKeys].sort());
  });

  it("suffixes the ids of declarations that share a name in one file with their position", async () => {
    const root = tempProject({
      "package.json": JSON.stringify({ name: "fixture", type: "module", main: "src/index.ts" }),
      "src/index.ts": "export class Box {\n  get size(): number {\n    return 1;\n  }\n  set size(value: number) {}\n}\n",
    });
    const document = buildGraphDocument(scanProject(await openProject({ root, cache: false })).context);
    expect(document.nodes.map((n) => n.id)).toEqual(["src/index.ts#Box", "src/index.ts#Box.size@2:7", "src/index.ts#Box.size@5:7"]);
  });
});
