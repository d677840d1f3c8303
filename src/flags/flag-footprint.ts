// What the flag index of a revision depends on, kept across the commits of `history` (and across the
// edits of an editor session) so that a change that cannot alter which flags are read costs a check
// over the few files involved, not a whole analysis. Recorded while the index is built: which files yielded anything (reads,
// wrappers, maps, environment reads: the index's footprint), which files each file's candidate calls
// looked into while they were matched (through imports, re-exports and constants), and which import
// specifiers they resolved. A later revision's index over the footprint, the changed files and the
// files that looked into a changed file gives the same keys as one over every file, unless it infers
// a reader the full index did not have (then a call anywhere may have become a read: the caller
// analyses the whole revision).
import type { FileFacts } from "../facts/file-facts.js";
import type { FlagIndex } from "./flag-index.js";
import { LinkedProject } from "../graph/linked-project.js";
import type { ModuleResolver, ResolvedModule } from "../graph/module-resolver.js";
import { fileStems, specifierStems } from "../graph/module-stems.js";

/**
 * The project facts, iterated over `focus` only (all when unset), recording lookups per iterated
 * file. A view over the walk's facts, not a copy: a check costs the files it looks at.
 */
class RecordingFacts implements ReadonlyMap<string, FileFacts> {
  focus: ReadonlySet<string> | undefined;
  /** The file whose facts the index is processing (the current iteration), if any. */
  current: string | undefined;
  /** Files looked up while each file was processed; lookups outside an iteration go under "". */
  readonly lookups = new Map<string, Set<string>>();

  constructor(private readonly all: ReadonlyMap<string, FileFacts>) {}

  get size(): number {
    return this.all.size;
  }

  get(file: string): FileFacts | undefined {
    const owner = this.current ?? "";
    let seen = this.lookups.get(owner);
    if (!seen) this.lookups.set(owner, (seen = new Set()));
    seen.add(file);
    return this.all.get(file);
  }

  has(file: string): boolean {
    return this.all.has(file);
  }

  *[Symbol.iterator](): MapIterator<[string, FileFacts]> {
    const files = this.focus ? [...this.focus].filter((f) => this.all.has(f)) : [...this.all.keys()];
    try {
      for (const file of files) {
        this.current = file;
        yield [file, this.all.get(file) as FileFacts];
      }
    } finally {
      this.current = undefined;
    }
  }

  entries(): MapIterator<[string, FileFacts]> {
    return this[Symbol.iterator]();
  }

  *keys(): MapIterator<string> {
    for (const [file] of this) yield file;
  }

  *values(): MapIterator<FileFacts> {
    for (const [, facts] of this) yield facts;
  }

  forEach(callback: (value: FileFacts, key: string, map: ReadonlyMap<string, FileFacts>) => void): void {
    for (const [file, facts] of this) callback(facts, file, this);
  }
}

/** The resolver, recording each specifier resolved while a file was processed. */
function recordingResolver(resolver: ModuleResolver, facts: RecordingFacts, specifiers: Map<string, Set<string>>): ModuleResolver {
  return {
    resolve(fromFile: string, specifier: string): ResolvedModule {
      const owner = facts.current ?? "";
      let seen = specifiers.get(owner);
      if (!seen) specifiers.set(owner, (seen = new Set()));
      seen.add(specifier);
      const resolved = resolver.resolve(fromFile, specifier);
      if (resolved.kind === "file") facts.get(resolved.file);
      return resolved;
    },
  };
}


/** How to build the index over a linked project (the caller's config and registries). */
export type IndexBuilder = (linked: LinkedProject) => FlagIndex;

/** What the incremental check needs to know about a commit. */
export interface FootprintChange {
  /** Project files (root-relative) whose facts changed, were added or deleted. */
  changed: ReadonlySet<string>;
  /** Files added or deleted (root-relative): imports that may now resolve elsewhere. */
  addedOrDeleted: ReadonlySet<string>;
}

/**
 * The outcome of the check: the keys read now and the index (the same as one over every file: the
 * files left out yielded nothing and looked into no changed file), or `undefined` when only a whole
 * analysis can tell.
 */
export type FootprintCheck = { keys: Set<string>; index: FlagIndex } | undefined;

