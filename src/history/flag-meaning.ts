// A flag's meaning at one revision: what each of its reads switches. Per read site (the read, the
// declaration it is in, its place among that declaration's reads of the key), per side (on, off, or
// a `switch` case): which of the project's declarations the side's branches use (their identity,
// `file#name`), what they reach, and the side's code as tokens (see code-tokens.ts): the branches,
// then the declarations only the flag's branches reach (the switched code, at any depth), and the
// shared declarations they reach (two layers of them), in the order they are reached. Identity tells a flag now
// pointed at another function from the same function renamed; tokens tell code rewritten in place.
import type { Reachability } from "../analysis/reachability.js";
import { computeReachability, reachabilityWithout } from "../analysis/reachability.js";
import type { BranchFact, GuardFact, SourceRange } from "../facts/file-facts.js";
import type { FlagEntry, FlagIndex, FlagRead } from "../flags/flag-index.js";
import type { CallGraph } from "../graph/call-graph.js";
import type { LiteralValue } from "../graph/linked-project.js";
import type { ParsedSources } from "./code-tokens.js";
import { CodeTokenizer } from "./code-tokens.js";

/** A read's place. */
export interface Evidence {
  file: string;
  line: number;
  column: number;
}

/** Where a part of a side's tokens comes from: its branches (`branch`, depth 0) or a declaration. */
export interface CodeSegment {
  /** `branch`, or the declaration's identity `file#name`. */
  id: string;
  /** 0 for the branches, 1 for what they use directly, and so on. */
  depth: number;
  from: number;
  to: number;
  /** Cut at the side's size limit: only its beginning is in `tokens`. */
  truncated?: true;
  /** A declaration live without the flag's branches too (code others run): not the flag's own. */
  shared?: true;
}

/** What one side of one read switches. */
export interface SideMeaning {
  /** The side's code as tokens: its branches, then the declarations it reaches (see `segments`). */
  tokens: string[];
  segments: CodeSegment[];
  /** The project's declarations its branches use directly, as identities `file#name`, in order of use. */
  direct: string[];
  /** The project's declarations reachable from its branches (bounded), as identities. */
  reaches: string[];
  /** The side is the exit of an early exit (`if (!on) return refusal`): its own code is a refusal, not a feature. */
  exit?: boolean;
  /** The first line of its code, for messages about a side that uses no declaration of the project. */
  preview?: string;
}

/** What one read of a flag switches. */
export interface SiteMeaning {
  /** The read. */
  evidence: Evidence;
  /** The declaration the read is in (`Router.route`), `(module)` at the top level. */
  holder: string;
  /** Its place among the holder's reads of the key, from 0. */
  ordinal: number;
  polarity: "positive" | "negative";
  /** `on`, `off`, and `case <value>` for `switch` cases. */
  sides: Record<string, SideMeaning>;
}

/** A flag's meaning at one revision. */
export interface FlagMeaning {
  key: string;
  /** Every read, in index order (file, line, column). */
  sites: SiteMeaning[];
  /** How many reads test the flag negated (`if (!flag)`) and plainly. */
  polarity: { positive: number; negative: number };
  valueTypes: string[];
  /** Defaults written in the code and in the registry, as JSON text, sorted. */
  defaults: string[];
  /** The first read, as evidence in messages. */
  evidence: Evidence;
  /** Files the meaning depends on besides the reads' own: wrappers the reads go through, registries declaring the key. */
  sources?: string[];
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
  /** Syntax trees of files already tokenized (for another revision): reused while a file's text is the same. */
  parsed?: ParsedSources;
}

