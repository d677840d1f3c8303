// A git revision (a commit, the index, or the working tree as git lists it) as a
// ProjectFileSystem, so that project discovery opens it exactly like the working tree: listed from
// git's trees, read through the shared `cat-file --batch` process, never checked out.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { EngineDiagnostic } from "../engine/engine-diagnostic.js";
import { isSkippedFolder } from "../project/listed-folders.js";
import type { ProjectFileSystem } from "../project/project-file-system.js";
import type { GitRepository } from "./git-repository.js";

/** Which state of the repository to open. */
export type RevisionSpec = { kind: "commit"; commit: string } | { kind: "index" } | { kind: "worktree" };

/**
 * The files of `revision` under `root` (absolute, inside the repository). Paths outside the root
 * but inside the repository (a tsconfig extending `../../tsconfig.base.json`) are read from the
 * same revision; paths in `node_modules`, which git does not hold, from the disk.
 */
export function revisionFileSystem(repo: GitRepository, root: string, revision: RevisionSpec): ProjectFileSystem {
  const absoluteRoot = path.resolve(root);
  const prefix = toPosix(path.relative(repo.root, absoluteRoot));
  const oids = new Map<string, string>();
  let whole: Promise<Map<string, string>> | undefined;
  /** Blob ids of the whole repository at the revision, by path from the repository root. */
  const wholeTree = (): Promise<Map<string, string>> => {
    whole ??= (async () => {
      const entries = revision.kind === "commit" ? await repo.listTree(revision.commit) : await repo.listIndex();
      return new Map(entries.map((e) => [e.path, e.oid]));
    })();
    return whole;
  };
  const readDisk = async (file: string): Promise<Uint8Array | undefined> => {
    try {
      return await readFile(file);
    } catch (error) {
      if (typeof error === "object" && error !== null && "code" in error && (error.code === "ENOENT" || error.code === "ENOTDIR")) {
        return undefined;
      }
      throw error;
    }
  };
  return {
    root: absoluteRoot,
    async listFiles(_diagnostics: EngineDiagnostic[]) {
      const strip = (p: string): string => (prefix === "" ? p : p.slice(prefix.length + 1));
      let paths: string[];
      if (revision.kind === "worktree") {
        paths = (await repo.listWorkingTree(prefix)).map(strip);
      } else {
        const entries = revision.kind === "commit" ? await repo.listTree(revision.commit, prefix) : await repo.listIndex(prefix);
        for (const entry of entries) oids.set(strip(entry.path), entry.oid);
        paths = [...oids.keys()];
      }
      return paths.filter((p) => !p.split("/").slice(0, -1).some(isSkippedFolder)).sort();
    },
    async readFile(absolutePath) {
      const fromRepo = toPosix(path.relative(repo.root, absolutePath));
      const outside = fromRepo.startsWith("../") || path.isAbsolute(fromRepo);
      if (revision.kind === "worktree" || outside || fromRepo.split("/").includes("node_modules")) return readDisk(absolutePath);
      const fromRoot = toPosix(path.relative(absoluteRoot, absolutePath));
      const oid = oids.get(fromRoot) ?? (await wholeTree()).get(fromRepo);
      return oid === undefined ? undefined : repo.readBlob(oid);
    },
    knownBlobId: (file) => oids.get(file),
  };
}

function toPosix(p: string): string {
  return p.split(path.sep).join("/");
}
