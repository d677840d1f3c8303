// Which project a file belongs to, for the ESLint rules: ESLint hands them one file at a time and
// never says which project it is part of.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { configFileNames, findWorkspaceRoot } from "../config/load-config.js";

const rootsByDirectory = new Map<string, string | undefined>();

/**
 * The project root of `file` (absolute), the directory `deadflag scan` would be run in: the root of
 * the monorepo it is in (one graph across the workspace's packages), else the nearest directory
 * above it that holds a deadflag config (`package.json` counts only with a `deadflag` field), else
 * the nearest one that holds a `package.json`, looking no higher than the directory that holds
 * `.git`; undefined when there is none. Answers are remembered per directory for the process's life.
 */
export function findProjectRoot(file: string): string | undefined {
  const start = path.dirname(path.resolve(file));
  const known = rootsByDirectory.get(start);
  if (known !== undefined || rootsByDirectory.has(start)) return known;
  let nearestPackage: string | undefined;
  let root = findWorkspaceRoot(start);
  for (let directory = start; root === undefined; directory = path.dirname(directory)) {
    if (hasConfig(directory)) {
      root = directory;
      break;
    }
    if (nearestPackage === undefined && existsSync(path.join(directory, "package.json"))) nearestPackage = directory;
    if (existsSync(path.join(directory, ".git")) || path.dirname(directory) === directory) {
      root = nearestPackage;
      break;
    }
  }
  rootsByDirectory.set(start, root);
  return root;
}

function hasConfig(directory: string): boolean {
  return configFileNames.some((name) => {
    const file = path.join(directory, name);
    if (!existsSync(file)) return false;
    if (name !== "package.json") return true;
    try {
      const manifest: unknown = JSON.parse(readFileSync(file, "utf8"));
      return typeof manifest === "object" && manifest !== null && "deadflag" in manifest;
    } catch {
      return false;
    }
  });
}
