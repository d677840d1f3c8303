// The engine's entry: config, files, per-file facts (from the cache where the content is
// unchanged), entries, and the linked project every command works on. One synchronous core serves
// the async `openProject` (the CLI) and the project session (the ESLint rules, which cannot
// await); what one open learns (stat entries, the layout and what it depends on) the next reuses.
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import type ts from "typescript";
import { configCandidates, loadConfig, loadConfigSync } from "../config/load-config.js";
import type { LoadedConfig } from "../config/load-config.js";
import type { ResolvedConfig } from "../config/resolve-config.js";
import type { ExtractOptions } from "../facts/extraction-context.js";
import { extractSources, loadExtractor } from "../facts/extract-sources.js";
import type { ParseMany } from "../facts/extract-sources.js";
import { FactsCache } from "../facts/facts-cache.js";
import type { FileFacts } from "../facts/file-facts.js";
import { readNamesOf } from "../flags/build-flag-index.js";
import { LinkedProject } from "../graph/linked-project.js";
import { createModuleResolver } from "../graph/module-resolver.js";
import type { ModuleResolver } from "../graph/module-resolver.js";
import { blobId } from "../project/blob-id.js";
import { discoverProjectSync } from "../project/discover-project.js";
import { diskFileSystem } from "../project/disk-file-system.js";
import type { Entries } from "../project/find-entries.js";
import { findEntriesSync } from "../project/find-entries.js";
import type { ProjectPackage } from "../project/project-package.js";
import { readSourcesSync, readTextSync, skippedId } from "../project/read-source-files.js";
import type { SkippedSource, StatEntry, StatedSource } from "../project/read-source-files.js";
import { skippedFileFacts } from "../facts/skipped-file-facts.js";
import { cacheDirectoryFor, prepareCacheDirectory } from "./cache-directory.js";
import type { EngineDiagnostic } from "./engine-diagnostic.js";
import { extractInParallel, extractionThreads } from "./extraction-pool.js";
import { discoveryInputOf } from "./scan-record.js";
import { configHolds } from "./scan-record.js";
import type { DiscoveryMemo, EntriesMemo, RecordedConfig } from "./scan-record.js";
import { fingerprintsOf, statFingerprint, takeTreeSignature, treeUnchanged } from "./tree-signature.js";

/** How to open a project. */
export interface OpenProjectOptions {
  /** The directory to analyse. */
  root: string;
  /** A config file that overrides the lookup (`--config`). */
  configFile?: string;
  /** Reuse and store per-file facts on disk (default true). */
  cache?: boolean;
  /** The cache directory; default `node_modules/.cache/deadflag` when `node_modules` exists, else `.deadflag/cache`. */
  cacheLocation?: string;
  /** Collect the call graph's facts too (default true); the flag index alone does without them. */
  callGraph?: boolean;
  /**
   * Threads to parse files on: 1 (the default) this one only; n also starts up to n - 1 worker
   * threads, kept for the process's life; `"auto"` one per available core while each has enough
   * files to parse to pay for loading TypeScript (see extraction-pool.ts).
   */
  threads?: number | "auto";
  /** Called as files are extracted, for progress displays. */
  onProgress?: (progress: Progress) => void;
  /** Called with the entries once they are found (`--debug` prints which presets fired). */
  onEntries?: (entries: Entries) => void;
}

/** Progress through a phase that handles many files. */
export interface Progress {
  phase: "extract";
  done: number;
  total: number;
}

/** Counters and timings of one open, for `--timing` and for tests. */
export interface OpenStats {
  files: number;
  /** Files parsed in this run (the rest came from the cache). */
  parsed: number;
  /** Of the files parsed, those parsed on worker threads (see `threads`), when any were. */
  parsedByWorkers?: number;
  cached: number;
  skipped: number;
  /** Milliseconds per phase. */
  timings: Record<string, number>;
}

/** A project ready for analysis. */
export interface OpenedProject {
  root: string;
  config: ResolvedConfig;
  /** The config file used (absolute), if any. */
  configFile: string | undefined;
  /** The directory relative config paths are resolved from. */
  configDirectory: string;
  tsconfig: string | undefined;
  files: string[];
  /** Production and test entries, and the framework presets that found them. */
  entries: Entries;
  /** The root package, then each workspace package. */
  packages: ProjectPackage[];
  facts: Map<string, FileFacts>;
  linked: LinkedProject;
  /** Files that could not be analysed, and what is known of their imports. */
  skipped: SkippedSource[];
  diagnostics: EngineDiagnostic[];
  stats: OpenStats;
}

