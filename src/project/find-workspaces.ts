// Which folders are workspace packages: npm's and yarn's `workspaces` in the root package.json
// (a list, or `{ "packages": [...] }`), pnpm's `pnpm-workspace.yaml`, and lerna's `packages`.
import { createRequire } from "node:module";
import path from "node:path";
import picomatch from "picomatch";
import type { EngineDiagnostic } from "../engine/engine-diagnostic.js";
import { isRecord } from "./project-package.js";

/** The files that may declare workspaces, at the root. */
export const workspaceManifests = ["package.json", "pnpm-workspace.yaml", "lerna.json"] as const;

/**
 * The workspace globs the root declares. `texts` maps each of {@link workspaceManifests} to its
 * text when it exists.
 */
export function workspacePatterns(texts: ReadonlyMap<string, string>, diagnostics: EngineDiagnostic[]): string[] {
  const patterns: string[] = [];
  const manifest = parseJson(texts.get("package.json"));
  const workspaces = manifest?.["workspaces"];
  patterns.push(...stringsOf(isRecord(workspaces) ? workspaces["packages"] : workspaces));
  const pnpm = texts.get("pnpm-workspace.yaml");
  if (pnpm !== undefined) {
    try {
      // Required here, not imported: the YAML parser costs 0.05 s of CPU to load, and only pnpm workspaces need it.
      const yaml: typeof import("yaml") = createRequire(import.meta.url)("yaml");
      const document: unknown = yaml.parse(pnpm);
      if (isRecord(document)) patterns.push(...stringsOf(document["packages"]));
    } catch (error) {
      const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
      diagnostics.push({ file: "pnpm-workspace.yaml", message: `cannot read the workspace list: ${reason}` });
    }
  }
  const lerna = parseJson(texts.get("lerna.json"));
  if (patterns.length === 0) patterns.push(...stringsOf(lerna?.["packages"]));
  return patterns;
}

/** The folders (relative, sorted) among `listed` files' folders that hold a package.json and match `patterns`. */
export function matchWorkspaceFolders(patterns: readonly string[], listed: readonly string[]): string[] {
  const positive = patterns.filter((p) => !p.startsWith("!")).map(normalize);
  const negative = patterns.filter((p) => p.startsWith("!")).map((p) => normalize(p.slice(1)));
  if (positive.length === 0) return [];
  const isMember = picomatch(positive);
  const isExcluded = negative.length > 0 ? picomatch(negative) : () => false;
  const folders = listed
    .filter((file) => file.endsWith("/package.json"))
    .map((file) => path.posix.dirname(file))
    .filter((folder) => isMember(folder) && !isExcluded(folder));
  return [...new Set(folders)].sort();
}

function normalize(pattern: string): string {
  return pattern.replace(/^\.\//, "").replace(/\/+$/, "");
}

function parseJson(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return isRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}
