// `deadflag retire --format json`: the retirement as a versioned document (docs/json-output.md):
// each changed file's hunks and unified diff, deleted files, and what is left to a person.
import type { RetirementPlan } from "../retire/plan-retirement.js";
import { placesOnDisk } from "./places-on-disk.js";
import { diffHunks, unifiedDiff } from "./unified-diff.js";

/** Formats a retirement plan as JSON (version 1); `written` says whether it was written. */
export default function formatRetirementJson(plan: RetirementPlan, written: boolean): string {
  const document = {
    version: 1,
    key: plan.key,
    value: plan.value,
    written,
    files: plan.changes.map((change) =>
      change.after === undefined
        ? { file: change.file, deleted: true }
        : {
            file: change.file,
            deleted: false,
            edits: diffHunks(change.before, change.after).map(({ lines: _lines, ...hunk }) => hunk),
            diff: unifiedDiff(change.file, change.before, change.after),
          },
    ),
    ...placesOnDisk(plan, written),
    tombstoned: plan.ledger !== undefined,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
