// `why`: why a node of the call graph is live, as the shortest path from an entry (Go's
// `deadcode -whylive`), or why it is dead: no uses at all, used only by dead code, reachable only
// behind a dead flag branch, or used only by tests. The walks record the first reason they find,
// in depth-first order, so paths come from a breadth-first search over the same hops instead.
import type { FlagState } from "../config/config-schema.js";
import type { DeclarationKind, GuardKind } from "../facts/file-facts.js";
import type { LiteralValue } from "../graph/linked-project.js";
import type { DeadBranch } from "./dead-branches.js";
import type { EdgeGuard, HopTarget } from "./graph-document.js";
import { expandTarget, useHops } from "./graph-document.js";
import type { Reachability } from "./reachability.js";
import type { ScanContext } from "./scan-context.js";

/** A place in a file: 1-based line and column, path relative to the root. */
export interface SourcePoint {
  file: string;
  line: number;
  column: number;
}

/** How a step of a path is reached: a root (`entry-export`, `module-load`, `evaluated`), its class, or a use. */
export type PathVia =
  | "entry-export"
  | "module-load"
  | "evaluated"
  | "escaped-class"
  | "call"
  | "new"
  | "jsx"
  | "reference"
  | "member"
  | "import";

/** Where a path starts: a production entry (and how it was found) or a test file. */
export type EntrySource = "config" | "package.json" | "conventional" | "test";

/**
 * One step of a path: a file that loads, or a node. `file`/`line`/`column` locate the node's name
 * (line 1 of a file); `use` is the use in the previous step that leads here.
 */
export interface PathStep extends SourcePoint {
  symbol: string;
  kind: DeclarationKind | "file";
  via: PathVia;
  use?: SourcePoint;
  /** The first step: what kind of entry it is. */
  entry?: EntrySource;
  /** On a path that only exists when flags could flip: the hop a dead flag branch cuts. */
  guard?: EdgeGuard;
}

