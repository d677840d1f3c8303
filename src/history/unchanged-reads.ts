// Which keys an older commit reads, answered from a revision already opened and indexed when the
// reads it has of them cannot be different there: `diff` dates a changed flag by whether it was
// read `developmentDays` before the head, and opening that commit whole (its files parsed, linked
// and indexed) cost about a tenth of the diff for an answer a revision it opened already (the base,
// the head, an older one a returning key was looked up at) usually holds.
import path from "node:path";
import type { FileFacts } from "../facts/file-facts.js";
import type { ReadSources } from "../flags/build-flag-index.js";
import type { FlagIndex } from "../flags/flag-index.js";
import { fileStems, specifierStems } from "../graph/module-stems.js";
import type { GitRepository } from "./git-repository.js";
import type { RevisionProject } from "./open-revision.js";

/** An opened revision, its flag index, and what the reads its calls make depended on. */
export interface IndexedProject {
  project: RevisionProject;
  index: FlagIndex;
  sources: ReadSources;
}

/**
 * The keys of `keys` that `commit` reads for certain, known from `known` (an opened commit): a key
 * is read there when `known` reads it by a call of its own (see ReadSources) whose sources (the
 * read's file among them) are the same files at `commit`, none of whose imports an added or
 * deleted file can answer, while nothing discovery read and not the config changed (the read's
 * file is then part of the project at `commit` too, and its call matches as it did). The other keys
 * may or may not be read there: only indexing `commit` can tell.
 */
export async function keysReadUnchanged(
  repo: GitRepository,
  known: IndexedProject,
  commit: string,
  keys: readonly string[],
  configPath: string | undefined,
): Promise<Set<string>> {
  const { project, index, sources } = known;
  const found = new Set<string>();
  const asked = new Set(keys);
  const candidates = index.flags.filter((flag) => asked.has(flag.key) && flag.references.some((read) => sources.has(read)));
  if (candidates.length === 0 || !/^[0-9a-f]{40}$/.test(project.revision)) return found;
  const [from, to] = await Promise.all([repo.treeOf(project.revision), repo.treeOf(commit)]);
  // The paths that differ, with their blob at `commit` and at `known` (undefined: not there).
  const [atCommit, atKnown] = await Promise.all([repo.diffTrees(from, to), repo.diffTrees(to, from)]);
  const consulted = new Set(project.consulted);
  for (const file of atCommit.keys()) if (consulted.has(file) || file === configPath) return found;
  const prefix = toPosix(path.relative(repo.root, project.root));
  const changed = new Set<string>();
  const movedStems = new Set<string>();
  for (const file of atCommit.keys()) {
    const relative = prefix === "" ? file : file.startsWith(`${prefix}/`) ? file.slice(prefix.length + 1) : undefined;
    if (relative === undefined) continue;
    changed.add(relative);
    if (atCommit.get(file) === undefined || atKnown.get(file) === undefined) for (const stem of fileStems(relative)) movedStems.add(stem);
  }
  // A source that changed, or that imports something an added or deleted file may now answer.
  const moved = (file: string): boolean =>
    changed.has(file) || (movedStems.size > 0 && specifiersOf(project.facts.get(file)).some((s) => specifierStems(s).some((stem) => movedStems.has(stem))));
  for (const flag of candidates) {
    const holds = flag.references.some((read) => {
      const reads = sources.get(read);
      return reads !== undefined && !moved(read.file) && ![...reads].some(moved);
    });
    if (holds) found.add(flag.key);
  }
  return found;
}

/** The specifiers a file's imports and re-exports name. */
function specifiersOf(facts: FileFacts | undefined): string[] {
  if (!facts) return [];
  return [...facts.imports.map((i) => i.specifier), ...facts.exports.flatMap((e) => (e.specifier === undefined ? [] : [e.specifier]))];
}

function toPosix(p: string): string {
  return p.split(path.sep).join("/");
}
