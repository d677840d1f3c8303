// Reachability over the call graph from the roots, the way Rapid Type Analysis resolves methods: a
// method is live when its class is live and live code names the method (`x.method`), or when the
// class escapes to code deadflag cannot see. Loading a module runs its top-level code; importing
// loads. Uses inside dead flag branches are cut before the walk.
import type { CallGraph, UseTarget } from "../graph/call-graph.js";

/** How a node became live: from a root, or from another node's use. */
export type LiveReason =
  | { kind: "entry-export"; file: string }
  | { kind: "module-load"; file: string }
  | { kind: "evaluated"; file: string }
  | { kind: "escaped-class"; owner: number }
  | { kind: "use"; from: number; key: string };

/** The result of one walk. */
export interface Reachability {
  live: Set<number>;
  /** Files whose top-level code runs. */
  loaded: Set<string>;
  /**
   * Why each live node is live: the first reason found. The walk is depth-first, so following
   * reasons back gives *a* path to a root, not the shortest (`why` searches breadth-first for that).
   */
  reasons: Map<number, LiveReason>;
  /**
   * What live code used that static analysis cannot follow (`eval`, `computed`, `import`, or
   * `import:<prefix>` for a computed specifier with a literal start), with the files it happens in.
   */
  unknowable: Map<string, Set<string>>;
}

/** What to walk from and what to leave out. */
export interface ReachabilityInput {
  graph: CallGraph;
  entryFiles: readonly string[];
  /** Per node, the uses to subtract (those inside dead flag branches). */
  cuts?: ReadonlyMap<number, Readonly<Record<string, number>>>;
}

/** Members that code calls without naming them (`String(x)`, `JSON.stringify(x)`, `await x`). */
const implicitMembers = new Set(["constructor", "toString", "toJSON", "valueOf", "toLocaleString", "then", "[computed]"]);

/**
 * What `for…of`, spread and `yield*` call on the iterator a `[Symbol.iterator]()` member returns
 * (which may be another class's instance): live once a live class has a computed-name member.
 */
const iteratorMembers = ["next", "return", "throw"];

/** Walks the graph from the entries. */
export function computeReachability(input: ReachabilityInput): Reachability {
  return new ReachabilityWalk(input).run(input.entryFiles);
}

/**
 * Two walks: from `input`'s entries, and from those and `moreEntryFiles` (production, then with the
 * tests). The second goes on from where the first ended, on a copy of its state: what more entries
 * reach is a superset (the walk only ever adds), so it is the walk from all entries, without walking
 * the first's part again. Its reasons are those its steps found first, as any walk's are.
 */
export function computeReachabilityWithMore(input: ReachabilityInput, moreEntryFiles: readonly string[]): [Reachability, Reachability] {
  const walk = new ReachabilityWalk(input);
  const first = walk.run(input.entryFiles);
  const more = walk.copy();
  return [first, more.run(moreEntryFiles)];
}

class ReachabilityWalk {
  private live = new Set<number>();
  private loaded = new Set<string>();
  private reasons = new Map<number, LiveReason>();
  private unknowable = new Map<string, Set<string>>();
  /** Member names live code uses, each with the reason of its first use (credited to its user). */
  private liveMembers = new Map<string, LiveReason>();
  /** Classes whose every member is live: exported from an entry, or handed to a framework. */
  private openClasses = new Set<number>();
  /** Per class: whether code outside the project calls its members (see `isFrameworkOwned`). */
  private frameworkOwned = new Map<number, boolean>();
  /** The entries' public surface so far, and the modules opened for it (see {@link openSurface}). */
  private surface = new Set<number>();
  private surfaceModules = new Set<string>();
  private membersByName = new Map<string, number[]>();
  private readonly queue: number[] = [];
  private readonly graph: CallGraph;

  constructor(private readonly input: ReachabilityInput) {
    this.graph = input.graph;
  }

  /** The member nodes by the name they answer to (made once per walk and its copies). */
  private indexMembers(): void {
    for (const node of this.graph.nodes) {
      if (node.owner === undefined) continue;
      const name = this.graph.memberNameOf(node.id);
      const list = this.membersByName.get(name) ?? [];
      list.push(node.id);
      this.membersByName.set(name, list);
    }
  }

