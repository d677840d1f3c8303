import { cpSync, readdirSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { openProject, projectSessionFor, scanProject } from "../../src/index.js";
import type { Finding } from "../../src/index.js";
import { runCli } from "../helpers/run-cli.js";
import { tempProject } from "../helpers/temp-dir.js";

/** What a cold `scan --no-cache` finds (the ledger aside). */
async function coldFindings(root: string): Promise<Finding[]> {
  return scanProject(await openProject({ root, cache: false })).findings;
}

/** What the CLI prints as JSON, with the cache. */
function cliFindings(root: string): Finding[] {
  const result = runCli(["scan", root, "--format", "json"]);
  expect(result.stderr).toBe("");
  const json: { findings: Finding[] } = JSON.parse(result.stdout);
  return json.findings;
}

let clock = Date.now() / 1000 - 3600;

/** Gives every file and directory under `root` an old, distinct time, so the stat fast path trusts them. */
function settle(root: string): void {
  const visit = (directory: string): void => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const child = path.join(directory, entry.name);
      if (entry.isDirectory() && entry.name !== "node_modules" && !entry.name.startsWith(".")) visit(child);
      else if (entry.isFile()) utimesSync(child, clock, clock);
    }
    utimesSync(directory, clock, clock);
  };
  clock += 10;
  visit(root);
}

const knight = {
  "package.json": '{ "name": "k", "private": true }',
  "deadflag.config.json": JSON.stringify({ entry: ["src/index.ts"], flags: { states: { FEATURE_NEW: "on" } } }),
  "src/index.ts": 'import { route } from "./router";\nroute();\n',
  "src/router.ts": [
    'import { legacy } from "./legacy";',
    'import { modern } from "./modern";',
    "export function route(): void {",
    "  if (process.env.FEATURE_NEW) modern();",
    "  else legacy();",
    "}",
    "",
  ].join("\n"),
  "src/legacy.ts": "export function legacy(): void {}\nexport function unusedHelper(): void {}\n",
  "src/modern.ts": "export function modern(): void {}\n",
};

describe("projectSessionFor", () => {
  it("returns one session per root and config file", () => {
    const root = tempProject(knight);
    expect(projectSessionFor({ root })).toBe(projectSessionFor({ root: `${root}/` }));
    expect(projectSessionFor({ root, cache: false })).not.toBe(projectSessionFor({ root }));
  });

  it("answers from memory while nothing changed, and analyses again after an edit", async () => {
    const root = tempProject(knight);
    settle(root);
    const session = projectSessionFor({ root, cache: false });
    const first = session.scan();
    expect(first.analysed).toBe(true);
    expect(first.findings).toEqual(await coldFindings(root));
    const second = session.scan();
    expect(second.analysed).toBe(false);
    expect(second.project.stats.parsed).toBe(0);
    writeFileSync(path.join(root, "src/legacy.ts"), "export function legacy(): void {}\n");
    const third = session.scan();
    expect(third.analysed).toBe(true);
    expect(third.project.stats.parsed).toBe(1);
    expect(third.findings).toEqual(await coldFindings(root));
  });

  it("reads unsaved texts from overrides, and the findings of other files follow", () => {
    const root = tempProject(knight);
    const session = projectSessionFor({ root, cache: false });
    const legacy = session.findingsOf("src/legacy.ts");
    expect(legacy.map((f) => [f.ruleId, f.line, f.column, f.symbol])).toEqual([
      ["no-unreachable-code", 1, 17, "legacy"],
      ["no-unreachable-code", 2, 17, "unusedHelper"],
    ]);
    // The router, edited but not saved, no longer reads the flag: legacy() is live again.
    const edited = new Map([["src/router.ts", 'import { legacy } from "./legacy";\nexport function route(): void {\n  legacy();\n}\n']]);
    expect(session.findingsOf(path.join(root, "src/legacy.ts"), edited).map((f) => [f.ruleId, f.line, f.symbol])).toEqual([
      ["no-unreachable-code", 2, "unusedHelper"],
    ]);
    expect(session.findingsOf("src/modern.ts", edited).map((f) => f.ruleId)).toEqual(["no-unused-file"]);
    // Without the override the disk's text counts again.
    expect(session.findingsOf("src/legacy.ts")).toEqual(legacy);
  });

  it("notices a flag state flipped in the config", async () => {
    const root = tempProject(knight);
    const session = projectSessionFor({ root, cache: false });
    expect(session.findingsOf("src/modern.ts")).toEqual([]);
    writeFileSync(path.join(root, "deadflag.config.json"), JSON.stringify({ entry: ["src/index.ts"], flags: { states: { FEATURE_NEW: "off" } } }));
    const modern = session.findingsOf("src/modern.ts");
    expect(modern.map((f) => [f.ruleId, f.line, f.symbol])).toEqual([["no-unreachable-code", 1, "modern"]]);
    expect(session.findings()).toEqual(await coldFindings(root));
  });
});

