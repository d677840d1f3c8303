// The linked graph as a document (`deadflag graph`, a public contract: docs/graph-json.md), and the
// runtime hops out of a node, which the document and `why` both follow: each use resolved to the
// nodes (or files) it leads to, member names dispatched the way Rapid Type Analysis does, and the
// dead flag branch that removes the use when one does.
import type { FlagState } from "../config/config-schema.js";
import type { DeclarationKind, UseKind } from "../facts/file-facts.js";
import type { CallGraph, UseTarget } from "../graph/call-graph.js";
import type { DeadBranch } from "./dead-branches.js";
import type { ScanContext } from "./scan-context.js";

/** How an edge leads from one node to another: the use's kind, or `dispatch` for a member name. */
export type EdgeKind = UseKind | "dispatch";

/** Where a hop leads: a node, or a file (loading it runs its top-level code). */
export type HopTarget = { kind: "node"; id: number } | { kind: "file"; file: string };

/** One runtime hop out of a node. */
export interface UseHop {
  /** The use key (`v:PowerPeg`, `m:route`, `i:./lazy.js`). */
  key: string;
  to: HopTarget;
  kind: EdgeKind;
  /** Where the key is first used, in the node's file (1-based). */
  line: number;
  column: number;
  /** The dead flag branch that removes every use of the key, when one does. */
  cut?: DeadBranch;
}

/** The graph as `deadflag graph --format json` prints it (version 1). */
export interface GraphDocument {
  version: 1;
  nodes: GraphDocumentNode[];
  edges: GraphDocumentEdge[];
  modules: GraphDocumentModule[];
}

/** A declaration: `id` is `file#symbol` (`@line:column` added when a file declares the name twice). */
export interface GraphDocumentNode {
  id: string;
  symbol: string;
  kind: DeclarationKind;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Reached from the production entries with dead flag branches cut. */
  live: boolean;
  /** Dead in production but reached from test files. */
  testOnly?: true;
  /** Exported by a production entry file. */
  entry?: true;
}

/** A use of `from` that leads to `to`, at its first occurrence in `from`'s file. */
export interface GraphDocumentEdge {
  from: string;
  to: string;
  kind: EdgeKind;
  file: string;
  line: number;
  column: number;
  /** Set when dead flag branches remove every use behind this edge. */
  guard?: EdgeGuard;
}

/** The flag whose dead branch cuts an edge. */
export interface EdgeGuard {
  flag: string;
  state: FlagState;
  dead: true;
}

/** A file of the project. */
export interface GraphDocumentModule {
  file: string;
  /** Its top-level code runs in production (the entries load it through imports). */
  loaded: boolean;
  entry: boolean;
  test: boolean;
}

/** Builds the graph document of a scan: sorted, so two runs give the same bytes. */
export function buildGraphDocument(context: ScanContext): GraphDocument {
  const { graph, production, withTests, ignoringFlags, entries } = context;
  const ids = documentIds(graph);
  const entryNodes = new Set<number>();
  for (const file of entries.production) {
    for (const target of graph.exportTargets(file)) {
      for (const to of expandTarget(graph, target)) if (to.kind === "node") entryNodes.add(to.id);
    }
  }
  const nodes = graph.nodes.map((node): GraphDocumentNode => {
    const { name, kind, nameRange, range } = node.declaration;
    const live = production.live.has(node.id);
    return {
      id: ids[node.id] ?? "",
      symbol: name,
      kind,
      file: node.file,
      line: nameRange.line,
      column: nameRange.column,
      endLine: range.endLine,
      endColumn: range.endColumn,
      live,
      ...(!live && withTests.live.has(node.id) ? { testOnly: true as const } : {}),
      ...(entryNodes.has(node.id) ? { entry: true as const } : {}),
    };
  });
  // Dispatch to the classes any walk instantiates: the edges flags or tests would follow, too.
  const isLiveClass = (id: number): boolean => ignoringFlags.live.has(id) || withTests.live.has(id);
  const edges = new Map<string, GraphDocumentEdge>();
  for (const node of graph.nodes) {
    for (const hop of useHops(context, node.id, isLiveClass)) {
      const to = hop.to.kind === "node" ? hop.to.id : graph.moduleNodeOf(hop.to.file);
      if (to === undefined) continue;
      const edge: GraphDocumentEdge = {
        from: ids[node.id] ?? "",
        to: ids[to] ?? "",
        kind: hop.kind,
        file: node.file,
        line: hop.line,
        column: hop.column,
        ...(hop.cut ? { guard: { flag: hop.cut.flag, state: hop.cut.state, dead: true as const } } : {}),
      };
      const key = `${edge.from}\0${edge.to}\0${edge.kind}`;
      const known = edges.get(key);
      edges.set(key, known ? mergeEdges(known, edge) : edge);
    }
  }
  const modules = [...graph.linked.facts.keys()].map((file) => ({
    file,
    loaded: production.loaded.has(file),
    entry: entries.production.includes(file),
    test: context.testFiles.has(file),
  }));
  return {
    version: 1,
    nodes: nodes.sort((a, b) => compareText(a.file, b.file) || a.line - b.line || a.column - b.column || compareText(a.id, b.id)),
    edges: [...edges.values()].sort(
      (a, b) =>
        compareText(a.from, b.from) || compareText(a.to, b.to) || compareText(a.kind, b.kind) || a.line - b.line || a.column - b.column,
    ),
    modules: modules.sort((a, b) => compareText(a.file, b.file)),
  };
}

