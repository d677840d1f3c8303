// `history`: a timeline of every flag over the commits of the first-parent history (merges would
// make keys vanish and reappear): introduced, meaning changed (with the kind), removed, resurrected,
// and state changes in the config. A commit that touches no file of a flag keeps its meaning, and
// files unchanged since the previous commit come from the facts cache: only changed blobs are parsed.
import path from "node:path";
import { loadConfig } from "../config/load-config.js";
import { parseConfig } from "../config/parse-config.js";
import { indexFlags } from "../engine/index-flags.js";
import type { ExtractOptions } from "../facts/extraction-context.js";
import { defaultCacheDirectory, FactsCache } from "../facts/facts-cache.js";
import { readNamesOf } from "../flags/build-flag-index.js";
import { CallGraph } from "../graph/call-graph.js";
import type { ReuseKind } from "./compare-meanings.js";
import { compareMeanings } from "./compare-meanings.js";
import type { FlagMeaning } from "./flag-meaning.js";
import { computeMeanings } from "./flag-meaning.js";
import { GitRepository } from "./git-repository.js";
import { openRevision } from "./open-revision.js";

/** What happened to a flag at one commit. */
export interface HistoryEvent {
  commit: string;
  date: string;
  author: string;
  subject: string;
  kind: "introduced" | "removed" | "restored" | "state" | ReuseKind;
  message: string;
  /** The read that shows it, at that commit. */
  file?: string;
  line?: number;
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
}

/** What to walk. */
export interface HistoryOptions {
  root: string;
  configFile?: string;
  /** Start after this revision (default: the first commit). */
  since?: string;
  /** Only this flag. */
  flag?: string;
  /** Follow every parent instead of the first-parent line. */
  allParents?: boolean;
  cache?: boolean;
  cacheLocation?: string;
  onProgress?: (done: number, total: number) => void;
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
    const cacheDirectory = options.cache === false ? undefined : path.resolve(root, options.cacheLocation ?? defaultCacheDirectory);
    const cache = new FactsCache(cacheDirectory, extractOptions);
    const prefix = path.relative(repo.root, root).split(path.sep).join("/");
    const configPath = loaded.file ? path.relative(repo.root, loaded.file).split(path.sep).join("/") : undefined;

    const timelines = new Map<string, HistoryEvent[]>();
    const meanings = new Map<string, FlagMeaning>();
    const tombstones = new Map<string, FlagMeaning>();
    const relevantFiles = new Map<string, Set<string>>();
    let states: Record<string, string> = {};
    let previousTree = new Map<string, string>();
    let parsed = 0;

    for (const [position, commit] of commits.entries()) {
      options.onProgress?.(position, commits.length);
      const info = infos.get(commit);
      if (!info) continue;
      const tree = new Map((await repo.listTree(commit, prefix)).map((e) => [e.path, e.oid]));
      const changed = changedPaths(previousTree, tree);
      previousTree = tree;
      if (changed.size === 0) continue;
      const event = (key: string, kind: HistoryEvent["kind"], message: string, meaning?: FlagMeaning): void => {
        if (options.flag !== undefined && key !== options.flag) return;
        const list = timelines.get(key) ?? [];
        list.push({
          commit,
          date: info.date,
          author: info.author,
          subject: info.subject,
          kind,
          message,
          ...(meaning ? { file: meaning.evidence.file, line: meaning.evidence.line } : {}),
        });
        timelines.set(key, list);
      };
      if (configPath && changed.has(configPath)) states = await statesAt(repo, tree.get(configPath), states, event);

      const project = await openRevision({ repo, root, revision: { kind: "commit", commit }, loaded, cache, extractOptions });
      parsed += project.stats.parsed;
      const index = indexFlags(project);
      const present = new Set(index.flags.filter((f) => f.references.length > 0).map((f) => f.key));
      const relative = (p: string): string => (prefix === "" ? p : p.slice(prefix.length + 1));
      const touched = new Set([...changed].map(relative));
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
          if (before) {
            for (const change of compareMeanings(before, meaning)) {
              event(key, change.kind, describeChange(change.kind, before, meaning), meaning);
            }
          } else if (buried) {
            const changes = compareMeanings(buried, meaning);
            const reused = changes.some((c) => c.kind === "repurposed" || c.kind === "inverted");
            event(
              key,
              reused ? "resurrected" : "restored",
              reused ? `read again for different code: ${describeChange("repurposed", buried, meaning)}` : "read again, with its old meaning",
              meaning,
            );
            tombstones.delete(key);
          } else {
            event(key, "introduced", `at ${meaning.evidence.file}:${meaning.evidence.line}`, meaning);
          }
          meanings.set(key, meaning);
          relevantFiles.set(key, filesOf(meaning));
        }
      }
      for (const [key, meaning] of [...meanings]) {
        if (present.has(key)) continue;
        event(key, "removed", "no longer read");
        tombstones.set(key, meaning);
        meanings.delete(key);
      }
    }
    options.onProgress?.(commits.length, commits.length);
    const flags = [...timelines]
      .map(([key, events]) => ({ key, events }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return { commits: commits.length, flags, parsed };
  } finally {
    repo.close();
  }
}

function changedPaths(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): Set<string> {
  const changed = new Set<string>();
  for (const [file, oid] of after) if (before.get(file) !== oid) changed.add(file);
  for (const file of before.keys()) if (!after.has(file)) changed.add(file);
  return changed;
}

/** The files a meaning depends on: where it is read and where the code it switches lives. */
function filesOf(meaning: FlagMeaning): Set<string> {
  const files = new Set([meaning.evidence.file]);
  for (const side of Object.values(meaning.sides)) {
    for (const symbol of side.symbols) {
      const match = /\(([^)]+)\)$/.exec(symbol);
      if (match?.[1]) files.add(match[1]);
    }
  }
  return files;
}

/** The config's flag states at a commit, with an event for each state that changed. */
async function statesAt(
  repo: GitRepository,
  oid: string | undefined,
  previous: Record<string, string>,
  event: (key: string, kind: HistoryEvent["kind"], message: string) => void,
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
    event(key, "state", states[key] === undefined ? `state ${previous[key]} removed from the config` : `${states[key]} in the config`);
  }
  return states;
}

function describeChange(kind: HistoryEvent["kind"], before: FlagMeaning, after: FlagMeaning): string {
  // The declarations a flag switches, on whichever side it has them (a negated read guards its off side).
  const side = (meaning: FlagMeaning): string => {
    const sides = Object.entries(meaning.sides).sort(([a], [b]) => (a === "on" ? -1 : b === "on" ? 1 : a < b ? -1 : 1));
    const symbols = sides.flatMap(([, s]) => s.symbols).slice(0, 2);
    if (symbols.length > 0) return symbols.join(", ");
    const line = sides.flatMap(([, s]) => s.lines)[0];
    return line === undefined ? `its branches at ${meaning.evidence.file}` : `\`${line}\` (${meaning.evidence.file})`;
  };
  switch (kind) {
    case "repurposed":
      return `switched ${side(before)}; now switches ${side(after)}`;
    case "inverted":
      return "the code it switched on now runs when it is off";
    case "type-changed":
      return `read as ${before.valueTypes.join(" or ")}, now as ${after.valueTypes.join(" or ")}`;
    case "default-changed":
      return `default ${before.defaults.join(" or ")} became ${after.defaults.join(" or ")}`;
    default:
      return kind;
  }
}
