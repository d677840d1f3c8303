// The engine's entry: config, files, per-file facts (from the cache where the content is
// unchanged), and the linked project every command works on.
import path from "node:path";
import { loadConfig } from "../config/load-config.js";
import type { ResolvedConfig } from "../config/resolve-config.js";
import type { ExtractOptions } from "../facts/extraction-context.js";
import { extractSources } from "../facts/extract-sources.js";
import { defaultCacheDirectory, FactsCache } from "../facts/facts-cache.js";
import type { FileFacts } from "../facts/file-facts.js";
import { readNamesOf } from "../flags/build-flag-index.js";
import { LinkedProject } from "../graph/linked-project.js";
import { createModuleResolver } from "../graph/module-resolver.js";
import { discoverProject } from "../project/discover-project.js";
import { diskFileSystem } from "../project/disk-file-system.js";
import type { Entries } from "../project/find-entries.js";
import { findEntries } from "../project/find-entries.js";
import type { ProjectPackage } from "../project/project-package.js";
import { readSourceFiles } from "../project/read-source-files.js";
import type { SkippedSource } from "../project/read-source-files.js";
import { skippedFileFacts } from "../facts/skipped-file-facts.js";
import type { EngineDiagnostic } from "./engine-diagnostic.js";

/** How to open a project. */
export interface OpenProjectOptions {
  /** The directory to analyse. */
  root: string;
  /** A config file that overrides the lookup (`--config`). */
  configFile?: string;
  /** Reuse and store per-file facts on disk (default true). */
  cache?: boolean;
  /** The cache directory; default `<root>/node_modules/.cache/deadflag`. */
  cacheLocation?: string;
  /** Collect the call graph's facts too (default true); the flag index alone does without them. */
  callGraph?: boolean;
  /** Called with the entries once they are found (`--debug` prints which presets fired). */
  onEntries?: (entries: Entries) => void;
  /** Called as files are extracted, for progress displays. */
  onProgress?: (progress: Progress) => void;
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

/** Loads config and files, extracts facts (cached by content) and links them. */
export async function openProject(options: OpenProjectOptions): Promise<OpenedProject> {
  const root = path.resolve(options.root);
  const timings: Record<string, number> = {};
  const time = async <T>(phase: string, work: () => T | Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await work();
    timings[phase] = (timings[phase] ?? 0) + performance.now() - started;
    return result;
  };

  const diagnostics: EngineDiagnostic[] = [];
  const discovered = await time("discover", async () => {
    const loaded = await loadConfig(root, options.configFile);
    const project = loaded.config.project === undefined ? undefined : path.resolve(loaded.directory, loaded.config.project);
    const layout = await discoverProject(diskFileSystem(root), { project, ignore: loaded.config.ignore }, diagnostics);
    return { loaded, layout };
  });
  const { loaded, layout } = discovered;
  const skipped: SkippedSource[] = [];
  const sources = await time("read", () => readSourceFiles(root, layout.files, diagnostics, skipped));

  const extractOptions: ExtractOptions = {
    readNames: readNamesOf(loaded.config.flags),
    ...(options.callGraph === false ? { callGraph: false } : {}),
  };
  const cacheDirectory =
    options.cache === false ? undefined : path.resolve(root, options.cacheLocation ?? defaultCacheDirectory);
  const cache = new FactsCache(cacheDirectory, extractOptions);
  const extracted = await time("extract", () =>
    extractSources(sources, extractOptions, cache, (done, total) => options.onProgress?.({ phase: "extract", done, total })),
  );
  const { facts, parsed } = extracted;
  for (const [file, fileFacts] of facts) {
    for (const error of fileFacts.parseErrors.slice(0, 1)) {
      diagnostics.push({ file, message: `syntax error at ${error.line}:${error.column}: ${error.message}; read what parsed` });
    }
  }

  // A skipped file whose imports a scan found uses them whole; one that could not be read stays a
  // known file without facts, so imports still resolve to it (see FindingUncertainty).
  for (const source of skipped) if (source.specifiers) facts.set(source.file, skippedFileFacts(source.specifiers));
  const files = [...facts.keys()];
  const entries = await time("entries", () =>
    findEntries(
      {
        root,
        files,
        listed: layout.listed,
        packages: layout.packages,
        entryGlobs: loaded.config.entry,
        testGlobs: loaded.config.tests,
        readText: layout.readText,
      },
      diagnostics,
    ),
  );
  options.onEntries?.(entries);
  const unparsed = skipped.filter((source) => !source.specifiers).map((source) => source.file);
  const resolver = createModuleResolver(root, [...files, ...unparsed], layout.compilerOptions, {
    compilerOptionsOf: layout.compilerOptionsOf,
    packages: layout.packages,
  });
  const linked = await time("link", () => new LinkedProject(facts, resolver));
  return {
    root,
    config: loaded.config,
    configFile: loaded.file,
    configDirectory: loaded.directory,
    tsconfig: layout.tsconfig,
    files,
    entries,
    packages: layout.packages,
    facts,
    linked,
    skipped,
    diagnostics,
    stats: {
      files: files.length,
      parsed,
      cached: files.length - parsed - skipped.filter((source) => source.specifiers).length,
      skipped: skipped.length,
      timings,
    },
  };
}
