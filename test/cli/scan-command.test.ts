// `deadflag scan` as users run it: the built binary, exit codes, the JSON contract, the text report
// and its size ranking, and output that is the same bytes on every run.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";
import { tempProject } from "../helpers/temp-dir.js";

const knight = path.resolve("examples/knight-capital");
const packageJson = JSON.stringify({ name: "fixture", type: "module", main: "dist/index.js" });

const findingKeys = new Set(["ruleId", "severity", "message", "file", "line", "column", "endLine", "endColumn", "flag", "symbol", "data"]);

interface JsonFinding {
  ruleId: string;
  severity: string;
  message: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  flag?: string;
  symbol?: string;
  data?: Record<string, unknown>;
}

/** Parses `--format json` output and checks it against the contract, field by field. */
function parseFindings(stdout: string): JsonFinding[] {
  const doc: unknown = JSON.parse(stdout);
  if (typeof doc !== "object" || doc === null) throw new Error("not a JSON object");
  expect(Object.keys(doc).sort()).toEqual(["findings", "version"]);
  expect(Reflect.get(doc, "version")).toBe(1);
  const findings: unknown = Reflect.get(doc, "findings");
  if (!Array.isArray(findings)) throw new Error("findings is not an array");
  for (const finding of findings) {
    expect(typeof finding).toBe("object");
    for (const key of Object.keys(finding)) expect(findingKeys.has(key), `unexpected field ${key}`).toBe(true);
    expect(finding).toMatchObject({
      ruleId: expect.stringMatching(/^no-[a-z-]+$/),
      severity: expect.stringMatching(/^(error|warn)$/),
      message: expect.any(String),
      file: expect.stringMatching(/^[^/\\].*$/),
      line: expect.any(Number),
      column: expect.any(Number),
      endLine: expect.any(Number),
      endColumn: expect.any(Number),
    });
    expect(finding.file).not.toContain("\\");
    expect(finding.line).toBeGreaterThanOrEqual(1);
    expect(finding.column).toBeGreaterThanOrEqual(1);
    expect(finding.endLine).toBeGreaterThanOrEqual(finding.line);
    if ("flag" in finding) expect(typeof finding.flag).toBe("string");
    if ("symbol" in finding) expect(typeof finding.symbol).toBe("string");
    if ("data" in finding) expect(typeof finding.data).toBe("object");
  }
  return findings as JsonFinding[];
}

/** The project a clean scan needs: an entry that uses everything it imports. */
const cleanProject = {
  "package.json": packageJson,
  "src/index.ts": 'import { helper } from "./helper.js";\nexport function main(): number {\n  return helper();\n}\n',
  "src/helper.ts": "export function helper(): number {\n  return 1;\n}\n",
};

/** Findings that are all warnings: code only a test keeps alive. */
const warningsOnlyProject = {
  ...cleanProject,
  "src/helper.ts": "export function helper(): number {\n  return 1;\n}\nexport function forTests(): number {\n  return 2;\n}\n",
  "src/helper.test.ts": 'import { forTests } from "./helper.js";\nforTests();\n',
};

