// A flag's meaning at one revision: what its reads switch. For each side (on, off, or a `switch`
// case) the code in its branches plus the code reachable *only* through the flag's branches (what
// stops being reachable when they are cut), as normalized source lines. Lines, not names, so a
// renamed or moved function, a branch extracted into a helper, or an SDK migration keep the meaning.
import { computeReachability } from "../analysis/reachability.js";
import type { BranchFact, GuardFact } from "../facts/file-facts.js";
import type { FlagEntry, FlagIndex } from "../flags/flag-index.js";
import type { CallGraph } from "../graph/call-graph.js";
import type { LiteralValue } from "../graph/linked-project.js";

/** What one side of a flag switches. */
export interface SideMeaning {
  /** Normalized lines of the switched code, sorted (a multiset). */
  lines: string[];
  /** The declarations the side's branches use directly, as `name (file)`, sorted. */
  symbols: string[];
}

/** A flag's meaning at one revision. */
export interface FlagMeaning {
  key: string;
  /** `on`, `off`, and `case <value>` for `switch` cases. */
  sides: Record<string, SideMeaning>;
  /** How many reads test the flag negated (`if (!flag)`) and plainly. */
  polarity: { positive: number; negative: number };
  valueTypes: string[];
  /** Defaults written in the code, as JSON text, sorted. */
  defaults: string[];
  /** The first read, as evidence in messages. */
  evidence: { file: string; line: number; column: number };
}

/** Reads a project file's text at the revision being described. */
export type TextReader = (file: string) => Promise<string | undefined>;

/** What computing meanings needs from an opened revision. */
export interface MeaningInput {
  graph: CallGraph;
  index: FlagIndex;
  /** Production and test entries: what is reachable at all. */
  entryFiles: readonly string[];
  readText: TextReader;
  /** Only these keys (all when undefined). */
  keys?: ReadonlySet<string>;
}

const maxClosure = 400;

/** The meaning of every flag of the index (or of `keys`). */
export async function computeMeanings(input: MeaningInput): Promise<Map<string, FlagMeaning>> {
  const texts = new Map<string, Promise<string | undefined>>();
  const textOf = (file: string): Promise<string | undefined> => {
    let text = texts.get(file);
    if (!text) {
      text = input.readText(file);
      texts.set(file, text);
    }
    return text;
  };
  const meanings = new Map<string, FlagMeaning>();
  const hasGuards = input.index.flags.some((f) => f.references.some((r) => r.guards.length > 0));
  const everything = hasGuards ? computeReachability({ graph: input.graph, entryFiles: input.entryFiles }) : undefined;
  for (const flag of input.index.flags) {
    if (input.keys && !input.keys.has(flag.key)) continue;
    const first = flag.references[0];
    if (!first) continue;
    meanings.set(flag.key, {
      key: flag.key,
      sides: everything ? await sidesOf(flag, input, everything.live, textOf) : {},
      polarity: {
        positive: flag.references.filter((r) => r.polarity === "positive").length,
        negative: flag.references.filter((r) => r.polarity === "negative").length,
      },
      valueTypes: unique(flag.references.flatMap((r) => (r.valueType ? [r.valueType] : []))),
      defaults: unique(flag.references.flatMap((r) => (r.default === undefined ? [] : [JSON.stringify(r.default)]))),
      evidence: { file: first.file, line: first.range.line, column: first.range.column },
    });
  }
  return meanings;
}

/** Branches of a flag, by side, with the file they are in. */
function branchesOf(flag: FlagEntry): Map<string, Array<{ file: string; branch: BranchFact }>> {
  const sides = new Map<string, Array<{ file: string; branch: BranchFact }>>();
  const add = (side: string, file: string, branch: BranchFact | undefined): void => {
    if (!branch) return;
    const list = sides.get(side) ?? [];
    list.push({ file, branch });
    sides.set(side, list);
  };
  for (const read of flag.references) {
    for (const guard of read.guards) {
      add("on", read.file, guard.on);
      add("off", read.file, guard.off);
      for (const c of guard.cases ?? []) add(caseSide(c), read.file, c.branch);
    }
  }
  return sides;
}

