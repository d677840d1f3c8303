// The call graph: every declaration of every file as a node, and what each use key of a node
// resolves to across files (a node, a whole module, a member name, a package, or something
// static analysis cannot follow). Flag states are applied later, by the analysis.
import type { DeclarationFact } from "../facts/file-facts.js";
import type { LinkedProject, ResolvedOrigin } from "./linked-project.js";

/** One node: a declaration in a file. */
export interface GraphNode {
  id: number;
  file: string;
  declaration: DeclarationFact;
  /** For class members: the class's node. */
  owner?: number;
}

/** What a use key of a node leads to. */
export type UseTarget =
  | { kind: "node"; id: number }
  /** A module used whole: a namespace import passed around, or a dynamic import. */
  | { kind: "module"; file: string }
  /** A member name (`x.name`): live in every live class that has it. */
  | { kind: "member"; name: string }
  /** Only types: no runtime edge. */
  | { kind: "type" }
  /** Outside the project (a package) or nothing the graph models. */
  | { kind: "none" }
  /** Something static analysis cannot follow (`eval`, `obj[name]()`, `import(name)`). */
  | { kind: "unknowable"; reason: string };

/** One use of a node, resolved; a type use (`t:X`) to the declaration behind the type. */
export interface ResolvedUse {
  readonly key: string;
  /** How many times the node uses it. */
  readonly count: number;
  readonly target: UseTarget;
}

/** A use target that names a node by file and name rather than by id, so that it outlives its graph. */
type PortableTarget = Exclude<UseTarget, { kind: "node" }> | { kind: "node"; file: string; name: string };

/** What the uses of one file resolved to, and every file whose facts those resolutions read. */
interface FileResolutions {
  targets: Map<string, PortableTarget>;
  reads: Set<string>;
}

/**
 * An earlier graph of the same project, for the next one: what it resolved for files whose
 * resolutions read no changed file is still right (the module resolver being the same, so is the
 * file list). The earlier graph is handed over: it must not be asked anything afterwards (the next
 * graph shares its memos and adds to them).
 */
export interface EarlierResolutions {
  graph: CallGraph;
  /** Files whose facts differ from the earlier graph's. */
  changed: ReadonlySet<string>;
}

/** What a graph made from an earlier one (see {@link EarlierResolutions}) may answer otherwise than it. */
export interface GraphDelta {
  /**
   * The earlier graph's {@link CallGraph.serial}. Not the graph itself: each graph would hold all
   * graphs before it (an editor session makes one per edit).
   */
  earlierSerial: number;
  /** Files whose facts differ. */
  changedFiles: ReadonlySet<string>;
  /**
   * Files whose nodes, resolved uses or export targets were not carried: the changed ones and those
   * whose resolutions read one. Anywhere else, ids, uses and export targets are the earlier graph's.
   */
  unsettledFiles: ReadonlySet<string>;
}

let graphsMade = 0;

/** The linked call graph of a project snapshot. */
export class CallGraph {
  readonly nodes: GraphNode[] = [];
  /** Node ids by file, then by name. */
  private readonly byName = new Map<string, Map<string, number>>();
  /** What each file exports, resolved (see {@link exportTargets}), and the files that read. */
  private readonly exportMemo = new Map<string, { targets: UseTarget[]; reads: ReadonlySet<string> }>();
  private readonly moduleNodes = new Map<string, number>();
  private readonly members = new Map<number, number[]>();
  private readonly byFile = new Map<string, number[]>();
  private readonly useCache = new Map<string, Map<string, UseTarget>>();
  /** Id-free resolutions per file, for the next graph (see {@link EarlierResolutions}). */
  private readonly resolutions = new Map<string, FileResolutions>();
  private readonly memberNames = new Map<number, string>();
  /** A getter's setter of the same name in the same class, and the other way round. */
  private readonly accessorPartners = new Map<number, number>();
  /** Each node's uses, resolved, by id (see {@link usesOf}). */
  private readonly resolvedUses: (readonly ResolvedUse[] | undefined)[] = [];
  /** Ids whose declaration is gone (see {@link carryNodes}). */
  private removedNodes = 0;
  /** How this graph differs from the earlier one its nodes were carried from; undefined for a new graph. */
  readonly delta: GraphDelta | undefined;
  /** This graph among those the process made (see {@link GraphDelta.earlierSerial}). */
  readonly serial = ++graphsMade;

