// The on-disk cache of per-file facts, keyed by the file's git blob id, its script kind and the
// extraction options. One pack file per cache (not a file per entry): a header, then records
// appended one `write` each (`length, key, JSON of the facts`: JSON.parse measured 1.5× faster
// than v8.deserialize on effect's 31 MB of facts, 1.0 s against 1.6 s), read back through an index of
// offsets so that only the facts asked for are deserialised. A torn or foreign record is a miss,
// never a crash; a pack holding many more entries than a run used is rewritten (to a temporary
// file, renamed into place). Cross-file results are never cached here: they depend on other files.
import { createHash } from "node:crypto";
import { closeSync, fstatSync, ftruncateSync, openSync, readSync, renameSync, writeSync } from "node:fs";
import path from "node:path";
import { engineVersion, factsSchemaVersion } from "../engine-version.js";
import { prepareCacheDirectory } from "../engine/cache-directory.js";
import { removeOrphanTemporaries, temporaryPathFor } from "../engine/cache-files.js";
import type { ExtractOptions } from "./extraction-context.js";
import type { FileFacts } from "./file-facts.js";

/** The pack of the working tree's facts (scan, the editor) and the one of past revisions (diff, history). */
export type PackName = "worktree" | "revisions";

const magic = Buffer.from("DFFACTS2", "latin1");
const recordHeaderBytes = 6;
/** Rewrite a pack when it holds this many times the entries a run used (and at least `compactSlack` more). */
const compactRatio = 2;
const compactSlack = 64;

/** Where a record's facts are in the pack. */
interface PackedEntry {
  offset: number;
  length: number;
}

/** Facts by content. `get` misses on a corrupt or foreign entry; `set` appends one record. */
export class FactsCache {
  private readonly memory = new Map<string, FileFacts>();
  private readonly used = new Set<string>();
  private readonly file: string | undefined;
  private index: Map<string, PackedEntry> | undefined;
  private fd: number | undefined;
  private broken = false;

  /** A cache under `directory` (absolute), or in memory only when `directory` is undefined. */
  constructor(directory: string | undefined, options: ExtractOptions, pack: PackName = "revisions") {
    const optionsHash = createHash("sha1").update([...options.readNames].sort().join("\n")).digest("hex").slice(0, 12);
    this.file = directory && path.join(directory, `${pack}-${engineVersion}-${factsSchemaVersion}-${optionsHash}.pack`);
  }

  /**
   * The cached facts of content `blobId` parsed as `fileName`'s kind of file; with `callGraph`, only
   * facts that include the call graph's declarations count.
   */
  get(blobId: string, fileName: string, callGraph = true): FileFacts | undefined {
    const key = cacheKey(blobId, fileName);
    let facts = this.memory.get(key);
    if (!facts) {
      facts = this.readPacked(key);
      if (facts) this.memory.set(key, facts);
    }
    if (!facts || (!facts.callGraph && callGraph)) return undefined;
    this.used.add(key);
    return facts;
  }

  /**
   * Stores facts in memory and, when the cache has a directory, appends them to the pack (as `json`
   * when given: a worker thread made the facts' JSON already).
   */
  set(blobId: string, fileName: string, facts: FileFacts, json?: string): void {
    const key = cacheKey(blobId, fileName);
    this.memory.set(key, facts);
    this.used.add(key);
    this.append(key, json ?? facts);
  }

  /** Entries in the pack that no `get` or `set` of this cache asked for. */
  unusedEntries(): number {
    const index = this.openIndex();
    let unused = 0;
    for (const key of index.keys()) if (!this.used.has(key)) unused++;
    return unused;
  }

  /**
   * Rewrites the pack with only the entries used since this cache was made, when the others
   * outnumber them: the working tree's pack then holds one tree, not every version ever seen.
   */
  compact(): void {
    if (!this.file || this.broken) return;
    const index = this.openIndex();
    const unused = this.unusedEntries();
    if (unused < compactSlack || index.size < compactRatio * (index.size - unused)) return;
    const temporary = temporaryPathFor(this.file);
    try {
      const out = openSync(temporary, "w");
      try {
        writeSync(out, magic);
        for (const key of this.used) {
          const facts: FileFacts | undefined = this.memory.get(key) ?? this.readPacked(key);
          if (facts) writeSync(out, recordOf(key, facts));
        }
      } finally {
        closeSync(out);
      }
      this.close();
      renameSync(temporary, this.file);
      this.index = undefined;
    } catch {
      // A read-only or full disk makes the cache useless, not the analysis wrong.
    }
  }

