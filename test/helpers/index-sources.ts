// Test harness: runs extraction, linking and the flag index over in-memory sources, the same
// pipeline the CLI runs over files on disk.
import { parseConfig } from "../../src/config/parse-config.js";
import type { DeadflagConfig } from "../../src/config/config-schema.js";
import { extractFileFacts } from "../../src/facts/extract-file-facts.js";
import type { FileFacts } from "../../src/facts/file-facts.js";
import { LinkedProject } from "../../src/graph/linked-project.js";
import { createModuleResolver } from "../../src/graph/module-resolver.js";
import { buildFlagIndex, readNamesOf } from "../../src/flags/build-flag-index.js";
import type { FlagIndex, FlagRead } from "../../src/flags/flag-index.js";

/** Indexes `files` (path → source text) with the given `flags` config. */
export function indexSources(files: Record<string, string>, flags: DeadflagConfig["flags"] = {}): FlagIndex {
  const config = parseConfig({ flags });
  const readNames = readNamesOf(config.flags);
  const facts = new Map<string, FileFacts>();
  for (const [file, text] of Object.entries(files)) facts.set(file, extractFileFacts(file, text, { readNames }));
  const linked = new LinkedProject(facts, createModuleResolver("/virtual", Object.keys(files)));
  return buildFlagIndex(linked, config.flags);
}

/** Every read of the index, flattened, in index order. */
export function allReads(index: FlagIndex): FlagRead[] {
  return index.flags.flatMap((flag) => flag.references);
}

/** A compact view of a read for assertions: key, line:column, sdk, how it was recognised, default. */
export function describeRead(read: FlagRead): string {
  const defaultPart = read.default === undefined ? "" : ` default=${JSON.stringify(read.default)}`;
  return `${read.key} ${read.file}:${read.range.line}:${read.range.column} ${read.sdk}/${read.recognisedBy}${defaultPart}`;
}
