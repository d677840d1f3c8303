// A project as it was at one revision (a commit, the index, or the working tree as git sees it),
// opened with the same discovery as the working tree (tsconfig `paths`/`baseUrl`/`extends`,
// `include` globs, references, workspaces, framework entries) over a view of git's objects, and
// with the same extraction, cache and linking as `openProject`. Files whose blob id is cached are
// not even read.
import path from "node:path";
import type { LoadedConfig } from "../config/load-config.js";
import { parseConfig } from "../config/parse-config.js";
import type { ResolvedConfig } from "../config/resolve-config.js";
import type { EngineDiagnostic } from "../engine/engine-diagnostic.js";
import type { OpenedProject } from "../engine/open-project.js";
import type { ExtractOptions } from "../facts/extraction-context.js";
import { loadExtractor } from "../facts/extract-sources.js";
import type { FileFacts } from "../facts/file-facts.js";
import { LinkedProject } from "../graph/linked-project.js";
import type { ModuleResolver } from "../graph/module-resolver.js";
import { createModuleResolver } from "../graph/module-resolver.js";
import type { ProjectLayout } from "../project/discover-project.js";
import { discoverProject } from "../project/discover-project.js";
import { findEntries } from "../project/find-entries.js";
import type { ProjectFileSystem } from "../project/project-file-system.js";
import { decodeSource } from "../project/read-source-files.js";
import type { GitRepository } from "./git-repository.js";
import type { RevisionSpec } from "./revision-file-system.js";
import { revisionFileSystem } from "./revision-file-system.js";

export type { RevisionSpec } from "./revision-file-system.js";

/** An opened revision: an OpenedProject plus access to its files' text. */
export interface RevisionProject extends OpenedProject {
  /** The commit id, or `index` / `worktree`. */
  revision: string;
  /** The text of a project file at this revision. */
  readText(file: string): Promise<string | undefined>;
  /** A resolver over another file list with this revision's compiler options and packages (files added or deleted since). */
  resolverFor(files: readonly string[]): ModuleResolver;
  /** Every file discovery and the entry presets read or looked for, relative to the repository root: what the layout depends on. */
  consulted: string[];
  /** What module resolution depends on besides the file list (see {@link resolutionKeyOf}). */
  resolutionKey: string;
  /** The blob id each file's facts were read from (its cache key): what `history` pins them under. */
  blobs: Map<string, string>;
}

/** Facts by content (the FactsCache, or a view over it that knows more blobs). */
export interface FactsStore {
  get(blobId: string, fileName: string): FileFacts | undefined;
  set(blobId: string, fileName: string, facts: FileFacts): void;
}

/** What opening a revision needs besides the repository. */
export interface OpenRevisionOptions {
  repo: GitRepository;
  /** The analysed directory (absolute), inside the repository. */
  root: string;
  revision: RevisionSpec;
  /** The working tree's config: its flag settings apply to every revision alike. */
  loaded: LoadedConfig;
  cache: FactsStore;
  extractOptions: ExtractOptions;
  /**
   * The resolver to link with, given the files and a maker of fresh ones (default: a fresh one):
   * `history` carries one across commits whose discovery inputs did not change.
   */
  resolverOf?: (files: readonly string[], create: (files: readonly string[]) => ModuleResolver) => ModuleResolver;
}

