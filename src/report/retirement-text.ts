// `deadflag retire`'s text output: a per-file summary, the unified diff of every changed file (a
// deleted file is named, not printed), then what is left to a person.
import type { LeftPlace, RetirementPlan } from "../retire/plan-retirement.js";
import { placesOnDisk } from "./places-on-disk.js";
import { diffHunks, unifiedDiff } from "./unified-diff.js";

/** Formats a retirement plan; `written` says whether it was written (else it is a dry run). */
export default function formatRetirementText(plan: RetirementPlan, written: boolean): string {
  const out: string[] = [];
  const changed = plan.changes.filter((c) => c.after !== undefined).length;
  const deleted = plan.changes.length - changed;
  const what = written ? "written" : "dry run, nothing written (--write writes it)";
  out.push(`retire ${plan.key} (reads return ${describeValue(plan.value)}): ${count(changed, "file")} changed, ${deleted} deleted; ${what}\n`);
  const width = Math.max(0, ...plan.changes.map((c) => c.file.length));
  for (const change of plan.changes) {
    if (change.after === undefined) {
      out.push(`  ${change.file.padEnd(width)}  deleted (${count(lineCount(change.before), "line")})\n`);
      continue;
    }
    const hunks = diffHunks(change.before, change.after);
    const removed = hunks.reduce((n, h) => n + h.lines.filter((l) => l.startsWith("-")).length, 0);
    const added = hunks.reduce((n, h) => n + h.lines.filter((l) => l.startsWith("+")).length, 0);
    out.push(`  ${change.file.padEnd(width)}  changed (-${removed} +${added})\n`);
  }
  if (plan.ledger) out.push(`  .deadflag/ledger.json  ${plan.key} tombstoned${written ? "" : " (with --write)"}\n`);
  const diffs = plan.changes.filter((c) => c.after !== undefined).map((c) => unifiedDiff(c.file, c.before, c.after));
  if (diffs.length > 0) out.push(`\n${diffs.join("")}`);
  const places = placesOnDisk(plan, written);
  section(out, `fold by hand (${plan.key} is still read here)`, places.byHand);
  section(out, "dead because of the fold, not deleted", places.leftDead);
  section(out, "dead before the fold, for other reasons: kept", places.alreadyDead.map(({ reason: _reason, ...place }) => ({ ...place, reason: "" })));
  if (plan.byHand.length === 0 && !plan.ledger) out.push(`\n${plan.key} has no meaning to record (no read was found): no tombstone\n`);
  return out.join("");
}

function section(out: string[], title: string, places: readonly LeftPlace[]): void {
  if (places.length === 0) return;
  out.push(`\n${title}:\n`);
  for (const place of places) {
    const where = `${place.file}:${place.line}:${place.column}`;
    out.push(`  ${where}${place.symbol ? ` ${place.symbol}` : ""}${place.reason ? `  ${place.reason}` : ""}\n`);
  }
}

function describeValue(value: RetirementPlan["value"]): string {
  return value === "default" ? "their in-code default" : value === "on" ? "on (true)" : "off (false)";
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function lineCount(text: string): number {
  return text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
}