  /** Closes the pack (the next use opens it again). */
  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    this.index = undefined;
  }

  private readPacked(key: string): FileFacts | undefined {
    const entry = this.openIndex().get(key);
    if (!entry || this.fd === undefined) return undefined;
    try {
      const bytes = Buffer.allocUnsafe(entry.length);
      if (readSync(this.fd, bytes, 0, entry.length, entry.offset) !== entry.length) return undefined;
      const value: unknown = JSON.parse(bytes.toString("utf8"));
      return isFileFacts(value) ? value : undefined;
    } catch {
      return undefined;
    }
  }

  private append(key: string, facts: FileFacts | string): void {
    if (!this.file || this.broken) return;
    this.openIndex();
    if (this.fd === undefined) return;
    try {
      const record = recordOf(key, facts);
      // One write per record on an append-mode descriptor: concurrent writers never interleave.
      // Another process may append too, so the record's offset is not known here: it stays in memory.
      writeSync(this.fd, record);
    } catch {
      this.broken = true;
    }
  }

  /** Reads the pack's record headers (not the facts), truncating a torn tail left by a killed run. */
  private openIndex(): Map<string, PackedEntry> {
    if (this.index) return this.index;
    this.index = new Map();
    if (!this.file) return this.index;
    try {
      if (!prepareCacheDirectory(path.dirname(this.file))) throw new Error("cache directory not writable");
      removeOrphanTemporaries(path.dirname(this.file));
      this.fd = openSync(this.file, "a+");
      const size = fstatSync(this.fd).size;
      const head = Buffer.alloc(magic.length);
      if (size < magic.length || readSync(this.fd, head, 0, magic.length, 0) !== magic.length || !head.equals(magic)) {
        // Empty, foreign or from another format: start over.
        ftruncateSync(this.fd, 0);
        writeSync(this.fd, magic);
        return this.index;
      }
      let offset = magic.length;
      const header = Buffer.alloc(recordHeaderBytes);
      while (offset + recordHeaderBytes <= size) {
        readSync(this.fd, header, 0, recordHeaderBytes, offset);
        const length = header.readUInt32LE(0);
        const keyLength = header.readUInt16LE(4);
        if (length < recordHeaderBytes + keyLength || offset + length > size) break;
        const keyBytes = Buffer.alloc(keyLength);
        readSync(this.fd, keyBytes, 0, keyLength, offset + recordHeaderBytes);
        const start = offset + recordHeaderBytes + keyLength;
        this.index.set(keyBytes.toString("utf8"), { offset: start, length: length - recordHeaderBytes - keyLength });
        offset += length;
      }
      if (offset !== size) ftruncateSync(this.fd, offset);
    } catch {
      this.broken = true;
      if (this.fd !== undefined) closeSync(this.fd);
      this.fd = undefined;
    }
    return this.index;
  }
}

/** One record: total length (u32), key length (u16), key, serialised facts. */
function recordOf(key: string, facts: FileFacts | string): Buffer {
  const keyBytes = Buffer.from(key, "utf8");
  const payload = Buffer.from(typeof facts === "string" ? facts : JSON.stringify(facts), "utf8");
  const header = Buffer.alloc(recordHeaderBytes);
  header.writeUInt32LE(recordHeaderBytes + keyBytes.length + payload.length, 0);
  header.writeUInt16LE(keyBytes.length, 4);
  return Buffer.concat([header, keyBytes, payload]);
}

/** The same bytes parse differently as `.ts`, `.tsx` and `.js`: the extension is part of the key. */
export function cacheKey(blobId: string, fileName: string): string {
  return `${blobId}-${path.extname(fileName).slice(1) || "none"}`;
}

function isFileFacts(value: unknown): value is FileFacts {
  return (
    typeof value === "object" &&
    value !== null &&
    "calls" in value &&
    Array.isArray(value.calls) &&
    "imports" in value &&
    Array.isArray(value.imports) &&
    "exports" in value &&
    Array.isArray(value.exports) &&
    "parseErrors" in value &&
    Array.isArray(value.parseErrors)
  );
}