/** Opens the project at a revision. */
export async function openRevision(options: OpenRevisionOptions): Promise<RevisionProject> {
  const extractFileFacts = await loadExtractor();
  const { repo, root, revision, loaded, cache, extractOptions } = options;
  const started = performance.now();
  const name = revision.kind === "commit" ? revision.commit : revision.kind;
  const fileSystem = revisionFileSystem(repo, root, revision);
  const diagnostics: EngineDiagnostic[] = [];
  const config = await revisionConfig(fileSystem, loaded);
  const project = config.project === undefined ? undefined : path.resolve(loaded.directory, config.project);
  const layout = await discoverProject(fileSystem, { project, ignore: config.ignore }, diagnostics);

  const readBytes = async (file: string): Promise<Uint8Array | undefined> => {
    try {
      return await fileSystem.readFile(path.join(root, file));
    } catch {
      return undefined;
    }
  };
  const readText = async (file: string): Promise<string | undefined> => {
    const bytes = await readBytes(file);
    return bytes && decodeSource(file, bytes, [], undefined, sha1BlobId(fileSystem.knownBlobId(file)))?.text;
  };

  const facts = new Map<string, FileFacts>();
  const blobs = new Map<string, string>();
  let parsed = 0;
  const factsOf = revisionFactsReader({ cache, extractOptions, extract: extractFileFacts, readBytes });
  await Promise.all(
    layout.files.map(async (file) => {
      const found = await factsOf(file, fileSystem.knownBlobId(file), diagnostics);
      if (!found) return;
      if (found.parsed) parsed++;
      facts.set(file, found.facts);
      blobs.set(file, found.blobId);
    }),
  );
  // Source order, not the order reads finished in: linking and every report must be deterministic.
  const ordered = new Map<string, FileFacts>();
  for (const file of layout.files) {
    const fileFacts = facts.get(file);
    if (fileFacts) ordered.set(file, fileFacts);
  }
  const files = [...ordered.keys()];
  const entries = await findEntries(
    {
      root,
      files,
      listed: layout.listed,
      packages: layout.packages,
      entryGlobs: config.entry,
      testGlobs: config.tests,
      readText: layout.readText,
      fetchMisses: layout.fetchMisses,
    },
    diagnostics,
  );
  const resolverFor = (list: readonly string[]): ModuleResolver =>
    createModuleResolver(root, list, layout.compilerOptions, { compilerOptionsOf: layout.compilerOptionsOf, packages: layout.packages });
  const linked = new LinkedProject(ordered, options.resolverOf ? options.resolverOf(files, resolverFor) : resolverFor(files));
  const consulted = layout.consulted().map((file) => toPosix(path.relative(repo.root, file)));
  const resolutionKey = resolutionKeyOf(layout);
  const registry = presentRegistries(config, loaded, root, linked, layout.listed, name, diagnostics);
  return {
    revision: name,
    readText,
    resolverFor,
    consulted,
    resolutionKey,
    root,
    config: { ...config, flags: { ...config.flags, registry } },
    configFile: loaded.file,
    configDirectory: loaded.directory,
    tsconfig: layout.tsconfig,
    files,
    entries,
    packages: layout.packages,
    facts: ordered,
    blobs,
    linked,
    skipped: [],
    diagnostics,
    stats: {
      files: files.length,
      parsed,
      cached: files.length - parsed,
      skipped: layout.files.length - files.length,
      timings: { open: performance.now() - started },
    },
  };
}

/**
 * Discovery alone at a revision: what module resolution depends on besides the file list, and
 * what discovery read. `history` runs it when a commit changes such a file (a dependency added to
 * package.json, next.config.js edited) to tell whether the revision must be opened whole.
 */
export async function discoverRevision(
  options: Pick<OpenRevisionOptions, "repo" | "root" | "revision" | "loaded">,
): Promise<{ resolutionKey: string; consulted: string[]; diagnostics: EngineDiagnostic[] }> {
  const { repo, root, revision, loaded } = options;
  const fileSystem = revisionFileSystem(repo, root, revision);
  const config = await revisionConfig(fileSystem, loaded);
  const project = config.project === undefined ? undefined : path.resolve(loaded.directory, config.project);
  const diagnostics: EngineDiagnostic[] = [];
  const layout = await discoverProject(fileSystem, { project, ignore: config.ignore }, diagnostics);
  const consulted = layout.consulted().map((file) => toPosix(path.relative(repo.root, file)));
  return { resolutionKey: resolutionKeyOf(layout), consulted, diagnostics };
}

/** Manifest fields module resolution never reads. */
const unresolvedManifestFields = new Set(["dependencies", "devDependencies", "peerDependencies", "optionalDependencies", "scripts", "version", "description"]);

/**
 * The inputs of module resolution besides the file list: the root tsconfig, the compiler options
 * in the order files use them, and the packages (manifests without dependencies and scripts).
 */
function resolutionKeyOf(layout: ProjectLayout): string {
  const options = new Set(layout.files.map((file) => layout.compilerOptionsOf(file)));
  const packages = layout.packages.map((p) => ({
    directory: p.directory,
    name: p.name,
    workspace: p.workspace,
    compilerOptions: p.compilerOptions,
    manifest: Object.fromEntries(Object.entries(p.manifest).filter(([field]) => !unresolvedManifestFields.has(field))),
  }));
  return JSON.stringify({ tsconfig: layout.tsconfig, root: layout.compilerOptions, options: [...options], packages });
}

/** How {@link revisionFactsReader} finds a file's facts. */
interface FactsReaderOptions {
  cache: FactsStore;
  extractOptions: ExtractOptions;
  extract: (file: string, text: string, options: ExtractOptions) => FileFacts;
  /** A file's bytes at the revision: the blob the tree names, whose id is the reader's `knownBlobId`. */
  readBytes: (file: string) => Promise<Uint8Array | undefined>;
}