/** The dependencies of the last index, updated by each check that passes. */
export class FlagFootprint {
  private readonly participants = new Set<string>();
  private readonly inferred = new Set<string>();
  private readonly keysByFile = new Map<string, Set<string>>();
  /** file → files its processing looked up; and the reverse. */
  private readonly lookups = new Map<string, Set<string>>();
  private readonly lookedUpBy = new Map<string, Set<string>>();
  /** Stem of a specifier → files that resolved it. */
  private readonly resolvedBy = new Map<string, Set<string>>();
  private readonly specifiersOf = new Map<string, Set<string>>();
  /** Files looked up outside any file's processing (registries): a change there needs a whole analysis. */
  private global = new Set<string>();

  private constructor(private readonly build: IndexBuilder) {}

  /** Indexes every file of `facts` with `resolver` and records the dependencies. */
  static full(facts: ReadonlyMap<string, FileFacts>, resolver: ModuleResolver, build: IndexBuilder): { footprint: FlagFootprint; index: FlagIndex } {
    const footprint = new FlagFootprint(build);
    const { index } = footprint.run(facts, resolver, undefined);
    return { footprint, index };
  }

  /**
   * The keys read after `change`, from an index over the footprint and the files the change can
   * affect; undefined when the change touches what the registries were read from or makes the
   * index infer a reader it did not know (the caller then analyses the whole revision).
   */
  check(facts: ReadonlyMap<string, FileFacts>, resolver: ModuleResolver, change: FootprintChange): FootprintCheck {
    for (const file of change.changed) if (this.global.has(file)) return undefined;
    const focus = new Set(this.participants);
    for (const file of change.changed) {
      focus.add(file);
      for (const by of this.lookedUpBy.get(file) ?? []) focus.add(by);
    }
    for (const file of change.addedOrDeleted) {
      for (const stem of fileStems(file)) for (const by of this.resolvedBy.get(stem) ?? []) focus.add(by);
    }
    focus.delete("");
    const { index, recordedGlobal } = this.run(facts, resolver, focus);
    for (const file of recordedGlobal) if (!this.global.has(file)) return undefined;
    for (const id of index.footprint?.inferred ?? []) if (!this.inferred.has(id)) return undefined;
    const keys = new Set<string>();
    for (const fileKeys of this.keysByFile.values()) for (const key of fileKeys) keys.add(key);
    return { keys, index };
  }

  /** Builds the index over `focus` (all files when undefined) and replaces what is known of those files. */
  private run(
    facts: ReadonlyMap<string, FileFacts>,
    resolver: ModuleResolver,
    focus: ReadonlySet<string> | undefined,
  ): { index: FlagIndex; recordedGlobal: Set<string> } {
    const recording = new RecordingFacts(facts);
    recording.focus = focus;
    const specifiers = new Map<string, Set<string>>();
    const index = this.build(new LinkedProject(recording, recordingResolver(resolver, recording, specifiers)));
    const processed = focus ? [...focus] : [...facts.keys()];
    for (const file of processed) {
      this.forget(file);
      if (!facts.has(file)) continue;
      const looked = recording.lookups.get(file);
      if (looked) {
        looked.delete(file);
        this.lookups.set(file, looked);
        for (const target of looked) add(this.lookedUpBy, target, file);
      }
      const specs = specifiers.get(file);
      if (specs) {
        this.specifiersOf.set(file, specs);
        for (const specifier of specs) for (const stem of specifierStems(specifier)) add(this.resolvedBy, stem, file);
      }
    }
    for (const entry of index.flags) {
      for (const read of entry.references) add(this.keysByFile, read.file, entry.key);
    }
    for (const file of index.footprint?.files ?? []) this.participants.add(file);
    for (const id of index.footprint?.inferred ?? []) if (!focus) this.inferred.add(id);
    const recordedGlobal = recording.lookups.get("") ?? new Set<string>();
    if (!focus) this.global = recordedGlobal;
    return { index, recordedGlobal };
  }

  /** Drops what was recorded of one file (before it is processed again, or when it is gone). */
  private forget(file: string): void {
    for (const target of this.lookups.get(file) ?? []) this.lookedUpBy.get(target)?.delete(file);
    this.lookups.delete(file);
    for (const specifier of this.specifiersOf.get(file) ?? []) for (const stem of specifierStems(specifier)) this.resolvedBy.get(stem)?.delete(file);
    this.specifiersOf.delete(file);
    this.keysByFile.delete(file);
  }
}

function add(map: Map<string, Set<string>>, key: string, value: string): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}
