// `history`: a timeline of every flag over the commits of the first-parent history (merges would
// make keys vanish and reappear): introduced, meaning changed (with the kind), removed, resurrected,
// and state changes in the config. A commit that touches no file of a flag keeps its meaning, and
// files unchanged since the previous commit come from the facts cache: only changed blobs are parsed.
// A change is judged exactly as `diff` judges it between the previous commit and this one, and
// described with the same message (reuse-finding.ts).
import path from "node:path";
import { loadConfig } from "../config/load-config.js";
import { parseConfig } from "../config/parse-config.js";
import type { ResolvedConfig } from "../config/resolve-config.js";
import type { EngineDiagnostic } from "../engine/engine-diagnostic.js";
import { indexFlags } from "../engine/index-flags.js";
import type { ExtractOptions } from "../facts/extraction-context.js";
import { loadExtractor } from "../facts/extract-sources.js";
import type { FileFacts } from "../facts/file-facts.js";
import type { FlagIndex } from "../flags/flag-index.js";
import { keysRead } from "../flags/flag-index.js";
import type { ModuleResolver } from "../graph/module-resolver.js";
import { cacheDirectoryFor } from "../engine/cache-directory.js";
import { FactsCache } from "../facts/facts-cache.js";
import type { FindingSeverity } from "../findings/finding.js";
import { readNamesOf } from "../flags/build-flag-index.js";
import { CallGraph } from "../graph/call-graph.js";
import type { DeclarationExists, MeaningChange, ReuseKind } from "./compare-meanings.js";
import { compareMeanings } from "./compare-meanings.js";
import { declarationExists } from "./declaration-identity.js";
import type { FlagMeaning } from "./flag-meaning.js";
import { computeMeanings } from "./flag-meaning.js";
import { isInDevelopment, keysInDevelopment } from "./flag-life.js";
import { GitRepository } from "./git-repository.js";
import type { RevisionProject } from "./open-revision.js";
import type { FactsStore } from "./open-revision.js";
import { discoverRevision, openRevision, revisionFactsReader } from "./open-revision.js";
import type { RevisionFactsOf } from "./walked-project.js";
import { blobKey, WalkedProject } from "./walked-project.js";
import type { FlagLife } from "./reuse-finding.js";
import { describedSides, reuseMessage, reuseSeverity } from "./reuse-finding.js";
import { RevisionWarnings } from "./revision-warnings.js";
import { shallowWarning } from "./shallow-warning.js";

/** Commits between two renewals of the facts cache's memory, by default. */
const defaultCacheRenewal = 200;

/** What happened to a flag at one commit. */
export interface HistoryEvent {
  commit: string;
  date: string;
  author: string;
  subject: string;
  kind: "introduced" | "removed" | "restored" | "state" | ReuseKind;
  message: string;
  /** For a reuse: as `diff` would report it between the previous commit and this one. */
  severity?: FindingSeverity;
  /** The read that shows it, at that commit. */
  file?: string;
  line?: number;
  /** For a repurposing or resurrection: what the read switched before, and what it switches now. */
  before?: string;
  after?: string;
  /** Other reads of the flag that changed the same way in the same commit (`diff` reports each). */
  alsoAt?: Array<{ file: string; line: number }>;
}

/** One flag's timeline, oldest first. */
export interface FlagTimeline {
  key: string;
  events: HistoryEvent[];
}

/** The whole history. */
export interface HistoryResult {
  commits: number;
  flags: FlagTimeline[];
  /** Files parsed across all commits (the rest came from the facts cache). */
  parsed: number;
  /** The clone is shallow: the timeline starts at its boundary, not at the first commit. */
  incomplete: boolean;
  /** Input left out or read partly at some commit (files that do not decode, syntax errors), and a shallow clone. */
  diagnostics: EngineDiagnostic[];
}