  /** A walk in this one's state, to go on from it with more entries; this one's result stays as it is. */
  copy(): ReachabilityWalk {
    const copy = new ReachabilityWalk(this.input);
    copy.live = new Set(this.live);
    copy.loaded = new Set(this.loaded);
    copy.reasons = new Map(this.reasons);
    copy.unknowable = new Map([...this.unknowable].map(([reason, files]) => [reason, new Set(files)]));
    copy.liveMembers = new Map(this.liveMembers);
    copy.openClasses = new Set(this.openClasses);
    copy.frameworkOwned = new Map(this.frameworkOwned);
    copy.surface = new Set(this.surface);
    copy.surfaceModules = new Set(this.surfaceModules);
    copy.membersByName = this.membersByName;
    return copy;
  }

  /**
   * Walks on from `entryFiles` (the first call: from nothing). The surface comes first, so that a
   * class it opens is walked open; one the walk had already visited closed is visited again.
   */
  run(entryFiles: readonly string[]): Reachability {
    if (this.membersByName.size === 0) this.indexMembers();
    const openBefore = new Set(this.openClasses);
    for (const file of entryFiles) {
      for (const target of this.graph.exportTargets(file)) this.openSurface(target, this.surface, this.surfaceModules);
    }
    for (const id of this.openClasses) if (!openBefore.has(id) && this.live.has(id)) this.queue.push(id);
    for (const file of entryFiles) {
      this.load(file);
      for (const target of this.graph.exportTargets(file)) this.reachTarget(target, { kind: "entry-export", file }, true);
    }
    while (this.queue.length > 0) {
      const id = this.queue.pop();
      if (id !== undefined) this.visit(id);
    }
    return { live: this.live, loaded: this.loaded, reasons: this.reasons, unknowable: this.unknowable };
  }

  /**
   * An entry's public API: what it exports, and the classes, interfaces and types those exports
   * name (their signatures, what they return, what they construct), through types to any depth.
   * Code outside the project can call any member of such a class on the instances it gets, so
   * those classes are open. Functions and variables an export merely calls are not followed.
   */
  private openSurface(target: UseTarget, surface: Set<number>, modules: Set<string>): void {
    if (target.kind === "module") {
      if (modules.has(target.file)) return;
      modules.add(target.file);
      for (const inner of this.graph.exportTargets(target.file)) this.openSurface(inner, surface, modules);
      return;
    }
    if (target.kind !== "node" || surface.has(target.id)) return;
    const node = this.graph.nodes[target.id];
    if (!node) return;
    surface.add(target.id);
    if (node.declaration.kind === "class") this.openClasses.add(target.id);
    this.openSurfaceOfUses(target.id, surface, modules);
    for (const member of this.graph.membersOf(target.id)) this.openSurfaceOfUses(member, surface, modules);
  }

  /** The classes, interfaces and types a surface node names (its value and type uses). */
  private openSurfaceOfUses(id: number, surface: Set<number>, modules: Set<string>): void {
    for (const { key, target } of this.graph.usesOf(id)) {
      if (target.kind !== "node" || surface.has(target.id) || (!key.startsWith("t:") && !key.startsWith("v:"))) continue;
      const kind = this.graph.nodes[target.id]?.declaration.kind;
      if (kind === "class" || kind === "interface" || kind === "type") this.openSurface(target, surface, modules);
    }
  }

