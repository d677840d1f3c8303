// `deadflag ledger update` as users run it, and `scan` against the ledger: findings at the head's
// read, `--format json` and `--output`, a broken ledger repaired with `--rebuild` (tombstones kept),
// and a ledger that cannot be written reported as the user's problem, not an internal error.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";

const example = path.resolve("examples/knight-capital");
let scratch: string;
let repo: string;

/** The replayed Knight Capital repository, checked out at `revision`, with the ledger left as it is. */
function checkout(revision: string): void {
  execFileSync("git", ["-C", repo, "checkout", "--quiet", "--force", revision], { stdio: "ignore" });
}

beforeAll(() => {
  scratch = mkdtempSync(path.join(os.tmpdir(), "deadflag-ledger-"));
  repo = path.join(scratch, "knight");
  execFileSync(process.execPath, [path.join(example, "build-history.mjs"), repo], { stdio: "ignore" });
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("deadflag ledger update", () => {
  it("records the flags; scan then reports the repurposed flag at the head's read, not at line 0", () => {
    checkout("HEAD~1");
    const update = runCli(["ledger", "update", repo, "--no-cache"]);
    expect(update.stderr).toBe("");
    expect(update.status).toBe(0);
    expect(update.stdout).toMatch(/^\.deadflag\/ledger\.json: 2 flags, 0 tombstones \(2 added, 0 changed, 0 tombstoned\)\n$/);
    checkout("main");
    const scan = runCli(["scan", repo, "--no-cache", "--format", "json"]);
    const reuse = JSON.parse(scan.stdout).findings.filter((f: { ruleId: string }) => f.ruleId === "no-flag-reuse");
    // Both reads of power-peg were given to RLP: the router's and the quote handler's.
    expect(reuse).toHaveLength(2);
    expect(reuse[0]).toMatchObject({ file: "src/router.ts", line: 26, column: 15, flag: "power-peg", data: { kind: "repurposed" } });
    expect(reuse[1]).toMatchObject({ file: "src/router.ts", line: 34, column: 27, flag: "power-peg", data: { kind: "repurposed" } });
    rmSync(path.join(repo, ".deadflag"), { recursive: true });
  });

  it("prints what it did as JSON with --format json, into --output, with stdout left empty", () => {
    checkout("main");
    const out = path.join(scratch, "ledger-update.json");
    const result = runCli(["ledger", "update", repo, "--no-cache", "--format", "json", "--output", out]);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe("");
    expect(JSON.parse(readFileSync(out, "utf8"))).toEqual({
      version: 1,
      file: ".deadflag/ledger.json",
      flags: 2,
      tombstones: 0,
      added: ["power-peg", "smart-routing"],
      changed: [],
      tombstoned: [],
    });
  });

  it("refuses a ledger with a merge conflict in one line naming --rebuild, which repairs it and keeps every readable tombstone", () => {
    checkout("main");
    const ledgerFile = path.join(repo, ".deadflag", "ledger.json");
    const ledger = JSON.parse(readFileSync(ledgerFile, "utf8"));
    const tombstone = (key: string) => ({ removed: { commit: "a".repeat(40), date: "2010-01-01T00:00:00Z" }, meaning: { ...ledger.flags["power-peg"].meaning, key } });
    const ours = JSON.stringify({ "old-a": tombstone("old-a") }, null, 2).slice(1, -1);
    const theirs = JSON.stringify({ "old-b": tombstone("old-b") }, null, 2).slice(1, -1);
    const conflicted = JSON.stringify({ ...ledger, tombstones: { MARK: 1 } }, null, 2).replace(
      '"MARK": 1',
      `<<<<<<< HEAD\n${ours},\n=======\n${theirs},\n>>>>>>> other`,
    );
    writeFileSync(ledgerFile, conflicted);
    const refused = runCli(["ledger", "update", repo, "--no-cache"]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/^deadflag: \.deadflag\/ledger\.json: invalid JSON: .*deadflag ledger update --rebuild`\n$/);
    expect(readFileSync(ledgerFile, "utf8")).toBe(conflicted);
    const rebuilt = runCli(["ledger", "update", repo, "--no-cache", "--rebuild"]);
    expect(rebuilt.stderr).toBe("");
    expect(rebuilt.status).toBe(0);
    const repaired = JSON.parse(readFileSync(ledgerFile, "utf8"));
    expect(Object.keys(repaired.tombstones)).toEqual(["old-a", "old-b"]);
    expect(Object.keys(repaired.flags)).toEqual(["power-peg", "smart-routing"]);
    expect(repaired.flags["power-peg"].introduced).toEqual(ledger.flags["power-peg"].introduced);
    rmSync(path.join(repo, ".deadflag"), { recursive: true });
  });

  it("reports a ledger it cannot write as one line naming the path, exit 2, not an internal error", () => {
    checkout("main");
    writeFileSync(path.join(repo, ".deadflag"), "a file in the way\n");
    const result = runCli(["ledger", "update", repo, "--no-cache"]);
    expect(result.status).toBe(2);
    expect(result.stderr).not.toContain("internal error");
    expect(result.stderr).toMatch(/^deadflag: .*\.deadflag: cannot mkdir: .+\n$/);
    rmSync(path.join(repo, ".deadflag"));
  });
});