describe("a session with a disk check interval (ESLint's)", () => {
  /** Gives one file an old time again after a write, so that its stat entry is trusted. */
  const age = (root: string, file: string): void => {
    clock += 10;
    utimesSync(path.join(root, file), clock, clock);
  };

  it("stats only the files it was given edited texts of between checks, and sees them saved at once", async () => {
    const root = tempProject(knight);
    settle(root);
    const session = projectSessionFor({ root, cache: false, diskCheckIntervalMs: 60_000 });
    expect(session.findingsOf("src/legacy.ts").map((f) => f.symbol)).toEqual(["legacy", "unusedHelper"]);
    // Edited in the editor, then saved without being linted again.
    const router = 'import { legacy } from "./legacy";\nexport function route(): void {\n  legacy();\n}\n';
    session.findingsOf("src/router.ts", new Map([["src/router.ts", router]]));
    writeFileSync(path.join(root, "src/router.ts"), router);
    age(root, "src/router.ts");
    expect(session.findingsOf("src/legacy.ts").map((f) => f.symbol)).toEqual(["unusedHelper"]);
    expect(session.findings()).toEqual(await coldFindings(root));
    // A file changed on disk that the session was never given a text of waits for the next check.
    writeFileSync(path.join(root, "src/legacy.ts"), "export function legacy(): void {}\n");
    age(root, "src/legacy.ts");
    expect(session.findingsOf("src/legacy.ts").map((f) => f.symbol)).toEqual(["unusedHelper"]);
    // Its own text, as a lint gives it, is never stale.
    const legacy = readText(root, "src/legacy.ts");
    expect(session.findingsOf("src/legacy.ts", new Map([["src/legacy.ts", legacy]]))).toEqual([]);
    // A new file, linted as soon as it is created, is looked for on disk at once.
    writeFileSync(path.join(root, "src/extra.ts"), "export const extra = 1;\n");
    const extra = new Map([["src/extra.ts", "export const extra = 1;\n"]]);
    expect(session.findingsOf("src/extra.ts", extra).map((f) => f.ruleId)).toEqual(["no-unused-file"]);
  });
});

describe("the incremental engine on real code (rxjs@7.8.2's sources)", () => {
  it("finds what a cold scan finds after each edit: add, delete, rename a file, change an import, flip a flag", async () => {
    const root = tempProject({
      "package.json": '{ "name": "rx", "private": true }',
      "deadflag.config.json": JSON.stringify({ entry: ["src/index.ts"], flags: { states: {} } }),
    });
    cpSync(path.resolve("node_modules/rxjs/src"), path.join(root, "src"), { recursive: true });
    for (const name of readdirSync(path.join(root, "src"))) {
      if (name.endsWith(".json") || name.endsWith(".js")) rmSync(path.join(root, "src", name));
    }
    const write = (file: string, text: string): void => writeFileSync(path.join(root, file), text);
    // A flag in front of two implementations of the same operator.
    write(
      "src/internal/flagged.ts",
      [
        'import { map } from "./operators/map";',
        'import { scan } from "./operators/scan";',
        "export function pick() {",
        "  return process.env.FEATURE_SCAN ? scan((a: number, b: number) => a + b, 0) : map((x: number) => x);",
        "}",
        "",
      ].join("\n"),
    );
    write("src/index.ts", `${readText(root, "src/index.ts")}export { pick } from './internal/flagged';\n`);
    settle(root);
    const session = projectSessionFor({ root });
    const check = async (step: string): Promise<void> => {
      const cold = await coldFindings(root);
      expect(session.findings(), step).toEqual(cold);
      expect(cliFindings(root), step).toEqual(cold);
    };
    await check("initial");
    expect(cliFindings(root)).toEqual(session.findings());

    write("src/internal/util/added.ts", 'import { identity } from "./identity";\nexport const added = identity(1);\nexport const spare = 2;\n');
    write("src/internal/flagged.ts", `import { added } from "./util/added";\n${readText(root, "src/internal/flagged.ts")}export const twice = added * 2;\n`);
    settle(root);
    await check("add a file");

    rmSync(path.join(root, "src/internal/util/isDate.ts"));
    settle(root);
    await check("delete a file");

    renameSync(path.join(root, "src/internal/util/added.ts"), path.join(root, "src/internal/util/plus.ts"));
    settle(root);
    await check("rename a file");

    write("src/internal/flagged.ts", readText(root, "src/internal/flagged.ts").replace('"./util/added"', '"./util/plus"'));
    write("src/internal/flagged.ts", readText(root, "src/internal/flagged.ts").replace('import { map } from "./operators/map";', 'import { filter as map } from "./operators/filter";'));
    settle(root);
    await check("change an import");

    write("deadflag.config.json", JSON.stringify({ entry: ["src/index.ts"], flags: { states: { FEATURE_SCAN: "off" } } }));
    settle(root);
    await check("flip a flag state");
    expect(session.findings().some((f) => f.ruleId === "no-dead-flag-branch")).toBe(true);
  }, 120_000);
});

