// .pre-commit-hooks.yaml run by the real pre-commit tool (`pre-commit try-repo`), which installs the
// hooks the way users get them: `npm install` and `npm pack` of this repository. Installing takes
// about two minutes, so this runs in CI (.ci/run sets DEADFLAG_TEST_PRE_COMMIT=1 and installs
// pre-commit) and not in every local `npm test`.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const deadflagRepo = path.resolve(".");
const hasPreCommit = spawnSync("pre-commit", ["--version"]).status === 0;
const enabled = process.env["DEADFLAG_TEST_PRE_COMMIT"] === "1";
if (!enabled || !hasPreCommit) {
  process.stderr.write(
    `pre-commit hook test skipped: ${!enabled ? "set DEADFLAG_TEST_PRE_COMMIT=1 (CI does)" : "the pre-commit tool is not installed (apt-get install pre-commit)"}\n`,
  );
}

let scratch: string;
let project: string;

function git(...args: string[]): void {
  execFileSync("git", ["-C", project, ...args], { stdio: "ignore" });
}

function tryHook(id: string): { status: number | null; output: string } {
  const result = spawnSync("pre-commit", ["try-repo", deadflagRepo, id, "--verbose"], {
    cwd: project,
    encoding: "utf8",
    env: { ...process.env, PRE_COMMIT_HOME: path.join(scratch, "pre-commit-home"), npm_config_prefer_offline: "true", NO_COLOR: "1" },
    timeout: 420_000,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe.runIf(enabled && hasPreCommit)("the pre-commit hooks", () => {
  beforeAll(() => {
    scratch = mkdtempSync(path.join(os.tmpdir(), "deadflag-pre-commit-"));
    project = path.join(scratch, "knight");
    execFileSync(process.execPath, [path.join(deadflagRepo, "examples", "knight-capital", "build-history.mjs"), project], { stdio: "ignore" });
    git("checkout", "--quiet", "HEAD~1");
  });

  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it("deadflag-diff stops a commit that reuses the retired power-peg flag", { timeout: 480_000 }, () => {
    git("checkout", "main", "--", ".");
    const result = tryHook("deadflag-diff");
    expect(result.output).toContain("deadflag diff --staged");
    expect(result.output).toMatch(/src\/router\.ts\n {2}26:15 +error {2}power-peg switched PowerPeg .* no-flag-reuse/);
    expect(result.status).toBe(1);
  });

  it("deadflag-diff and deadflag-scan pass a commit that changes no flag's meaning", { timeout: 480_000 }, () => {
    git("reset", "--quiet", "--hard", "HEAD");
    writeFileSync(path.join(project, "src", "rlp-notes.md"), "notes\n");
    git("add", "--all");
    const diff = tryHook("deadflag-diff");
    expect(diff.output).toMatch(/deadflag diff --staged\.+(Passed|\(no files to check\)Skipped)/);
    writeFileSync(path.join(project, "src", "index.ts"), "// touched\n", { flag: "a" });
    git("add", "--all");
    const diffAgain = tryHook("deadflag-diff");
    expect(diffAgain.output).toMatch(/deadflag diff --staged\.+Passed/);
    expect(diffAgain.status).toBe(0);
    const scan = tryHook("deadflag-scan");
    expect(scan.output).toMatch(/deadflag scan --staged\.+Passed/);
    expect(scan.status).toBe(0);
  });
});
