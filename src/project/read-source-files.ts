// Reading source files defensively: a file over the size limit, a binary file or text that is
// not UTF-8 is skipped with a diagnostic that says why, and the rest is still analysed.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { EngineDiagnostic } from "../engine/engine-diagnostic.js";
import { importSpecifiers } from "../facts/import-specifiers.js";
import { blobId } from "./blob-id.js";

/** One source file's text and its git blob id. */
export interface SourceText {
  file: string;
  text: string;
  blobId: string;
}

/**
 * A file that could not be analysed, and why. What it imports is unknown (`unreadable`), known from
 * a cheap scan (`size`, `encoding`: its import specifiers), or nothing (`binary`: not code).
 */
export interface SkippedSource {
  file: string;
  reason: "size" | "binary" | "encoding" | "unreadable";
  specifiers?: string[];
}

/** Files larger than this are generated or bundled code, not code anyone maintains by hand. */
const maxSourceBytes = 2 * 1024 * 1024;

const binarySniffBytes = 8000;
const readConcurrency = 32;
const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
/** Never fails: import statements are ASCII, whatever the rest of the bytes are. */
const latin1 = new TextDecoder("latin1");

/** Reads `files` (relative to `root`) in parallel, skipping what cannot be analysed. */
export async function readSourceFiles(
  root: string,
  files: readonly string[],
  diagnostics: EngineDiagnostic[],
  skipped?: SkippedSource[],
): Promise<SourceText[]> {
  const results: Array<SourceText | undefined> = new Array(files.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const index = next++;
      const file = files[index];
      if (file !== undefined) results[index] = await readOne(root, file, diagnostics, skipped);
    }
  };
  await Promise.all(Array.from({ length: Math.min(readConcurrency, files.length) }, worker));
  return results.filter((r) => r !== undefined);
}

/** Decodes one file's bytes, or explains (in `diagnostics`) why it is skipped. */
export function decodeSource(
  file: string,
  bytes: Uint8Array,
  diagnostics: EngineDiagnostic[],
  skipped?: SkippedSource[],
): SourceText | undefined {
  if (bytes.subarray(0, binarySniffBytes).includes(0)) {
    diagnostics.push({ file, message: "skipped: binary file" });
    skipped?.push({ file, reason: "binary" });
    return undefined;
  }
  // What a skipped text file imports is still found, by a scan far cheaper than a parse: its imports
  // then count as uses of whole modules, so what it imports is not reported unused.
  const imported = "; what it imports counts as used";
  if (bytes.byteLength > maxSourceBytes) {
    diagnostics.push({ file, message: `skipped: ${bytes.byteLength} bytes is over the ${maxSourceBytes}-byte limit${imported}` });
    skipped?.push({ file, reason: "size", specifiers: importSpecifiers(latin1.decode(bytes)) });
    return undefined;
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    diagnostics.push({ file, message: `skipped: not valid UTF-8 text${imported}` });
    skipped?.push({ file, reason: "encoding", specifiers: importSpecifiers(latin1.decode(bytes)) });
    return undefined;
  }
  return { file, text, blobId: blobId(bytes) };
}

async function readOne(
  root: string,
  file: string,
  diagnostics: EngineDiagnostic[],
  skipped: SkippedSource[] | undefined,
): Promise<SourceText | undefined> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path.join(root, file));
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    diagnostics.push({ file, message: `skipped: ${why}; findings it could affect are uncertain` });
    skipped?.push({ file, reason: "unreadable" });
    return undefined;
  }
  return decodeSource(file, bytes, diagnostics, skipped);
}
