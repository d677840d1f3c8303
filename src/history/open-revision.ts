// A project as it was at one revision (a commit, the index, or the working tree as git sees it),
// opened from git's objects with the same extraction, cache and linking as `openProject`. Files
// whose blob id is cached are not even read.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { LoadedConfig } from "../config/load-config.js";
import type { EngineDiagnostic } from "../engine/engine-diagnostic.js";
import type { OpenedProject } from "../engine/open-project.js";
import type { ExtractOptions } from "../facts/extraction-context.js";
import { extractFileFacts } from "../facts/extract-file-facts.js";
import type { FactsCache } from "../facts/facts-cache.js";
import type { FileFacts } from "../facts/file-facts.js";
import { LinkedProject } from "../graph/linked-project.js";
import { createModuleResolver } from "../graph/module-resolver.js";
import { decodeSource } from "../project/read-source-files.js";
import type { GitRepository } from "./git-repository.js";
import { selectRevisionFiles } from "./select-revision-files.js";

/** Which state of the repository to open. */
export type RevisionSpec = { kind: "commit"; commit: string } | { kind: "index" } | { kind: "worktree" };

/** An opened revision: an OpenedProject plus access to its files' text. */
export interface RevisionProject extends OpenedProject {
  /** The commit id, or `index` / `worktree`. */
  revision: string;
  /** The text of a project file at this revision. */
  readText(file: string): Promise<string | undefined>;
}

/** What opening a revision needs besides the repository. */
export interface OpenRevisionOptions {
  repo: GitRepository;
  /** The analysed directory (absolute), inside the repository. */
  root: string;
  revision: RevisionSpec;
  /** The working tree's config: flag settings apply to every revision alike. */
  loaded: LoadedConfig;
  cache: FactsCache;
  extractOptions: ExtractOptions;
}

/** Opens the project at a revision. */
export async function openRevision(options: OpenRevisionOptions): Promise<RevisionProject> {
  const { repo, root, revision, loaded, cache, extractOptions } = options;
  const started = performance.now();
  const prefix = path.relative(repo.root, root).split(path.sep).join("/");
  const strip = (p: string): string => (prefix === "" ? p : p.slice(prefix.length + 1));
  const oids = new Map<string, string>();
  let paths: string[];
  if (revision.kind === "worktree") {
    paths = (await repo.listWorkingTree(prefix)).map(strip);
  } else {
    const entries = revision.kind === "commit" ? await repo.listTree(revision.commit, prefix) : await repo.listIndex(prefix);
    for (const entry of entries) oids.set(strip(entry.path), entry.oid);
    paths = [...oids.keys()];
  }
  const diagnostics: EngineDiagnostic[] = [];
  const readBytes = async (file: string): Promise<Uint8Array | undefined> => {
    const oid = oids.get(file);
    try {
      if (revision.kind === "worktree") return await readFile(path.join(root, file));
      return oid === undefined ? undefined : await repo.readBlob(oid);
    } catch {
      return undefined;
    }
  };
  const readText = async (file: string): Promise<string | undefined> => {
    const bytes = await readBytes(file);
    return bytes && decodeSource(file, bytes, [])?.text;
  };
  const tsconfigFile = loaded.config.project
    ? path.relative(root, path.resolve(loaded.directory, loaded.config.project)).split(path.sep).join("/")
    : "tsconfig.json";
  const tsconfigText = paths.includes(tsconfigFile) ? await readText(tsconfigFile) : undefined;
  const selected = selectRevisionFiles(paths, tsconfigText, loaded.config.ignore);

  const facts = new Map<string, FileFacts>();
  let parsed = 0;
  await Promise.all(
    selected.files.map(async (file) => {
      const known = oids.get(file);
      const cached = known === undefined ? undefined : cache.get(known, file);
      if (cached) {
        facts.set(file, cached);
        return;
      }
      const bytes = await readBytes(file);
      const source = bytes && decodeSource(file, bytes, diagnostics);
      if (!source) return;
      let fileFacts = cache.get(source.blobId, file);
      if (!fileFacts) {
        fileFacts = extractFileFacts(file, source.text, extractOptions);
        cache.set(source.blobId, file, fileFacts);
        parsed++;
      }
      facts.set(file, fileFacts);
    }),
  );
  // Source order, not the order reads finished in: linking and every report must be deterministic.
  const ordered = new Map<string, FileFacts>();
  for (const file of selected.files) {
    const fileFacts = facts.get(file);
    if (fileFacts) ordered.set(file, fileFacts);
  }
  const files = [...ordered.keys()];
  const linked = new LinkedProject(ordered, createModuleResolver(root, files, selected.compilerOptions));
  return {
    revision: revision.kind === "commit" ? revision.commit : revision.kind,
    readText,
    root,
    config: loaded.config,
    configFile: loaded.file,
    configDirectory: loaded.directory,
    tsconfig: tsconfigText === undefined ? undefined : tsconfigFile,
    files,
    facts: ordered,
    linked,
    diagnostics,
    stats: {
      files: files.length,
      parsed,
      cached: files.length - parsed,
      skipped: selected.files.length - files.length,
      timings: { open: performance.now() - started },
    },
  };
}
