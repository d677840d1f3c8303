// The on-disk cache of per-file facts, keyed by the file's git blob id, its script kind and the
// extraction options, under a directory named for the engine version. Cross-file results are
// never cached: they depend on other files.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { engineVersion, factsSchemaVersion } from "../engine-version.js";
import type { ExtractOptions } from "./extraction-context.js";
import type { FileFacts } from "./file-facts.js";

/** Where a project's cache lives unless told otherwise. */
export const defaultCacheDirectory = path.join("node_modules", ".cache", "deadflag");

/** Facts by content. `get` misses on a corrupt or foreign entry; `set` writes atomically. */
export class FactsCache {
  private readonly memory = new Map<string, FileFacts>();
  private readonly directory: string | undefined;

  /** A cache under `directory` (absolute), or in memory only when `directory` is undefined. */
  constructor(directory: string | undefined, options: ExtractOptions) {
    const optionsHash = createHash("sha1").update([...options.readNames].sort().join("\n")).digest("hex").slice(0, 12);
    this.directory = directory && path.join(directory, "facts", `${engineVersion}-${factsSchemaVersion}-${optionsHash}`);
  }

  /**
   * The cached facts of content `blobId` parsed as `fileName`'s kind of file; with `callGraph`, only
   * facts that include the call graph's declarations count.
   */
  get(blobId: string, fileName: string, callGraph = true): FileFacts | undefined {
    const key = cacheKey(blobId, fileName);
    let facts = this.memory.get(key);
    if (!facts && this.directory) {
      try {
        const parsed: unknown = JSON.parse(readFileSync(this.entryPath(key), "utf8"));
        if (isFileFacts(parsed)) {
          facts = parsed;
          this.memory.set(key, parsed);
        }
      } catch {
        return undefined;
      }
    }
    return facts && (facts.callGraph || !callGraph) ? facts : undefined;
  }

  /** Stores facts in memory and, when the cache has a directory, on disk. */
  set(blobId: string, fileName: string, facts: FileFacts): void {
    const key = cacheKey(blobId, fileName);
    this.memory.set(key, facts);
    if (!this.directory) return;
    const target = this.entryPath(key);
    try {
      mkdirSync(path.dirname(target), { recursive: true });
      const temporary = `${target}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify(facts));
      renameSync(temporary, target);
    } catch {
      // A read-only or full disk makes the cache useless, not the analysis wrong.
    }
  }

  private entryPath(key: string): string {
    return path.join(this.directory ?? "", key.slice(0, 2), `${key.slice(2)}.json`);
  }
}

/** The same bytes parse differently as `.ts`, `.tsx` and `.js`: the extension is part of the key. */
function cacheKey(blobId: string, fileName: string): string {
  return `${blobId}-${path.extname(fileName).slice(1) || "none"}`;
}

function isFileFacts(value: unknown): value is FileFacts {
  return typeof value === "object" && value !== null && "calls" in value && "imports" in value && "exports" in value;
}