/** What one open of a project leaves for the next open of the same project, in memory or from disk. */
export interface OpenMemory {
  /** Stat entries of the sources, by root-relative path (git's stat fast path). */
  stats: Map<string, StatEntry>;
  /** The layout and the tree signature it was found under, for one discovery input. */
  discovery?: DiscoveryMemo;
  /** The last config loaded, and the fingerprints of the files its lookup looks at. */
  config?: RecordedConfig;
  /** The facts cache, for one set of extraction options. */
  cache?: { key: string; cache: FactsCache };
  /** The entries, for one set of inputs, and the files the presets read. */
  entries?: EntriesMemo;
  /** The module resolver, for one layout and file list: resolving is a function of those alone, not of contents. */
  resolver?: { layout: DiscoveryMemo["layout"]; files: string; resolver: ModuleResolver };
}

/** Input of one open beyond the options: edited texts not on disk, and what the last open left. */
export interface OpenInput {
  /** Texts that replace what is on disk, by root-relative POSIX path (unsaved editor buffers). */
  overrides?: ReadonlyMap<string, string>;
  memory?: OpenMemory;
}

/** A project's facts and the blob id each came from (the key of everything cross-file), not linked yet. */
export interface OpenedFacts {
  project: Omit<OpenedProject, "linked">;
  blobIds: Map<string, string>;
  /** What discovery found, and the files it read. */
  discovery: DiscoveryMemo;
  /** Files the entry presets read (absolute): the entries depend on them. */
  entryReads: string[];
  /** Links the facts (module resolution loads TypeScript). */
  link(): OpenedProject;
}

/** Loads config and files, extracts facts (cached by content) and links them. */
export async function openProject(options: OpenProjectOptions): Promise<OpenedProject> {
  const started = performance.now();
  const loaded = await loadConfig(path.resolve(options.root), options.configFile);
  const config = performance.now() - started;
  await loadExtractor();
  const project = openLoaded(options, loaded, {}).link();
  project.stats.timings = { config, parser: performance.now() - started - config, ...project.stats.timings };
  return project;
}

/** The stat fingerprint of every file the config lookup for `root` looks at (a config changes → one changes). */
function configFingerprints(root: string, configFile: string | undefined): Array<[string, string]> {
  const candidates = configFile === undefined ? configCandidates(root) : [path.resolve(root, configFile)];
  return candidates.map((file) => [file, statFingerprint(file)]);
}

function openLoaded(options: OpenProjectOptions, loaded: LoadedConfig, input: OpenInput): OpenedFacts {
  return extractPrepared(prepareLoaded(options, loaded, input), options, input.memory);
}

/**
 * Everything the findings' key depends on, found without parsing a file: the layout, each file's
 * blob id and the entries. Loads TypeScript only to read a tsconfig or a tool config that changed.
 */
export function prepareProject(options: OpenProjectOptions, input: OpenInput & { memory: OpenMemory }): PreparedProject {
  const root = path.resolve(options.root);
  const memory = input.memory;
  let loaded = memory.config && configHolds(memory.config) ? memory.config.loaded : undefined;
  if (!loaded) {
    const fingerprints = configFingerprints(root, options.configFile);
    loaded = loadConfigSync(root, options.configFile);
    memory.config = { fingerprints, loaded };
  }
  return prepareLoaded(options, loaded, input);
}

/** A project prepared for analysis (see {@link prepareProject}). */
export interface PreparedProject {
  root: string;
  loaded: LoadedConfig;
  discovery: DiscoveryMemo;
  sources: StatedSource[];
  skipped: SkippedSource[];
  /** The files with facts to come, in link order. */
  files: string[];
  entries: Entries;
  /** Files the entry presets read (absolute): the entries depend on them. */
  entryReads: string[];
  /** The blob id of every file (a skipped file's id says why it is skipped). */
  blobIds: Map<string, string>;
  diagnostics: EngineDiagnostic[];
  timings: Record<string, number>;
}

function prepareLoaded(options: OpenProjectOptions, loaded: LoadedConfig, input: OpenInput): PreparedProject {
  return withEditedTexts(prepareDisk(options, loaded, input), input.overrides);
}

/**
 * `prepared` with edited texts in place of the disk's (for files of the project only; the file list
 * and the entries do not depend on texts). Its diagnostics and timings are its own, so that one
 * prepared disk state can serve many edits.
 */
export function withEditedTexts(prepared: PreparedProject, overrides: ReadonlyMap<string, string> | undefined): PreparedProject {
  const copy = { ...prepared, diagnostics: [...prepared.diagnostics], timings: { ...prepared.timings } };
  if (!overrides || overrides.size === 0) return copy;
  const sources = withOverrides(prepared.sources, overrides);
  const blobIds = new Map(prepared.blobIds);
  for (const source of sources) if (overrides.has(source.file)) blobIds.set(source.file, source.blobId);
  return { ...copy, sources, blobIds };
}

