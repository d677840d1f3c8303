// Writing a retirement: every new text (and the ledger) first goes to a temporary file beside its
// target, and only when all of them are written are they renamed over their targets (each rename
// atomic) and the deleted files removed. A failure while writing removes the temporary files and
// leaves the project as it was; no file is ever seen half-written.
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { packedJson } from "../history/ledger.js";
import type { RetirementPlan } from "./plan-retirement.js";

/** Where the ledger lives, relative to the analysed root (as `ledger update` writes it). */
const ledgerFile = ".deadflag/ledger.json";

/** Writes the plan's changes, deletions and tombstone under its root (see the file comment). */
export function writeRetirement(plan: Pick<RetirementPlan, "root" | "changes" | "ledger">): void {
  const writes: Array<[string, string]> = plan.changes.flatMap((change) => (change.after === undefined ? [] : [[change.file, change.after] as [string, string]]));
  if (plan.ledger) writes.push([ledgerFile, packedJson(plan.ledger)]);
  const staged: Array<{ temporary: string; target: string }> = [];
  try {
    for (const [file, text] of writes) {
      const target = path.join(plan.root, file);
      mkdirSync(path.dirname(target), { recursive: true });
      const temporary = `${target}.${process.pid}.deadflag-retire.tmp`;
      staged.push({ temporary, target });
      writeFileSync(temporary, text);
    }
  } catch (error) {
    for (const { temporary } of staged) rmSync(temporary, { force: true });
    throw error;
  }
  for (const { temporary, target } of staged) renameSync(temporary, target);
  for (const change of plan.changes) if (change.after === undefined) rmSync(path.join(plan.root, change.file), { force: true });
}