function caseSide(c: NonNullable<GuardFact["cases"]>[number]): string {
  return c.isDefault ? "case default" : `case ${c.values.map((v: LiteralValue) => JSON.stringify(v)).join(",")}`;
}

async function sidesOf(
  flag: FlagEntry,
  input: MeaningInput,
  liveAll: ReadonlySet<number>,
  textOf: TextReader,
): Promise<Record<string, SideMeaning>> {
  const { graph } = input;
  const branches = branchesOf(flag);
  if (branches.size === 0) return {};
  // What only this flag's branches reach: live with them, dead without them.
  const cuts = new Map<number, Record<string, number>>();
  for (const list of branches.values()) {
    for (const { file, branch } of list) {
      const holder = innermostNode(graph, file, branch);
      if (holder === undefined) continue;
      const cut = cuts.get(holder) ?? {};
      for (const [key, count] of Object.entries(branch.uses)) cut[key] = (cut[key] ?? 0) + count;
      cuts.set(holder, cut);
    }
  }
  const without = computeReachability({ graph, entryFiles: input.entryFiles, cuts });
  const switched = new Set([...liveAll].filter((id) => !without.live.has(id)));
  const sides: Record<string, SideMeaning> = {};
  for (const [side, list] of [...branches].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const lines: string[] = [];
    const direct = new Set<number>();
    for (const { file, branch } of list) {
      const text = await textOf(file);
      if (text !== undefined) lines.push(...normalizedLines(text.slice(branch.range.start, branch.range.end)));
      for (const key of Object.keys(branch.uses)) {
        const target = graph.resolveUse(file, key);
        if (target.kind === "node" && switched.has(target.id)) direct.add(target.id);
      }
    }
    for (const id of closureWithin(graph, direct, switched)) {
      const node = graph.nodes[id];
      const text = node && (await textOf(node.file));
      if (node && text !== undefined) {
        lines.push(...normalizedLines(text.slice(node.declaration.range.start, node.declaration.range.end)));
      }
    }
    const symbols = [...direct].flatMap((id) => {
      const node = graph.nodes[id];
      return node ? [`${node.declaration.name} (${node.file})`] : [];
    });
    sides[side] = { lines: lines.sort(), symbols: unique(symbols) };
  }
  return sides;
}

/** The switched nodes reachable from `seeds` through switched nodes only (members of reached classes included). */
function closureWithin(graph: CallGraph, seeds: ReadonlySet<number>, switched: ReadonlySet<number>): Set<number> {
  const reached = new Set<number>();
  const stack = [...seeds];
  while (stack.length > 0 && reached.size < maxClosure) {
    const id = stack.pop();
    if (id === undefined || reached.has(id)) continue;
    reached.add(id);
    const node = graph.nodes[id];
    if (!node) continue;
    for (const member of graph.membersOf(id)) if (switched.has(member)) stack.push(member);
    for (const key of Object.keys(node.declaration.uses)) {
      const target = graph.resolveUse(node.file, key);
      if (target.kind === "node" && switched.has(target.id)) stack.push(target.id);
    }
  }
  return reached;
}

function innermostNode(graph: CallGraph, file: string, branch: BranchFact): number | undefined {
  let best: number | undefined;
  let bestSize = Number.POSITIVE_INFINITY;
  for (const id of graph.nodesOf(file)) {
    const range = graph.nodes[id]?.declaration.range;
    if (!range || range.start > branch.range.start || range.end < branch.range.end) continue;
    if (range.end - range.start < bestSize) {
      best = id;
      bestSize = range.end - range.start;
    }
  }
  return best;
}

/**
 * Lines that carry meaning: trimmed, inner whitespace collapsed, without blank, comment-only and
 * punctuation-only lines (`}`, `});`), so formatting and comments never change a meaning.
 */
export function normalizedLines(text: string): string[] {
  const lines: string[] = [];
  for (const raw of text.split("\n")) {
    const line = raw.trim().replace(/\s+/g, " ");
    if (line === "" || /^(\/\/|\/\*|\*)/.test(line) || /^[\s{}()[\];,.]*$/.test(line)) continue;
    lines.push(line);
  }
  return lines;
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)].sort();
}