/** What to walk. */
export interface HistoryOptions {
  root: string;
  configFile?: string;
  /** Start after this revision (default: the first commit); its flags are the baseline, not events. */
  since?: string;
  /** Only this flag. */
  flag?: string;
  /** Follow every parent instead of the first-parent line. */
  allParents?: boolean;
  cache?: boolean;
  cacheLocation?: string;
  onProgress?: (done: number, total: number) => void;
  /**
   * Open every commit whole instead of bringing the project forward over commits that cannot
   * change which flags are read (the reference the incremental walk is tested against).
   */
  analyseEveryCommit?: boolean;
  /** Commits between two renewals of the facts cache's memory (default 200; tests renew at every commit). */
  cacheRenewal?: number;
}

/** A meaning and what it needs to be compared later: which declarations existed when it held. */
interface HeldMeaning {
  meaning: FlagMeaning;
  /** The last commit at which it held. */
  commit: string;
  exists: DeclarationExists;
}

/** Walks the history and builds every flag's timeline. */
export async function flagHistory(options: HistoryOptions): Promise<HistoryResult> {
  const root = path.resolve(options.root);
  const loaded = await loadConfig(root, options.configFile);
  const repo = await GitRepository.open(root);
  try {
    const head = await repo.resolveCommit("HEAD");
    const since = options.since === undefined ? undefined : await repo.resolveCommit(options.since);
    const commits = await repo.log(head, { ...(since ? { since } : {}), firstParent: options.allParents !== true });
    const infos = new Map((await repo.commitInfo(commits)).map((info) => [info.hash, info]));
    const extractOptions: ExtractOptions = { readNames: readNamesOf(loaded.config.flags) };
    const cacheDirectory = options.cache === false ? undefined : cacheDirectoryFor(root, options.cacheLocation);
    // The cache keeps every facts it hands out in memory: renewed every `cacheRenewal` commits so
    // that memory does not grow with the history, with the walked project's facts pinned meanwhile.
    const cacheRenewal = options.cacheRenewal ?? defaultCacheRenewal;
    let cache = new FactsCache(cacheDirectory, extractOptions);
    let pinned = new Map<string, FileFacts>();
    const store: FactsStore = {
      get: (blobId, file) => pinned.get(blobKey(blobId, file)) ?? cache.get(blobId, file),
      set: (blobId, file, facts) => cache.set(blobId, file, facts),
    };
    const prefix = path.relative(repo.root, root).split(path.sep).join("/");
    const configPath = loaded.file ? path.relative(repo.root, loaded.file).split(path.sep).join("/") : undefined;
    const relative = (p: string): string => (prefix === "" ? p : p.slice(prefix.length + 1));
    const underRoot = (p: string): string | undefined => (prefix === "" ? p : p.startsWith(`${prefix}/`) ? p.slice(prefix.length + 1) : undefined);
    const fromRoot = (file: string): string => (prefix === "" ? file : `${prefix}/${file}`);
    const extract = await loadExtractor();

    // With `flag`, the other keys are not followed at all: a commit that changes only them costs a check.
    const tracked = (key: string): boolean => options.flag === undefined || key === options.flag;
    const timelines = new Map<string, HistoryEvent[]>();
    const meanings = new Map<string, HeldMeaning>();
    const tombstones = new Map<string, HeldMeaning>();
    const relevantFiles = new Map<string, Set<string>>();
    const introduced = new Map<string, string>();
    const warnings = new RevisionWarnings();
    let states: Record<string, string> = {};
    /** The last commit that changed a file under the root; `exists` unknown when it was brought forward, not opened. */
    let previous: { commit: string; exists?: DeclarationExists } | undefined;
    let parsed = 0;
    let walked: WalkedProject | undefined;
    /** The files under the root at the commit walked, by path from the repository root, and the id of their tree. */
    const tree = new Map<string, string>();
    let treeId: string | undefined;
    let lastRenewal = 0;
    const factsOf = (commitTree: ReadonlyMap<string, string>): RevisionFactsOf => {
      const reader = revisionFactsReader({
        cache: store,
        extractOptions,
        extract,
        readBytes: async (file) => {
          const blob = commitTree.get(fromRoot(file));
          return blob === undefined ? undefined : repo.readBlob(blob);
        },
      });
      return async (file, blobId, diagnostics) => {
        const found = await reader(file, blobId, diagnostics);
        if (found?.parsed) parsed++;
        return found;
      };
    };
    /** Opens a commit whole; its flag index is built with the footprint the next commits are checked against. */
    /**
     * The keys read at an older commit, for a baseline flag's age: opened once per commit however
     * many of its flags change later (each would otherwise open the same revision again).
     */
    const readAtCommit = new Map<string, Promise<Set<string>>>();
    const keysReadAt = (older: string): Promise<Set<string>> => {
      let known = readAtCommit.get(older);
      if (!known) {
        known = openRevision({ repo, root, revision: { kind: "commit", commit: older }, loaded, cache: store, extractOptions }).then((project) => {
          parsed += project.stats.parsed;
          return new Set(keysRead(indexFlags(project)));
        });
        readAtCommit.set(older, known);
      }
      return known;
    };
    const open = async (commit: string, changed?: ReadonlySet<string>): Promise<{ project: RevisionProject; index: FlagIndex }> => {
      // The resolver's answers carry over while discovery's inputs (tsconfig, package.json, the config) stay the same.
      const carried = changed && !(configPath !== undefined && changed.has(configPath)) ? walked?.carriedResolver(changed) : undefined;
      const resolverOf = carried && ((files: readonly string[], create: (files: readonly string[]) => ModuleResolver) => carried.retarget(files, create));
      const project = await openRevision({ repo, root, revision: { kind: "commit", commit }, loaded, cache: store, extractOptions, ...(resolverOf ? { resolverOf } : {}) });
      parsed += project.stats.parsed;
      const opened = WalkedProject.open(project, (linked) => indexFlags({ ...project, linked }));
      walked = opened.walked;
      return { project, index: opened.index };
    };

    const analyse = async (commit: string): Promise<{ project: RevisionProject; fresh: Map<string, FlagMeaning> }> => {
      const { project, index } = await open(commit);
      warnings.add(project);
      const { entries } = project;
      const fresh = await computeMeanings({
        graph: new CallGraph(project.linked),
        index,
        entryFiles: [...entries.production, ...entries.tests],
        readText: project.readText,
      });
      return { project, fresh };
    };

    // With --since, the state just before the range is the baseline: its flags exist, they are not new.
    if (since) {
      const { project, fresh } = await analyse(since);
      const exists = declarationExists(project.facts);
      for (const [key, meaning] of fresh) {
        if (!tracked(key)) continue;
        meanings.set(key, { meaning, commit: since, exists });
        relevantFiles.set(key, filesOf(meaning));
      }
      treeId = await repo.treeOf(since, prefix);
      for (const [file, blob] of await repo.diffTrees(undefined, treeId, prefix)) if (blob !== undefined) tree.set(file, blob);
      previous = { commit: since, exists };
      if (configPath && tree.has(configPath)) states = await statesAt(repo, tree.get(configPath), {}, () => undefined);
    }

    for (const [position, commit] of commits.entries()) {
      options.onProgress?.(position, commits.length);
      const info = infos.get(commit);
      if (!info) continue;
      const nextTreeId = await repo.treeOf(commit, prefix);
      const diff = await repo.diffTrees(treeId, nextTreeId, prefix);
      treeId = nextTreeId;
      for (const [file, blob] of diff) {
        if (blob === undefined) tree.delete(file);
        else tree.set(file, blob);
      }
      const changed = new Set(diff.keys());
      if (changed.size === 0) continue;
      if (position - lastRenewal >= cacheRenewal) {
        lastRenewal = position;
        // Under the blobs they were read from: `tree` is already this commit's.
        pinned = walked?.factsByBlob() ?? new Map();
        cache.close();
        cache = new FactsCache(cacheDirectory, extractOptions);
      }
      const event = (key: string, fields: Omit<HistoryEvent, "commit" | "date" | "author" | "subject">): void => {
        if (options.flag !== undefined && key !== options.flag) return;
        const list = timelines.get(key) ?? [];
        list.push({ commit, date: info.date, author: info.author, subject: info.subject, ...fields });
        timelines.set(key, list);
      };
      if (configPath && changed.has(configPath)) {
        states = await statesAt(repo, tree.get(configPath), states, (key, message) => event(key, { kind: "state", message }));
      }

      const touched = new Set([...changed].map(relative));
      const touchesMeaning = [...meanings.keys()].some((key) => [...(relevantFiles.get(key) ?? [])].some((f) => touched.has(f)));
      const configChanged = configPath !== undefined && changed.has(configPath);
      if (walked && !touchesMeaning && !configChanged && options.analyseEveryCommit !== true) {
        // No meaning held depends on a changed file: unless the changes add or remove a read, the
        // commit changes nothing (as a whole analysis would find), and costs only its changed files.
        const keys = await walked.advance({ changed, tree, commit }, underRoot, factsOf(tree), warnings, () =>
          discoverRevision({ repo, root, revision: { kind: "commit", commit }, loaded }),
        );
        if (keys && sameKeys(new Set([...keys].filter(tracked)), meanings)) {
          previous = { commit };
          continue;
        }
      }
      if (previous && !previous.exists && meanings.size > 0) {
        // The last commit was brought forward: the declarations that existed there, for comparisons
        // with the meanings held until then, as a whole analysis at that commit would have kept them.
        const before = await openRevision({ repo, root, revision: { kind: "commit", commit: previous.commit }, loaded, cache: store, extractOptions });
        parsed += before.stats.parsed;
        const exists = declarationExists(before.facts);
        previous.exists = exists;
        for (const held of meanings.values()) {
          held.commit = previous.commit;
          held.exists = exists;
        }
      }

      const { project, index } = await open(commit, changed);
      warnings.add(project, touched);
      const exists = declarationExists(project.facts);
      const present = new Set(keysRead(index).filter(tracked));
      const stale = new Set(
        [...present].filter((key) => !meanings.has(key) || [...(relevantFiles.get(key) ?? [])].some((f) => touched.has(f))),
      );
      if (stale.size > 0) {
        const { entries } = project;
        const fresh = await computeMeanings({
          graph: new CallGraph(project.linked),
          index,
          entryFiles: [...entries.production, ...entries.tests],
          readText: project.readText,
          keys: stale,
        });
        for (const [key, meaning] of fresh) {
          const before = meanings.get(key);
          const buried = tombstones.get(key);
          const life = async (): Promise<FlagLife> => {
            const first = introduced.get(key);
            const days = loaded.config.developmentDays;
            if (first !== undefined) return { inDevelopment: isInDevelopment(first, info.date, days) };
            // A flag of the baseline (`--since`): its age from git.
            return { inDevelopment: (await keysInDevelopment(repo, commit, [key], prefix, days, info.date, keysReadAt)).has(key) };
          };
          const reuse = async (kind: ReuseKind, held: HeldMeaning, change: MeaningChange, baseRevision: string, others: MeaningChange[] = []): Promise<void> => {
            const evidence = change.head?.evidence ?? meaning.evidence;
            const alsoAt = others.flatMap((c) => (c.head ? [{ file: c.head.evidence.file, line: c.head.evidence.line }] : []));
            const config = configWithStates(loaded.config, states);
            const reuseEvent = { kind, head: meaning, base: held.meaning, baseRevision, change, retired: config.flags.states[key] === "retired" };
            event(key, {
              kind,
              message: reuseMessage(reuseEvent),
              severity: reuseSeverity(kind, key, config, await life()),
              file: evidence.file,
              line: evidence.line,
              ...(alsoAt.length > 0 ? { alsoAt } : {}),
              ...describedSides(reuseEvent),
            });
          };
          if (before) {
            // The meaning held until the previous commit: that is the base `diff` would compare with.
            const baseCommit = previous?.commit ?? before.commit;
            // One event per kind of change: several reads changed at once are one change of the flag,
            // told with `diff`'s message for the first read, the others listed in `alsoAt`.
            const changes = compareMeanings(before.meaning, meaning, { base: previous?.exists ?? before.exists, head: exists });
            for (const kind of [...new Set(changes.map((c) => c.kind))]) {
              const ofKind = changes.filter((c) => c.kind === kind);
              const [first, ...others] = ofKind;
              if (first) await reuse(kind, before, first, baseCommit, others);
            }
          } else if (buried) {
            const changes = compareMeanings(buried.meaning, meaning, { base: buried.exists, head: exists });
            const reused = changes.find((c) => c.kind === "repurposed" || c.kind === "inverted");
            if (reused) await reuse("resurrected", buried, reused, buried.commit);
            else event(key, { kind: "restored", message: `returns with the meaning it had at ${buried.commit.slice(0, 7)}`, ...at(meaning) });
            tombstones.delete(key);
          } else {
            introduced.set(key, info.date);
            event(key, { kind: "introduced", message: `at ${meaning.evidence.file}:${meaning.evidence.line}`, ...at(meaning) });
          }
          meanings.set(key, { meaning, commit, exists });
          relevantFiles.set(key, filesOf(meaning));
        }
      }
      for (const [key, held] of [...meanings]) {
        if (present.has(key)) {
          held.commit = commit;
          held.exists = exists;
          continue;
        }
        event(key, { kind: "removed", message: "no longer read" });
        tombstones.set(key, held);
        meanings.delete(key);
      }
      previous = { commit, exists };
    }
    options.onProgress?.(commits.length, commits.length);
    const flags = [...timelines]
      .map(([key, events]) => ({ key, events }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const incomplete = await repo.isShallow();
    if (incomplete) warnings.push({ message: shallowWarning("history") });
    return { commits: commits.length, flags, parsed, incomplete, diagnostics: warnings.list() };
  } finally {
    repo.close();
  }
}

function at(meaning: FlagMeaning): { file: string; line: number } {
  return { file: meaning.evidence.file, line: meaning.evidence.line };
}

/** The config as it was at a commit: the states read from that commit's config file. */
function configWithStates(config: ResolvedConfig, states: Record<string, string>): ResolvedConfig {
  const known: ResolvedConfig["flags"]["states"] = {};
  for (const [key, state] of Object.entries(states)) {
    if (state === "on" || state === "off" || state === "retired" || state === "active") known[key] = state;
  }
  return { ...config, flags: { ...config.flags, states: { ...config.flags.states, ...known } } };
}

/** Whether `keys` are exactly the keys of the meanings held. */
function sameKeys(keys: ReadonlySet<string>, meanings: ReadonlyMap<string, unknown>): boolean {
  if (keys.size !== meanings.size) return false;
  for (const key of keys) if (!meanings.has(key)) return false;
  return true;
}


/** The files a meaning depends on: where it is read and where the code it switches lives. */
function filesOf(meaning: FlagMeaning): Set<string> {
  const files = new Set<string>(meaning.sources ?? []);
  for (const site of meaning.sites) {
    files.add(site.evidence.file);
    for (const side of Object.values(site.sides)) {
      for (const identity of [...side.direct, ...side.segments.map((s) => s.id)]) {
        const hash = identity.lastIndexOf("#");
        if (hash > 0) files.add(identity.slice(0, hash));
      }
    }
  }
  return files;
}

/** The config's flag states at a commit, with an event for each state that changed. */
async function statesAt(
  repo: GitRepository,
  oid: string | undefined,
  previous: Record<string, string>,
  event: (key: string, message: string) => void,
): Promise<Record<string, string>> {
  let states: Record<string, string> = {};
  if (oid !== undefined) {
    try {
      const text = new TextDecoder().decode(await repo.readBlob(oid));
      states = parseConfig(JSON.parse(text), { file: "deadflag.config.json" }).flags.states;
    } catch {
      return previous;
    }
  }
  for (const key of new Set([...Object.keys(previous), ...Object.keys(states)])) {
    if (previous[key] === states[key]) continue;
    event(key, states[key] === undefined ? `state ${previous[key]} removed from the config` : `${states[key]} in the config`);
  }
  return states;
}
