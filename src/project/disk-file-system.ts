// The working tree on disk as a ProjectFileSystem: a walk of the analysed directory that says
// which folders it could not read (a permission error is a warning, never a silent hole).
import type { Dirent } from "node:fs";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { EngineDiagnostic } from "../engine/engine-diagnostic.js";
import { InputError } from "../engine/input-error.js";
import { isSkippedFolder } from "./listed-folders.js";
import type { SyncProjectFileSystem } from "./project-file-system.js";

const listConcurrency = 16;

/** How a folder is listed: `readdir` with file types; replaceable where a test cannot revoke a permission (as root). */
export type ListDirectory = (directory: string) => Promise<Dirent[]>;

const listWithTypes: ListDirectory = (directory) => readdir(directory, { withFileTypes: true });

/** The files under `root` on disk, readable with and without awaiting. */
export function diskFileSystem(root: string, listDirectory: ListDirectory = listWithTypes): SyncProjectFileSystem {
  const absoluteRoot = path.resolve(root);
  return {
    root: absoluteRoot,
    listFiles: (diagnostics) => walk(absoluteRoot, listDirectory, diagnostics),
    listFilesSync: (diagnostics) => walkSync(absoluteRoot, diagnostics),
    readFileSync(absolutePath) {
      try {
        return readFileSync(absolutePath);
      } catch (error) {
        if (isMissing(error)) return undefined;
        throw error;
      }
    },
    async readFile(absolutePath) {
      try {
        return await readFile(absolutePath);
      } catch (error) {
        if (isMissing(error)) return undefined;
        throw error;
      }
    },
    knownBlobId: () => undefined,
  };
}

/** Lists every file under `root`, breadth-first with a few folders read at a time; throws InputError when `root` is not a directory. */
async function walk(root: string, listDirectory: ListDirectory, diagnostics: EngineDiagnostic[]): Promise<string[]> {
  const stats = await stat(root).catch(() => undefined);
  if (!stats) throw new InputError(`${root}: no such file or directory`);
  if (!stats.isDirectory()) throw new InputError(`${root}: not a directory`);
  const files: string[] = [];
  const pending: string[] = [""];
  const readOne = async (relative: string): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await listDirectory(path.join(root, relative));
    } catch (error) {
      diagnostics.push({ file: relative || ".", message: `skipped: cannot read this directory (${codeOf(error)})` });
      return;
    }
    for (const entry of entries) {
      const child = relative === "" ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!isSkippedFolder(entry.name)) pending.push(child);
      } else if (entry.isFile()) {
        files.push(child);
      } else if (entry.isSymbolicLink() && (await isFileLink(path.join(root, child)))) {
        // A link to a file is the file; a link to a folder is not followed (it may loop or leave the tree).
        files.push(child);
      }
    }
  };
  while (pending.length > 0) {
    await Promise.all(pending.splice(0, listConcurrency).map(readOne));
  }
  return files.sort();
}

/** {@link walk} without awaiting (depth-first; the result is sorted all the same). */
function walkSync(root: string, diagnostics: EngineDiagnostic[]): string[] {
  const stats = statOrUndefined(root);
  if (!stats) throw new InputError(`${root}: no such file or directory`);
  if (!stats.isDirectory()) throw new InputError(`${root}: not a directory`);
  const files: string[] = [];
  const visit = (relative: string): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(path.join(root, relative), { withFileTypes: true });
    } catch (error) {
      diagnostics.push({ file: relative || ".", message: `skipped: cannot read this directory (${codeOf(error)})` });
      return;
    }
    for (const entry of entries) {
      const child = relative === "" ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!isSkippedFolder(entry.name)) visit(child);
      } else if (entry.isFile()) {
        files.push(child);
      } else if (entry.isSymbolicLink() && statOrUndefined(path.join(root, child))?.isFile() === true) {
        files.push(child);
      }
    }
  };
  visit("");
  return files.sort();
}

function statOrUndefined(file: string): ReturnType<typeof statSync> | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

async function isFileLink(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

function isMissing(error: unknown): boolean {
  const code = codeOf(error);
  return code === "ENOENT" || code === "ENOTDIR";
}

function codeOf(error: unknown): string {
  if (typeof error === "object" && error !== null && "code" in error && typeof error.code === "string") return error.code;
  return error instanceof Error ? error.message : String(error);
}
