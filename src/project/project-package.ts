// A package of the project: the root's package.json, and each workspace package in a monorepo.
import type ts from "typescript";

/** One package.json of the project and what discovery learnt about its folder. */
export interface ProjectPackage {
  /** Its folder, POSIX and relative to the analysed root; "" for the root. */
  directory: string;
  /** The `name` field, if any. */
  name: string | undefined;
  /** The parsed package.json (an empty object when it is missing or broken). */
  manifest: Record<string, unknown>;
  /** Every name under `dependencies`, `devDependencies`, `peerDependencies` and `optionalDependencies`. */
  dependencies: ReadonlySet<string>;
  /** Whether it is a workspace member (false for the root). */
  workspace: boolean;
  /** The compiler options of its own tsconfig (the root's when it has none). */
  compilerOptions: ts.CompilerOptions;
}

const dependencyFields = ["dependencies", "devDependencies", "peerDependencies", "optionalDependencies"];

/** The dependency names a manifest declares. */
export function dependencyNames(manifest: Record<string, unknown>): Set<string> {
  const names = new Set<string>();
  for (const field of dependencyFields) {
    const value = manifest[field];
    if (isRecord(value)) for (const name of Object.keys(value)) names.add(name);
  }
  return names;
}

/** Whether `value` is a plain object (a JSON object). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
