import { readFileSync, symlinkSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";
import { tempProject } from "../helpers/temp-dir.js";

const knight = path.resolve("examples/knight-capital");

interface FlagsJson {
  version: number;
  flags: Array<{
    key: string;
    state: string | null;
    references: Array<{ file: string; line: number; column: number; sdk: string; default?: unknown; polarity: string }>;
  }>;
}

function parseFlags(stdout: string): FlagsJson {
  const parsed: unknown = JSON.parse(stdout);
  if (typeof parsed !== "object" || parsed === null || !("flags" in parsed)) throw new Error("not a flags document");
  return parsed as FlagsJson;
}

describe("deadflag flags", () => {
  it("prints the knight-capital index as JSON with the contract's fields", () => {
    const result = runCli(["flags", knight, "--format", "json", "--no-cache"]);
    expect(result.status).toBe(0);
    const doc = parseFlags(result.stdout);
    expect(doc.version).toBe(1);
    expect(doc.flags.map((f) => [f.key, f.state, f.references.length])).toEqual([
      ["power-peg", "retired", 2],
      ["smart-routing", "active", 1],
    ]);
    const first = doc.flags[0]?.references[0];
    expect(first).toMatchObject({ file: "src/router.ts", sdk: "openfeature", default: false, polarity: "positive" });
    expect(first?.line).toBeGreaterThan(0);
  });

  it("prints a table with key, state, reads, files and SDKs", () => {
    const result = runCli(["flags", knight, "--no-cache"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^KEY\s+STATE\s+READS\s+FILES\s+SDKS$/m);
    expect(result.stdout).toMatch(/^power-peg\s+retired\s+2\s+1\s+openfeature$/m);
    expect(result.stdout).toContain("3 reads of 2 flags in 1 file.");
  });

  it("fails with one line and exit code 2 for a path that does not exist", () => {
    const result = runCli(["flags", "/nonexistent/deadflag-project"]);
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split("\n")).toEqual(["deadflag: /nonexistent/deadflag-project: no such file or directory"]);
    expect(result.stdout).toBe("");
  });

  it("fails with one line naming the field for a wrong config value", () => {
    const root = tempProject({
      "deadflag.config.json": JSON.stringify({ flags: { states: { "power-peg": "maybe" } } }),
      "src/a.ts": "export const a = 1;\n",
    });
    const result = runCli(["flags", root]);
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe(
      'deadflag: deadflag.config.json: flags.states.power-peg: expected one of "on", "off", "retired", "active", got "maybe"',
    );
  });

  it("rejects an unknown format as a usage error", () => {
    const result = runCli(["flags", knight, "--format", "yaml"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("yaml");
  });

  it("says so for an empty directory and exits 0", () => {
    const result = runCli(["flags", tempProject({})]);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe("No flag reads found.\n");
  });

  it("warns about a file that does not parse and still indexes the others", () => {
    const root = tempProject({
      "src/broken.ts": "export function (\n",
      "src/ok.ts": 'if (process.env.FEATURE_NEW_UI) render();\n',
    });
    const result = runCli(["flags", root, "--format", "json", "--no-cache"]);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/^warning src\/broken\.ts: syntax error at 1:\d+: /m);
    expect(parseFlags(result.stdout).flags.map((f) => f.key)).toEqual(["FEATURE_NEW_UI"]);
  });

  it("skips binary, non-UTF-8 and oversized files with a warning each", () => {
    const root = tempProject({
      "src/binary.ts": new Uint8Array([0x63, 0x6f, 0x00, 0x01, 0x02]),
      "src/latin1.ts": new Uint8Array([0x2f, 0x2f, 0x20, 0xe9, 0x0a]),
      "src/huge.ts": `// ${"x".repeat(3 * 1024 * 1024)}\n`,
      "src/ok.ts": 'if (process.env.FEATURE_NEW_UI) render();\n',
    });
    const result = runCli(["flags", root, "--format", "json", "--no-cache"]);
    expect(result.status).toBe(0);
    expect(result.stderr).toContain("warning src/binary.ts: skipped: binary file");
    expect(result.stderr).toContain("warning src/latin1.ts: skipped: not valid UTF-8 text");
    expect(result.stderr).toMatch(/warning src\/huge\.ts: skipped: \d+ bytes is over the \d+-byte limit/);
    expect(parseFlags(result.stdout).flags.map((f) => f.key)).toEqual(["FEATURE_NEW_UI"]);
  });

  it("falls back to every source file when the tsconfig is broken, and says so", () => {
    const root = tempProject({
      "tsconfig.json": "{ this is not json",
      "src/ok.ts": 'if (process.env.FEATURE_NEW_UI) render();\n',
    });
    const result = runCli(["flags", root, "--format", "json", "--no-cache"]);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/^warning tsconfig\.json: .*analysing every source file under the root instead$/m);
    expect(parseFlags(result.stdout).flags.map((f) => f.key)).toEqual(["FEATURE_NEW_UI"]);
  });

  it("does not hang on a symlink loop", () => {
    const root = tempProject({ "src/ok.ts": 'if (process.env.FEATURE_NEW_UI) render();\n' });
    symlinkSync(root, path.join(root, "src", "loop"));
    const result = runCli(["flags", root, "--format", "json", "--no-cache"]);
    expect(result.status).toBe(0);
    expect(parseFlags(result.stdout).flags.map((f) => f.key)).toEqual(["FEATURE_NEW_UI"]);
  });

  it("writes to --output instead of stdout", () => {
    const root = tempProject({ "src/ok.ts": 'if (process.env.FEATURE_NEW_UI) render();\n' });
    const out = path.join(root, "index.json");
    const result = runCli(["flags", root, "--format", "json", "--output", out, "--no-cache"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe("");
    expect(runCli(["flags", root, "--format", "json", "--no-cache"]).stdout).toBe(
      readFileSync(out, "utf8"),
    );
  });
});
