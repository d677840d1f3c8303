// Bad input as users meet it: usage errors in deadflag's words with a usage line, an unknown format,
// an --output that cannot be written (nothing written, nothing overwritten), a --config echoed as
// typed, and diff on a path that is missing, not a repository, or one git refuses to read.
import { chownSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createGitRepo } from "../helpers/git-repo.js";
import { runCli } from "../helpers/run-cli.js";
import { tempProject } from "../helpers/temp-dir.js";

const knight = path.resolve("examples/knight-capital");

describe("usage errors", () => {
  it("name the problem as `deadflag: …` and print the command's usage line, exit 2", () => {
    const result = runCli(["scan", knight, "--bogus"]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe("deadflag: unknown option '--bogus'\nusage: deadflag scan [options] [path]\n");
  });

  it("say which formats there are for an unknown --format", () => {
    const result = runCli(["scan", knight, "--format", "xml"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      "deadflag: option '-f, --format <format>' argument 'xml' is invalid. Allowed choices are text, json, sarif, github, junit, markdown.\nusage: deadflag scan [options] [path]\n",
    );
  });

  it("suggest the closest command for a typo, and give a subcommand's full usage", () => {
    const typo = runCli(["sacn"]);
    expect(typo.status).toBe(2);
    expect(typo.stderr).toBe("deadflag: unknown command 'sacn' (Did you mean scan?)\nusage: deadflag [options] [command]\n");
    const sub = runCli(["ledger", "update", "--format", "sarif"]);
    expect(sub.status).toBe(2);
    expect(sub.stderr.split("\n")[1]).toBe("usage: deadflag ledger update [options] [path]");
  });
});

describe("--output", () => {
  it("into a missing directory: one line naming the path as typed, exit 2, before any work", () => {
    const cwd = tempProject({ "keep.txt": "x" });
    const result = runCli(["scan", knight, "--output", "missing/report.sarif", "--format", "sarif"], cwd);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe("deadflag: missing/report.sarif: cannot write: directory missing does not exist\n");
    expect(existsSync(path.join(cwd, "missing"))).toBe(false);
  });

  it("onto a directory: one line, exit 2, the directory untouched", () => {
    const cwd = tempProject({ "out/keep.txt": "x" });
    const result = runCli(["scan", knight, "--output", "out"], cwd);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe("deadflag: out: is a directory; --output needs a file name\n");
    expect(readFileSync(path.join(cwd, "out", "keep.txt"), "utf8")).toBe("x");
  });

  it("keeps the previous report when the run fails before writing", () => {
    const cwd = tempProject({ "report.json": "previous\n", "bad.json": "{ bad" });
    const result = runCli(["scan", knight, "--config", "bad.json", "--output", "report.json"], cwd);
    expect(result.status).toBe(2);
    expect(readFileSync(path.join(cwd, "report.json"), "utf8")).toBe("previous\n");
  });

  it("writes the report to the file and a one-line summary to stdout", () => {
    const cwd = tempProject({ "keep.txt": "x" });
    const result = runCli(["scan", knight, "--no-cache", "--format", "sarif", "--output", "deadflag.sarif"], cwd);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("deadflag scan: 6 problems (6 errors, 0 warnings); sarif report written to deadflag.sarif\n");
    expect(JSON.parse(readFileSync(path.join(cwd, "deadflag.sarif"), "utf8")).runs[0].results).toHaveLength(6);
  });
});

describe("--config", () => {
  it("is echoed as typed in errors, not relative to the analysed directory", () => {
    const cwd = tempProject({ "configs/bad.json": "{ bad" });
    const result = runCli(["scan", knight, "--config", "configs/bad.json"], cwd);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^deadflag: configs\/bad\.json: invalid JSON: /);
  });

  it("is read relative to the current directory by diff too", () => {
    const repo = createGitRepo();
    repo.commit("init", { "package.json": '{ "name": "x", "main": "index.js" }', "index.ts": "export const a = 1;\n" });
    const cwd = tempProject({ "my.json": '{ "rulez": {} }' });
    const result = runCli(["diff", repo.root, "--config", "my.json"], cwd);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^deadflag: my\.json: unknown field "rulez"/);
  });
});

describe("diff and history outside a repository", () => {
  it("say that a missing path does not exist", () => {
    const missing = path.join(os.tmpdir(), "deadflag-no-such-dir");
    for (const command of ["diff", "history"]) {
      const result = runCli([command, missing]);
      expect(result.status).toBe(2);
      expect(result.stderr).toBe(`deadflag: ${missing}: no such file or directory\n`);
    }
  });

  it("say not a git repository for a directory outside one", () => {
    const root = tempProject({ "index.ts": "export const a = 1;\n" });
    const result = runCli(["diff", root]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`deadflag: ${root}: not a git repository (deadflag reads revisions from git)\n`);
  });

  it.runIf(process.getuid?.() === 0)("say what git said when it refuses a repository of another owner", () => {
    const repo = createGitRepo();
    repo.commit("init", { "index.ts": "export const a = 1;\n" });
    chownSync(repo.root, 65534, 65534);
    writeFileSync(path.join(repo.root, "index.ts"), "export const a = 2;\n");
    const result = runCli(["diff", repo.root]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^deadflag: .*: git refused to read it: detected dubious ownership in repository at '.*' \(to trust it: git config --global --add safe\.directory <path>\)\n$/);
  });
});
