// `retire --write`'s guard: the files of the analysed directory with uncommitted changes, so that a
// retirement is written only into a clean tree, where `git diff` shows exactly what it did and
// `git checkout` undoes it.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { InputError } from "../engine/input-error.js";

/**
 * The uncommitted changes that stop a write into `root`: every tracked file under it that is
 * modified, staged, deleted or renamed, and every untracked file among `touched` (root-relative);
 * untracked files retire does not touch are left out (a local scratch file, the cache). Paths are
 * root-relative POSIX. Throws InputError outside a git work tree.
 */
export function uncommittedChanges(root: string, touched: readonly string[]): string[] {
  const absolute = path.resolve(root);
  const git = (args: string[]): string => execFileSync("git", ["-C", absolute, ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  let top: string;
  try {
    top = git(["rev-parse", "--show-toplevel"]).trim();
  } catch {
    throw new InputError(`${root} is not in a git work tree: retire --write writes only into a clean git tree (--allow-dirty writes anyway)`);
  }
  const wanted = new Set(touched.map((file) => path.relative(top, path.join(absolute, file)).split(path.sep).join("/")));
  const entries = git(["status", "--porcelain=v1", "-z", "--untracked-files=all", "--", "."]).split("\0");
  const dirty: string[] = [];
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i] ?? "";
    if (entry.length < 4) continue;
    const status = entry.slice(0, 2);
    const file = entry.slice(3);
    // A rename or copy is followed by its source path.
    if (status.includes("R") || status.includes("C")) i++;
    if (status === "??" && !wanted.has(file)) continue;
    dirty.push(path.relative(absolute, path.join(top, file)).split(path.sep).join("/"));
  }
  return dirty.sort();
}
