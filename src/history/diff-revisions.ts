// `diff`: every flag's meaning at a base revision and at the head (a commit, the index, or the
// working tree), compared; a key that is new at the head is looked up in the base's history, so a
// key removed once and brought back for other code is caught too.
import path from "node:path";
import { loadConfig } from "../config/load-config.js";
import type { EngineDiagnostic } from "../engine/engine-diagnostic.js";
import { indexFlags } from "../engine/index-flags.js";
import { InputError } from "../engine/input-error.js";
import type { ExtractOptions } from "../facts/extraction-context.js";
import { cacheDirectoryFor } from "../engine/cache-directory.js";
import { FactsCache } from "../facts/facts-cache.js";
import type { Finding } from "../findings/finding.js";
import { sortFindings } from "../findings/finding.js";
import type { ReadSources } from "../flags/build-flag-index.js";
import { readNamesOf } from "../flags/build-flag-index.js";
import type { FlagIndex } from "../flags/flag-index.js";
import { keysRead } from "../flags/flag-index.js";
import { CallGraph } from "../graph/call-graph.js";
import type { ParsedSources } from "./code-tokens.js";
import type { ContentScore, DeclarationExists } from "./compare-meanings.js";
import { closestContentScore, compareMeanings } from "./compare-meanings.js";
import { declarationExists } from "./declaration-identity.js";
import type { FlagMeaning } from "./flag-meaning.js";
import { computeMeanings } from "./flag-meaning.js";
import { GitRepository } from "./git-repository.js";
import { CarriedResolver } from "./carried-resolver.js";
import type { OpenRevisionOptions, RevisionProject, RevisionSpec } from "./open-revision.js";
import { openRevision } from "./open-revision.js";
import { commitDaysBefore, keysInDevelopment } from "./flag-life.js";
import { BaseHistory } from "./base-history.js";
import type { ReuseEvent } from "./reuse-finding.js";
import { reuseFinding } from "./reuse-finding.js";
import { RevisionWarnings } from "./revision-warnings.js";
import { shallowWarning } from "./shallow-warning.js";
import { keysReadUnchanged } from "./unchanged-reads.js";

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
  /** Also give, per flag compared at both revisions, the content scores of its closest call (`scores`). */
  explain?: boolean;
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
  /** Input left out or read partly (files that do not decode, syntax errors), and a shallow clone: to print as warnings. */
  diagnostics: EngineDiagnostic[];
  /** The clone is shallow: a key removed before its boundary is not found. */
  incomplete: boolean;
  /** With `explain`: per flag compared at both revisions, the content scores of the side that came closest to a finding. */
  scores?: Record<string, ContentScore>;
}

/**
 * A revision opened and its flags indexed. Meanings are computed afterwards, only for the keys a
 * comparison needs: a key new at the head with no earlier life, or gone from it, needs none (each
 * flag described walks the project's reachability once more).
 */
interface IndexedRevision {
  project: RevisionProject;
  index: FlagIndex;
  /** What the reads its calls make depended on (the base and the head only: see unchanged-reads.ts). */
  sources: ReadSources;
  /** The keys read at the revision (a flag with at least one read), in index order. */
  keys: string[];
  exists: DeclarationExists;
}

