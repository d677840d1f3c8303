// What `history` and `diff` start from and what they say about their input: `--since` keeps the
// state before the range as the baseline, a shallow clone is said in one line (and the history
// JSON marked incomplete), and files read partly are warned about as `scan` does. Also the age of
// a flag: `no-stale-flag` in `scan`, from git.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { flagHistory } from "../../src/history/flag-history.js";
import type { GitRepo } from "../helpers/git-repo.js";
import { createGitRepo } from "../helpers/git-repo.js";
import { runCli } from "../helpers/run-cli.js";

const openFeature = `import { OpenFeature } from "@openfeature/server-sdk";\nconst client = OpenFeature.getClient();\n`;
const paths = `export function legacyPath(id: string): void {\n  void fetch("https://nyse.example/peg/" + id, { method: "POST" });\n}\n\nexport function otherPath(id: string): void {\n  void fetch("https://rlp.example/quote/" + id, { method: "PUT" });\n}\n`;
const reader = (fn: string): string => `${openFeature}import { ${fn} } from "./paths.js";

export async function route(id: string): Promise<void> {
  if (await client.getBooleanValue("power-peg", false)) ${fn}(id);
}
`;

/** c0 introduces power-peg, c1 changes something else, c2 points it at other code. */
function threeCommits(): { repo: GitRepo; commits: string[] } {
  const repo = createGitRepo({ daysBetweenCommits: 60 });
  const commits = [
    repo.commit("Power Peg", { "src/paths.ts": paths, "src/index.ts": reader("legacyPath") }),
    repo.commit("Docs", { "README.md": "router\n" }),
    repo.commit("RLP", { "src/index.ts": reader("otherPath") }),
  ];
  return { repo, commits };
}

