// What `diff` asks git about the base's history for the keys new at the head: which commits added
// or removed a key's text, and whether the text is still in the base's code. Asked per key, that
// was two git processes per new key (most of them new for the first time, with no history at all);
// here one walk and one search answer for all the keys whenever they can, and the per-key question
// is asked only where the shared answer cannot tell.
import type { GitRepository } from "./git-repository.js";

/** A key's past in the base's first-parent history, with git's answers shared between keys. */
export class BaseHistory {
  private textsAtBase: Promise<Set<string>> | undefined;

  private constructor(
    readonly repo: GitRepository,
    private readonly prefix: string,
    readonly base: string,
    private readonly keys: readonly string[],
    readonly depth: number | undefined,
    /** No commit of the history changed a line holding any of `keys`: none added or removed one. */
    private readonly untouched: boolean,
  ) {}

  /** The history before `base` for `keys` (the keys new at the head). */
  static async of(repo: GitRepository, prefix: string, base: string, keys: readonly string[], depth: number | undefined): Promise<BaseHistory> {
    // Keys with a line break cannot be looked for line by line: asked one by one.
    const lineKeys = keys.length > 0 && keys.every((key) => !/[\r\n\0]/.test(key));
    const untouched = lineKeys && (await repo.commitsWithLinesOf(base, keys, prefix, depth)).length === 0;
    return new BaseHistory(repo, prefix, base, keys, depth, untouched);
  }

  /** The commits that add or remove occurrences of `key` (git's pickaxe), newest first. */
  async commitsTouching(key: string): Promise<string[]> {
    if (this.untouched && this.keys.includes(key)) return [];
    return this.repo.commitsTouching(this.base, key, this.prefix, this.depth);
  }

  /** Whether `key`'s text is in the base's files. */
  async hasTextAtBase(key: string): Promise<boolean> {
    const alone = async (): Promise<boolean> => (await this.repo.textsAt(this.base, [key], this.prefix)).has(key);
    if (!this.keys.includes(key)) return alone();
    this.textsAtBase ??= this.repo.textsAt(this.base, this.keys, this.prefix);
    const found = await this.textsAtBase;
    if (found.has(key)) return true;
    // No key found: none is there. Else another key's match may have covered this one's
    // (`git grep -o` prints one match per place): asked alone.
    return found.size === 0 ? false : alone();
  }
}