  private load(file: string): void {
    if (this.loaded.has(file)) return;
    this.loaded.add(file);
    const moduleNode = this.graph.moduleNodeOf(file);
    if (moduleNode !== undefined) this.markLive(moduleNode, { kind: "module-load", file });
    const facts = this.graph.linked.getFacts(file);
    if (!facts) return;
    for (const id of this.graph.nodesOf(file)) {
      const node = this.graph.nodes[id];
      if (node && node.owner === undefined && node.declaration.evaluated) this.markLive(id, { kind: "evaluated", file });
    }
    for (const fact of facts.imports) {
      if (fact.typeOnly || fact.kind === "dynamic") continue;
      if (fact.kind === "require" && fact.local === undefined) continue;
      this.loadSpecifier(file, fact.specifier);
    }
    for (const specifier of topLevelRequires(this.graph, file)) {
      const target = this.graph.linked.resolver.resolve(file, specifier);
      // `require("./x")` at top level, bound to no name: it loads the module and hands over all of it.
      if (target.kind === "file") this.reachTarget({ kind: "module", file: target.file }, { kind: "module-load", file }, false);
    }
    for (const fact of facts.exports) if (fact.specifier !== undefined && !fact.typeOnly) this.loadSpecifier(file, fact.specifier);
  }

  private loadSpecifier(file: string, specifier: string): void {
    const target = this.graph.linked.resolver.resolve(file, specifier);
    if (target.kind === "file") this.load(target.file);
  }

  private markLive(id: number, reason: LiveReason): void {
    if (this.live.has(id)) return;
    this.live.add(id);
    this.reasons.set(id, reason);
    this.queue.push(id);
  }

  private visit(id: number): void {
    const node = this.graph.nodes[id];
    if (!node) return;
    const declaration = node.declaration;
    if (declaration.kind === "class") {
      if (this.isFrameworkOwned(id)) this.openClasses.add(id);
      const open = this.openClasses.has(id);
      for (const member of this.graph.membersOf(id)) {
        const memberNode = this.graph.nodes[member];
        if (!memberNode) continue;
        const name = this.graph.memberNameOf(member);
        // Code outside the class cannot name a `#private` member: only the class's own uses keep it.
        const escapes = open && !isPrivateName(memberNode.declaration.name);
        if (escapes || implicitMembers.has(name) || memberNode.declaration.decorated) {
          this.markLive(member, { kind: "escaped-class", owner: id });
          // Code outside the project may call this name on any object (a subclass's override too).
          if (escapes && !memberNode.declaration.static) this.reachMember(name, { kind: "escaped-class", owner: id });
          if (name === "[computed]") for (const next of iteratorMembers) this.reachMember(next, { kind: "escaped-class", owner: id });
        } else {
          const firstUse = this.liveMembers.get(name);
          if (firstUse) this.markLive(member, firstUse);
        }
      }
    }
    const cut = this.input.cuts?.get(id);
    for (const { key, count, target } of this.graph.usesOf(id)) {
      if (cut && count - (cut[key] ?? 0) <= 0) continue;
      if (key.startsWith("t:")) {
        this.reachType(target, { kind: "use", from: id, key });
        continue;
      }
      // An import of some exports loads the whole module: its top-level code runs.
      if (key.startsWith("j:")) {
        const imported = this.graph.importedFileOf(node.file, key);
        if (imported !== undefined) this.load(imported);
      }
      // `e:X`: an instance of X goes to code outside the project (see GraphFactsCollector).
      const escapes = key.startsWith("e:");
      // Most uses name code already live: nothing to do, and no reason to make.
      if (target.kind === "node" && !escapes && this.live.has(target.id)) {
        const partner = this.graph.accessorPartnerOf(target.id);
        if (partner === undefined || this.live.has(partner)) continue;
      }
      this.reachTarget(target, { kind: "use", from: id, key }, escapes);
    }
  }

  /**
   * Whether a framework calls the class's members: it is decorated, or extends or implements
   * something outside the project (`React.Component`, `HTMLElement`), directly or through a base
   * class of the project.
   */
  private isFrameworkOwned(id: number): boolean {
    const known = this.frameworkOwned.get(id);
    if (known !== undefined) return known;
    this.frameworkOwned.set(id, false);
    const node = this.graph.nodes[id];
    let owned = false;
    if (node?.declaration.kind === "class") {
      const { declaration } = node;
      owned = declaration.decorated === true;
      for (const base of [declaration.extends, ...(declaration.implements ?? [])]) {
        if (owned || base === undefined) continue;
        const target = this.graph.resolveUse(node.file, `v:${base}`);
        if (target.kind !== "node") owned = target.kind !== "type";
        else owned = this.isBaseFrameworkOwned(target.id);
      }
    }
    this.frameworkOwned.set(id, owned);
    return owned;
  }

