import { existsSync, mkdirSync, readdirSync, readFileSync, truncateSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";
import { tempProject } from "../helpers/temp-dir.js";

const files = {
  "package.json": '{ "name": "p", "private": true }',
  "deadflag.config.json": JSON.stringify({ entry: ["src/index.ts"] }),
  "src/index.ts": 'import { used } from "./lib";\nused();\n',
  "src/lib.ts": "export function used(): void {}\nexport function unused(): void {}\n",
};

function scanJson(root: string, ...args: string[]): { status: number | null; findings: unknown; stderr: string; timing: string } {
  const result = runCli(["scan", root, "--format", "json", "--timing", ...args]);
  return { status: result.status, findings: JSON.parse(result.stdout).findings, stderr: result.stderr, timing: result.stderr };
}

function parsedCount(timing: string): number {
  const match = /files\s+\d+ \((\d+) parsed/.exec(timing);
  return Number(match?.[1]);
}

describe("the cache's location", () => {
  it("is .deadflag/cache, with a .gitignore that ignores it, when the project has no node_modules", () => {
    const root = tempProject(files);
    scanJson(root);
    const directory = path.join(root, ".deadflag", "cache");
    expect(readdirSync(directory).sort()).toEqual([".gitignore", expect.stringMatching(/^scan-\w+\.bin$/), expect.stringMatching(/^worktree-.*\.pack$/)]);
    expect(readFileSync(path.join(directory, ".gitignore"), "utf8")).toMatch(/^\*$/m);
    expect(existsSync(path.join(root, "node_modules"))).toBe(false);
  });

  it("is node_modules/.cache/deadflag when node_modules exists, and --cache-location when given", () => {
    const root = tempProject({ ...files, "node_modules/.keep": "" });
    scanJson(root);
    expect(existsSync(path.join(root, "node_modules", ".cache", "deadflag", ".gitignore"))).toBe(true);
    expect(existsSync(path.join(root, ".deadflag"))).toBe(false);
    const elsewhere = path.join(tempProject({}), "cache");
    scanJson(root, "--cache-location", elsewhere);
    expect(readdirSync(elsewhere)).toContain(".gitignore");
  });
});

describe("a damaged cache", () => {
  it("is a miss, never a crash: a foreign scan record and a pack torn mid-record give the cold findings", () => {
    const root = tempProject(files);
    const cold = scanJson(root, "--no-cache");
    expect(scanJson(root).findings).toEqual(cold.findings);
    const directory = path.join(root, ".deadflag", "cache");
    const record = readdirSync(directory).find((name) => name.startsWith("scan-")) ?? "";
    const pack = readdirSync(directory).find((name) => name.endsWith(".pack")) ?? "";
    writeFileSync(path.join(directory, record), "not a record");
    truncateSync(path.join(directory, pack), 40);
    const damaged = scanJson(root);
    expect(damaged).toMatchObject({ status: cold.status, findings: cold.findings, stderr: expect.not.stringContaining("error") });
    expect(parsedCount(damaged.timing)).toBe(2);
    // The run repaired the cache: the next one parses nothing.
    expect(parsedCount(scanJson(root).timing)).toBe(0);
  });

  it("starts a pack over when its header is foreign", () => {
    const root = tempProject(files);
    scanJson(root);
    const directory = path.join(root, ".deadflag", "cache");
    for (const name of readdirSync(directory)) if (name !== ".gitignore") writeFileSync(path.join(directory, name), Buffer.alloc(64, 7));
    expect(parsedCount(scanJson(root).timing)).toBe(2);
    expect(parsedCount(scanJson(root).timing)).toBe(0);
  });

  it("removes temporary files that a killed run left, and keeps those of a live one", () => {
    const root = tempProject(files);
    const directory = path.join(root, ".deadflag", "cache");
    mkdirSync(directory, { recursive: true });
    // No process has pid 2^22 + 1 (above Linux's pid_max default of 2^22).
    const orphan = path.join(directory, `scan-0.bin.${2 ** 22 + 1}.abcdefgh.tmp`);
    const live = path.join(directory, `scan-0.bin.${process.pid}.abcdefgh.tmp`);
    writeFileSync(orphan, "half a record");
    writeFileSync(live, "being written");
    scanJson(root);
    expect(existsSync(orphan)).toBe(false);
    expect(existsSync(live)).toBe(true);
  });
});