/**
 * The hops out of node `id`: every use resolved through the graph, a module used whole expanded to
 * its file and its exports, and a member name dispatched to the members of that name whose class
 * `isLiveClass` accepts. A type use leads to the type (interface or alias) it names, and no further
 * at run time but through what the type reads with `typeof`.
 */
export function useHops(context: ScanContext, id: number, isLiveClass: (classId: number) => boolean): UseHop[] {
  const { graph, cuts } = context;
  const node = graph.nodes[id];
  if (!node) return [];
  const { uses, firstUse, nameRange } = node.declaration;
  const removed = cuts.counts.get(id);
  const hops: UseHop[] = [];
  for (const [key, count] of Object.entries(uses)) {
    const [line, column, useKind] = firstUse[key] ?? [nameRange.line, nameRange.column, "reference"];
    const cut = removed !== undefined && count - (removed[key] ?? 0) <= 0 ? cuts.branches.get(id)?.get(key) : undefined;
    const base = { key, line, column, ...(cut ? { cut } : {}) };
    if (key.startsWith("t:")) {
      // A type live code names is live, for what it reads from values (`typeof config`); classes named in types are not.
      const named = graph.resolveTypeUse(node.file, key);
      const kind = named.kind === "node" ? graph.nodes[named.id]?.declaration.kind : undefined;
      if (named.kind === "node" && (kind === "interface" || kind === "type")) hops.push({ ...base, to: named, kind: useKind });
      continue;
    }
    const target = graph.resolveUse(node.file, key);
    if (target.kind === "member") {
      for (const member of membersNamed(graph, target.name)) {
        const owner = graph.nodes[member]?.owner;
        if (owner !== undefined && isLiveClass(owner)) hops.push({ ...base, to: { kind: "node", id: member }, kind: "dispatch" });
      }
      continue;
    }
    const kind: EdgeKind = key.startsWith("i:") || key.startsWith("j:") ? "import" : useKind;
    // `const { a } = await import("./x")` loads x as well as reaching a.
    const loaded = key.startsWith("j:") ? graph.importedFileOf(node.file, key) : undefined;
    if (loaded !== undefined) hops.push({ ...base, to: { kind: "file", file: loaded }, kind });
    for (const to of expandTarget(graph, target)) hops.push({ ...base, to, kind });
  }
  return hops;
}

/** What a resolved use reaches: a node, or a module used whole (its file loads; every export may be used). */
export function expandTarget(graph: CallGraph, target: UseTarget, seen = new Set<string>()): HopTarget[] {
  if (target.kind === "node") return [{ kind: "node", id: target.id }];
  if (target.kind !== "module" || seen.has(target.file)) return [];
  seen.add(target.file);
  return [{ kind: "file", file: target.file }, ...graph.exportTargets(target.file).flatMap((inner) => expandTarget(graph, inner, seen))];
}

const membersByGraph = new WeakMap<CallGraph, Map<string, number[]>>();

/** The class members named `name` (`route` finds `SmarsRouter.route` and `Other.route`). */
function membersNamed(graph: CallGraph, name: string): readonly number[] {
  let byName = membersByGraph.get(graph);
  if (!byName) {
    byName = new Map();
    for (const node of graph.nodes) {
      if (node.owner === undefined) continue;
      const member = graph.memberNameOf(node.id);
      byName.set(member, [...(byName.get(member) ?? []), node.id]);
    }
    membersByGraph.set(graph, byName);
  }
  return byName.get(name) ?? [];
}

/** `SmarsRouter.route` → `route`. */
export function memberName(qualified: string): string {
  return qualified.slice(qualified.indexOf(".") + 1);
}

/** `file#symbol` per node, with `@line:column` when one file declares a name more than once (overloads, get/set pairs). */
function documentIds(graph: CallGraph): string[] {
  const counts = new Map<string, number>();
  for (const node of graph.nodes) {
    const id = `${node.file}#${node.declaration.name}`;
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return graph.nodes.map((node) => {
    const id = `${node.file}#${node.declaration.name}`;
    const { line, column } = node.declaration.nameRange;
    return (counts.get(id) ?? 0) > 1 ? `${id}@${line}:${column}` : id;
  });
}

/** Two uses behind one edge: the first position, and a guard only when both are cut. */
function mergeEdges(a: GraphDocumentEdge, b: GraphDocumentEdge): GraphDocumentEdge {
  const first = b.line < a.line || (b.line === a.line && b.column < a.column) ? b : a;
  const { guard: _guard, ...rest } = first;
  return a.guard && b.guard ? { ...rest, guard: first.guard ?? a.guard } : rest;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
