// The project as `history` last saw it, brought forward commit by commit without opening each
// revision: the facts of its files (a changed file's facts found by blob id, extracted only when
// new), the resolver, the files discovery read, and the flag index's footprint. A commit that
// changes what discovery read, adds a file that does not parse, or changes what the registries were
// read from cannot be brought forward: the caller opens that revision whole.
import path from "node:path";
import type { EngineDiagnostic } from "../engine/engine-diagnostic.js";
import type { FileFacts } from "../facts/file-facts.js";
import type { FlagIndex } from "../flags/flag-index.js";
import type { ModuleResolver } from "../graph/module-resolver.js";
import { isSkippedFolder } from "../project/listed-folders.js";
import { CarriedResolver } from "./carried-resolver.js";
import type { IndexBuilder } from "../flags/flag-footprint.js";
import { FlagFootprint } from "../flags/flag-footprint.js";
import type { RevisionFacts, RevisionProject } from "./open-revision.js";
import type { RevisionWarnings } from "./revision-warnings.js";

/** Sources discovery would list (the same extensions; declaration files never). */
const sourcePattern = /\.(?:[cm]?tsx?|[cm]?jsx?)$/;
const declarationPattern = /\.d\.[cm]?ts$/;

/** Finds a file's facts at a revision by its blob id (undefined when it does not decode). */
export type RevisionFactsOf = (file: string, blobId: string, diagnostics: EngineDiagnostic[]) => Promise<RevisionFacts | undefined>;

/** One commit's change, as the walk sees it. */
export interface WalkedChange {
  /** Paths changed since the last commit walked, relative to the repository root. */
  changed: ReadonlySet<string>;
  /** The commit's files under the root: repository-relative path → blob id. */
  tree: ReadonlyMap<string, string>;
  commit: string;
}

/** The project brought forward across commits. */
export class WalkedProject {
  private constructor(
    private readonly facts: Map<string, FileFacts>,
    /** The blob each file's facts are of: they are pinned under it when the facts cache is renewed. */
    private readonly blobs: Map<string, string>,
    private readonly resolver: CarriedResolver,
    private readonly resolverFor: (files: readonly string[]) => ModuleResolver,
    private consulted: ReadonlySet<string>,
    private readonly resolutionKey: string,
    private readonly footprint: FlagFootprint,
    /** Notes that name the revision they hold at (a registry missing there): they hold at the next commits too. */
    private readonly revisionNotes: ReadonlyArray<{ diagnostic: EngineDiagnostic; short: string }>,
  ) {}

  /** The project of an opened revision, its flag index built over `build` with the footprint recorded. */
  static open(project: RevisionProject, build: IndexBuilder): { walked: WalkedProject; index: FlagIndex } {
    const facts = new Map(project.facts);
    const { footprint, index } = FlagFootprint.full(facts, project.linked.resolver, build);
    const short = project.revision.slice(0, 7);
    const notes = project.diagnostics.filter((d) => d.message.includes(` at ${short};`)).map((diagnostic) => ({ diagnostic, short }));
    const resolver = project.linked.resolver instanceof CarriedResolver ? project.linked.resolver : new CarriedResolver(project.linked.resolver, project.files);
    const walked = new WalkedProject(facts, new Map(project.blobs), resolver, project.resolverFor, new Set(project.consulted), project.resolutionKey, footprint, notes);
    return { walked, index };
  }

  /**
   * Brings the project forward over `change`; returns the keys read after it, or undefined when
   * the revision must be opened whole. Syntax errors of the changed files go to `warnings` as the
   * whole revision's would.
   */
  async advance(
    change: WalkedChange,
    toRoot: (repoPath: string) => string | undefined,
    factsOf: RevisionFactsOf,
    warnings: RevisionWarnings,
    rediscover: () => Promise<{ resolutionKey: string; consulted: string[]; diagnostics: EngineDiagnostic[] }>,
  ): Promise<Set<string> | undefined> {
    const notes: EngineDiagnostic[] = [];
    if ([...change.changed].some((file) => this.consulted.has(file))) {
      // A file discovery read changed: the walk goes on only if resolution's inputs did not.
      const again = await rediscover();
      if (again.resolutionKey !== this.resolutionKey) return undefined;
      this.consulted = new Set(again.consulted);
      notes.push(...again.diagnostics);
    }
    const changed = new Set<string>();
    const addedOrDeleted = new Set<string>();
    const errors: EngineDiagnostic[] = [];
    for (const repoPath of change.changed) {
      const file = toRoot(repoPath);
      if (file === undefined) continue;
      const blob = change.tree.get(repoPath);
      const known = this.facts.has(file);
      if (blob === undefined) {
        if (!known) continue;
        this.facts.delete(file);
        this.blobs.delete(file);
        changed.add(file);
        addedOrDeleted.add(file);
        continue;
      }
      if (!known && !isSource(file)) continue;
      const diagnostics: EngineDiagnostic[] = [];
      const found = await factsOf(file, blob, diagnostics);
      // A file that does not decode, or a new file with syntax errors, may or may not be part of
      // the project: only discovery can say whether to warn about it.
      if (!found || diagnostics.length > 0 || (!known && found.facts.parseErrors.length > 0)) return undefined;
      for (const error of found.facts.parseErrors) {
        errors.push({ file, message: `syntax error at ${error.line}:${error.column}: ${error.message}; read what parsed` });
      }
      this.facts.set(file, found.facts);
      this.blobs.set(file, found.blobId);
      changed.add(file);
      if (!known) addedOrDeleted.add(file);
    }
    if (addedOrDeleted.size > 0) this.resolver.update(this.resolverFor([...this.facts.keys()].sort()), addedOrDeleted);
    const checked = this.footprint.check(this.facts, this.resolver, { changed, addedOrDeleted });
    if (!checked) return undefined;
    for (const note of notes) warnings.push(note);
    for (const { diagnostic, short } of this.revisionNotes) {
      warnings.push({ ...diagnostic, message: diagnostic.message.replace(` at ${short};`, ` at ${change.commit.slice(0, 7)};`) });
    }
    for (const error of errors) warnings.push(error);
    return checked.keys;
  }

  /**
   * The resolver, carried to the opening of a later revision when none of `changed` (repository
   * paths changed since) is a file discovery read: the compiler options are then the same.
   */
  carriedResolver(changed: ReadonlySet<string>): CarriedResolver | undefined {
    for (const file of changed) if (this.consulted.has(file)) return undefined;
    return this.resolver;
  }

  /**
   * The facts of the project's files by cache key (blob id and extension, as the facts cache keys
   * them), each under the blob it was read from: keyed by another tree's blobs (the next commit's),
   * a file that commit changes would hand its old facts to its new text.
   */
  factsByBlob(): Map<string, FileFacts> {
    const byBlob = new Map<string, FileFacts>();
    for (const [file, facts] of this.facts) {
      const blob = this.blobs.get(file);
      if (blob !== undefined) byBlob.set(blobKey(blob, file), facts);
    }
    return byBlob;
  }
}

/** The key a blob's facts are cached under: the same bytes parse differently as `.ts`, `.tsx` and `.js`. */
export function blobKey(blobId: string, file: string): string {
  return `${blobId}-${path.extname(file).slice(1) || "none"}`;
}

function isSource(file: string): boolean {
  return sourcePattern.test(file) && !declarationPattern.test(file) && !file.split("/").slice(0, -1).some(isSkippedFolder);
}
