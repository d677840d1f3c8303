// TypeScript's config parser reads files synchronously, while a git tree is read asynchronously.
// Discovery parses, notes every file the parser asked for and did not have, fetches those, and
// parses again until nothing new is asked for (an `extends` chain is two or three rounds). Over a
// file system that reads synchronously (the disk) nothing is ever missing: one round suffices.
import path from "node:path";
import type { ProjectFileSystem } from "./project-file-system.js";

/** The text of the files discovery has read, by absolute POSIX path; `null` for a file that is absent. */
export class PrefetchedFiles {
  private readonly texts = new Map<string, string | null>();
  private misses = new Set<string>();
  private readonly rootPrefix: string;
  /** Workspace package name → its absolute folder, for `node_modules/<name>/…` paths. */
  private workspaceFolders = new Map<string, string>();

  constructor(
    private readonly fileSystem: ProjectFileSystem,
    /** The listed files, relative to the root. */
    private readonly listed: ReadonlySet<string>,
  ) {
    this.rootPrefix = `${toPosix(fileSystem.root)}/`;
  }

  /**
   * Reads `node_modules/<name>/…` from the workspace package's own folder: a tsconfig that extends
   * a workspace package works whether or not it is installed (in a git revision it never is).
   */
  setWorkspaceFolders(folders: ReadonlyMap<string, string>): void {
    this.workspaceFolders = new Map(folders);
  }

  /** The text of `file` if it has been fetched (or can be read synchronously); notes it as a miss otherwise. */
  textOf(file: string): string | undefined {
    const key = this.keyOf(file);
    const known = this.texts.get(key);
    if (known !== undefined) return known ?? undefined;
    if (this.isKnownAbsent(key)) return undefined;
    if (this.fileSystem.readFileSync) {
      let text: string | null = null;
      try {
        const bytes = this.fileSystem.readFileSync(key);
        if (bytes) text = decodeText(bytes);
      } catch {
        text = null;
      }
      this.texts.set(key, text);
      return text ?? undefined;
    }
    this.misses.add(key);
    return undefined;
  }

  /** Every file read or looked for (absolute POSIX paths): what discovery's result depends on. */
  consulted(): string[] {
    return [...this.texts.keys()];
  }

  /** Whether `file` exists, as far as fetched files tell; notes it as a miss when unknown. */
  exists(file: string): boolean {
    const key = this.keyOf(file);
    if (key.startsWith(this.rootPrefix) && this.listed.has(key.slice(this.rootPrefix.length))) return true;
    return this.textOf(file) !== undefined;
  }

  /** Fetches the files asked for since the last call; false when there were none. */
  async fetchMisses(): Promise<boolean> {
    const misses = [...this.misses];
    this.misses = new Set();
    await Promise.all(misses.map((file) => this.read(file)));
    return misses.length > 0;
  }

  /** Reads `file` (absolute) once; undefined when it is absent or unreadable. */
  async read(file: string): Promise<string | undefined> {
    const key = this.keyOf(file);
    const known = this.texts.get(key);
    if (known !== undefined) return known ?? undefined;
    if (this.isKnownAbsent(key)) return undefined;
    let text: string | null = null;
    try {
      const bytes = await this.fileSystem.readFile(key);
      if (bytes) text = decodeText(bytes);
    } catch {
      text = null;
    }
    this.texts.set(key, text);
    return text ?? undefined;
  }

  /** A file under the root that the listing does not hold, outside skipped folders, does not exist. */
  private isKnownAbsent(key: string): boolean {
    if (!key.startsWith(this.rootPrefix)) return false;
    const relative = key.slice(this.rootPrefix.length);
    return !this.listed.has(relative) && !relative.split("/").includes("node_modules");
  }

  private keyOf(file: string): string {
    const posix = toPosix(path.resolve(file));
    const at = posix.lastIndexOf("/node_modules/");
    if (at === -1 || this.workspaceFolders.size === 0) return posix;
    const rest = posix.slice(at + "/node_modules/".length).split("/");
    const scoped = rest[0]?.startsWith("@") === true;
    const name = (scoped ? rest.slice(0, 2) : rest.slice(0, 1)).join("/");
    const folder = this.workspaceFolders.get(name);
    if (folder === undefined) return posix;
    return [folder, ...rest.slice(scoped ? 2 : 1)].join("/");
  }
}

function decodeText(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes).replace(/^\uFEFF/, "");
}

function toPosix(p: string): string {
  return p.split(path.sep).join("/");
}