/** A key's meaning at a revision and the revision's declarations, for comparisons. */
interface KnownMeaning {
  commit: string;
  meaning: FlagMeaning;
  exists: DeclarationExists;
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
    const early = await askEarly(repo, base, headSpec, loaded.config.developmentDays);
    const extractOptions: ExtractOptions = { readNames: readNamesOf(loaded.config.flags) };
    const cacheDirectory = options.cache === false ? undefined : cacheDirectoryFor(root, options.cacheLocation);
    const cache = new FactsCache(cacheDirectory, extractOptions);
    /** Every revision opened, in order: the head, the base, then older ones a returning key was looked up at. */
    const opened: IndexedRevision[] = [];
    const open = async (revision: RevisionSpec, resolverOf?: OpenRevisionOptions["resolverOf"]): Promise<IndexedRevision> => {
      const project = await openRevision({ repo, root, revision, loaded, cache, extractOptions, ...(resolverOf ? { resolverOf } : {}) });
      const sources: ReadSources = new Map();
      const index = indexFlags(project, sources);
      const keys = keysRead(index);
      const indexed = { project, index, sources, keys, exists: declarationExists(project.facts) };
      opened.push(indexed);
      return indexed;
    };
    // Both revisions resolve imports alike unless the change touched what discovery read (a tsconfig,
    // a package.json, the config): then an older revision starts from the head's answers, bar those
    // of specifiers that name a file added or deleted in between (linking the base cost as much as
    // the head). Each revision gets its own copy: the head is analysed after the base is opened.
    let carried: CarriedResolver | undefined;
    const head = await open(headSpec, (files, create) => (carried = new CarriedResolver(create(files), files)));
    const configPath = loaded.file && path.relative(repo.root, loaded.file).split(path.sep).join("/");
    const resolverAt = async (commit: string): Promise<OpenRevisionOptions["resolverOf"]> => {
      const from = carried;
      if (!from) return undefined;
      const changed = new Set(commit === base ? early.changedSinceBase : await repo.changedPaths(commit, headSpec));
      const sameLayout = !head.project.consulted.some((file) => changed.has(file)) && !(configPath !== undefined && changed.has(configPath));
      return sameLayout ? (files, create) => from.copyFor(files, create) : undefined;
    };
    const baseRevision = await open({ kind: "commit", commit: base }, await resolverAt(base));
    const parsed: Record<string, number> = {
      [base]: baseRevision.project.stats.parsed,
      [head.project.revision]: head.project.stats.parsed,
    };
    const prefix = path.relative(repo.root, root).split(path.sep).join("/");
    // Files tokenized for one revision's meanings and unchanged in another are not parsed again.
    const trees: ParsedSources = new Map();
    // A key new at the head: the meaning it had the last time it was read before the base, if ever.
    const baseKeys = new Set(baseRevision.keys);
    const common = head.keys.filter((key) => baseKeys.has(key));
    const newKeys = head.keys.filter((key) => !baseKeys.has(key));
    const earlier = new Map<string, KnownMeaning>();
    const history = await BaseHistory.of(repo, prefix, base, newKeys, options.historyDepth);
    for (const key of newKeys) {
      const readFiles = (head.index.flags.find((flag) => flag.key === key)?.references ?? []).map((read) => read.file);
      const returning = await lastMeaningBefore(history, prefix, key, readFiles, async (commit) => {
        const revision = await open({ kind: "commit", commit }, await resolverAt(commit));
        parsed[commit] = revision.project.stats.parsed;
        const meaning = (await meaningsOf(revision, new Set([key]), trees)).get(key);
        return meaning && { commit, meaning, exists: revision.exists };
      });
      if (returning) earlier.set(key, returning);
    }
    const headMeanings = await meaningsOf(head, new Set([...common, ...earlier.keys()]), trees);
    const baseMeanings = await meaningsOf(baseRevision, new Set(common), trees);
    const events: ReuseEvent[] = [];
    const notes: DiffNote[] = [];
    const scores: Record<string, ContentScore> = {};
    for (const key of head.keys) {
      const meaning = headMeanings.get(key);
      const before = baseMeanings.get(key);
      if (meaning && before) {
        if (options.explain) scores[key] = closestContentScore(before, meaning);
        for (const change of compareMeanings(before, meaning, { base: baseRevision.exists, head: head.exists })) {
          events.push({ kind: change.kind, head: meaning, base: before, baseRevision: base, change });
        }
        continue;
      }
      const returning = earlier.get(key);
      if (!meaning || !returning) {
        notes.push({ flag: key, note: "added", message: `${key} is a new flag` });
        continue;
      }
      if (options.explain) scores[key] = closestContentScore(returning.meaning, meaning);
      const changes = compareMeanings(returning.meaning, meaning, { base: returning.exists, head: head.exists });
      const reused = changes.find((c) => c.kind === "repurposed" || c.kind === "inverted");
      if (reused) {
        events.push({ kind: "resurrected", head: meaning, base: returning.meaning, baseRevision: returning.commit, change: reused });
      } else {
        notes.push({ flag: key, note: "restored", message: `${key} returns with the meaning it had at ${returning.commit.slice(0, 7)}` });
      }
    }
    const headKeys = new Set(head.keys);
    for (const key of baseRevision.keys) {
      if (!headKeys.has(key)) notes.push({ flag: key, note: "removed", message: `${key} is no longer read` });
    }
    // A flag first read within `developmentDays` of the head is in development: its changes are info.
    const headCommit = headSpec.kind === "commit" ? headSpec.commit : "HEAD";
    const headDate = early.headDate;
    const changedKeys = [...new Set(events.map((e) => e.head.key))];
    // Whether a key was read then: known without opening that commit when a revision opened already
    // (the base, the head, an older one) reads it in a file whose indexing cannot differ there (see
    // unchanged-reads.ts).
    const readAt = async (commit: string, asked: readonly string[]): Promise<Set<string>> => {
      const known = new Set<string>();
      for (const revision of [...opened]) {
        if (revision.project.revision === commit) return new Set(revision.keys);
        for (const key of await keysReadUnchanged(repo, revision, commit, asked, configPath)) known.add(key);
        if (asked.every((key) => known.has(key))) return known;
      }
      const older = await open({ kind: "commit", commit }, await resolverAt(commit));
      parsed[commit] ??= older.project.stats.parsed;
      return new Set(older.keys);
    };
    const young = await keysInDevelopment(repo, headCommit, changedKeys, prefix, loaded.config.developmentDays, headDate, readAt, Promise.resolve(early.before));
    const findings = events.map((event) => reuseFinding(event, loaded.config, { inDevelopment: young.has(event.head.key) }));
    const warnings = new RevisionWarnings();
    warnings.add(head.project);
    warnings.add(baseRevision.project);
    const incomplete = early.shallow;
    if (incomplete) warnings.push({ message: shallowWarning("diff") });
    return {
      base,
      head: head.project.revision,
      findings: sortFindings(findings),
      notes,
      parsed,
      files: head.project.files.length,
      diagnostics: warnings.list(),
      incomplete,
      ...(options.explain ? { scores } : {}),
    };
  } finally {
    repo.close();
  }
}

