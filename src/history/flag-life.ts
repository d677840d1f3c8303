// How old a flag is, from git: whether its key was already in the code at a date. One `rev-list`
// finds the last commit before the date and one `git grep` of every key at once reads that tree, so
// the age of any number of flags costs two git commands (a pickaxe per key would walk the whole
// history once per key).
import type { GitRepository } from "./git-repository.js";

const dayMs = 24 * 60 * 60 * 1000;

/** The keys already in the code (under `prefix`) `days` days before `at` (ISO; default now), on `head`'s first-parent line, with that commit. */
export async function keysOlderThan(
  repo: GitRepository,
  head: string,
  keys: readonly string[],
  prefix: string,
  days: number,
  at?: string,
  before: Promise<string | undefined> = commitDaysBefore(repo, head, days, at),
): Promise<{ commit: string; keys: Set<string> } | undefined> {
  const commit = await before;
  if (!commit) return undefined;
  return { commit, keys: await repo.textsAt(commit, keys, prefix) };
}

/** The last commit on `head`'s first-parent line `days` days before `at` (ISO; default now). */
export function commitDaysBefore(repo: GitRepository, head: string, days: number, at?: string): Promise<string | undefined> {
  const now = at === undefined ? Date.now() : Date.parse(at);
  return repo.lastCommitBefore(head, new Date(now - days * dayMs).toISOString());
}

/**
 * The keys read at a commit (the revision opened and its flags indexed): all of them, or at least
 * those of `keys` (the ones asked about) that are read there.
 */
export type KeysReadAt = (commit: string, keys: readonly string[]) => Promise<ReadonlySet<string>>;

/**
 * The keys first read fewer than `days` days before `at`: flags still in development. A key whose
 * text was not in the tree then was not read then; one whose text was is old only if it was read
 * there (`readAt`): a short key is also a word of other code (`ai` is in `main`, `email` and the
 * `ai` package), and the text alone made such a flag stable from its first day. `before`: that
 * commit, when the caller asked git for it already (see {@link commitDaysBefore}).
 */
export async function keysInDevelopment(
  repo: GitRepository,
  head: string,
  keys: readonly string[],
  prefix: string,
  days: number,
  at: string | undefined,
  readAt: KeysReadAt,
  before?: Promise<string | undefined>,
): Promise<Set<string>> {
  const older = await keysOlderThan(repo, head, keys, prefix, days, at, before);
  const present = keys.filter((key) => older?.keys.has(key));
  const read = older && present.length > 0 ? await readAt(older.commit, present) : new Set<string>();
  return new Set(keys.filter((key) => !read.has(key)));
}

/** Whether a flag first read at `introduced` is still in development at `at` (ISO dates). */
export function isInDevelopment(introduced: string, at: string, days: number): boolean {
  const first = Date.parse(introduced);
  const now = Date.parse(at);
  return Number.isFinite(first) && Number.isFinite(now) && now - first < days * dayMs;
}
