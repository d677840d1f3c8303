// `ledger update`: records the working tree's flag meanings in `.deadflag/ledger.json`, with when
// each key was introduced (from git, when there is a repository) and tombstones for keys no longer
// read.
import path from "node:path";
import type { OpenedProject } from "../engine/open-project.js";
import { GitRepository } from "./git-repository.js";
import type { Ledger, LedgerEvent } from "./ledger.js";
import { nextLedger, readLedger, writeLedger } from "./ledger.js";
import { salvageLedger } from "./salvage-ledger.js";
import { workingTreeMeanings } from "./working-tree-meanings.js";

/** What `ledger update` did. */
export interface LedgerUpdate {
  ledger: Ledger;
  /** Keys added, changed and tombstoned compared with the previous ledger. */
  added: string[];
  changed: string[];
  tombstoned: string[];
}

/** How to update the ledger. */
export interface LedgerUpdateOptions {
  /** Start from what can still be read of a broken ledger instead of refusing it. */
  rebuild?: boolean;
}

/** Writes the ledger of an opened working tree. */
export async function updateLedger(project: OpenedProject, options: LedgerUpdateOptions = {}): Promise<LedgerUpdate> {
  const previous = options.rebuild ? salvageLedger(project.root) : readLedger(project.root);
  const meanings = await workingTreeMeanings(project);
  const repo = await GitRepository.open(project.root).catch(() => undefined);
  const introduced = new Map<string, LedgerEvent | null>();
  let removedAt: LedgerEvent | null = null;
  try {
    if (repo) {
      const prefix = path.relative(repo.root, project.root).split(path.sep).join("/");
      for (const key of meanings.keys()) {
        if (previous?.flags[key]) continue;
        introduced.set(key, (await repo.firstCommitWith(key, prefix)) ?? null);
      }
      const head = await repo.resolveCommit("HEAD").catch(() => undefined);
      const [info] = head ? await repo.commitInfo([head]) : [];
      if (info) removedAt = { commit: info.hash, date: info.date };
    }
  } finally {
    repo?.close();
  }
  const ledger = nextLedger(previous, meanings, introduced, removedAt);
  writeLedger(project.root, ledger);
  const before = previous?.flags ?? {};
  return {
    ledger,
    added: Object.keys(ledger.flags).filter((k) => !before[k]),
    changed: Object.keys(ledger.flags).filter((k) => before[k] && before[k].fingerprint !== ledger.flags[k]?.fingerprint),
    tombstoned: Object.keys(ledger.tombstones).filter((k) => !previous?.tombstones[k]),
  };
}