describe("projectSessionFor: the call graph across edits", () => {
  it("keeps node ids and resolutions of files an edit cannot change, and finds what a cold scan of the same texts finds", async () => {
    const files: Record<string, string> = {
      "package.json": '{ "name": "rx", "private": true }',
      "deadflag.config.json": JSON.stringify({ entry: ["src/index.ts"] }),
      "src/internal/util/helpers.ts": [
        "export function helperA(): number {\n  return 1;\n}",
        "export function helperB(): number {\n  return helperA() + 1;\n}",
        "export class Box {\n  get size(): number {\n    return 1;\n  }\n  set size(value: number) {\n    void value;\n  }\n  [SHAPE](): string {\n    return 'box';\n  }\n}",
        'import { SHAPE } from "./user";',
        "",
      ].join("\n"),
      "src/internal/util/user.ts": 'import { helperB } from "./helpers";\nexport const SHAPE = "shape";\nexport function useIt(): number {\n  return helperB();\n}\n',
      // Over the size limit: skipped, with facts of its imports only, which must stay the same object.
      "src/internal/util/huge.ts": `import { noop } from "./noop";\nnoop();\n${"// padding\n".repeat(200_000)}`,
    };
    const root = tempProject(files);
    const mirror = tempProject(files);
    for (const target of [root, mirror]) {
      cpSync(path.resolve("node_modules/rxjs/src"), path.join(target, "src"), { recursive: true });
      for (const name of readdirSync(path.join(target, "src"))) if (name.endsWith(".json") || name.endsWith(".js")) rmSync(path.join(target, "src", name));
      writeFileSync(path.join(target, "src/index.ts"), `${readText(target, "src/index.ts")}export { useIt } from './internal/util/user';\nexport { Box } from './internal/util/helpers';\n`);
    }
    settle(root);
    const session = projectSessionFor({ root, cache: false });
    let graph = session.scan().result.context.graph;
    const unchanged = graph.nodeOf("src/internal/Observable.ts", "Observable");
    /** One editor state (unsaved texts; other files as on disk) against a cold scan of a copy holding those texts. */
    const step = async (name: string, texts: Record<string, string>, carried: boolean): Promise<void> => {
      for (const [file, text] of Object.entries(files)) if (file.startsWith("src/")) writeFileSync(path.join(mirror, file), text);
      for (const [file, text] of Object.entries(texts)) writeFileSync(path.join(mirror, file), text);
      const scan = session.scan(new Map(Object.entries(texts)));
      const cold = scanProject(await openProject({ root: mirror, cache: false }));
      expect(scan.findings, name).toEqual(cold.findings);
      const next = scan.result.context.graph;
      expect(unchanged !== undefined && next.nodes[unchanged] === graph.nodes[unchanged], `${name}: nodes carried`).toBe(carried);
      expect(next.linked.facts.get("src/internal/util/huge.ts"), `${name}: the skipped file unchanged`).toBe(graph.linked.facts.get("src/internal/util/huge.ts"));
      graph = next;
    };
    const helpers = files["src/internal/util/helpers.ts"] ?? "";
    const user = files["src/internal/util/user.ts"] ?? "";
    // Files that import from the edited one keep their texts: their resolutions must not be carried.
    await step(
      "a declaration removed (the ids of the file's nodes shift)",
      { "src/internal/util/helpers.ts": helpers.replace(/export function helperA[^}]*}\n/, "").replace("helperA() + 1", "1") },
      true,
    );
    await step("a call removed: what it called dies in another file, the earlier edit given up", { "src/internal/util/user.ts": user.replace("return helperB();", "return 0;") }, true);
    await step(
      "a declaration added that calls one that is back",
      { "src/internal/util/user.ts": `${user}export function again(): number {\n  return helpersAgain();\n}\nimport { helperA as helpersAgain } from "./helpers";\n` },
      true,
    );
    await step("a computed member's constant changed", { "src/internal/util/user.ts": user.replace('"shape"', '"form"') }, true);
    await step("an accessor removed", { "src/internal/util/helpers.ts": helpers.replace(/ {2}set size[^}]*}\n/, "") }, true);
    await step("an edit to a file every operator imports", { "src/internal/util/lift.ts": `${readText(root, "src/internal/util/lift.ts")}export function spareLift(): void {}\n` }, true);
  }, 120_000);
});

