// Dead flag branches: for every read of a flag whose state is fixed (`on`, `off`) or `retired`
// (every read returns the default written in the code), the side of each guard that can never run.
import type { FlagState } from "../config/config-schema.js";
import type { BranchFact, GuardFact } from "../facts/file-facts.js";
import type { FlagIndex, FlagRead } from "../flags/flag-index.js";
import type { LiteralValue } from "../graph/linked-project.js";

/** A branch that never runs, and why. */
export interface DeadBranch {
  file: string;
  flag: string;
  state: FlagState;
  /** The value every read of the flag returns in that state. */
  value: LiteralValue;
  read: FlagRead;
  guard: GuardFact;
  /** Which side never runs: the flag-on side, the flag-off side, or a `switch` case. */
  side: "on" | "off" | "case";
  branch: BranchFact;
}

/** Every dead branch of the index, outermost only (a branch inside another dead branch adds nothing). */
export function findDeadBranches(index: FlagIndex): DeadBranch[] {
  const found: DeadBranch[] = [];
  for (const flag of index.flags) {
    const state = flag.state;
    if (state === null || state === "active") continue;
    for (const read of flag.references) {
      const value = valueInState(state, read, flag.declarations.find((d) => d.default !== undefined)?.default);
      if (value === undefined) continue;
      for (const guard of read.guards) {
        for (const [side, branch] of deadSides(guard, value, state)) {
          found.push({ file: read.file, flag: flag.key, state, value, read, guard, side, branch });
        }
      }
    }
  }
  return outermost(found);
}

/** The value reads return: `true`/`false` for fixed states, the code's (or registry's) default when retired. */
function valueInState(state: FlagState, read: FlagRead, registryDefault: LiteralValue | undefined): LiteralValue | undefined {
  if (state === "on") return true;
  if (state === "off") return false;
  return read.default ?? registryDefault;
}

function deadSides(guard: GuardFact, value: LiteralValue, state: FlagState): Array<["on" | "off" | "case", BranchFact]> {
  if (guard.cases) {
    if (state !== "retired") return [];
    const matched = guard.cases.some((c) => c.values.includes(value));
    return guard.cases
      .filter((c) => (c.isDefault ? matched : !c.values.includes(value)))
      .map((c): ["case", BranchFact] => ["case", c.branch]);
  }
  // `on`/`off` say nothing about which variant a string flag serves, but `=== "true"` (how boolean
  // environment flags are read) and its kin compare with the boolean itself.
  const booleanCompare = typeof guard.compare === "string" ? booleanWords.get(guard.compare.toLowerCase()) : undefined;
  if (guard.compare !== undefined && booleanCompare === undefined && state !== "retired") return [];
  const isOn =
    booleanCompare !== undefined && state !== "retired"
      ? Boolean(value) === booleanCompare
      : guard.compare !== undefined
        ? value === guard.compare
        : Boolean(value);
  const dead = isOn ? guard.off : guard.on;
  return dead ? [[isOn ? "off" : "on", dead]] : [];
}

/** Strings that spell a boolean, as environment flags are written. */
const booleanWords = new Map<string, boolean>([
  ["true", true],
  ["1", true],
  ["on", true],
  ["yes", true],
  ["enabled", true],
  ["false", false],
  ["0", false],
  ["off", false],
  ["no", false],
  ["disabled", false],
]);

function outermost(branches: DeadBranch[]): DeadBranch[] {
  const sorted = [...branches].sort(
    (a, b) => compareText(a.file, b.file) || a.branch.range.start - b.branch.range.start || b.branch.range.end - a.branch.range.end,
  );
  const kept: DeadBranch[] = [];
  for (const branch of sorted) {
    const last = kept[kept.length - 1];
    const inside = last && last.file === branch.file && last.branch.range.end >= branch.branch.range.end;
    if (!inside) kept.push(branch);
  }
  return kept;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
