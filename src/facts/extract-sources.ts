// Extraction of many files: from the cache where the content is known, else parsed. The parser
// (TypeScript, through extract-file-facts) is loaded on demand: a run that finds every file in the
// cache never loads it. Synchronous callers (the ESLint rules, through the project session) load
// it statically with `provideExtractor`; the CLI awaits `loadExtractor` when a file misses.
// The files to parse can be handed to several threads (the engine's extraction pool); the facts
// come back in the sources' order either way.
import type { StatedSource } from "../project/read-source-files.js";
import type { extractFileFacts } from "./extract-file-facts.js";
import type { ExtractOptions } from "./extraction-context.js";
import { cacheKey } from "./facts-cache.js";
import type { FactsCache } from "./facts-cache.js";
import type { FileFacts } from "./file-facts.js";

/** The function that parses one file into facts. */
export type ExtractFile = typeof extractFileFacts;

/** A file to parse: its text when it was read in this pass, else it is read when parsed. */
export interface ParseJob {
  file: string;
  text?: string;
}

/**
 * Parses `jobs`, possibly on several threads: `extractHere` parses one on the calling thread, and
 * `deliver` must receive each job's facts exactly once (undefined when the file could not be read),
 * with their JSON when it was made elsewhere.
 */
export type ParseMany = (
  jobs: readonly ParseJob[],
  extractHere: (job: ParseJob) => FileFacts | undefined,
  deliver: (index: number, facts: FileFacts | undefined, json?: string) => void,
) => void;

let extractor: ExtractFile | undefined;

/** Loads the parser once (TypeScript with it); the CLI awaits this only when some file must be parsed. */
export async function loadExtractor(): Promise<ExtractFile> {
  extractor ??= (await import("./extract-file-facts.js")).extractFileFacts;
  return extractor;
}

/** Makes a statically imported parser available to synchronous extraction. */
export function provideExtractor(extract: ExtractFile): void {
  extractor ??= extract;
}

/**
 * Facts of every source, in the sources' order, from the cache by blob id or parsed (reading the
 * text with `readText` when the source was not read) on this thread or by `parseMany`; `parsed`
 * counts the files parsed, `parsedElsewhere` those of them parsed by `parseMany` on another thread.
 * A source whose text can no longer be read is left out.
 */
export function extractSources(
  sources: readonly StatedSource[],
  options: ExtractOptions,
  cache: FactsCache,
  readText: (file: string) => string | undefined,
  onProgress?: (done: number, total: number) => void,
  parseMany?: ParseMany,
): { facts: Map<string, FileFacts>; parsed: number; parsedElsewhere: number } {
  const found: Array<FileFacts | undefined> = new Array(sources.length);
  const misses: number[] = [];
  // Files with the content of a file to parse share its facts (taken from the cache once it has them).
  const missed = new Set<string>();
  const copies: number[] = [];
  let done = 0;
  for (const [index, source] of sources.entries()) {
    const cached = cache.get(source.blobId, source.file, options.callGraph !== false);
    if (cached) {
      found[index] = cached;
      onProgress?.(++done, sources.length);
      continue;
    }
    const key = cacheKey(source.blobId, source.file);
    if (missed.has(key)) copies.push(index);
    else {
      missed.add(key);
      misses.push(index);
    }
  }
  let parsed = 0;
  let parsedElsewhere = 0;
  const jobs = misses.map((index): ParseJob => {
    const source = sources[index] as StatedSource;
    return source.text === undefined ? { file: source.file } : { file: source.file, text: source.text };
  });
  const extractHere = (job: ParseJob): FileFacts | undefined => {
    const text = job.text ?? readText(job.file);
    if (text === undefined) return undefined;
    if (!extractor) throw new Error("the parser is not loaded: await loadExtractor() before extracting");
    return extractor(job.file, text, options);
  };
  const deliver = (job: number, facts: FileFacts | undefined, json?: string): void => {
    const index = misses[job] as number;
    const source = sources[index] as StatedSource;
    if (facts) {
      cache.set(source.blobId, source.file, facts, json);
      found[index] = facts;
      parsed++;
      if (json !== undefined) parsedElsewhere++;
    }
    onProgress?.(++done, sources.length);
  };
  if (parseMany && jobs.length > 1) parseMany(jobs, extractHere, deliver);
  else for (const [job, parseJob] of jobs.entries()) deliver(job, extractHere(parseJob));
  for (const index of copies) {
    const source = sources[index] as StatedSource;
    found[index] = cache.get(source.blobId, source.file, options.callGraph !== false);
    if (found[index] === undefined) {
      // The file it copies could not be read after all: this one is parsed on its own.
      misses.push(index);
      deliver(misses.length - 1, extractHere(source.text === undefined ? { file: source.file } : { file: source.file, text: source.text }));
    } else onProgress?.(++done, sources.length);
  }
  const facts = new Map<string, FileFacts>();
  for (const [index, source] of sources.entries()) {
    const fileFacts = found[index];
    if (fileFacts) facts.set(source.file, fileFacts);
  }
  return { facts, parsed, parsedElsewhere };
}
