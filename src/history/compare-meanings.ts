// Comparing a flag's meaning at two revisions. Sides are compared by the overlap of their lines
// (shared lines over the smaller side), so added log lines or a helper extracted from a branch
// leave a side related, while new code behind an old key does not. A line whose shape still
// matches (same calls, other arguments) counts half; a helper of a helper found unchanged on both
// sides is left out, since reusing one says nothing about whether the branches do the same thing.

import type { FlagMeaning, SideMeaning } from "./flag-meaning.js";

/** How a flag's meaning changed (`no-flag-reuse`'s `data.kind`). */
export type ReuseKind = "repurposed" | "resurrected" | "inverted" | "type-changed" | "default-changed";

/** One change found between two meanings. */
export interface MeaningChange {
  kind: Exclude<ReuseKind, "resurrected">;
  /** The side that changed: for `repurposed`, and for `inverted` the base's side whose code moved to the other. */
  side?: string;
  /** The overlap of that side (0..1) for `repurposed`; for `inverted`, the share of the side's code that moved. */
  overlap?: number;
}

/** Sides that share at least this share of their lines are the same code. */
const sameCodeOverlap = 0.5;

/** What a line that kept only its shape counts for, against 1 for the same line. */
const shapeWeight = 0.5;

/** The changes from `base` to `head`; empty when the meaning is the same. */
export function compareMeanings(base: FlagMeaning, head: FlagMeaning): MeaningChange[] {
  const changes: MeaningChange[] = [];
  const inverted = invertedSide(base, head);
  if (inverted) changes.push({ kind: "inverted", ...inverted });
  else {
    let compared = false;
    for (const side of Object.keys(base.sides).filter((s) => s in head.sides).sort()) {
      const overlap = overlapOf(base.sides[side], head.sides[side]);
      if (overlap === undefined) continue;
      compared = true;
      if (overlap < sameCodeOverlap) {
        changes.push({ kind: "repurposed", side, overlap });
        break;
      }
    }
    // No side in common (`if (flag) A` became `if (!flag) B`): unrelated code on every pairing of
    // sides is a repurposing too, though neither side can be compared with itself.
    if (!compared) {
      const crossed = crossOverlap(base, head);
      if (crossed && crossed.overlap < sameCodeOverlap) changes.push({ kind: "repurposed", ...crossed });
    }
  }
  if (base.valueTypes.length > 0 && head.valueTypes.length > 0 && !sameList(base.valueTypes, head.valueTypes)) {
    changes.push({ kind: "type-changed" });
  } else if (base.defaults.length > 0 && head.defaults.length > 0 && !sameList(base.defaults, head.defaults)) {
    changes.push({ kind: "default-changed" });
  }
  return changes;
}

/**
 * Shared lines over the smaller side (a line that kept only its shape counts half), leaving out
 * deep helpers found unchanged on both sides; undefined when either side has no lines.
 */
function overlapOf(a: SideMeaning | undefined, b: SideMeaning | undefined): number | undefined {
  if (!a || !b || a.lines.length === 0 || b.lines.length === 0) return undefined;
  const [left, right] = withoutCommonHelpers(a, b);
  if (left.lines.length === 0 || right.lines.length === 0) return 1;
  const same = sharedCount(left.lines, right.lines);
  const shapes = left.shapes && right.shapes ? sharedCount(left.shapes, right.shapes) : same;
  const shared = same + shapeWeight * Math.max(0, shapes - same);
  return shared / Math.min(left.lines.length, right.lines.length);
}

/** The best overlap between any side of `base` and any side of `head`, with the base's side. */
function crossOverlap(base: FlagMeaning, head: FlagMeaning): { side: string; overlap: number } | undefined {
  let best: { side: string; overlap: number } | undefined;
  for (const from of Object.keys(base.sides).sort()) {
    for (const to of Object.keys(head.sides)) {
      const overlap = overlapOf(base.sides[from], head.sides[to]);
      if (overlap !== undefined && (!best || overlap > best.overlap)) best = { side: from, overlap };
    }
  }
  return best;
}