/** The meanings of `keys` at an indexed revision (`trees`: the syntax trees the revisions' tokenizers share). */
function meaningsOf(revision: IndexedRevision, keys: ReadonlySet<string>, trees: ParsedSources): Promise<Map<string, FlagMeaning>> {
  const { project, index } = revision;
  return computeMeanings({
    graph: new CallGraph(project.linked),
    index,
    entryFiles: [...project.entries.production, ...project.entries.tests],
    readText: project.readText,
    keys,
    parsed: trees,
  });
}

/**
 * What diff asks git whatever the revisions hold (the head's date, the commit `developmentDays`
 * before it, whether the clone is shallow, the paths changed since the base), asked before the
 * revisions are opened: starting a git process costs this one more the more memory it holds (about
 * 2 ms at the start, 10-30 ms once a revision is open), and an answer that arrives while a revision
 * is being opened is handled then.
 */
async function askEarly(
  repo: GitRepository,
  base: string,
  headSpec: RevisionSpec,
  developmentDays: number,
): Promise<{ headDate: string | undefined; before: string | undefined; shallow: boolean; changedSinceBase: string[] }> {
  const [headDate, shallow, changedSinceBase] = await Promise.all([
    headSpec.kind === "commit" ? repo.commitInfo([headSpec.commit]).then(([info]) => info?.date) : undefined,
    repo.isShallow(),
    repo.changedPaths(base, headSpec),
  ]);
  const before = await commitDaysBefore(repo, headSpec.kind === "commit" ? headSpec.commit : "HEAD", developmentDays, headDate);
  return { headDate, before, shallow, changedSinceBase };
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
 * The meaning a key had the last time it was read before the base: the commits of the base's
 * first-parent history that add or remove the key's text (git's pickaxe finds them without
 * opening any revision), newest first; the first whose parent reads the key gives its meaning.
 * When the key's text stayed in the code (a registry of constants keeps it while no code reads
 * it), the last commits that changed the files where the head reads it (`readFiles`) are tried instead.
 */
async function lastMeaningBefore(
  history: BaseHistory,
  prefix: string,
  key: string,
  readFiles: readonly string[],
  meaningAt: (commit: string) => Promise<KnownMeaning | undefined>,
): Promise<KnownMeaning | undefined> {
  const { repo } = history;
  const tried = new Set<string>();
  const tryCommits = async (candidates: readonly string[]): Promise<KnownMeaning | undefined> => {
    for (const commit of candidates) {
      const [info] = await repo.commitInfo([commit]);
      const parent = info?.parents[0];
      if (!parent || tried.has(parent)) continue;
      tried.add(parent);
      const known = await meaningAt(parent);
      if (known) return known;
    }
    return undefined;
  };
  const found = await tryCommits(await history.commitsTouching(key));
  if (found || !(await history.hasTextAtBase(key))) return found;
  const files = [...new Set(readFiles.map((file) => (prefix === "" ? file : `${prefix}/${file}`)))];
  return tryCommits(await repo.commitsChanging(history.base, files, history.depth, maxFallbackCommits));
}

/** How many commits that changed the head's read files are tried when the key's text never left the code. */
const maxFallbackCommits = 10;
