// The baseline: `--suppress-all`, `--suppress-rule`, `--prune-suppressions` and
// `--suppressions-location`, as ESLint's bulk suppressions work, with entries keyed by file, rule
// and symbol or flag; a corrupt file or one from a newer deadflag stops the run and stays as it was.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";

const example = path.resolve("examples/knight-capital");
const copies: string[] = [];

afterEach(() => {
  for (const dir of copies.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh copy of the Knight Capital example, without its cache. */
function knightCopy(): string {
  const dir = path.join(mkdtempSync(path.join(os.tmpdir(), "deadflag-baseline-")), "knight");
  copies.push(path.dirname(dir));
  cpSync(example, dir, { recursive: true, filter: (source) => !source.includes("node_modules") && !source.includes(`${path.sep}history`) });
  return dir;
}

function scanJson(root: string, ...args: string[]): { status: number | null; findings: Array<{ ruleId: string; file: string; symbol?: string }>; stderr: string } {
  const result = runCli(["scan", root, "--no-cache", "--format", "json", ...args]);
  return { status: result.status, findings: result.stdout ? JSON.parse(result.stdout).findings : [], stderr: result.stderr };
}

describe("--suppress-all", () => {
  it("records every finding by file, rule and symbol or flag, in a deterministic file; the run then passes", () => {
    const root = knightCopy();
    const first = runCli(["scan", root, "--no-cache", "--suppress-all"]);
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/^✔ no problems \(12 files in \d+\.\d\d s · 6 suppressed\)\n$/);
    const file = path.join(root, "deadflag-suppressions.json");
    const written = readFileSync(file, "utf8");
    expect(JSON.parse(written)).toEqual({
      version: 1,
      suppressions: {
        "src/exchange/dropCopy.ts": { "no-unused-file": { "*": 1 } },
        "src/legacy/cumulativeQuantity.ts": { "no-unreachable-code": { CumulativeQuantity: 1 } },
        "src/legacy/powerPeg.ts": { "no-unreachable-code": { PowerPeg: 1 } },
        "src/logger.ts": { "no-unreachable-code": { silentLogger: 1 } },
        "src/router.ts": { "no-dead-flag-branch": { "power-peg": 2 } },
      },
    });
    expect(runCli(["scan", root, "--no-cache", "--suppress-all"]).status).toBe(0);
    expect(readFileSync(file, "utf8")).toBe(written);
  });

  it("keeps findings suppressed across unrelated edits, and reports only a new one", () => {
    const root = knightCopy();
    runCli(["scan", root, "--no-cache", "--suppress-all"]);
    const logger = path.join(root, "src", "logger.ts");
    writeFileSync(logger, `// a comment\n// that moves every line\n${readFileSync(logger, "utf8")}\nexport const unusedToo = 1;\n`);
    const after = scanJson(root);
    expect(after.status).toBe(1);
    expect(after.findings.map((f) => `${f.ruleId} ${f.file} ${f.symbol}`)).toEqual(["no-unreachable-code src/logger.ts unusedToo"]);
  });

  it("reports every finding of a key when there are more than it counts (it cannot tell which is new)", () => {
    const root = knightCopy();
    runCli(["scan", root, "--no-cache", "--suppress-all"]);
    const file = path.join(root, "deadflag-suppressions.json");
    const data = JSON.parse(readFileSync(file, "utf8"));
    data.suppressions["src/router.ts"]["no-dead-flag-branch"]["power-peg"] = 1;
    writeFileSync(file, JSON.stringify(data));
    const result = scanJson(root);
    expect(result.findings.map((f) => `${f.ruleId} ${f.file}`)).toEqual(["no-dead-flag-branch src/router.ts", "no-dead-flag-branch src/router.ts"]);
  });
});

describe("--suppress-rule and --prune-suppressions", () => {
  it("suppresses only the named rule", () => {
    const root = knightCopy();
    const result = scanJson(root, "--suppress-rule", "no-unreachable-code", "--suppress-rule", "no-unused-file");
    expect(result.findings.map((f) => f.ruleId)).toEqual(["no-dead-flag-branch", "no-dead-flag-branch"]);
    const data = JSON.parse(readFileSync(path.join(root, "deadflag-suppressions.json"), "utf8"));
    expect(Object.keys(data.suppressions).sort()).toEqual(["src/exchange/dropCopy.ts", "src/legacy/cumulativeQuantity.ts", "src/legacy/powerPeg.ts", "src/logger.ts"]);
  });

  it("rejects an unknown rule as a usage error", () => {
    const result = runCli(["scan", knightCopy(), "--suppress-rule", "no-such-rule"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^deadflag: option '--suppress-rule <id>' argument 'no-such-rule' is invalid\. unknown rule; the rules are no-flag-reuse, /);
  });

  it("warns about entries that no longer occur until they are pruned", () => {
    const root = knightCopy();
    runCli(["scan", root, "--no-cache", "--suppress-all"]);
    const logger = path.join(root, "src", "logger.ts");
    writeFileSync(logger, readFileSync(logger, "utf8").replace(/\/\*\* A logger that drops every line\. \*\/\nexport const silentLogger[\s\S]*?\n};\n/, ""));
    const stale = runCli(["scan", root, "--no-cache"]);
    expect(stale.status).toBe(0);
    expect(stale.stderr).toBe(
      `warning ${path.join(root, "deadflag-suppressions.json")}: 1 suppressed finding no longer occurs (src/logger.ts no-unreachable-code silentLogger); remove it with --prune-suppressions\n`,
    );
    const pruned = runCli(["scan", root, "--no-cache", "--prune-suppressions"]);
    expect(pruned.stderr).toBe("");
    const data = JSON.parse(readFileSync(path.join(root, "deadflag-suppressions.json"), "utf8"));
    expect(data.suppressions["src/logger.ts"]).toBeUndefined();
    expect(Object.keys(data.suppressions)).toHaveLength(4);
  });
});

describe("--suppressions-location and bad files", () => {
  it("reads and writes the file where it says", () => {
    const root = knightCopy();
    const location = path.join(path.dirname(root), "baseline.json");
    expect(runCli(["scan", root, "--no-cache", "--suppress-all", "--suppressions-location", location]).status).toBe(0);
    expect(existsSync(location)).toBe(true);
    expect(existsSync(path.join(root, "deadflag-suppressions.json"))).toBe(false);
    expect(runCli(["scan", root, "--no-cache", "--suppressions-location", location]).status).toBe(0);
    expect(runCli(["scan", root, "--no-cache"]).status).toBe(1);
  });

  it.each([
    ["corrupt", "{ not json", /^deadflag: .*baseline\.json: invalid JSON: .+\n$/],
    ["from a newer deadflag", '{ "version": 2, "suppressions": {} }', /^deadflag: .*baseline\.json: written by a newer deadflag \(version 2; this one reads version 1\): upgrade deadflag\n$/],
    ["of the wrong shape", '{ "version": 1, "suppressions": { "a.ts": { "no-unused-file": { "*": "x" } } } }', /^deadflag: .*baseline\.json: "suppressions"\."a\.ts"\."no-unused-file"\."\*" must be a count of 1 or more\n$/],
  ])("stops with one line for a %s file, exit 2, and overwrites nothing", (_name, text, message) => {
    const root = knightCopy();
    const location = path.join(path.dirname(root), "baseline.json");
    writeFileSync(location, text);
    const result = runCli(["scan", root, "--no-cache", "--suppress-all", "--suppressions-location", location]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(message);
    expect(readFileSync(location, "utf8")).toBe(text);
  });
});
