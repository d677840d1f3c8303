// `deadflag retire` as users run it, in small git repositories: a dry run writes nothing, --write
// refuses a dirty tree and otherwise writes every file whole (no temporary file left) with the
// key's tombstone, --verify refuses a retirement that breaks the build, a read that cannot be
// folded fails the run, and bad input is one line with exit code 2.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createGitRepo } from "../helpers/git-repo.js";
import { runCli } from "../helpers/run-cli.js";
import { tempProject } from "../helpers/temp-dir.js";
import { knightFiles } from "../retire/knight-files.js";

/** The Knight example committed in a fresh repository. */
function knightRepo(): ReturnType<typeof createGitRepo> {
  const repo = createGitRepo();
  repo.commit("SMARS", { ...knightFiles(), ".gitignore": "node_modules\n.deadflag/cache\n" });
  return repo;
}

function read(root: string, file: string): string {
  return readFileSync(path.join(root, file), "utf8");
}

function allFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((name) => !name.startsWith(".git"));
}

describe("deadflag retire", () => {
  it("prints the retirement as a dry run, a summary and unified diffs, and writes nothing", () => {
    const repo = knightRepo();
    const before = read(repo.root, "src/router.ts");
    const result = runCli(["retire", "power-peg", repo.root, "--value", "off", "--no-cache"]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^retire power-peg \(reads return off \(false\)\): 2 files changed, 2 deleted; dry run, nothing written/);
    expect(result.stdout).toMatch(/\n {2}src\/legacy\/powerPeg\.ts +deleted \(63 lines\)\n/);
    expect(result.stdout).toContain("--- a/src/router.ts\n+++ b/src/router.ts\n@@ -3,7 +3,6 @@\n");
    expect(result.stdout).toContain('\n-    if (await client.getBooleanValue("power-peg", false)) {\n');
    expect(read(repo.root, "src/router.ts")).toBe(before);
    expect(existsSync(path.join(repo.root, "src/legacy/powerPeg.ts"))).toBe(true);
    expect(existsSync(path.join(repo.root, ".deadflag/ledger.json"))).toBe(false);
    expect(repo.git(["status", "--porcelain"])).toBe("");
  });

  it("refuses --write on a tree with uncommitted changes, in one line with exit code 2, unless --allow-dirty", () => {
    const repo = knightRepo();
    repo.write({ "src/logger.ts": `${read(repo.root, "src/logger.ts")}// a local edit\n` });
    const refused = runCli(["retire", "power-peg", repo.root, "--value", "off", "--write", "--no-cache"]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toBe("deadflag: uncommitted changes in src/logger.ts: commit or stash them before retire --write, or pass --allow-dirty\n");
    expect(existsSync(path.join(repo.root, "src/legacy/powerPeg.ts"))).toBe(true);

    const allowed = runCli(["retire", "power-peg", repo.root, "--value", "off", "--write", "--allow-dirty", "--no-cache"]);
    expect(allowed.status).toBe(0);
    expect(existsSync(path.join(repo.root, "src/legacy/powerPeg.ts"))).toBe(false);
    expect(read(repo.root, "src/logger.ts")).toContain("// a local edit");
  });

  // Temporary directories are outside any repository on the machines this runs on; where not, there is nothing to test.
  const tmpInGit = spawnSync("git", ["-C", os.tmpdir(), "rev-parse", "--show-toplevel"], { stdio: "ignore" }).status === 0;
  it.skipIf(tmpInGit)("refuses --write outside a git work tree, since nothing could undo it there", () => {
    const root = tempProject(knightFiles());
    const refused = runCli(["retire", "power-peg", root, "--value", "off", "--write", "--no-cache"]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toBe(`deadflag: ${root} is not in a git work tree: retire --write writes only into a clean git tree (--allow-dirty writes anyway)\n`);
    expect(existsSync(path.join(root, "src/legacy/powerPeg.ts"))).toBe(true);
  });

  it("writes every file, deletes the dead ones, leaves no temporary file, and tombstones the key so that reading it again is reported", () => {
    const repo = knightRepo();
    const result = runCli(["retire", "power-peg", repo.root, "--value", "off", "--write", "--no-cache", "--format", "json"]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const document = JSON.parse(result.stdout);
    expect(document).toMatchObject({ version: 1, key: "power-peg", value: "off", written: true, byHand: [], tombstoned: true });
    expect(document.files.map((f: { file: string; deleted: boolean }) => [f.file, f.deleted])).toEqual([
      ["deadflag.config.json", false],
      ["src/legacy/cumulativeQuantity.ts", true],
      ["src/legacy/powerPeg.ts", true],
      ["src/router.ts", false],
    ]);
    expect(document.files[3].edits[0]).toEqual({ oldStart: 3, oldLines: 7, newStart: 3, newLines: 6 });
    expect(document.files[3].diff).toMatch(/^--- a\/src\/router\.ts\n\+\+\+ b\/src\/router\.ts\n@@ -3,7 \+3,6 @@\n/);
    expect(read(repo.root, "src/router.ts")).not.toContain("PowerPeg");
    expect(existsSync(path.join(repo.root, "src/legacy"))).toBe(true);
    expect(allFiles(repo.root).filter((name) => name.endsWith(".tmp"))).toEqual([]);
    expect(repo.git(["status", "--porcelain", "--untracked-files=all"]).split("\n").map((line) => line.trim()).sort()).toEqual([
      "?? .deadflag/ledger.json",
      "D src/legacy/cumulativeQuantity.ts",
      "D src/legacy/powerPeg.ts",
      "M deadflag.config.json",
      "M src/router.ts",
    ]);
    const ledger = JSON.parse(read(repo.root, ".deadflag/ledger.json"));
    expect(Object.keys(ledger.tombstones)).toEqual(["power-peg"]);
    expect(ledger.tombstones["power-peg"].removed.commit).toBe(repo.git(["rev-parse", "HEAD"]));

    // A retired key read again for other code (the Knight pattern: RLP behind Power Peg's key) is a resurrection.
    repo.commit("retire power-peg");
    const router = read(repo.root, "src/router.ts")
      .replace(
        "    return this.routeSliced(parent);",
        '    if (await client.getBooleanValue("power-peg", false)) return routeToRetailLiquidityProgram(parent);\n    return this.routeSliced(parent);',
      )
      .replace(
        "const client = OpenFeature.getClient();\n",
        'const client = OpenFeature.getClient();\n\nfunction routeToRetailLiquidityProgram(parent: ParentOrder): RoutingResult {\n  return { parentId: parent.id, strategy: "rlp", venue: "RLP", childOrders: 0 };\n}\n',
      );
    writeFileSync(path.join(repo.root, "src/router.ts"), router);
    const scan = JSON.parse(runCli(["scan", repo.root, "--no-cache", "--format", "json"]).stdout);
    const reuse = scan.findings.filter((f: { ruleId: string }) => f.ruleId === "no-flag-reuse");
    expect(reuse).toEqual([expect.objectContaining({ file: "src/router.ts", line: 25, flag: "power-peg", data: expect.objectContaining({ kind: "resurrected" }) })]);
  });

  it("--verify refuses a retirement that breaks the build, naming the first new error, and writes nothing", () => {
    const repo = createGitRepo();
    repo.commit("shop", {
      "package.json": JSON.stringify({ name: "shop", private: true, type: "module", main: "src/index.ts" }),
      "tsconfig.json": JSON.stringify({ compilerOptions: { strict: true, module: "nodenext", moduleResolution: "nodenext", noEmit: true, types: [], lib: ["es2022"] }, include: ["src"] }),
      // deadflag is told to ignore the report script, which the build still compiles: only --verify sees its import.
      "deadflag.config.json": JSON.stringify({ ignore: ["src/report.ts"] }),
      "src/index.ts": 'import { run } from "./run.js";\nrun(1);\n',
      "src/run.ts":
        'import { OpenFeature } from "@openfeature/server-sdk";\nconst client = OpenFeature.getClient();\nexport async function run(n: number): Promise<number> {\n  if (await client.getBooleanValue("fast-path", false)) return fast(n);\n  return n;\n}\n\nexport function fast(n: number): number {\n  return n * 2;\n}\n',
      "src/report.ts": 'import { fast } from "./run.js";\nexport const doubled = fast(2);\n',
    });
    const dry = runCli(["retire", "fast-path", repo.root, "--value", "off", "--no-cache"]);
    expect(dry.stdout).toContain("-export function fast(n: number): number {");
    const refused = runCli(["retire", "fast-path", repo.root, "--value", "off", "--write", "--verify", "--no-cache"]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/^deadflag: --verify: retiring fast-path adds a type error at src\/report\.ts:1: Module '"\.\/run\.js"' has no exported member 'fast'; nothing written\n$/);
    expect(read(repo.root, "src/run.ts")).toContain("function fast");
    expect(repo.git(["status", "--porcelain", "--untracked-files=all"])).toBe("");
  });

  it("lists a read it cannot fold at its place in the files on disk (before a dry run, after --write), exits 1, and tombstones nothing", () => {
    const repo = knightRepo();
    const unsafe = "client.getBooleanValue(FLAGS.powerPeg, false, { at: Date.now() })";
    const router = read(repo.root, "src/router.ts").replace("client.getBooleanValue(FLAGS.powerPeg, false)", unsafe);
    repo.commit("context", { "src/router.ts": router });
    const dry = runCli(["retire", "power-peg", repo.root, "--value", "off", "--no-cache", "--format", "json"]);
    expect(dry.status).toBe(1);
    const document = JSON.parse(dry.stdout);
    expect(document.byHand).toEqual([expect.objectContaining({ file: "src/router.ts", line: 42, column: 27 })]);
    expect(router.split("\n")[41]?.slice(26)).toMatch(/^client\.getBooleanValue\(FLAGS\.powerPeg/);
    expect(document.tombstoned).toBe(false);

    // Written, the route's read is folded (12 lines fewer above it), and the place follows.
    const written = runCli(["retire", "power-peg", repo.root, "--value", "off", "--no-cache", "--write"]);
    expect(written.status).toBe(1);
    const place = /fold by hand \(power-peg is still read here\):\n {2}src\/router\.ts:(\d+):27 /.exec(written.stdout);
    expect(Number(place?.[1])).toBe(30);
    expect(read(repo.root, "src/router.ts").split("\n")[29]?.slice(26)).toMatch(/^client\.getBooleanValue\(FLAGS\.powerPeg/);
    expect(existsSync(path.join(repo.root, ".deadflag/ledger.json"))).toBe(false);
  });

  it("rejects an unknown key and a bad --value with exit code 2", () => {
    const repo = knightRepo();
    const unknown = runCli(["retire", "power-pgg", repo.root, "--value", "off", "--no-cache"]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toBe("deadflag: unknown flag power-pgg: it is not read anywhere and not declared in the registry\n");
    const badValue = runCli(["retire", "power-peg", repo.root, "--value", "maybe"]);
    expect(badValue.status).toBe(2);
    expect(badValue.stderr).toMatch(/--value.*maybe.*Allowed choices are on, off, default/);
  });
});