  /** A project base: a class is owned as above, an interface is not, and a variable may hold anything. */
  private isBaseFrameworkOwned(id: number): boolean {
    const kind = this.graph.nodes[id]?.declaration.kind;
    if (kind === "class") return this.isFrameworkOwned(id);
    return kind !== "interface" && kind !== "type";
  }

  private reachTarget(target: UseTarget, reason: LiveReason, escapes: boolean): void {
    switch (target.kind) {
      case "node": {
        if (escapes && this.graph.nodes[target.id]?.declaration.kind === "class" && !this.openClasses.has(target.id)) {
          this.openClasses.add(target.id);
          // Already visited as a closed class: visit again, now open.
          if (this.live.has(target.id)) this.queue.push(target.id);
        }
        this.markLive(target.id, reason);
        // `this.#value` names a getter and its setter alike (as `x.value` does for public ones).
        const partner = this.graph.accessorPartnerOf(target.id);
        if (partner !== undefined) this.markLive(partner, reason);
        return;
      }
      case "module":
        // A namespace passed around whole or a dynamic import: every export may be used.
        this.load(target.file);
        for (const inner of this.graph.exportTargets(target.file)) this.reachTarget(inner, reason, true);
        return;
      case "member":
        this.reachMember(target.name, reason);
        return;
      case "unknowable": {
        const file = reason.kind === "use" ? this.graph.nodes[reason.from]?.file : undefined;
        const files = this.unknowable.get(target.reason) ?? new Set<string>();
        if (file !== undefined) files.add(file);
        this.unknowable.set(target.reason, files);
        return;
      }
      default:
        return;
    }
  }

  /**
   * A type that live code names is live too, so that what the type reads from values (`typeof
   * config` in `type Config = typeof config`) is: deleting that value would break the build. A
   * class or enum named only in types stays dead (`only types refer to it`).
   */
  private reachType(target: UseTarget, reason: LiveReason): void {
    if (target.kind !== "node") return;
    const kind = this.graph.nodes[target.id]?.declaration.kind;
    if (kind === "interface" || kind === "type") this.markLive(target.id, reason);
  }

  private reachMember(name: string, reason: LiveReason): void {
    if (this.liveMembers.has(name)) return;
    this.liveMembers.set(name, reason);
    for (const member of this.membersByName.get(name) ?? []) {
      const owner = this.graph.nodes[member]?.owner;
      if (owner !== undefined && this.live.has(owner)) this.markLive(member, reason);
    }
  }
}

/**
 * Specifiers a file `require`s outside any function without binding a name (`require("./x")`,
 * `module.exports = require("./x")`). Extraction records such a call as an import but gives it no
 * `i:` use (it counts those only inside functions), so the ones without a use are the top-level ones.
 */
function topLevelRequires(graph: CallGraph, file: string): string[] {
  const facts = graph.linked.getFacts(file);
  if (!facts) return [];
  const calls = new Map<string, number>();
  for (const fact of facts.imports) {
    if (fact.imported === undefined && (fact.kind === "require" || fact.kind === "dynamic")) {
      calls.set(fact.specifier, (calls.get(fact.specifier) ?? 0) + 1);
    }
  }
  if (calls.size === 0) return [];
  const used = new Map<string, number>();
  for (const id of graph.nodesOf(file)) {
    for (const [key, count] of Object.entries(graph.nodes[id]?.declaration.uses ?? {})) {
      if (key.startsWith("i:")) used.set(key.slice(2), (used.get(key.slice(2)) ?? 0) + count);
    }
  }
  return [...calls].filter(([specifier, count]) => count > (used.get(specifier) ?? 0)).map(([specifier]) => specifier);
}

/** `Cache.#store`: a private name, written with `#`. */
function isPrivateName(qualified: string): boolean {
  return qualified.charAt(qualified.indexOf(".") + 1) === "#";
}