function prepareDisk(options: OpenProjectOptions, loaded: LoadedConfig, input: OpenInput): PreparedProject {
  const root = path.resolve(options.root);
  const memory = input.memory;
  const timings: Record<string, number> = {};
  const time = timer(timings);
  const cacheDirectory = options.cache === false ? undefined : cacheDirectoryFor(root, options.cacheLocation);

  const discovery = time("discover", () => discover(root, loaded, cacheDirectory, memory));
  const layout = discovery.layout;
  const diagnostics: EngineDiagnostic[] = [...layout.diagnostics];
  const skipped: SkippedSource[] = [];
  const read = time("read", () => readSourcesSync(root, layout.files, memory?.stats ?? new Map(), diagnostics, skipped));
  if (memory) memory.stats = read.entries;
  const sources = read.sources;
  // A skipped file whose imports a scan found gets facts of its own (see skippedFileFacts).
  const files = [...sources.map((source) => source.file), ...skipped.flatMap((source) => (source.specifiers ? [source.file] : []))];
  const found = time("entries", () => findEntriesOnce(root, files, loaded, layout, memory));
  diagnostics.push(...found.diagnostics);
  options.onEntries?.(found.entries);
  return {
    root,
    loaded,
    discovery,
    sources,
    skipped,
    files,
    entries: found.entries,
    entryReads: found.reads,
    blobIds: new Map([...sources.map((s): [string, string] => [s.file, s.blobId]), ...skipped.map((s): [string, string] => [s.file, skippedId(s)])]),
    diagnostics,
    timings,
  };
}

/** Extracts the facts of a prepared project (parsing only files whose content the cache lacks). */
export function extractPrepared(prepared: PreparedProject, options: OpenProjectOptions, memory: OpenMemory | undefined): OpenedFacts {
  const { root, loaded, discovery, sources, skipped, diagnostics, timings } = prepared;
  const layout = discovery.layout;
  const time = timer(timings);
  const cacheDirectory = options.cache === false ? undefined : cacheDirectoryFor(root, options.cacheLocation);
  const extractOptions: ExtractOptions = {
    readNames: readNamesOf(loaded.config.flags),
    ...(options.callGraph === false ? { callGraph: false } : {}),
  };
  const cache = factsCacheFor(cacheDirectory, extractOptions, memory);
  const threads = options.threads ?? 1;
  const parseMany: ParseMany | undefined =
    threads === 1
      ? undefined
      : (jobs, extractHere, deliver) => extractInParallel(root, jobs, extractOptions, extractionThreads(threads, jobs.length), extractHere, deliver);
  const { facts, parsed, parsedElsewhere } = time("extract", () =>
    extractSources(
      sources,
      extractOptions,
      cache,
      (file) => readTextSync(root, file),
      (done, total) => options.onProgress?.({ phase: "extract", done, total }),
      parseMany,
    ),
  );
  for (const [file, fileFacts] of facts) {
    for (const error of fileFacts.parseErrors.slice(0, 1)) {
      diagnostics.push({ file, message: `syntax error at ${error.line}:${error.column}: ${error.message}; read what parsed` });
    }
  }
  // One that could not be read stays a known file without facts, so imports still resolve to it
  // (see FindingUncertainty).
  for (const source of skipped) if (source.specifiers) facts.set(source.file, skippedFileFacts(source.specifiers));
  const files = [...facts.keys()];
  const unlinked: OpenedFacts["project"] = {
    root,
    config: loaded.config,
    configFile: loaded.file,
    configDirectory: loaded.directory,
    tsconfig: layout.tsconfig,
    files,
    entries: prepared.entries,
    packages: layout.packages,
    facts,
    skipped,
    diagnostics,
    stats: {
      files: files.length,
      parsed,
      ...(parsedElsewhere > 0 ? { parsedByWorkers: parsedElsewhere } : {}),
      cached: files.length - parsed - skipped.filter((source) => source.specifiers).length,
      skipped: skipped.length,
      timings,
    },
  };
  return {
    project: unlinked,
    blobIds: prepared.blobIds,
    discovery,
    entryReads: prepared.entryReads,
    link: () => {
      const compilerOptionsOf = (file: string): ts.CompilerOptions => layout.optionsOf.get(file) ?? layout.compilerOptions;
      const unparsed = skipped.filter((source) => !source.specifiers).map((source) => source.file);
      const known = [...files, ...unparsed];
      const remembered = memory?.resolver;
      const list = known.join("\0");
      const resolver =
        remembered && remembered.layout === layout && remembered.files === list
          ? remembered.resolver
          : createModuleResolver(root, known, layout.compilerOptions, { compilerOptionsOf, packages: layout.packages });
      if (memory) memory.resolver = { layout, files: list, resolver };
      const linked = time("link", () => new LinkedProject(facts, resolver));
      return { ...unlinked, linked };
    },
  };
}

