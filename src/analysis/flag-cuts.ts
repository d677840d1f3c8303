// Cutting dead flag branches out of the graph: each dead branch's uses are subtracted from the
// node that contains it, so a use that occurs only inside dead branches is no edge at all.
import type { CallGraph } from "../graph/call-graph.js";
import type { DeadBranch } from "./dead-branches.js";

/** The uses each node loses, and which dead branch took each use away. */
export interface FlagCuts {
  counts: Map<number, Record<string, number>>;
  branches: Map<number, Map<string, DeadBranch>>;
}

/** Assigns every dead branch to the innermost node whose range holds it and sums its uses there. */
export function cutDeadBranches(graph: CallGraph, deadBranches: readonly DeadBranch[]): FlagCuts {
  const counts = new Map<number, Record<string, number>>();
  const branches = new Map<number, Map<string, DeadBranch>>();
  for (const dead of deadBranches) {
    const holder = graph.innermostNodeAt(dead.file, dead.branch.range.start, dead.branch.range.end);
    if (holder === undefined) continue;
    const cut = counts.get(holder) ?? {};
    const by = branches.get(holder) ?? new Map<string, DeadBranch>();
    for (const [key, count] of Object.entries(dead.branch.uses)) {
      cut[key] = (cut[key] ?? 0) + count;
      if (!by.has(key)) by.set(key, dead);
    }
    counts.set(holder, cut);
    branches.set(holder, by);
  }
  return { counts, branches };
}