  constructor(
    readonly linked: LinkedProject,
    earlier?: EarlierResolutions,
  ) {
    const same = earlier && earlier.graph.linked.resolver === linked.resolver ? earlier : undefined;
    if (same && this.carryNodes(same)) {
      this.delta = { earlierSerial: same.graph.serial, changedFiles: same.changed, unsettledFiles: this.carryMemos(same, true) };
      return;
    }
    if (same) this.carryMemos(same, false);
    for (const [file, facts] of linked.facts) this.addFile(file, facts.declarations, () => this.nodes.length);
  }

  /**
   * Adds a file's nodes, each with the id `idFor` gives (the next free one for a new graph; its
   * earlier id for a node carried over: see {@link carryNodes}).
   */
  private addFile(file: string, declarations: readonly DeclarationFact[], idFor: () => number): void {
    const byName = new Map<string, number>();
    this.byName.set(file, byName);
    const inFile: number[] = [];
    this.byFile.set(file, inFile);
    for (const declaration of declarations) {
      const id = idFor();
      const node: GraphNode = { id, file, declaration };
      const dot = declaration.name.indexOf(".");
      const ownerId = dot > 0 ? byName.get(declaration.name.slice(0, dot)) : undefined;
      if (ownerId !== undefined && isMemberKind(declaration.kind)) {
        node.owner = ownerId;
        const list = this.members.get(ownerId) ?? [];
        list.push(id);
        this.members.set(ownerId, list);
      }
      this.nodes[id] = node;
      inFile.push(id);
      if (declaration.kind === "module") this.moduleNodes.set(file, id);
      for (const name of [declaration.name, ...(declaration.alsoNames ?? [])]) {
        const known = byName.get(name);
        // A type and a value may share a name (`interface X` + `function X`): uses name the value.
        if (known === undefined || (isTypeKind(this.nodes[known]?.declaration.kind) && !isTypeKind(declaration.kind))) {
          byName.set(name, id);
        } else if (node.owner !== undefined && isAccessorPair(this.nodes[known]?.declaration.kind, declaration.kind)) {
          this.accessorPartners.set(known, id);
          this.accessorPartners.set(id, known);
        }
      }
    }
  }

  /**
   * Takes the earlier graph's nodes, ids included: the nodes of unchanged files are the same
   * objects, and a changed file's nodes take its earlier ids (by name: see {@link idsByName}), new
   * ones after the last id. Which of a changed file's nodes gets which of its ids does not matter to
   * the graph: every memo that holds one read the file and is not carried. An id left over (the file declares fewer things now) holds a
   * node of no file, with no uses, that nothing names; when those are a fifth of all, or a changed
   * file is new or gone, a new graph is made instead.
   */
  private carryNodes({ graph, changed }: EarlierResolutions): boolean {
    const earlierIds = new Map<string, readonly number[]>();
    let removed = graph.removedNodes;
    for (const file of changed) {
      const declarations = this.linked.facts.get(file)?.declarations;
      const before = graph.byFile.get(file);
      if (!declarations || !before) return false;
      earlierIds.set(file, before);
      removed += Math.max(0, before.length - declarations.length);
    }
    if (removed * 5 > graph.nodes.length) return false;
    this.removedNodes = removed;
    for (const node of graph.nodes) this.nodes.push(node);
    for (const [file, ids] of graph.byName) if (!changed.has(file)) this.byName.set(file, ids);
    for (const [file, ids] of graph.byFile) if (!changed.has(file)) this.byFile.set(file, ids);
    for (const [file, id] of graph.moduleNodes) if (!changed.has(file)) this.moduleNodes.set(file, id);
    const inChanged = (id: number): boolean => changed.has(graph.nodes[id]?.file ?? "");
    for (const [owner, list] of graph.members) if (!inChanged(owner)) this.members.set(owner, list);
    for (const [id, partner] of graph.accessorPartners) if (!inChanged(id)) this.accessorPartners.set(id, partner);
    // A member named by a constant (`[KEY]`) answers to a value that may live in a changed file.
    for (const [id, name] of graph.memberNames) if (!inChanged(id) && this.nodes[id]?.declaration.computedKey === undefined) this.memberNames.set(id, name);
    for (const [file, ids] of earlierIds) {
      const declarations = this.linked.facts.get(file)?.declarations ?? [];
      const assigned = idsByName(declarations, ids, graph);
      let next = 0;
      this.addFile(file, declarations, () => assigned[next++] ?? this.nodes.length);
      const taken = new Set(assigned);
      for (const id of ids) if (!taken.has(id)) this.nodes[id] = { id, file: "", declaration: removedDeclaration };
    }
    return true;
  }