/** At most this many declarations per side: a flag in front of a whole subsystem is described by its first ones. */
const maxDeclarations = 200;
/** At most this many tokens per side (the comparison is quadratic in the worst case). */
const maxTokens = 3000;
/** Shared declarations (reached from elsewhere too) are included down to this layer of shared code. */
const maxSharedDepth = 2;
/** Tokens that only close a branch. */
const closingTokens = new Set(["return", "break", "continue"]);
/** At most this many identities in `reaches`. */
const maxReaches = 400;

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
  const { graph } = input;
  const tokenizer = new CodeTokenizer((file, name) => graph.resolveUse(file, `v:${name}`).kind === "node", input.parsed);
  const meanings = new Map<string, FlagMeaning>();
  const hasGuards = input.index.flags.some((f) => (!input.keys || input.keys.has(f.key)) && f.references.some((r) => r.guards.length > 0));
  const everything = hasGuards ? computeReachability({ graph, entryFiles: input.entryFiles }) : undefined;
  for (const flag of input.index.flags) {
    if (input.keys && !input.keys.has(flag.key)) continue;
    const first = flag.references[0];
    if (!first) continue;
    const defaults = [
      ...flag.references.flatMap((r) => (r.default === undefined ? [] : [r.default])),
      ...flag.declarations.flatMap((d) => (d.default === undefined ? [] : [d.default])),
    ];
    const switched = everything ? switchedBy(flag, input, everything) : new Set<number>();
    const context: SideContext = { graph, switched, textOf, tokenizer };
    meanings.set(flag.key, {
      key: flag.key,
      sites: await sitesOf(flag, context),
      polarity: {
        positive: flag.references.filter((r) => r.polarity === "positive").length,
        negative: flag.references.filter((r) => r.polarity === "negative").length,
      },
      valueTypes: unique(flag.references.flatMap((r) => (r.valueType ? [r.valueType] : []))),
      defaults: unique(defaults.map((value) => JSON.stringify(value))),
      evidence: evidenceOf(first),
      ...sourcesOf(flag),
    });
  }
  return meanings;
}

/** What building a side needs. */
interface SideContext {
  graph: CallGraph;
  /** Declarations live only through this flag's branches. */
  switched: ReadonlySet<number>;
  textOf: TextReader;
  tokenizer: CodeTokenizer;
}

/**
 * What only the flag's branches reach: live with them, dead without them. The walk without them is
 * made from the walk with everything (`all`): only what rested on the branches' uses is walked again.
 */
function switchedBy(flag: FlagEntry, input: MeaningInput, all: Reachability): Set<number> {
  const { graph } = input;
  const cuts = new Map<number, Record<string, number>>();
  for (const read of flag.references) {
    for (const guard of read.guards) {
      for (const branch of branchesOfGuard(guard)) {
        const holder = graph.innermostNodeAt(read.file, branch.range.start, branch.range.end);
        if (holder === undefined) continue;
        const cut = cuts.get(holder) ?? {};
        for (const [key, count] of Object.entries(branch.uses)) cut[key] = (cut[key] ?? 0) + count;
        cuts.set(holder, cut);
      }
    }
  }
  if (cuts.size === 0) return new Set();
  const without = reachabilityWithout(all, { graph, entryFiles: input.entryFiles, cuts }).reachability;
  return new Set([...all.live].filter((id) => !without.live.has(id)));
}

function branchesOfGuard(guard: GuardFact): BranchFact[] {
  return [guard.on, guard.off, ...(guard.cases ?? []).map((c) => c.branch)].filter((b): b is BranchFact => b !== undefined);
}

/** One site per read, numbered within the declaration that holds it. */
async function sitesOf(flag: FlagEntry, context: SideContext): Promise<SiteMeaning[]> {
  const sites: SiteMeaning[] = [];
  const ordinals = new Map<string, number>();
  for (const read of flag.references) {
    const holder = read.enclosing ?? "(module)";
    const place = `${read.file}#${holder}`;
    const ordinal = ordinals.get(place) ?? 0;
    ordinals.set(place, ordinal + 1);
    sites.push({ evidence: evidenceOf(read), holder, ordinal, polarity: read.polarity, sides: await sidesOf(read, context) });
  }
  return sites;
}

