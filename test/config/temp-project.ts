import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** Creates a fresh temporary directory holding `files` (path -> content) and returns its real path. */
export function createTempProject(files: Record<string, string> = {}): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "deadflag-config-")));
  writeFiles(root, files);
  return root;
}

/** Writes `files` (path -> content, `/`-separated) under `root`, creating folders as needed. */
export function writeFiles(root: string, files: Record<string, string>): void {
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(root, ...name.split("/"));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
}

/** Removes a directory made by {@link createTempProject}. */
export function removeTempProject(root: string): void {
  fs.rmSync(root, { recursive: true, force: true });
}
