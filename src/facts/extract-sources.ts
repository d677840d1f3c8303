// Extraction of many files: from the cache where the content is known, else parsed. The parser
// (TypeScript, through extract-file-facts) is loaded on demand: a run that finds every file in the
// cache never loads it. Synchronous callers (the ESLint rules, through the project session) load
// it statically with `provideExtractor`; the CLI awaits `loadExtractor` when a file misses.
// One thread: a worker thread for half the files was measured slower on effect's sources with 2
// cores (10.1 s against 6.6 s wall, twice the CPU), as loading TypeScript again and copying facts
// back cost more than the parallel parse saved.
import type { StatedSource } from "../project/read-source-files.js";
import type { extractFileFacts } from "./extract-file-facts.js";
import type { ExtractOptions } from "./extraction-context.js";
import type { FactsCache } from "./facts-cache.js";
import type { FileFacts } from "./file-facts.js";

/** The function that parses one file into facts. */
export type ExtractFile = typeof extractFileFacts;

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
 * Facts of every source, from the cache by blob id or parsed (reading the text with `readText`
 * when the source was not read); `parsed` counts the files parsed. A source whose text can no
 * longer be read is left out.
 */
export function extractSources(
  sources: readonly StatedSource[],
  options: ExtractOptions,
  cache: FactsCache,
  readText: (file: string) => string | undefined,
  onProgress?: (done: number, total: number) => void,
): { facts: Map<string, FileFacts>; parsed: number } {
  const facts = new Map<string, FileFacts>();
  let parsed = 0;
  for (const [index, source] of sources.entries()) {
    let fileFacts = cache.get(source.blobId, source.file, options.callGraph !== false);
    if (!fileFacts) {
      const text = source.text ?? readText(source.file);
      if (text === undefined) continue;
      if (!extractor) throw new Error("the parser is not loaded: await loadExtractor() before extracting");
      fileFacts = extractor(source.file, text, options);
      cache.set(source.blobId, source.file, fileFacts);
      parsed++;
    }
    facts.set(source.file, fileFacts);
    onProgress?.(index + 1, sources.length);
  }
  return { facts, parsed };
}
