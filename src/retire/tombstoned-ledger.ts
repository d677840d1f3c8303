// The ledger after a flag is retired: the key moves from the flags to the tombstones with its last
// meaning, as `ledger update` records a key no longer read, so that `no-flag-reuse` reports the key
// if code reads it again for other code. The other entries stay as they are: retiring one flag
// records nothing about the others.
import path from "node:path";
import { GitRepository } from "../history/git-repository.js";
import type { FlagMeaning } from "../history/flag-meaning.js";
import type { Ledger, LedgerEvent } from "../history/ledger.js";
import { hashedMeaning, readLedger } from "../history/ledger.js";

/** The project's ledger (or a new one) with `key` tombstoned at HEAD with `meaning`, its meaning before retirement. */
export async function tombstonedLedger(root: string, key: string, meaning: FlagMeaning): Promise<Ledger> {
  const previous = readLedger(root);
  const flags = { ...(previous?.flags ?? {}) };
  delete flags[key];
  const tombstones = { ...(previous?.tombstones ?? {}), [key]: { removed: await headEvent(root), meaning: hashedMeaning(meaning) } };
  const sorted = Object.fromEntries(Object.entries(tombstones).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { version: 2, flags, tombstones: sorted };
}

/** The commit the retirement is made on (HEAD), as `ledger update` dates a removal; null outside git. */
async function headEvent(root: string): Promise<LedgerEvent | null> {
  const repo = await GitRepository.open(path.resolve(root)).catch(() => undefined);
  if (!repo) return null;
  try {
    const head = await repo.resolveCommit("HEAD").catch(() => undefined);
    const [info] = head ? await repo.commitInfo([head]) : [];
    return info ? { commit: info.hash, date: info.date } : null;
  } finally {
    repo.close();
  }
}
