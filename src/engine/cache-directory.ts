// Where the cache lives: `node_modules/.cache/deadflag` when the project has a `node_modules`
// (the convention of babel, eslint and webpack, and never committed), else `.deadflag/cache`, which
// a `.gitignore` written inside it keeps out of git (`.deadflag/` itself holds the committed ledger).
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

/** The cache directory (absolute) for the project at `root`; `location` (`--cache-location`) wins. */
export function cacheDirectoryFor(root: string, location?: string): string {
  if (location !== undefined) return path.resolve(root, location);
  const nodeModules = path.join(root, "node_modules");
  return existsSync(nodeModules) ? path.join(nodeModules, ".cache", "deadflag") : path.join(root, ".deadflag", "cache");
}

/** Creates `directory` with a `.gitignore` that ignores everything in it; false when it cannot be written. */
export function prepareCacheDirectory(directory: string): boolean {
  try {
    mkdirSync(directory, { recursive: true });
    const gitignore = path.join(directory, ".gitignore");
    if (!existsSync(gitignore)) writeFileSync(gitignore, "# deadflag's cache: safe to delete, never committed\n*\n");
    return true;
  } catch {
    return false;
  }
}
