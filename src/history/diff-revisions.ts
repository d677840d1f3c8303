// `diff`: every flag's meaning at a base revision and at the head (a commit, the index, or the
// working tree), compared; a key that is new at the head is looked up in the base's history, so a
// key removed once and brought back for other code is caught too.
import path from "node:path";
import type { LoadedConfig } from "../config/load-config.js";
import { loadConfig } from "../config/load-config.js";
import { indexFlags } from "../engine/index-flags.js";
import { InputError } from "../engine/input-error.js";
import type { ExtractOptions } from "../facts/extraction-context.js";
import { defaultCacheDirectory, FactsCache } from "../facts/facts-cache.js";
import type { Finding } from "../findings/finding.js";
import { sortFindings } from "../findings/finding.js";
import { readNamesOf } from "../flags/build-flag-index.js";
import { CallGraph } from "../graph/call-graph.js";
import type { MeaningChange } from "./compare-meanings.js";
import { compareMeanings } from "./compare-meanings.js";
import type { FlagMeaning } from "./flag-meaning.js";
import { computeMeanings } from "./flag-meaning.js";
import { GitRepository } from "./git-repository.js";
import type { RevisionProject, RevisionSpec } from "./open-revision.js";
import { openRevision } from "./open-revision.js";
import { reuseFinding } from "./reuse-finding.js";

/** What to compare. */
export interface DiffOptions {
  root: string;
  configFile?: string;
  /** Default: the merge base with the upstream branch, else `HEAD`. */
  base?: string;
  /** Default: the working tree (staged and unstaged). */
  head?: string;
  /** Compare the index (what `git commit` would record) instead of the working tree. */
  staged?: boolean;
  /** How many commits of the base's history to search for a returning key (default: all). */
  historyDepth?: number;
  cache?: boolean;
  cacheLocation?: string;
}

/** A change that is not a finding: a new flag, a removed flag, a flag whose meaning held. */
export interface DiffNote {
  flag: string;
  note: "added" | "removed" | "restored";
  message: string;
}

/** The findings of a diff and what it compared. */
export interface DiffResult {
  base: string;
  head: string;
  findings: Finding[];
  notes: DiffNote[];
  /** Files parsed in this run, per revision opened (the rest came from the facts cache). */
  parsed: Record<string, number>;
  /** Files analysed at the head. */
  files: number;
}

/** A revision opened and analysed far enough to describe its flags' meanings. */
interface AnalysedRevision {
  project: RevisionProject;
  meanings: Map<string, FlagMeaning>;
}

/** Compares every flag's meaning at `base` and `head`. */
export async function diffRevisions(options: DiffOptions): Promise<DiffResult> {
  const root = path.resolve(options.root);
  const loaded = await loadConfig(root, options.configFile);
  const repo = await GitRepository.open(root);
  try {
    const base = await repo.resolveCommit(options.base ?? (await defaultBase(repo)));
    const headSpec: RevisionSpec = options.head
      ? { kind: "commit", commit: await repo.resolveCommit(options.head) }
      : options.staged
        ? { kind: "index" }
        : { kind: "worktree" };
    const extractOptions: ExtractOptions = { readNames: readNamesOf(loaded.config.flags) };
    const cacheDirectory = options.cache === false ? undefined : path.resolve(root, options.cacheLocation ?? defaultCacheDirectory);
    const cache = new FactsCache(cacheDirectory, extractOptions);
    const analyse = async (revision: RevisionSpec, keys?: ReadonlySet<string>): Promise<AnalysedRevision> => {
      const project = await openRevision({ repo, root, revision, loaded, cache, extractOptions });
      const index = indexFlags(project);
      const { entries } = project;
      const graph = new CallGraph(project.linked);
      const meanings = await computeMeanings({
        graph,
        index,
        entryFiles: [...entries.production, ...entries.tests],
        readText: project.readText,
        ...(keys ? { keys } : {}),
      });
      return { project, meanings };
    };
    const head = await analyse(headSpec);
    const baseRevision = await analyse({ kind: "commit", commit: base });
    const parsed: Record<string, number> = {
      [base]: baseRevision.project.stats.parsed,
      [head.project.revision]: head.project.stats.parsed,
    };
    const findings: Finding[] = [];
    const notes: DiffNote[] = [];
    for (const [key, meaning] of head.meanings) {
      const before = baseRevision.meanings.get(key);
      if (before) {
        findings.push(...findingsOf(meaning, before, base, compareMeanings(before, meaning), loaded));
        continue;
      }
      const returning = await lastMeaningBefore(repo, root, base, key, options.historyDepth, analyse, parsed);
      if (!returning) {
        notes.push({ flag: key, note: "added", message: `${key} is a new flag` });
        continue;
      }
      const changes = compareMeanings(returning.meaning, meaning);
      if (changes.some((c) => c.kind === "repurposed" || c.kind === "inverted")) {
        findings.push(reuseFinding("resurrected", meaning, returning.meaning, returning.commit, loaded.config, changes));
      } else {
        notes.push({ flag: key, note: "restored", message: `${key} returns with the meaning it had at ${returning.commit.slice(0, 7)}` });
      }
    }
    for (const key of baseRevision.meanings.keys()) {
      if (!head.meanings.has(key)) notes.push({ flag: key, note: "removed", message: `${key} is no longer read` });
    }
    return { base, head: head.project.revision, findings: sortFindings(findings), notes, parsed, files: head.project.files.length };
  } finally {
    repo.close();
  }
}

function findingsOf(
  head: FlagMeaning,
  base: FlagMeaning,
  baseCommit: string,
  changes: readonly MeaningChange[],
  loaded: LoadedConfig,
): Finding[] {
  return changes.map((change) => reuseFinding(change.kind, head, base, baseCommit, loaded.config, [change]));
}

/** The merge base with the upstream branch, else HEAD. */
async function defaultBase(repo: GitRepository): Promise<string> {
  const upstream = await repo.upstream();
  if (!upstream) return "HEAD";
  const head = await repo.resolveCommit("HEAD");
  const base = await repo.mergeBase(head, await repo.resolveCommit(upstream));
  if (!base) throw new InputError(`HEAD and ${upstream} have no merge base; pass --base`);
  return base;
}

/**
 * The meaning a key had the last time it was read before `base`: the commits of the base's
 * first-parent history that add or remove the key's text (git's pickaxe finds them without
 * opening any revision), newest first; the first whose parent reads the key gives its meaning.
 */
async function lastMeaningBefore(
  repo: GitRepository,
  root: string,
  base: string,
  key: string,
  depth: number | undefined,
  analyse: (revision: RevisionSpec, keys?: ReadonlySet<string>) => Promise<AnalysedRevision>,
  parsed: Record<string, number>,
): Promise<{ commit: string; meaning: FlagMeaning } | undefined> {
  const prefix = path.relative(repo.root, root).split(path.sep).join("/");
  const candidates = await repo.commitsTouching(base, key, prefix, depth);
  for (const commit of candidates) {
    const [info] = await repo.commitInfo([commit]);
    const parent = info?.parents[0];
    if (!parent) continue;
    const before = await analyse({ kind: "commit", commit: parent }, new Set([key]));
    parsed[parent] = before.project.stats.parsed;
    const meaning = before.meanings.get(key);
    if (meaning) return { commit: parent, meaning };
  }
  return undefined;
}