/** The two sides without the deep helpers that both have unchanged. */
function withoutCommonHelpers(a: SideMeaning, b: SideMeaning): [Lines, Lines] {
  const left: Lines = { lines: a.lines, ...(a.shapes ? { shapes: a.shapes } : {}) };
  const right: Lines = { lines: b.lines, ...(b.shapes ? { shapes: b.shapes } : {}) };
  if (!a.deep || !b.deep || a.deep.length === 0 || b.deep.length === 0) return [left, right];
  const keyOf = (helper: { lines: string[] }): string => helper.lines.join("\n");
  const available = new Map<string, number>();
  for (const helper of b.deep) available.set(keyOf(helper), (available.get(keyOf(helper)) ?? 0) + 1);
  const common: Array<{ lines: string[]; shapes: string[] }> = [];
  for (const helper of a.deep) {
    const remaining = available.get(keyOf(helper)) ?? 0;
    if (remaining === 0) continue;
    available.set(keyOf(helper), remaining - 1);
    common.push(helper);
  }
  if (common.length === 0) return [left, right];
  const lines = common.flatMap((h) => h.lines);
  const shapes = common.flatMap((h) => h.shapes);
  const strip = (side: Lines): Lines => ({
    lines: without(side.lines, lines),
    ...(side.shapes ? { shapes: without(side.shapes, shapes) } : {}),
  });
  return [strip(left), strip(right)];
}

interface Lines {
  lines: readonly string[];
  shapes?: readonly string[];
}

/**
 * Same code behind the opposite state: lines that only the base's `on` side had and only the
 * head's `off` side has (or the reverse), making up at least half of the smaller of the two. This
 * also catches one read of several turned around, and a branch swap.
 */
function invertedSide(base: FlagMeaning, head: FlagMeaning): { side: string; overlap: number } | undefined {
  let found: { side: string; overlap: number } | undefined;
  for (const [from, to] of [
    ["on", "off"],
    ["off", "on"],
  ] as const) {
    const moved = movedShare(base.sides[from], base.sides[to], head.sides[to], head.sides[from]);
    if (moved !== undefined && moved >= sameCodeOverlap && (!found || moved > found.overlap)) found = { side: from, overlap: moved };
  }
  return found;
}

/** The share of lines only on `was` (not `wasOther`) before that are only on `now` (not `nowOther`) after. */
function movedShare(
  was: SideMeaning | undefined,
  wasOther: SideMeaning | undefined,
  now: SideMeaning | undefined,
  nowOther: SideMeaning | undefined,
): number | undefined {
  if (!was || !now || was.lines.length === 0 || now.lines.length === 0) return undefined;
  const count = (lines: readonly string[] | undefined): Map<string, number> => {
    const counts = new Map<string, number>();
    for (const line of lines ?? []) counts.set(line, (counts.get(line) ?? 0) + 1);
    return counts;
  };
  const before = count(was.lines);
  const beforeOther = count(wasOther?.lines);
  const after = count(now.lines);
  const afterOther = count(nowOther?.lines);
  let moved = 0;
  for (const [line, n] of before) {
    const onlyBefore = n - (beforeOther.get(line) ?? 0);
    const onlyAfter = (after.get(line) ?? 0) - (afterOther.get(line) ?? 0);
    moved += Math.max(0, Math.min(onlyBefore, onlyAfter));
  }
  return moved / Math.min(was.lines.length, now.lines.length);
}

/** How many items the two multisets share. */
function sharedCount(a: readonly string[], b: readonly string[]): number {
  const counts = new Map<string, number>();
  for (const item of a) counts.set(item, (counts.get(item) ?? 0) + 1);
  let shared = 0;
  for (const item of b) {
    const left = counts.get(item) ?? 0;
    if (left > 0) {
      shared++;
      counts.set(item, left - 1);
    }
  }
  return shared;
}

/** `items` minus the multiset `removed`. */
function without(items: readonly string[], removed: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const item of removed) counts.set(item, (counts.get(item) ?? 0) + 1);
  return items.filter((item) => {
    const left = counts.get(item) ?? 0;
    if (left === 0) return true;
    counts.set(item, left - 1);
    return false;
  });
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}
