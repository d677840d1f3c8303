// Small git repositories in temporary directories, for the revision commands: write files, commit
// them in steps, get the commit ids back. Identities, dates and config are fixed, so the same steps
// give the same commit ids on every machine; each repository is removed after its test.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach } from "vitest";

/** Path → new text, or `null` to delete the file. */
export type FileChanges = Record<string, string | null>;

/** A temporary git repository. */
export interface GitRepo {
  /** Its top-level directory (absolute). */
  root: string;
  /** Writes (or deletes) files in the working tree without staging them. */
  write(changes: FileChanges): void;
  /** Writes the files and stages them (`git add --all`), without committing. */
  stage(changes?: FileChanges): void;
  /** Writes the files, stages everything and commits; returns the new commit's full id. */
  commit(message: string, changes?: FileChanges): string;
  /** Runs git in the repository with the fixed environment and returns its trimmed stdout. */
  git(args: readonly string[]): string;
}

const created: string[] = [];

afterEach(() => {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const identity = { name: "Deadflag Test", email: "test@deadflag.invalid" };
/** The first commit's date; each further commit is one minute later (or `daysBetweenCommits` days). */
const firstDate = Date.parse("2024-01-01T00:00:00Z");

/** How the repository's history is spaced. */
export interface GitRepoOptions {
  /** Days between two commits (default: one minute): flags older than `developmentDays` are stable. */
  daysBetweenCommits?: number;
}

/** Creates an empty repository (branch `main`); removed after the test. */
export function createGitRepo(options: GitRepoOptions = {}): GitRepo {
  const step = options.daysBetweenCommits === undefined ? 60_000 : options.daysBetweenCommits * 24 * 60 * 60_000;
  const root = mkdtempSync(path.join(os.tmpdir(), "deadflag-git-"));
  created.push(root);
  let commits = 0;
  const git = (args: readonly string[]): string => {
    const date = new Date(firstDate + commits * step).toISOString();
    return execFileSync("git", ["-C", root, "-c", "commit.gpgsign=false", "-c", "core.autocrlf=false", ...args], {
      env: gitEnv(date),
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    }).trim();
  };
  const write = (changes: FileChanges): void => {
    for (const [file, text] of Object.entries(changes)) {
      const target = path.join(root, file);
      if (text === null) {
        rmSync(target, { force: true });
        continue;
      }
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, text);
    }
  };
  const stage = (changes: FileChanges = {}): void => {
    write(changes);
    git(["add", "--all"]);
  };
  git(["init", "--quiet", "--initial-branch=main"]);
  return {
    root,
    write,
    stage,
    git,
    commit(message, changes = {}) {
      stage(changes);
      git(["commit", "--quiet", "--no-verify", "--allow-empty", "--message", message]);
      commits++;
      return git(["rev-parse", "HEAD"]);
    },
  };
}

/** The caller's git settings and GIT_* variables (a hook's GIT_DIR) must not leak into the repository. */
function gitEnv(date: string): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("GIT_")));
  return {
    ...env,
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_CONFIG_GLOBAL: os.devNull,
    GIT_AUTHOR_NAME: identity.name,
    GIT_AUTHOR_EMAIL: identity.email,
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_NAME: identity.name,
    GIT_COMMITTER_EMAIL: identity.email,
    GIT_COMMITTER_DATE: date,
  };
}