describe("deadflag scan", () => {
  it("exits 1 and prints findings grouped by file with a summary when there are errors", () => {
    const result = runCli(["scan", knight, "--no-cache"]);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe("");
    const out = result.stdout;
    expect(out).toMatch(/^src\/legacy\/powerPeg\.ts\n {2}10:14 +error {2}class PowerPeg is reachable only behind flag power-peg, which is retired/m);
    expect(out).toContain("  25:59     error  the flag-on side of this early-exit never runs");
    expect(out).toMatch(
      /✖ 6 problems \(6 errors, 0 warnings\): no-unreachable-code 3, no-dead-flag-branch 2, no-unused-file 1 · 12 files in \d+\.\d\d s\n$/,
    );
  });

  it("exits 0 with a one-line summary when nothing is found", () => {
    const result = runCli(["scan", tempProject(cleanProject), "--no-cache"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^✔ no problems \(2 files in \d+\.\d\d s\)\n$/);
  });

  it("exits 0 on warnings alone, and 1 when they are more than --max-warnings", () => {
    const root = tempProject(warningsOnlyProject);
    const plain = runCli(["scan", root, "--no-cache", "--format", "json"]);
    expect(plain.status).toBe(0);
    expect(parseFindings(plain.stdout).map((f) => `${f.severity} ${f.ruleId} ${f.symbol}`)).toEqual(["warn no-unreachable-code forTests"]);
    expect(runCli(["scan", root, "--no-cache", "--max-warnings", "1"]).status).toBe(0);
    expect(runCli(["scan", root, "--no-cache", "--max-warnings", "0"]).status).toBe(1);
  });

  it("exits 2 with a usage error for a --max-warnings that is not a count", () => {
    const result = runCli(["scan", knight, "--max-warnings", "some"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("expected a whole number of 0 or more");
    expect(result.stdout).toBe("");
  });

  it("prints --format json by the contract, sorted by file, line, column and rule", () => {
    const result = runCli(["scan", knight, "--no-cache", "--format", "json"]);
    expect(result.status).toBe(1);
    const findings = parseFindings(result.stdout);
    expect(findings.map((f) => `${f.ruleId} ${f.file}:${f.line}:${f.column}`)).toEqual([
      "no-unused-file src/exchange/dropCopy.ts:1:1",
      "no-unreachable-code src/legacy/cumulativeQuantity.ts:5:14",
      "no-unreachable-code src/legacy/powerPeg.ts:10:14",
      "no-unreachable-code src/logger.ts:21:14",
      "no-dead-flag-branch src/router.ts:25:59",
      "no-dead-flag-branch src/router.ts:44:5",
    ]);
    const sorted = [...findings].sort(
      (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
    );
    expect(findings).toEqual(sorted);
    expect(findings[2]).toEqual({
      ruleId: "no-unreachable-code",
      severity: "error",
      message:
        "class PowerPeg is reachable only behind flag power-peg, which is retired (reads return false): the branch at src/router.ts:25 never runs",
      file: "src/legacy/powerPeg.ts",
      line: 10,
      column: 14,
      endLine: 63,
      endColumn: 2,
      symbol: "PowerPeg",
      flag: "power-peg",
      data: {
        kind: "class",
        lines: 54,
        root: true,
        behindFlag: { flag: "power-peg", state: "retired", value: false, file: "src/router.ts", line: 25 },
      },
    });
  });

  it("ranks findings by the lines a fix deletes with --sort-by-size: PowerPeg with its cascade first", () => {
    const result = runCli(["scan", knight, "--no-cache", "--sort-by-size"]);
    expect(result.status).toBe(1);
    const rows = result.stdout.split("\n").filter((line) => /^ *\d+ lines /.test(line));
    expect(rows.map((row) => row.replace(/ {2}(error|warn ) .*/, "").trim())).toEqual([
      "65 lines  src/legacy/powerPeg.ts:10:14",
      "12 lines  src/exchange/dropCopy.ts:1:1",
      "12 lines  src/router.ts:25:59",
      "11 lines  src/legacy/cumulativeQuantity.ts:5:14",
      "4 lines  src/logger.ts:21:14",
      "3 lines  src/router.ts:44:5",
    ]);
  });

  it("gives the same bytes on two runs, with and without the cache", () => {
    const root = tempProject({
      ...warningsOnlyProject,
      "src/a.ts": "export function a(): number {\n  return 1;\n}\n",
      "src/b.ts": "export function b(): number {\n  return 1;\n}\n",
    });
    const first = runCli(["scan", root, "--format", "json"]);
    const second = runCli(["scan", root, "--format", "json"]);
    const uncached = runCli(["scan", root, "--format", "json", "--no-cache"]);
    expect(first.status).toBe(1);
    expect(parseFindings(first.stdout).length).toBe(3);
    expect(second.stdout).toBe(first.stdout);
    expect(uncached.stdout).toBe(first.stdout);
    const knightRuns = [runCli(["scan", knight, "--format", "json", "--no-cache"]), runCli(["scan", knight, "--format", "json", "--no-cache"])];
    expect(knightRuns[1]?.stdout).toBe(knightRuns[0]?.stdout);
  });
});