/** The branches of one read, by side, in the order of its guards. */
function branchesByside(read: FlagRead): Map<string, Array<{ branch: BranchFact; exit: boolean }>> {
  const sides = new Map<string, Array<{ branch: BranchFact; exit: boolean }>>();
  const add = (side: string, branch: BranchFact | undefined, guard: GuardFact): void => {
    if (!branch) return;
    // An early exit's own branch lies inside the `if`; the rest of the block after it.
    const exit = guard.kind === "early-exit" && branch.range.start < guard.range.end;
    sides.set(side, [...(sides.get(side) ?? []), { branch, exit }]);
  };
  for (const guard of read.guards) {
    add("on", guard.on, guard);
    add("off", guard.off, guard);
    for (const c of guard.cases ?? []) add(caseSide(c), c.branch, guard);
  }
  return sides;
}

function caseSide(c: NonNullable<GuardFact["cases"]>[number]): string {
  return c.isDefault ? "case default" : `case ${c.values.map((v: LiteralValue) => JSON.stringify(v)).join(",")}`;
}

async function sidesOf(read: FlagRead, context: SideContext): Promise<Record<string, SideMeaning>> {
  const sides: Record<string, SideMeaning> = {};
  const text = await context.textOf(read.file);
  if (text === undefined) return sides;
  for (const [side, branches] of [...branchesByside(read)].sort((a, b) => compareText(a[0], b[0]))) {
    sides[side] = await sideOf(read.file, text, branches, context);
  }
  return sides;
}

async function sideOf(
  file: string,
  text: string,
  branches: ReadonlyArray<{ branch: BranchFact; exit: boolean }>,
  context: SideContext,
): Promise<SideMeaning> {
  const { graph, switched, tokenizer } = context;
  const tokens: string[] = [];
  const segments: CodeSegment[] = [];
  const direct: number[] = [];
  for (const { branch } of branches) {
    const from = tokens.length;
    const own = tokenizer.tokensOf(file, text, branch.range.start, branch.range.end);
    // A bare `return`, `break` or `continue` closes any branch: it is no code of the flag's.
    if (own.some((token) => !closingTokens.has(token))) tokens.push(...own);
    if (tokens.length > from) segments.push({ id: "branch", depth: 0, from, to: tokens.length });
    for (const key of Object.keys(branch.uses)) {
      const target = graph.resolveUse(file, key);
      if (target.kind === "node" && !direct.includes(target.id)) direct.push(target.id);
    }
  }
  // Breadth-first from what the branches use: switched declarations are followed at any depth,
  // shared ones to the second shared layer (a helper that a new local helper calls is not deeper for
  // it; beyond, shared code belongs to everyone who calls it).
  const depthOf = new Map<number, number>();
  const sharedDepthOf = new Map<number, number>();
  const enter = (id: number, depth: number, sharedDepth: number, into: number[]): void => {
    if (depthOf.has(id)) return;
    const shared = sharedDepth + (switched.has(id) ? 0 : 1);
    if (shared > maxSharedDepth) return;
    depthOf.set(id, depth);
    sharedDepthOf.set(id, shared);
    into.push(id);
  };
  let frontier: number[] = [];
  for (const id of direct) for (const reached of withMembers(graph, id)) enter(reached, 1, 0, frontier);
  const included: number[] = [];
  for (let depth = 1; frontier.length > 0 && included.length < maxDeclarations; depth++) {
    const next: number[] = [];
    for (const id of frontier) {
      if (included.length >= maxDeclarations) break;
      included.push(id);
      const node = graph.nodes[id];
      const shared = sharedDepthOf.get(id) ?? maxSharedDepth;
      if (!node || shared >= maxSharedDepth) continue;
      for (const key of Object.keys(node.declaration.uses)) {
        const target = graph.resolveUse(node.file, key);
        if (target.kind !== "node") continue;
        for (const reached of withMembers(graph, target.id)) enter(reached, depth + 1, shared, next);
      }
    }
    frontier = next;
  }
  const byFile = rangesByFile(graph, included);
  for (const id of included) {
    if (tokens.length >= maxTokens) break;
    const node = graph.nodes[id];
    if (!node || isNested(node.declaration.range, byFile.get(node.file) ?? [])) continue;
    const source = await context.textOf(node.file);
    if (source === undefined) continue;
    const range = node.declaration.range;
    const from = tokens.length;
    tokens.push(...tokenizer.tokensOf(node.file, source, range.start, range.end, true));
    if (tokens.length > from) {
      segments.push({ id: identityOf(graph, id), depth: depthOf.get(id) ?? 1, from, to: tokens.length, ...(switched.has(id) ? {} : { shared: true as const }) });
    }
  }
  if (tokens.length > maxTokens) tokens.length = maxTokens;
  for (const segment of segments) {
    if (segment.to > maxTokens) {
      segment.to = maxTokens;
      segment.truncated = true;
    }
  }
  const side: SideMeaning = {
    tokens,
    segments: segments.filter((s) => s.from < s.to),
    direct: direct.map((id) => identityOf(graph, id)),
    reaches: reachesFrom(graph, direct),
  };
  if (branches.every((b) => b.exit)) side.exit = true;
  const first = branches[0]?.branch;
  if (first) side.preview = previewOf(text, first.range);
  return side;
}