/**
 * The facts of a file at a revision: by its blob id from the tree without reading it when they are
 * cached, else read, decoded (a file that does not decode adds a diagnostic and has none) and
 * looked up by content, else extracted and cached. `parsed` says it was extracted; `blobId` is the
 * blob the facts are of (the key they are cached under).
 */
export function revisionFactsReader(options: FactsReaderOptions): (file: string, knownBlobId: string | undefined, diagnostics: EngineDiagnostic[]) => Promise<RevisionFacts | undefined> {
  const { cache, extractOptions, extract, readBytes } = options;
  return async (file, knownBlobId, diagnostics) => {
    const cached = knownBlobId === undefined ? undefined : cache.get(knownBlobId, file);
    if (cached && knownBlobId !== undefined) return { facts: cached, parsed: false, blobId: knownBlobId };
    const bytes = await readBytes(file);
    // The bytes are the blob `knownBlobId` names (read by it): hashing them again gives that id.
    const source = bytes && decodeSource(file, bytes, diagnostics, undefined, sha1BlobId(knownBlobId));
    if (!source) return undefined;
    const known = cache.get(source.blobId, file);
    if (known) return { facts: known, parsed: false, blobId: source.blobId };
    const facts = extract(file, source.text, extractOptions);
    cache.set(source.blobId, file, facts);
    return { facts, parsed: true, blobId: source.blobId };
  };
}

/** A file's facts at a revision, whether they were extracted in this run, and the blob they are of. */
export interface RevisionFacts {
  facts: FileFacts;
  parsed: boolean;
  blobId: string;
}

/**
 * A blob id from a tree, where it is the key `decodeSource` would compute: a SHA-1 id. A SHA-256
 * repository's ids are not, and its bytes are hashed as the working tree's are.
 */
function sha1BlobId(id: string | undefined): string | undefined {
  return id !== undefined && /^[0-9a-f]{40}$/.test(id) ? id : undefined;
}

function toPosix(p: string): string {
  return p.split(path.sep).join("/");
}

/**
 * The config at the revision: where the working tree's config is a JSON file that the revision
 * also has, the revision's own `entry`, `project`, `ignore` and `tests` (the project's shape then);
 * the flag settings always come from the working tree, so every revision is read alike.
 */
async function revisionConfig(fileSystem: ProjectFileSystem, loaded: LoadedConfig): Promise<ResolvedConfig> {
  const file = loaded.file;
  if (file === undefined || !file.endsWith(".json")) return loaded.config;
  let value: unknown;
  try {
    const bytes = await fileSystem.readFile(file);
    if (!bytes) return loaded.config;
    value = JSON.parse(new TextDecoder().decode(bytes).replace(/^\uFEFF/, ""));
  } catch {
    return loaded.config;
  }
  const isPackageJson = path.basename(file) === "package.json";
  const input = isPackageJson && typeof value === "object" && value !== null && "deadflag" in value ? value.deadflag : value;
  if (isPackageJson && input === value) return loaded.config;
  try {
    const own = parseConfig(input, { file: path.basename(file), fieldPrefix: isPackageJson ? ["deadflag"] : [] });
    return { ...loaded.config, entry: own.entry, project: own.project, ignore: own.ignore, tests: own.tests };
  } catch {
    return loaded.config;
  }
}

/**
 * The registry entries that exist at the revision. A registry file or export that the revision
 * does not have yet (or any more) is skipped with a note: its keys are simply not declared there.
 */
function presentRegistries(
  config: ResolvedConfig,
  loaded: LoadedConfig,
  root: string,
  linked: LinkedProject,
  listed: readonly string[],
  revision: string,
  diagnostics: EngineDiagnostic[],
): string[] {
  const listedSet = new Set(listed);
  const short = revision.length === 40 ? revision.slice(0, 7) : revision;
  return config.flags.registry.filter((entry) => {
    const hash = entry.lastIndexOf("#");
    const fileText = hash > 0 ? entry.slice(0, hash) : entry;
    const file = path.relative(root, path.resolve(loaded.directory, fileText)).split(path.sep).join("/");
    if (hash <= 0) {
      if (listedSet.has(file)) return true;
      diagnostics.push({ file, message: `registry not found at ${short}; its declarations are skipped there` });
      return false;
    }
    if (!linked.getFacts(file)) {
      diagnostics.push({ file, message: `registry not found at ${short}; its declarations are skipped there` });
      return false;
    }
    if (linked.resolveExport(file, entry.slice(hash + 1), "declaration")?.kind !== "declaration") {
      diagnostics.push({ file, message: `registry export "${entry.slice(hash + 1)}" not found at ${short}; its declarations are skipped there` });
      return false;
    }
    return true;
  });
}
