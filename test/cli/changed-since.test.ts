// `scan --changed-since <rev>` and `scan --staged` narrow the report, never the analysis: findings
// in the touched files, and findings the change caused elsewhere (deleting the last call in a
// touched file reveals the newly dead function in an untouched one); what was dead before stays out.
import { describe, expect, it } from "vitest";
import { createGitRepo } from "../helpers/git-repo.js";
import { runCli } from "../helpers/run-cli.js";

const project = {
  "package.json": JSON.stringify({ name: "fixture", type: "module", main: "src/index.ts" }),
  "src/index.ts": 'import { keep } from "./a.js";\nimport { run } from "./b.js";\nexport function main(): number {\n  return run() + keep();\n}\n',
  "src/b.ts": 'import { legacy } from "./a.js";\nexport function run(): number {\n  return legacy();\n}\n',
  "src/a.ts": "export function legacy(): number {\n  return 1;\n}\nexport function oldDead(): number {\n  return 2;\n}\nexport function keep(): number {\n  return 3;\n}\n",
};
const withoutTheCall = { "src/b.ts": "export function run(): number {\n  return 2;\n}\n" };

interface JsonFinding {
  ruleId: string;
  file: string;
  line: number;
  symbol?: string;
}

function findingsOf(stdout: string): string[] {
  return (JSON.parse(stdout).findings as JsonFinding[]).map((f) => `${f.ruleId} ${f.file}:${f.line} ${f.symbol ?? ""}`);
}

describe("scan --changed-since", () => {
  it("reports the function that a deleted call in a changed file left dead in an unchanged file, and not older findings", () => {
    const repo = createGitRepo();
    const base = repo.commit("init", project);
    repo.commit("drop the call", withoutTheCall);
    const whole = runCli(["scan", repo.root, "--no-cache", "--format", "json"]);
    expect(findingsOf(whole.stdout)).toEqual(["no-unreachable-code src/a.ts:1 legacy", "no-unreachable-code src/a.ts:4 oldDead"]);
    const narrowed = runCli(["scan", repo.root, "--no-cache", "--format", "json", "--changed-since", base]);
    expect(narrowed.status).toBe(1);
    expect(findingsOf(narrowed.stdout)).toEqual(["no-unreachable-code src/a.ts:1 legacy"]);
    const text = runCli(["scan", repo.root, "--no-cache", "--changed-since", base]);
    expect(text.stdout).toMatch(/✖ 1 problem \(1 error, 0 warnings\): no-unreachable-code 1 · 3 files in \d+\.\d\d s · 1 outside the changes\n$/);
  });

  it("counts uncommitted and untracked files as changed, and passes when the change causes nothing", () => {
    const repo = createGitRepo();
    repo.commit("init", project);
    repo.write({ "src/c.ts": "export function notImported(): number {\n  return 3;\n}\n" });
    const result = runCli(["scan", repo.root, "--no-cache", "--format", "json", "--changed-since", "HEAD"]);
    expect(findingsOf(result.stdout)).toEqual(["no-unused-file src/c.ts:1 "]);
    repo.write({ "src/c.ts": null, "src/index.ts": `${project["src/index.ts"]}// touched\n` });
    const clean = runCli(["scan", repo.root, "--no-cache", "--format", "json", "--changed-since", "HEAD"]);
    expect(clean.status).toBe(0);
    expect(findingsOf(clean.stdout)).toEqual([]);
  });

  it("is a one-line error for an unknown revision", () => {
    const repo = createGitRepo();
    repo.commit("init", project);
    const result = runCli(["scan", repo.root, "--no-cache", "--changed-since", "no-such-branch"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('deadflag: unknown revision "no-such-branch"\n');
  });
});

describe("scan --staged", () => {
  it("reports what the staged change touches or causes, compared with HEAD", () => {
    const repo = createGitRepo();
    repo.commit("init", project);
    repo.stage(withoutTheCall);
    const result = runCli(["scan", repo.root, "--no-cache", "--format", "json", "--staged"]);
    expect(result.status).toBe(1);
    expect(findingsOf(result.stdout)).toEqual(["no-unreachable-code src/a.ts:1 legacy"]);
  });

  it("cannot be combined with --changed-since", () => {
    const repo = createGitRepo();
    repo.commit("init", project);
    const result = runCli(["scan", repo.root, "--staged", "--changed-since", "HEAD"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe("deadflag: --changed-since and --staged cannot be used together\n");
  });
});
