// Reading source files defensively: a file over the size limit, a binary file or text that is
// not UTF-8 is skipped with a diagnostic that says why, and the rest is still analysed. The
// synchronous reader has git's stat fast path: a file whose size, times and inode match what was
// recorded keeps its blob id (or its reason to be skipped) without being read.
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
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

/** What a file looked like on disk when it was last read, and what its bytes were. */
export interface StatEntry {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
  /** The blob id of the bytes read; undefined when the file was skipped. */
  blobId: string | undefined;
  /** Why the file was skipped: the diagnostic, and what is known of it. */
  skipped?: { message: string; source: SkippedSource };
}

/** A source whose blob id is known; its text is read only when something needs it. */
export interface StatedSource {
  file: string;
  blobId: string;
  /** Present when the file was read in this pass (its stat entry did not match). */
  text?: string;
}

/**
 * A file modified this close to the moment it was read may change again within the file system's
 * timestamp granularity without its stat changing ("racily clean" in git): such entries are not
 * trusted, so the next read hashes the file again.
 */
const racyWindowMs = 3000;

/** Files larger than this are generated or bundled code, not code anyone maintains by hand. */
const maxSourceBytes = 2 * 1024 * 1024;

const binarySniffBytes = 8000;
const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
/** Never fails: import statements are ASCII, whatever the rest of the bytes are. */
const latin1 = new TextDecoder("latin1");

/**
 * Decodes one file's bytes, or explains (in `diagnostics`) why it is skipped. `knownBlobId`: the
 * bytes' blob id where git already gave it (a revision's tree), so that they are not hashed again.
 */
export function decodeSource(
  file: string,
  bytes: Uint8Array,
  diagnostics: EngineDiagnostic[],
  skipped?: SkippedSource[],
  knownBlobId?: string,
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
  return { file, text, blobId: knownBlobId ?? blobId(bytes) };
}

/**
 * Stats `files` (relative to `root`) and reads only those whose stat differs from `known`: the
 * others keep their recorded blob id. Returns the sources and the stat entries to remember.
 */
export function readSourcesSync(
  root: string,
  files: readonly string[],
  known: ReadonlyMap<string, StatEntry>,
  diagnostics: EngineDiagnostic[],
  skipped: SkippedSource[],
): { sources: StatedSource[]; entries: Map<string, StatEntry> } {
  const sources: StatedSource[] = [];
  const entries = new Map<string, StatEntry>();
  for (const file of files) {
    const absolute = path.join(root, file);
    let stats;
    let bytes: Uint8Array | undefined;
    const previous = known.get(file);
    try {
      stats = statSync(absolute);
      if (previous && sameStat(previous, stats)) {
        entries.set(file, previous);
        if (previous.blobId !== undefined) sources.push({ file, blobId: previous.blobId });
        else if (previous.skipped) {
          diagnostics.push({ file, message: previous.skipped.message });
          skipped.push(previous.skipped.source);
        }
        continue;
      }
      bytes = readFileSync(absolute);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      diagnostics.push({ file, message: `skipped: ${why}; findings it could affect are uncertain` });
      skipped.push({ file, reason: "unreadable" });
      continue;
    }
    const before = diagnostics.length;
    const skippedBefore = skipped.length;
    const source = decodeSource(file, bytes, diagnostics, skipped);
    const skip = skipped[skippedBefore];
    const entry: StatEntry = {
      size: stats.size,
      mtimeMs: stats.mtimeMs,
      ctimeMs: stats.ctimeMs,
      ino: stats.ino,
      blobId: source?.blobId,
      ...(!source && skip ? { skipped: { message: diagnostics[before]?.message ?? "skipped", source: skip } } : {}),
    };
    // Only an entry read well after its last change can vouch for the file's bytes next time.
    if (Date.now() - stats.mtimeMs > racyWindowMs) entries.set(file, entry);
    if (source) sources.push(source);
  }
  return { sources, entries };
}

/** The id analysis keys use for a skipped file: its reason and what is known of its imports. */
export function skippedId(source: SkippedSource): string {
  return `skipped:${createHash("sha1").update(JSON.stringify([source.reason, source.specifiers ?? null])).digest("hex")}`;
}

/** The text of `file` under `root`, or undefined when it cannot be read as a source. */
export function readTextSync(root: string, file: string): string | undefined {
  try {
    return decodeSource(file, readFileSync(path.join(root, file)), [])?.text;
  } catch {
    return undefined;
  }
}

function sameStat(entry: StatEntry, stats: { size: number; mtimeMs: number; ctimeMs: number; ino: number }): boolean {
  return entry.size === stats.size && entry.mtimeMs === stats.mtimeMs && entry.ctimeMs === stats.ctimeMs && entry.ino === stats.ino;
}
