// Comparing a flag's meaning at two revisions. Sides are compared by the overlap of their lines
// (shared lines over the smaller side), so added log lines or a helper extracted from a branch
// leave a side related, while new code behind an old key does not.

import type { FlagMeaning, SideMeaning } from "./flag-meaning.js";

/** How a flag's meaning changed (`no-flag-reuse`'s `data.kind`). */
export type ReuseKind = "repurposed" | "resurrected" | "inverted" | "type-changed" | "default-changed";

/** One change found between two meanings. */
export interface MeaningChange {
  kind: Exclude<ReuseKind, "resurrected">;
  /** The side that changed, for `repurposed`. */
  side?: string;
  /** The overlap of that side (0..1), for `repurposed` and `inverted`. */
  overlap?: number;
}

/** Sides that share at least this share of their lines are the same code. */
export const sameCodeOverlap = 0.5;

/** The changes from `base` to `head`; empty when the meaning is the same. */
export function compareMeanings(base: FlagMeaning, head: FlagMeaning): MeaningChange[] {
  const changes: MeaningChange[] = [];
  const inverted = invertedOverlap(base, head);
  if (inverted !== undefined) changes.push({ kind: "inverted", overlap: inverted });
  else {
    for (const side of Object.keys(base.sides).filter((s) => s in head.sides).sort()) {
      const overlap = overlapOf(base.sides[side], head.sides[side]);
      if (overlap !== undefined && overlap < sameCodeOverlap) {
        changes.push({ kind: "repurposed", side, overlap });
        break;
      }
    }
  }
  if (base.valueTypes.length > 0 && head.valueTypes.length > 0 && !sameList(base.valueTypes, head.valueTypes)) {
    changes.push({ kind: "type-changed" });
  } else if (base.defaults.length > 0 && head.defaults.length > 0 && !sameList(base.defaults, head.defaults)) {
    changes.push({ kind: "default-changed" });
  }
  return changes;
}

/** Shared lines over the smaller side; undefined when either side has no lines. */
export function overlapOf(a: SideMeaning | undefined, b: SideMeaning | undefined): number | undefined {
  if (!a || !b || a.lines.length === 0 || b.lines.length === 0) return undefined;
  const counts = new Map<string, number>();
  for (const line of a.lines) counts.set(line, (counts.get(line) ?? 0) + 1);
  let shared = 0;
  for (const line of b.lines) {
    const left = counts.get(line) ?? 0;
    if (left > 0) {
      shared++;
      counts.set(line, left - 1);
    }
  }
  return shared / Math.min(a.lines.length, b.lines.length);
}

/**
 * Same code behind the opposite state: what the flag switched on now runs when it is off (or the
 * reverse), while each side no longer matches itself.
 */
function invertedOverlap(base: FlagMeaning, head: FlagMeaning): number | undefined {
  const onToOff = overlapOf(base.sides["on"], head.sides["off"]);
  const offToOn = overlapOf(base.sides["off"], head.sides["on"]);
  const crossed = [onToOff, offToOn].filter((o) => o !== undefined);
  if (crossed.length === 0 || crossed.some((o) => o < sameCodeOverlap)) return undefined;
  const same = [overlapOf(base.sides["on"], head.sides["on"]), overlapOf(base.sides["off"], head.sides["off"])];
  if (same.some((o) => o !== undefined && o >= sameCodeOverlap)) return undefined;
  return Math.min(...crossed);
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}
