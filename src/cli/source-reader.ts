// The text of analysed files for code frames and fingerprints: from the disk, or from git's index
// or a commit when that is what was analysed. Each file is read once.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";

/** Where the analysed text lives: the working tree, the index (`--staged`) or a commit. */
export type SourceOrigin = { kind: "worktree" } | { kind: "index" } | { kind: "commit"; revision: string };

/** A reader of analysed files (POSIX paths relative to `root`) that caches each text. */
export function sourceReader(root: string, origin: SourceOrigin = { kind: "worktree" }): (file: string) => string | undefined {
  const texts = new Map<string, string | undefined>();
  const read = (file: string): string | undefined => {
    try {
      if (origin.kind === "worktree") return readFileSync(path.join(root, file), "utf8");
      const spec = origin.kind === "index" ? `:./${file}` : `${origin.revision}:./${file}`;
      return execFileSync("git", ["show", spec], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], maxBuffer: 64 * 1024 * 1024 });
    } catch {
      return undefined;
    }
  };
  return (file) => {
    if (!texts.has(file)) texts.set(file, read(file));
    return texts.get(file);
  };
}