  /**
   * Carries the earlier graph's resolutions of files that read no changed file; with `sameIds`
   * (the nodes were carried), also their id-bearing memos: uses and export targets.
   */
  private carryMemos({ graph, changed }: EarlierResolutions, sameIds: boolean): Set<string> {
    const readsChanged = (reads: ReadonlySet<string>): boolean => {
      for (const read of reads) if (changed.has(read)) return true;
      return false;
    };
    const unsettled = new Set(changed);
    for (const [file, resolved] of graph.resolutions) {
      if (changed.has(file) || readsChanged(resolved.reads)) {
        unsettled.add(file);
        continue;
      }
      this.resolutions.set(file, resolved);
      const uses = graph.useCache.get(file);
      if (!sameIds || !uses) continue;
      this.useCache.set(file, uses);
      for (const id of graph.byFile.get(file) ?? []) this.resolvedUses[id] = graph.resolvedUses[id];
    }
    if (!sameIds) return unsettled;
    for (const [file, memo] of graph.exportMemo) {
      if (!changed.has(file) && !readsChanged(memo.reads)) this.exportMemo.set(file, memo);
      else unsettled.add(file);
    }
    return unsettled;
  }

  /** The node declared as `name` in `file`. */
  nodeOf(file: string, name: string): number | undefined {
    return this.byName.get(file)?.get(name);
  }

  /** The `(module)` node of a file: its top-level statements. */
  moduleNodeOf(file: string): number | undefined {
    return this.moduleNodes.get(file);
  }

  /** The nodes declared in a file, in source order. */
  nodesOf(file: string): readonly number[] {
    return this.byFile.get(file) ?? [];
  }

  /** The innermost node of `file` whose range holds `start`..`end` (a member before its class). */
  innermostNodeAt(file: string, start: number, end: number): number | undefined {
    let best: number | undefined;
    let bestSize = Number.POSITIVE_INFINITY;
    for (const id of this.nodesOf(file)) {
      const range = this.nodes[id]?.declaration.range;
      if (!range || range.start > start || range.end < end) continue;
      if (range.end - range.start < bestSize) {
        best = id;
        bestSize = range.end - range.start;
      }
    }
    return best;
  }

  /**
   * The name a member node answers to (`route` for `Router.route`): for a member named by a constant
   * (`[KEY]`), the constant's value; `[computed]` when that cannot be known.
   */
  memberNameOf(id: number): string {
    const known = this.memberNames.get(id);
    if (known !== undefined) return known;
    const declaration = this.nodes[id]?.declaration;
    if (!declaration) return "";
    const file = this.nodes[id]?.file ?? "";
    const name =
      declaration.computedKey !== undefined
        ? (this.constantValue(file, declaration.computedKey) ?? "[computed]")
        : declaration.name.slice(declaration.name.indexOf(".") + 1);
    this.memberNames.set(id, name);
    return name;
  }

  /** The setter beside a getter of the same name in the same class, or the getter beside a setter. */
  accessorPartnerOf(id: number): number | undefined {
    return this.accessorPartners.get(id);
  }

  /** The project file a dynamic import's use key (`i:./x`, `j:a:./x`) loads, if it is one. */
  importedFileOf(file: string, key: string): string | undefined {
    let specifier: string | undefined;
    if (key.startsWith("i:")) specifier = key.slice(2);
    else if (key.startsWith("j:")) specifier = key.slice(key.indexOf(":", 2) + 1);
    if (specifier === undefined) return undefined;
    const target = this.linked.resolver.resolve(file, specifier);
    return target.kind === "file" ? target.file : undefined;
  }

  /** The member nodes of a class node. */
  membersOf(id: number): readonly number[] {
    return this.members.get(id) ?? [];
  }

  /**
   * Every use of a node with what it leads to (a type use resolved as {@link resolveTypeUse} does):
   * what the reachability walk follows, resolved once per node and carried to the next graph with
   * its file's resolutions.
   */
  usesOf(id: number): readonly ResolvedUse[] {
    let list = this.resolvedUses[id];
    if (list === undefined) {
      const node = this.nodes[id];
      const resolved: ResolvedUse[] = [];
      if (node) {
        for (const [key, count] of Object.entries(node.declaration.uses)) {
          resolved.push({ key, count, target: key.startsWith("t:") ? this.resolveTypeUse(node.file, key) : this.resolveUse(node.file, key) });
        }
      }
      list = resolved;
      this.resolvedUses[id] = list;
    }
    return list;
  }

