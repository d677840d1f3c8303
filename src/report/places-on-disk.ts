// Where the places `retire` reports are in the files as they are when it ends: the plan gives them in
// the texts it leaves, which are on disk only after `--write`; a dry run maps each back to its line
// in the file as it is (a line the retirement edited keeps its place in the new text).
import type { LeftPlace, RetirementPlan } from "../retire/plan-retirement.js";
import { unchangedLines } from "./unified-diff.js";

/** The plan's places as they are on disk: unchanged when `written`, else in the files before the retirement. */
export function placesOnDisk(plan: RetirementPlan, written: boolean): Pick<RetirementPlan, "byHand" | "leftDead" | "alreadyDead"> {
  if (written) return plan;
  const maps = new Map<string, Map<number, number>>();
  const onDisk = (place: LeftPlace): LeftPlace => {
    const change = plan.changes.find((c) => c.file === place.file);
    if (!change || change.after === undefined) return place;
    let map = maps.get(place.file);
    if (!map) {
      map = unchangedLines(change.before, change.after);
      maps.set(place.file, map);
    }
    return { ...place, line: map.get(place.line) ?? place.line };
  };
  return { byHand: plan.byHand.map(onDisk), leftDead: plan.leftDead.map(onDisk), alreadyDead: plan.alreadyDead.map(onDisk) };
}
