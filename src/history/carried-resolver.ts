// A module resolver whose answers outlive the file list they were found under: `history` brings a
// project forward over commits that add and delete files, and resolving every import again after
// each (TypeScript walks node_modules folders for every package name) cost more than the rest of
// such a commit. An added or deleted file can only change the answer for a specifier that names it:
// one whose last segment is the file's name (`./a`, `./a.js`, `@/lib/a` for `lib/a.ts`), or its
// folder's for an index file; those answers are forgotten, the others kept.
import type { ModuleResolver, ResolvedModule } from "../graph/module-resolver.js";
import { fileStems, specifierStems } from "../graph/module-stems.js";

/** A resolver that keeps its answers across file lists, forgetting those an added or deleted file may change. */
export class CarriedResolver implements ModuleResolver {
  private readonly memo = new Map<string, ResolvedModule>();
  /** Stem → memo keys of the specifiers that may name a file with that stem. */
  private readonly byStem = new Map<string, Set<string>>();

  private readonly files: Set<string>;

  /** Carries the answers of `base`, a resolver over `files`. */
  constructor(
    private base: ModuleResolver,
    files: Iterable<string>,
  ) {
    this.files = new Set(files);
  }

  resolve(fromFile: string, specifier: string): ResolvedModule {
    const key = `${fromFile}\0${specifier}`;
    let resolved = this.memo.get(key);
    if (!resolved) {
      resolved = this.base.resolve(fromFile, specifier);
      this.memo.set(key, resolved);
      for (const stem of specifierStems(specifier)) {
        let keys = this.byStem.get(stem);
        if (!keys) this.byStem.set(stem, (keys = new Set()));
        keys.add(key);
      }
    }
    return resolved;
  }

  /** Uses `base` (over the new file list) from now on, forgetting the answers `addedOrDeleted` may change. */
  update(base: ModuleResolver, addedOrDeleted: ReadonlySet<string>): void {
    this.base = base;
    for (const file of addedOrDeleted) {
      if (this.files.has(file)) this.files.delete(file);
      else this.files.add(file);
      for (const stem of fileStems(file)) {
        for (const key of this.byStem.get(stem) ?? []) this.memo.delete(key);
        this.byStem.delete(stem);
      }
    }
  }

  /**
   * A copy of this resolver over `files` (the compiler options unchanged), with the answers that
   * hold there; this one keeps answering for its own file list (a project linked with it is still
   * analysed after the copy is made).
   */
  copyFor(files: readonly string[], create: (files: readonly string[]) => ModuleResolver): ModuleResolver {
    const copy = new CarriedResolver(this.base, this.files);
    for (const [key, resolved] of this.memo) copy.memo.set(key, resolved);
    for (const [stem, keys] of this.byStem) copy.byStem.set(stem, new Set(keys));
    return copy.retarget(files, create);
  }

  /** This resolver over `files` (the compiler options unchanged): updated, with `create`, for the files added or deleted since. */
  retarget(files: readonly string[], create: (files: readonly string[]) => ModuleResolver): ModuleResolver {
    const now = new Set(files);
    const addedOrDeleted = new Set([...files.filter((f) => !this.files.has(f)), ...[...this.files].filter((f) => !now.has(f))]);
    if (addedOrDeleted.size > 0) this.update(create(files), addedOrDeleted);
    return this;
  }
}