/** A dead flag branch, located. */
export interface DeadBranchAt {
  flag: string;
  state: FlagState;
  /** What every read of the flag returns in that state. */
  value: LiteralValue;
  side: DeadBranch["side"];
  guard: GuardKind;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** A use of a node by another node. */
export interface NodeUse extends SourcePoint {
  symbol: string;
  kind: DeclarationKind;
  via: PathVia;
}

/** Why a node is dead. */
export type DeadReason =
  /** Nothing uses it; `fileImported` is false when no entry (or test) even imports its file. */
  | { kind: "no-uses"; fileImported: boolean }
  /** Only dead code uses it (the cascade behind a dead root). */
  | { kind: "dead-users"; users: NodeUse[] }
  /** It would be live if flags could flip; `path` is that path, with the cut hop marked by `guard`. */
  | { kind: "behind-flag"; branch: DeadBranchAt; path: PathStep[] }
  /** Only tests reach it; `path` is the shortest from a test file. */
  | { kind: "test-only"; path: PathStep[] }
  /** A member of a class that is itself dead. */
  | { kind: "dead-class"; class: SourcePoint & { symbol: string }; reason: DeadReason }
  /** Types have no runtime uses: the call graph follows values only. */
  | { kind: "type" };

/** What `why` says about one node (the JSON document without its `version`). */
export interface WhyExplanation {
  target: SourcePoint & { symbol: string; kind: DeclarationKind };
  live: boolean;
  /** For a live node: the shortest path from an entry, root first, the node last. */
  path?: PathStep[];
  reason?: DeadReason;
  /** When asked about a line inside a dead flag branch: that branch. */
  deadBranch?: DeadBranchAt;
}

/** Explains node `id` of the scan's graph; `line` is the line asked about, when `why` was given `file:line`. */
export function explainNode(context: ScanContext, id: number, line?: number): WhyExplanation {
  const node = context.graph.nodes[id];
  if (!node) throw new Error(`no node ${id} in the graph`);
  const { name, kind, nameRange } = node.declaration;
  const target = { file: node.file, line: nameRange.line, column: nameRange.column, symbol: name, kind };
  const deadBranch = line === undefined ? undefined : context.deadBranches.find((d) => holdsLine(d, node.file, line));
  const extra = deadBranch ? { deadBranch: locateBranch(deadBranch) } : {};
  if (context.production.live.has(id)) {
    return { target, live: true, path: stepsOf(context, shortestPath(context, productionView(context), id) ?? []), ...extra };
  }
  return { target, live: false, reason: deadReason(context, id), ...extra };
}

/** A walk to find paths in: its result, its roots, and whether dead flag branches are cut. */
interface WalkView {
  reach: Reachability;
  entryFiles: readonly string[];
  cut: boolean;
}

function productionView(context: ScanContext): WalkView {
  return { reach: context.production, entryFiles: context.entries.production, cut: true };
}

type State = HopTarget;

/** A step of the search: the state reached and the hop that reached it. */
interface Hop {
  state: State;
  via: PathVia;
  use?: SourcePoint;
  cut?: DeadBranch;
}

/** The hops of the shortest path from the view's entries to node `target`; undefined when the view does not reach it. */
function shortestPath(context: ScanContext, view: WalkView, target: number): Hop[] | undefined {
  const parents = new Map<string, string | undefined>();
  const hops = new Map<string, Hop>();
  const queue: string[] = [];
  const reach = (hop: Hop, parent: string | undefined): void => {
    const key = stateKey(hop.state);
    if (hops.has(key) || !isLive(view, hop.state)) return;
    hops.set(key, hop);
    parents.set(key, parent);
    queue.push(key);
  };
  for (const file of [...view.entryFiles].sort()) reach({ state: { kind: "file", file }, via: "module-load" }, undefined);
  const goal = stateKey({ kind: "node", id: target });
  for (let index = 0; index < queue.length; index++) {
    const key = queue[index];
    const hop = key === undefined ? undefined : hops.get(key);
    if (key === undefined || !hop) continue;
    if (key === goal) {
      const chain: Hop[] = [];
      for (let at: string | undefined = key; at !== undefined; at = parents.get(at)) {
        const step = hops.get(at);
        if (step) chain.unshift(step);
      }
      return chain;
    }
    for (const next of nextHops(context, view, hop.state)) reach(next, key);
  }
  return undefined;
}

/** The hops out of a state, in a fixed order so that equal-length paths are chosen the same way every time. */
function nextHops(context: ScanContext, view: WalkView, state: State): Hop[] {
  const { graph } = context;
  const hops: Hop[] = [];
  if (state.kind === "file") {
    const file = state.file;
    if (view.entryFiles.includes(file)) {
      for (const target of graph.exportTargets(file)) {
        for (const to of expandTarget(graph, target)) hops.push({ state: to, via: to.kind === "file" ? "import" : "entry-export" });
      }
    }
    const moduleNode = graph.moduleNodeOf(file);
    if (moduleNode !== undefined) hops.push({ state: { kind: "node", id: moduleNode }, via: "module-load" });
    for (const id of graph.nodesOf(file)) {
      const node = graph.nodes[id];
      if (node && id !== moduleNode && node.owner === undefined && node.declaration.evaluated) {
        hops.push({ state: { kind: "node", id }, via: "evaluated" });
      }
    }
    for (const [specifier, at] of loadedSpecifiers(context, file)) {
      const resolved = graph.linked.resolver.resolve(file, specifier);
      if (resolved.kind === "file") hops.push({ state: { kind: "file", file: resolved.file }, via: "import", use: { file, ...at } });
    }
    return hops;
  }
  const node = graph.nodes[state.id];
  if (!node) return hops;
  for (const member of graph.membersOf(state.id)) {
    if (view.reach.reasons.get(member)?.kind === "escaped-class") hops.push({ state: { kind: "node", id: member }, via: "escaped-class" });
  }
  for (const use of useHops(context, state.id, (owner) => view.reach.live.has(owner))) {
    if (view.cut && use.cut) continue;
    hops.push({
      state: use.to,
      via: use.kind === "dispatch" ? "member" : use.kind,
      use: { file: node.file, line: use.line, column: use.column },
      ...(use.cut ? { cut: use.cut } : {}),
    });
  }
  return hops;
}

/** The specifiers whose loading runs code (not type-only, not dynamic), with where each is written. */
function loadedSpecifiers(context: ScanContext, file: string): Array<[string, { line: number; column: number }]> {
  const facts = context.graph.linked.getFacts(file);
  if (!facts) return [];
  const found: Array<[string, { line: number; column: number }]> = [];
  for (const fact of facts.imports) {
    if (fact.typeOnly || fact.kind === "dynamic" || (fact.kind === "require" && fact.local === undefined)) continue;
    found.push([fact.specifier, { line: fact.range.line, column: fact.range.column }]);
  }
  for (const fact of facts.exports) {
    if (fact.specifier !== undefined && !fact.typeOnly) found.push([fact.specifier, { line: fact.range.line, column: fact.range.column }]);
  }
  return found;
}

/** The hops as path steps; only the hop at `guardAt` (the one that matters) keeps its flag guard. */
function stepsOf(context: ScanContext, hops: readonly Hop[], guardAt = -1): PathStep[] {
  return hops.map((hop, index) => stepOf(context, index === guardAt ? hop : { ...hop, cut: undefined }, index === 0));
}

function stepOf(context: ScanContext, hop: Hop, first: boolean): PathStep {
  const extra = {
    ...(hop.use ? { use: hop.use } : {}),
    ...(hop.cut ? { guard: { flag: hop.cut.flag, state: hop.cut.state, dead: true as const } } : {}),
  };
  if (hop.state.kind === "file") {
    const file = hop.state.file;
    const entry: EntrySource = context.testFiles.has(file) ? "test" : context.entries.source;
    return { symbol: file, kind: "file", file, line: 1, column: 1, via: hop.via, ...(first ? { entry } : {}), ...extra };
  }
  const node = context.graph.nodes[hop.state.id];
  const declaration = node?.declaration;
  return {
    symbol: declaration?.name ?? "?",
    kind: declaration?.kind ?? "variable",
    file: node?.file ?? "",
    line: declaration?.nameRange.line ?? 1,
    column: declaration?.nameRange.column ?? 1,
    via: hop.via,
    ...extra,
  };
}

/** Why a dead node is dead, most telling first: types, tests, flags, its class, its users. */
function deadReason(context: ScanContext, id: number): DeadReason {
  const { graph, withTests, ignoringFlags, production } = context;
  const node = graph.nodes[id];
  if (!node) return { kind: "no-uses", fileImported: false };
  if (node.declaration.kind === "interface" || node.declaration.kind === "type") return { kind: "type" };
  if (withTests.live.has(id)) {
    const view = { reach: withTests, entryFiles: [...context.entries.production, ...context.entries.tests], cut: true };
    return { kind: "test-only", path: stepsOf(context, shortestPath(context, view, id) ?? []) };
  }
  const owner = node.owner;
  const deadClass = (): DeadReason | undefined => {
    if (owner === undefined || production.live.has(owner)) return undefined;
    const ownerNode = graph.nodes[owner];
    if (!ownerNode) return undefined;
    const { name, nameRange } = ownerNode.declaration;
    return {
      kind: "dead-class",
      class: { symbol: name, file: ownerNode.file, line: nameRange.line, column: nameRange.column },
      reason: deadReason(context, owner),
    };
  };
  if (ignoringFlags.live.has(id)) {
    const hops = shortestPath(context, { reach: ignoringFlags, entryFiles: context.entries.production, cut: false }, id) ?? [];
    // The first hop into code that is dead in production is the one a dead flag branch cut.
    const crossing = hops.findIndex((hop) => !isLive(productionView(context), hop.state));
    const branch = hops[crossing]?.cut;
    if (branch) return { kind: "behind-flag", branch: locateBranch(branch), path: stepsOf(context, hops, crossing) };
  }
  const ofClass = deadClass();
  if (ofClass) return ofClass;
  const users = usersOf(context, id);
  return users.length > 0 ? { kind: "dead-users", users } : { kind: "no-uses", fileImported: context.reachedFilesWithTests.has(node.file) };
}

/** The nodes whose code uses node `id` (by name, or by member name for a class member), with where. */
function usersOf(context: ScanContext, id: number): NodeUse[] {
  const { graph } = context;
  const node = graph.nodes[id];
  if (!node) return [];
  const member = node.owner === undefined ? undefined : graph.memberNameOf(id);
  const users: NodeUse[] = [];
  for (const user of graph.nodes) {
    if (user.id === id || user.owner === id) continue;
    const { uses, firstUse, name, kind, nameRange } = user.declaration;
    for (const key of Object.keys(uses)) {
      const target = graph.resolveUse(user.file, key);
      const hit = (target.kind === "node" && target.id === id) || (target.kind === "member" && target.name === member);
      if (!hit) continue;
      const [line, column, useKind] = firstUse[key] ?? [nameRange.line, nameRange.column, "reference"];
      users.push({ symbol: name, kind, file: user.file, line, column, via: target.kind === "member" ? "member" : useKind });
      break;
    }
  }
  return users.sort((a, b) => compareText(a.file, b.file) || a.line - b.line || a.column - b.column);
}

function isLive(view: WalkView, state: State): boolean {
  return state.kind === "file" ? view.reach.loaded.has(state.file) : view.reach.live.has(state.id);
}

function stateKey(state: State): string {
  return state.kind === "file" ? `f:${state.file}` : `n:${state.id}`;
}

function holdsLine(dead: DeadBranch, file: string, line: number): boolean {
  return dead.file === file && dead.branch.range.line <= line && line <= dead.branch.range.endLine;
}

function locateBranch(dead: DeadBranch): DeadBranchAt {
  const { line, column, endLine, endColumn } = dead.branch.range;
  return {
    flag: dead.flag,
    state: dead.state,
    value: dead.value,
    side: dead.side,
    guard: dead.guard.kind,
    file: dead.file,
    line,
    column,
    endLine,
    endColumn,
  };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