/** A class comes with its members: `new C().run()` switches what `run` does. */
function withMembers(graph: CallGraph, id: number): number[] {
  return [id, ...graph.membersOf(id)];
}

/** `src/a.ts#name`: a declaration's identity at one revision. */
function identityOf(graph: CallGraph, id: number): string {
  const node = graph.nodes[id];
  return node ? `${node.file}#${node.declaration.name}` : `#${id}`;
}

/** The identities reachable from `seeds` through any use (bounded), seeds included. */
function reachesFrom(graph: CallGraph, seeds: readonly number[]): string[] {
  const seen = new Set<number>();
  const queue = [...seeds];
  while (queue.length > 0 && seen.size < maxReaches) {
    const id = queue.shift() as number;
    if (seen.has(id)) continue;
    seen.add(id);
    const node = graph.nodes[id];
    if (!node) continue;
    for (const member of graph.membersOf(id)) if (!seen.has(member)) queue.push(member);
    for (const key of Object.keys(node.declaration.uses)) {
      const target = graph.resolveUse(node.file, key);
      if (target.kind === "node" && !seen.has(target.id)) queue.push(target.id);
    }
  }
  return [...seen].map((id) => identityOf(graph, id)).sort();
}

/** The ranges of the included declarations, by file. */
function rangesByFile(graph: CallGraph, included: readonly number[]): Map<string, SourceRange[]> {
  const byFile = new Map<string, SourceRange[]>();
  for (const id of included) {
    const node = graph.nodes[id];
    if (!node) continue;
    byFile.set(node.file, [...(byFile.get(node.file) ?? []), node.declaration.range]);
  }
  return byFile;
}

/** A member whose class is included too: its text is already in the class's. */
function isNested(range: SourceRange, others: readonly SourceRange[]): boolean {
  return others.some((r) => r.start <= range.start && range.end <= r.end && (r.start < range.start || range.end < r.end));
}

/** The start of a branch's code on one line (whitespace collapsed, outer braces dropped), at most 80 characters. */
function previewOf(text: string, range: SourceRange): string {
  const code = text
    .slice(range.start, Math.min(range.end, range.start + 400))
    .replace(/\s+/g, " ")
    .replace(/^[\s{]+/, "")
    .replace(/[\s}]+$/, "")
    .trim();
  return code.length > 80 ? `${code.slice(0, 77)}...` : code;
}

function sourcesOf(flag: FlagEntry): { sources?: string[] } {
  const sources = unique([...flag.references.flatMap((r) => (r.wrapper ? [r.wrapper.file] : [])), ...flag.declarations.map((d) => d.file)]);
  return sources.length > 0 ? { sources } : {};
}

function evidenceOf(read: FlagRead): Evidence {
  return { file: read.file, line: read.range.line, column: read.range.column };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)].sort();
}
