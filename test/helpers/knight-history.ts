// The Knight Capital example's git history (examples/knight-capital/build-history.mjs), built in a
// fresh temporary directory before the tests of a describe block and removed after them.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll } from "vitest";

/** The repository and its commits, oldest first; filled in once the describe block's tests start. */
export interface KnightHistory {
  repo: string;
  stages: string[];
}

/** Registers the hooks that build and remove the history; call it inside a `describe`. */
export function useKnightHistory(prefix: string): KnightHistory {
  const script = fileURLToPath(new URL("../../examples/knight-capital/build-history.mjs", import.meta.url));
  const history: KnightHistory = { repo: "", stages: [] };
  let scratch = "";
  beforeAll(() => {
    scratch = mkdtempSync(path.join(os.tmpdir(), prefix));
    history.repo = path.join(scratch, "smars");
    // The suite may run inside a git hook, whose GIT_ variables would point git at another repository.
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("GIT_")));
    execFileSync(process.execPath, [script, history.repo], { env, encoding: "utf8" });
    history.stages = execFileSync("git", ["-C", history.repo, "rev-list", "--reverse", "HEAD"], { env, encoding: "utf8" }).trim().split("\n");
  });
  afterAll(() => {
    if (scratch !== "") rmSync(scratch, { recursive: true, force: true });
  });
  return history;
}