const scratch: string[] = [];
afterEach(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("history --since", () => {
  it("keeps the state just before the range as the baseline: the change in range is a repurposing, not an introduction", async () => {
    const { repo, commits } = threeCommits();
    const history = await flagHistory({ root: repo.root, since: commits[1], cache: false });
    expect(history.commits).toBe(1);
    expect(history.flags).toEqual([
      { key: "power-peg", events: [expect.objectContaining({ commit: commits[2], kind: "repurposed", severity: "error", file: "src/index.ts", line: 6 })] },
    ]);
  });
});

describe("a shallow clone", () => {
  it("is said in one line by history, whose JSON is marked incomplete, and by diff", () => {
    const { repo } = threeCommits();
    const clone = path.join(mkdtempSync(path.join(os.tmpdir(), "deadflag-shallow-")), "clone");
    scratch.push(path.dirname(clone));
    execFileSync("git", ["clone", "--quiet", "--depth", "2", `file://${repo.root}`, clone], { stdio: "ignore" });

    const history = runCli(["history", ".", "--format", "json", "--no-cache"], clone);
    expect(history.status).toBe(0);
    expect(history.stderr).toBe(
      "warning shallow clone: history is incomplete (the timeline starts at its first commit); fetch it (git fetch --unshallow) or check against .deadflag/ledger.json\n",
    );
    const document = JSON.parse(history.stdout) as { incomplete: boolean; commits: number };
    expect(document).toMatchObject({ version: 1, incomplete: true, commits: 2 });

    const diff = runCli(["diff", ".", "--base", "HEAD~1", "--head", "HEAD", "--format", "json", "--no-cache"], clone);
    expect(diff.stderr).toContain("warning shallow clone: history is incomplete (a key removed before its first commit is not found)");
  });

  it("is not mentioned in a full clone", () => {
    const { repo } = threeCommits();
    const history = runCli(["history", ".", "--format", "json", "--no-cache"], repo.root);
    expect(history.stderr).toBe("");
    expect(JSON.parse(history.stdout)).toMatchObject({ incomplete: false });
  });
});

describe("a repository missing a binary's blob (a trimmed mirror, a partial clone offline)", () => {
  it("is read by history as long as the flags' files are there: a moved font's blob is never needed", async () => {
    const repo = createGitRepo({ daysBetweenCommits: 60 });
    const font = Buffer.alloc(4096, 7).toString("latin1");
    const commits = [
      repo.commit("Power Peg", { "src/paths.ts": paths, "src/index.ts": reader("legacyPath"), "assets/font.ttf": font }),
      // The font moves and changes a little: git's rename detection would read both blobs.
      repo.commit("Fonts", { "assets/font.ttf": null, "public/fonts/font.ttf": `${font}!` }),
      repo.commit("RLP", { "src/index.ts": reader("otherPath") }),
    ];
    const blob = repo.git(["rev-parse", `${commits[0]}:assets/font.ttf`]);
    rmSync(path.join(repo.root, ".git", "objects", blob.slice(0, 2), blob.slice(2)));
    expect(() => repo.git(["cat-file", "-e", blob])).toThrow();

    const history = await flagHistory({ root: repo.root, cache: false });
    expect(history.flags).toEqual([
      {
        key: "power-peg",
        events: [expect.objectContaining({ commit: commits[0], kind: "introduced" }), expect.objectContaining({ commit: commits[2], kind: "repurposed", severity: "error" })],
      },
    ]);
  });
});

describe("a repository missing a blob that diff must look into", () => {
  /** A font and a bundled script changed in history, then a new key; `missing` names which blob is then removed. */
  function withMissingBlob(missing: "assets/font.ttf" | "public/vendor.js"): GitRepo {
    const repo = createGitRepo({ daysBetweenCommits: 60 });
    const first = repo.commit("Power Peg", { "src/paths.ts": paths, "src/index.ts": reader("legacyPath"), "assets/font.ttf": "\u0000font", "public/vendor.js": "var vendor = 1;\n" });
    repo.commit("Assets", { "assets/font.ttf": "\u0000font 2", "public/vendor.js": "var vendor = 2;\n" });
    repo.commit("New flag", { "src/beta.ts": `${openFeature}export async function beta(): Promise<boolean> {\n  return client.getBooleanValue("beta-router", false);\n}\n` });
    const blob = repo.git(["rev-parse", `${first}:${missing}`]);
    rmSync(path.join(repo.root, ".git", "objects", blob.slice(0, 2), blob.slice(2)));
    return repo;
  }

  it("is not needed when it is not a file deadflag reads (a font): the search for a new key's earlier life skips it", () => {
    const diff = runCli(["diff", ".", "--base", "HEAD~1", "--format", "json", "--no-cache"], withMissingBlob("assets/font.ttf").root);
    expect(diff.stderr).toBe("");
    expect(diff.status).toBe(0);
  });

  it("is said in one line with exit 2 when it is one (a script)", () => {
    const diff = runCli(["diff", ".", "--base", "HEAD~1", "--format", "json", "--no-cache"], withMissingBlob("public/vendor.js").root);
    expect(diff.status).toBe(2);
    expect(diff.stderr).toMatch(/^deadflag: git: object [0-9a-f]{40} is missing from this repository \(a partial clone or a trimmed copy\?\); fetch it and run again\n$/);
  });
});

describe("skipped input", () => {
  it("is warned about by diff and history as scan does: a file with a syntax error, read as far as it parses", () => {
    const { repo } = threeCommits();
    repo.commit("Broken", { "src/broken.ts": "export const x = (;\n" });
    const warning = "warning src/broken.ts: syntax error at 1:19: Expression expected.; read what parsed\n";

    expect(runCli(["scan", ".", "--format", "json", "--no-cache"], repo.root).stderr).toContain(warning);
    expect(runCli(["diff", ".", "--base", "HEAD~1", "--head", "HEAD", "--format", "json", "--no-cache"], repo.root).stderr).toBe(warning);
    expect(runCli(["history", ".", "--format", "json", "--no-cache"], repo.root).stderr).toBe(warning);
  });
});

describe("no-stale-flag", () => {
  /**
   * A flag read since c0 (2024-01-01); the last commit 200 days later. Ages count from now, so the
   * flag is older than any staleAfterDays under a year; the commit that shows it is the newest one
   * older than the limit.
   */
  function oldFlag(config: Record<string, unknown>): GitRepo {
    const repo = createGitRepo({ daysBetweenCommits: 100 });
    repo.commit("Power Peg", { "src/paths.ts": paths, "src/index.ts": reader("legacyPath"), "deadflag.config.json": JSON.stringify(config) });
    repo.commit("Docs", { "README.md": "router\n" });
    repo.commit("More docs", { "README.md": "router, again\n" });
    return repo;
  }

  it("reports a flag read for longer than staleAfterDays, at its first read, when the config turns the rule on", () => {
    const repo = oldFlag({ rules: { "no-stale-flag": "warn" } });
    const scan = runCli(["scan", ".", "--format", "json", "--no-cache"], repo.root);
    const stale = (JSON.parse(scan.stdout) as { findings: Array<Record<string, unknown>> }).findings.filter((f) => f["ruleId"] === "no-stale-flag");
    expect(stale).toEqual([
      expect.objectContaining({
        severity: "warn",
        file: "src/index.ts",
        line: 6,
        column: 13,
        flag: "power-peg",
        message: expect.stringMatching(/^power-peg has been read for more than 90 days \(already at [0-9a-f]{7}, 2024-07-19\): fold it, or declare it "active" if it is meant to stay$/),
      }),
    ]);
  });

  it("leaves alone a flag declared active, a flag younger than staleAfterDays, and every flag when the rule is not set", () => {
    const stale = (config: Record<string, unknown>): unknown[] => {
      const scan = runCli(["scan", ".", "--format", "json", "--no-cache"], oldFlag(config).root);
      return (JSON.parse(scan.stdout) as { findings: Array<Record<string, unknown>> }).findings.filter((f) => f["ruleId"] === "no-stale-flag");
    };
    expect(stale({ rules: { "no-stale-flag": "warn" }, flags: { states: { "power-peg": "active" } } })).toEqual([]);
    expect(stale({ rules: { "no-stale-flag": "warn" }, staleAfterDays: 36_500 })).toEqual([]);
    expect(stale({})).toEqual([]);
  });
});