  /** A node's uses as far as this graph resolved them (undefined: never asked), without resolving. */
  knownUsesOf(id: number): readonly ResolvedUse[] | undefined {
    return this.resolvedUses[id];
  }

  /** What `key` (a use of a node in `file`) leads to. */
  resolveUse(file: string, key: string): UseTarget {
    // Per file, then per key: no string is built on this hot path.
    let inFile = this.useCache.get(file);
    if (!inFile) {
      inFile = new Map();
      this.useCache.set(file, inFile);
    }
    let target = inFile.get(key);
    if (!target) {
      target = this.idOf(this.portableUse(file, key));
      inFile.set(key, target);
    }
    return target;
  }

  /** What `key` in `file` resolves to, by file and name: from the resolutions kept, else resolved and kept. */
  private portableUse(file: string, key: string): PortableTarget {
    let resolved = this.resolutions.get(file);
    if (!resolved) {
      resolved = { targets: new Map(), reads: new Set([file]) };
      this.resolutions.set(file, resolved);
    }
    const known = resolved.targets.get(key);
    if (known) return known;
    const computed = this.linked.track(() => this.computeUse(file, key));
    for (const read of computed.reads) resolved.reads.add(read);
    // The node's id comes from its file's declarations.
    if (computed.value.kind === "node") resolved.reads.add(computed.value.file);
    resolved.targets.set(key, computed.value);
    return computed.value;
  }

  private idOf(target: PortableTarget): UseTarget {
    if (target.kind !== "node") return target;
    const id = this.nodeOf(target.file, target.name);
    return id === undefined ? { kind: "none" } : { kind: "node", id };
  }

  /** What a type use (`t:Name`) names, resolved the way a value use is: the declaration behind the type. */
  resolveTypeUse(file: string, key: string): UseTarget {
    if (!key.startsWith("t:")) return { kind: "none" };
    return this.resolveUse(file, `v:${key.slice(2)}`);
  }

  /** Everything `file` exports, resolved to nodes or modules (following `export *`). */
  exportTargets(file: string): readonly UseTarget[] {
    let memo = this.exportMemo.get(file);
    if (!memo) {
      const found = this.linked.track(() => this.exportTargetsFrom(file, new Set()));
      // A target's id comes from its file's declarations.
      for (const target of found.value) if (target.kind === "node") found.reads.add(this.nodes[target.id]?.file ?? "");
      memo = { targets: found.value, reads: found.reads };
      this.exportMemo.set(file, memo);
    }
    return memo.targets;
  }

  /** A file's export targets as far as this graph resolved them (undefined: never asked), without resolving. */
  knownExportTargets(file: string): readonly UseTarget[] | undefined {
    return this.exportMemo.get(file)?.targets;
  }

  private exportTargetsFrom(file: string, seen: Set<string>): UseTarget[] {
    if (seen.has(file)) return [];
    seen.add(file);
    const facts = this.linked.getFacts(file);
    if (!facts) return [];
    const targets: UseTarget[] = [];
    for (const fact of facts.exports) {
      if (fact.exported === "*" && fact.specifier !== undefined) {
        const target = this.linked.resolver.resolve(file, fact.specifier);
        if (target.kind === "file") targets.push(...this.exportTargetsFrom(target.file, seen));
        continue;
      }
      targets.push(this.targetOf(this.linked.resolveExport(file, fact.exported, "declaration")));
    }
    return targets;
  }