describe("projectSessionFor: the flag index across edits", () => {
  it("indexes only what an edit can affect, and the index is the one a cold scan builds", async () => {
    const root = tempProject({});
    cpSync(path.resolve("examples/knight-capital"), root, { recursive: true, filter: (source) => !source.includes("node_modules") && !source.endsWith("/history") });
    // A call that becomes a read when another file changes what it names (no new reader is inferred).
    writeFileSync(path.join(root, "src/exchange/sdk.ts"), "export const Sdk = { getClient: () => ({ getBooleanValue: (_key: string, fallback: boolean) => fallback }) };\n");
    writeFileSync(
      path.join(root, "src/exchange/audit.ts"),
      'import { Sdk } from "./sdk.js";\nexport function audit(message: string): void {\n  if (Sdk.getClient().getBooleanValue("audit-trail", false)) console.log(message);\n}\n',
    );
    settle(root);
    const session = projectSessionFor({ root, cache: false });
    // As an editor saves: the file's own time changes, the config's and the folders' do not.
    const write = (file: string, text: string): void => {
      writeFileSync(path.join(root, file), text);
      clock += 10;
      utimesSync(path.join(root, file), clock, clock);
    };
    let footprint = session.scan().result.footprint;
    expect(footprint).toBeDefined();
    /** One edit on disk, then the session's index and findings against a cold scan's; `carried`: whether the edit kept the footprint. */
    const step = async (name: string, edit: () => void, carried: boolean): Promise<void> => {
      edit();
      const scan = session.scan();
      const cold = scanProject(await openProject({ root, cache: false }));
      expect(scan.result.context.index, name).toEqual(cold.context.index);
      expect(scan.findings, name).toEqual(cold.findings);
      expect(scan.result.footprint === footprint, `${name}: footprint carried`).toBe(carried);
      footprint = scan.result.footprint;
    };
    const append = (file: string, text: string) => () => write(file, `${readText(root, file)}${text}`);
    await step("a file without reads edited", append("src/exchange/venues.ts", "export function spare(): number {\n  return 1;\n}\n"), true);
    await step(
      "a read added to a file that had none",
      append(
        "src/logger.ts",
        'import { OpenFeature } from "@openfeature/server-sdk";\nexport function trace(message: string): void {\n  if (OpenFeature.getClient().getBooleanValue("verbose-log", false)) console.log(message);\n}\n',
      ),
      true,
    );
    await step(
      "a wrapper made (a reader the index did not know)",
      append("src/orders/childOrder.ts", 'import { OpenFeature } from "@openfeature/server-sdk";\nexport function isOn(key: string) {\n  return OpenFeature.getClient().getBooleanValue(key, false);\n}\n'),
      false,
    );
    await step("a call of the wrapper in a file that had no read", append("src/exchange/venues.ts", 'import { isOn } from "../orders/childOrder.js";\nexport const wrapped = isOn("wrapped-flag");\n'), true);
    await step("a key constant changed in another file than its reads", () => write("src/flags.ts", readText(root, "src/flags.ts").replace('"power-peg"', '"power-peg-2"')), true);
    await step("a name another file's call uses now names the SDK", () => write("src/exchange/sdk.ts", 'export { OpenFeature as Sdk } from "@openfeature/server-sdk";\n'), true);
    await step("the last read of a file removed", () => write("src/logger.ts", readText(root, "src/logger.ts").replace(/ {2}if \(OpenFeature[^\n]*\n/, "")), true);
    expect(session.scan().result.context.index.flags.map((flag) => flag.key)).toEqual(expect.arrayContaining(["wrapped-flag", "audit-trail"]));
  }, 120_000);
});

function readText(root: string, file: string): string {
  return readFileSync(path.join(root, file), "utf8");
}

describe("findingsOf: one file's findings without the rules over every file", () => {
  it("gives each file what a whole scan gives it, dead code used across files, by types and by tests included", async () => {
    const project = {
      "package.json": '{ "name": "per-file", "private": true }',
      "deadflag.config.json": JSON.stringify({ entry: ["src/index.ts"], flags: { states: { OLD_PATH: "off" } } }),
      "src/index.ts": 'import { run } from "./run";\nrun();\n',
      "src/run.ts": [
        'import { legacy } from "./legacy";',
        'import type { Shape } from "./shape";',
        'export const label = "run";',
        "export function run(shape?: Shape): void {",
        "  if (process.env.OLD_PATH) legacy();",
        "  console.log(label, shape);",
        "}",
        "export function spare(): void {}",
        "",
      ].join("\n"),
      "src/legacy.ts": 'import { deep } from "./deep";\nexport function legacy(): void {\n  deep();\n}\nexport function orphan(): void {\n  deep();\n}\n',
      "src/deep.ts": "export function deep(): void {}\nexport class Unused {}\n",
      "src/shape.ts": 'import { Unused } from "./deep";\nexport interface Shape {\n  made: Unused;\n}\n',
      "src/alone.ts": "export const alone = 1;\n",
      "src/tested.ts": "export function tested(): void {}\n",
      "src/tested.test.ts": 'import { tested } from "./tested";\ntested();\n',
    };
    const root = tempProject(project);
    const files = ["src/index.ts", "src/run.ts", "src/legacy.ts", "src/deep.ts", "src/shape.ts", "src/alone.ts", "src/tested.ts", "src/tested.test.ts", "src/none.ts"];
    // An unsaved edit (a whole-project run, with the disk's texts, finds every file's at once).
    const edited = new Map([["src/run.ts", `${project["src/run.ts"]}// edited\n`]]);
    const session = projectSessionFor({ root, cache: false });
    const whole = await coldFindings(tempProject({ ...project, "src/run.ts": edited.get("src/run.ts") ?? "" }));
    expect(new Set(whole.map((f) => f.ruleId))).toEqual(new Set(["no-unreachable-code", "no-unused-export", "no-unused-file", "no-dead-flag-branch"]));
    // File by file first, so that no whole scan is there to answer from.
    for (const file of files) expect(session.findingsOf(file, edited), file).toEqual(whole.filter((f) => f.file === file));
    expect(session.findings(edited)).toEqual(whole);
  });
});

describe("an editor session's memory", () => {
  it("lets go of the analyses and graphs that later edits replaced", async () => {
    // A full collection on demand (vitest runs without --expose-gc).
    setFlagsFromString("--expose-gc");
    const collect = runInNewContext("gc") as () => void;
    const root = tempProject(knight);
    const session = projectSessionFor({ root, cache: false });
    const first = new WeakRef(session.scan().result.context.graph);
    for (let edit = 0; edit < 3; edit++) {
      const text = `${readText(root, "src/legacy.ts")}export function added${edit}(): void {}\n`;
      session.findingsOf("src/legacy.ts", new Map([["src/legacy.ts", text]]));
    }
    await new Promise((resolve) => setTimeout(resolve, 0));
    collect();
    expect(first.deref()).toBeUndefined();
  });
});