/** The entries: the remembered ones while their inputs and the files the presets read are unchanged. */
function findEntriesOnce(
  root: string,
  files: readonly string[],
  loaded: LoadedConfig,
  layout: DiscoveryMemo["layout"],
  memory: OpenMemory | undefined,
): EntriesMemo {
  const inputs = hashText(JSON.stringify([files, layout.listed, layout.packages, loaded.config.entry, loaded.config.tests]));
  const known = memory?.entries;
  if (known && known.inputs === inputs && known.readFingerprints.every(([file, fingerprint]) => statFingerprint(file) === fingerprint)) {
    return known;
  }
  const listed = new Set(layout.listed);
  const reads = new Set<string>();
  const diagnostics: EngineDiagnostic[] = [];
  const entries = findEntriesSync(
    {
      root,
      files,
      listed: layout.listed,
      packages: layout.packages,
      entryGlobs: loaded.config.entry,
      testGlobs: loaded.config.tests,
      readText: (file) => {
        if (!listed.has(file)) return undefined;
        const absolute = path.join(root, file);
        reads.add(absolute);
        return readTextOrUndefined(absolute);
      },
    },
    diagnostics,
  );
  const sortedReads = [...reads].sort();
  const found: EntriesMemo = { inputs, entries, diagnostics, reads: sortedReads, readFingerprints: fingerprintsOf(sortedReads) };
  if (memory) memory.entries = found;
  return found;
}

function timer(timings: Record<string, number>): <T>(phase: string, work: () => T) => T {
  return (phase, work) => {
    const started = performance.now();
    const result = work();
    timings[phase] = (timings[phase] ?? 0) + performance.now() - started;
    return result;
  };
}

function hashText(text: string): string {
  return createHash("sha1").update(text).digest("hex");
}

/** The layout: the remembered one while its tree signature holds, else discovered again. */
function discover(root: string, loaded: LoadedConfig, cacheDirectory: string | undefined, memory: OpenMemory | undefined): DiscoveryMemo {
  const input = discoveryInputOf(loaded);
  const known = memory?.discovery;
  if (known && known.input === input && treeUnchanged(known.signature)) return known;
  const project = loaded.config.project === undefined ? undefined : path.resolve(loaded.directory, loaded.config.project);
  // The signature is taken before the files are listed, so that a change made meanwhile shows next
  // time, and after the cache directory exists, so that making it changes nothing.
  if (cacheDirectory && isDirectory(root)) prepareCacheDirectory(cacheDirectory);
  const directories = takeTreeSignature(root, new Set(cacheDirectory ? [cacheDirectory] : []));
  const diagnostics: EngineDiagnostic[] = [];
  const found = discoverProjectSync(diskFileSystem(root), { project, ignore: loaded.config.ignore }, diagnostics);
  const consulted = found.consulted();
  // The cache's own files are no part of the project (and change on every run).
  const cachePrefix = cacheDirectory && `${path.relative(root, cacheDirectory).split(path.sep).join("/")}/`;
  const inside = cachePrefix !== undefined && !cachePrefix.startsWith("../") && !path.isAbsolute(cachePrefix);
  const listed = inside ? found.listed.filter((file) => !file.startsWith(cachePrefix)) : found.listed;
  const discovery: DiscoveryMemo = {
    input,
    signature: { directories, files: fingerprintsOf(consulted) },
    layout: {
      files: found.files,
      listed,
      tsconfig: found.tsconfig,
      compilerOptions: found.compilerOptions,
      optionsOf: new Map(found.files.map((file) => [file, found.compilerOptionsOf(file)])),
      packages: found.packages,
      diagnostics,
    },
  };
  if (memory) memory.discovery = discovery;
  return discovery;
}

function isDirectory(directory: string): boolean {
  try {
    return statSync(directory).isDirectory();
  } catch {
    return false;
  }
}

/** A file's text as presets read it (any size, BOM dropped), or undefined. */
function readTextOrUndefined(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8").replace(/^\uFEFF/, "");
  } catch {
    return undefined;
  }
}

/** The sources with edited texts in place of the disk's (for files of the project only). */
function withOverrides(sources: StatedSource[], overrides: ReadonlyMap<string, string> | undefined): StatedSource[] {
  if (!overrides || overrides.size === 0) return sources;
  return sources.map((source) => {
    const text = overrides.get(source.file);
    return text === undefined ? source : { file: source.file, text, blobId: blobId(Buffer.from(text, "utf8")) };
  });
}

function factsCacheFor(directory: string | undefined, options: ExtractOptions, memory: OpenMemory | undefined): FactsCache {
  const key = `${directory ?? ""}\n${[...options.readNames].sort().join(",")}`;
  if (memory?.cache?.key === key) return memory.cache.cache;
  const cache = new FactsCache(directory, options, "worktree");
  if (memory) memory.cache = { key, cache };
  return cache;
}