  private computeUse(file: string, key: string): PortableTarget {
    const colon = key.indexOf(":");
    const kind = key.slice(0, colon);
    const rest = key.slice(colon + 1);
    switch (kind) {
      case "m":
        return { kind: "member", name: rest };
      case "t":
        return { kind: "type" };
      case "i": {
        const target = this.linked.resolver.resolve(file, rest);
        return target.kind === "file" ? { kind: "module", file: target.file } : { kind: "none" };
      }
      // `const { a } = await import("./x")`: the export a of the module (which loads: see importedFileOf).
      case "j": {
        const imported = this.importedFileOf(file, key);
        const name = rest.slice(0, rest.indexOf(":"));
        return imported === undefined ? { kind: "none" } : this.portableOf(this.linked.resolveExport(imported, name, "declaration"));
      }
      case "?":
        return { kind: "unknowable", reason: rest };
      // `exports.b` read in its own module (CommonJS): the export b, else any member b.
      case "x": {
        const target = this.portableOf(this.linked.resolveExport(file, rest, "declaration"));
        const missing = target.kind === "none" || (target.kind === "node" && this.nodeOf(target.file, target.name) === undefined);
        return missing ? { kind: "member", name: rest } : target;
      }
      case "p":
        return { kind: "node", file, name: rest };
      // A member named by a constant: called (unknowable when the value is not a known literal), or read.
      case "k":
      case "q": {
        const name = this.constantValue(file, rest);
        if (name !== undefined) return { kind: "member", name };
        return kind === "k" ? { kind: "unknowable", reason: "computed" } : { kind: "none" };
      }
      // `e:X` (an instance of X handed to code outside the project) names the same declaration as `v:X`.
      case "e":
      case "v": {
        const dot = rest.indexOf(".");
        if (dot > 0) return this.namespaceMember(file, rest.slice(0, dot), rest.slice(dot + 1));
        return this.portableOf(this.linked.resolveOrigin(file, { kind: "local", name: rest }, "declaration"));
      }
      default:
        return { kind: "none" };
    }
  }

  /** The string (or number) a module-level constant's dotted name (`Keys.load`) holds, in any file. */
  private constantValue(file: string, dotted: string): string | undefined {
    const [name = "", ...path] = dotted.split(".");
    const value = this.linked.resolveLiteral(file, { kind: "ref", name, path, origin: { kind: "local", name } });
    return typeof value === "string" || typeof value === "number" ? String(value) : undefined;
  }

  private namespaceMember(file: string, namespace: string, member: string): PortableTarget {
    const origin = this.linked.resolveOrigin(file, { kind: "local", name: namespace }, "declaration");
    if (origin?.kind !== "module") return this.portableOf(origin);
    return this.portableOf(this.linked.resolveExport(origin.file, member, "declaration"));
  }

  /** A resolved origin as a use target, its node named by file and name. */
  private portableOf(origin: ResolvedOrigin | undefined): PortableTarget {
    if (!origin || origin.kind === "package") return { kind: "none" };
    if (origin.kind === "module") return { kind: "module", file: origin.file };
    return { kind: "node", file: origin.file, name: origin.name };
  }

  private targetOf(origin: ResolvedOrigin | undefined): UseTarget {
    if (!origin || origin.kind === "package") return { kind: "none" };
    if (origin.kind === "module") return { kind: "module", file: origin.file };
    const id = this.nodeOf(origin.file, origin.name);
    return id === undefined ? { kind: "none" } : { kind: "node", id };
  }
}

/**
 * The ids a changed file's declarations take from its earlier ids: a declaration keeps the id of
 * the earlier one of the same name (so that an edit elsewhere in the file leaves its nodes' ids as
 * they were, which lets a reachability walk resume), the others take the ids left, in order.
 */
function idsByName(declarations: readonly DeclarationFact[], ids: readonly number[], earlier: CallGraph): (number | undefined)[] {
  const free = new Map<string, number[]>();
  for (const id of ids) {
    const name = earlier.nodes[id]?.declaration.name ?? "";
    const list = free.get(name);
    if (list) list.push(id);
    else free.set(name, [id]);
  }
  const assigned: (number | undefined)[] = declarations.map((declaration) => free.get(declaration.name)?.shift());
  const taken = new Set(assigned);
  const rest = ids.filter((id) => !taken.has(id));
  let next = 0;
  return assigned.map((id) => id ?? rest[next++]);
}

/** What the node of an id whose declaration is gone holds: no name code can use, no uses, not code. */
const removedDeclaration: DeclarationFact = Object.freeze({
  name: "(removed)",
  kind: "module",
  range: { start: 0, end: 0, line: 0, column: 0, endLine: 0, endColumn: 0 },
  nameRange: { start: 0, end: 0, line: 0, column: 0, endLine: 0, endColumn: 0 },
  uses: {},
  firstUse: {},
});

function isTypeKind(kind: DeclarationFact["kind"] | undefined): boolean {
  return kind === "interface" || kind === "type";
}

function isAccessorPair(a: DeclarationFact["kind"] | undefined, b: DeclarationFact["kind"]): boolean {
  return (a === "getter" && b === "setter") || (a === "setter" && b === "getter");
}

function isMemberKind(kind: DeclarationFact["kind"]): boolean {
  return kind === "method" || kind === "getter" || kind === "setter" || kind === "constructor" || kind === "property";
}
