// Reachability over the call graph from the roots, the way Rapid Type Analysis resolves methods: a
// method is live when its class is live and live code names the method (`x.method`), or when the
// class escapes to code deadflag cannot see. Loading a module runs its top-level code; importing
// loads. Uses inside dead flag branches are cut before the walk.
import type { CallGraph, GraphDelta, GraphNode, ResolvedUse, UseTarget } from "../graph/call-graph.js";

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

/** The walk behind each result, for {@link resumeReachability}. */
const walks = new WeakMap<Reachability, ReachabilityWalk>();

/**
 * The walk of `input` from its entries and `moreEntryFiles`, resumed from where the walk behind
 * `earlier` ended, when `input`'s graph was made from that walk's graph and nothing that walk relied
 * on is gone from it (see {@link ReachabilityWalk.resume}); undefined otherwise (walk anew). The
 * walk only ever adds, so what it reached over the earlier graph and still reaches over this one,
 * walked on, is what a new walk reaches. `earlier` is handed over: its sets go on in the result.
 */
export function resumeReachability(earlier: Reachability, input: ReachabilityInput, moreEntryFiles: readonly string[] = []): Reachability | undefined {
  return walks.get(earlier)?.resume(input, [...input.entryFiles, ...moreEntryFiles]);
}

/**
 * The walk of `input` (over `earlier`'s graph from `earlier`'s entries) where `input.cuts` take away
 * more uses than the cuts `earlier` was walked with (a flag's branches left out: what is live
 * without them), made from the walk behind `earlier` rather than anew: on a copy of it, what rested
 * on the uses now cut is taken out and found again by any other way, as {@link resumeReachability}
 * does across an edit that removed those uses (see {@link ReachabilityWalk.without}). `earlier`
 * stays as it is, so one full walk serves every flag's. A walk anew (`resumed` false) when `input`
 * is not such a walk or taking out is not exact.
 */
export function reachabilityWithout(earlier: Reachability, input: ReachabilityInput): { reachability: Reachability; resumed: boolean } {
  const resumed = walks.get(earlier)?.without(input);
  return resumed ? { reachability: resumed, resumed: true } : { reachability: computeReachability(input), resumed: false };
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
  /** The files walked from so far. */
  private entryFiles: string[] = [];
  /** Modules used whole (their every export reached), with the reason of the first use. */
  private modulesReached = new Map<string, LiveReason>();
  private readonly queue: number[] = [];
  private graph: CallGraph;

  constructor(private input: ReachabilityInput) {
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

  /**
   * The member index after a change to `touched` nodes: their earlier members out, their members now
   * in. The index is shared with this walk's copies (the walk with tests), and either may redo this
   * for the same change: taking out and putting in are both done once whatever the repeats.
   */
  private reindexMembers(earlier: CallGraph, touched: ReadonlySet<number>): void {
    const index = this.membersByName;
    for (const id of touched) {
      if (earlier.nodes[id]?.owner === undefined) continue;
      const name = earlier.memberNameOf(id);
      const list = index.get(name);
      const at = list?.indexOf(id) ?? -1;
      if (list && at >= 0) list.splice(at, 1);
    }
    for (const id of touched) {
      if (this.graph.nodes[id]?.owner === undefined) continue;
      const name = this.graph.memberNameOf(id);
      const list = index.get(name);
      if (!list) index.set(name, [id]);
      else if (!list.includes(id)) list.push(id);
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
    copy.entryFiles = [...this.entryFiles];
    copy.modulesReached = new Map(this.modulesReached);
    return copy;
  }

  /**
   * Walks on from `entryFiles` (the first call: from nothing). The surface comes first, so that a
   * class it opens is walked open; one the walk had already visited closed is visited again.
   */
  run(entryFiles: readonly string[]): Reachability {
    if (this.membersByName.size === 0) this.indexMembers();
    this.entryFiles.push(...entryFiles);
    const openBefore = new Set(this.openClasses);
    for (const file of entryFiles) {
      for (const target of this.graph.exportTargets(file)) this.openSurface(target, this.surface, this.surfaceModules);
    }
    for (const id of this.openClasses) if (!openBefore.has(id) && this.live.has(id)) this.queue.push(id);
    for (const file of entryFiles) {
      this.load(file);
      for (const target of this.graph.exportTargets(file)) this.reachTarget(target, { kind: "entry-export", file }, true);
    }
    return this.drain();
  }

  private drain(): Reachability {
    while (this.queue.length > 0) {
      const id = this.queue.pop();
      if (id !== undefined) this.visit(id);
    }
    const result = { live: this.live, loaded: this.loaded, reasons: this.reasons, unknowable: this.unknowable };
    walks.set(result, this);
    return result;
  }

  /**
   * Goes on over `input`'s graph, made from this walk's graph (see {@link GraphDelta}), from
   * `entryFiles` (the same as walked from). First what the change took away is taken out (see
   * {@link lossIn} and {@link retract}): the nodes whose recorded reason, or a reason on their way
   * back to a root, is gone. Every fact left then holds over the new graph, and the facts a walk
   * anew would add are those that name what the change made or what was taken out: the unsettled
   * files' nodes, uses and exports, the changed files' loads, and every way back to a node taken
   * out. Walking on from those gives what a walk anew gives. Undefined when a loss reaches what
   * this cannot take out exactly (a class, a loaded file, a member name, the entries' surface).
   */
  resume(input: ReachabilityInput, entryFiles: readonly string[]): Reachability | undefined {
    const graph = input.graph;
    const delta = graph.delta;
    if (!delta || delta.earlierSerial !== this.graph.serial || !sameMembers(entryFiles, this.entryFiles)) return undefined;
    const touched = new Set<number>();
    for (const file of delta.unsettledFiles) {
      for (const id of this.graph.nodesOf(file)) touched.add(id);
      for (const id of graph.nodesOf(file)) touched.add(id);
    }
    const loss = this.lossIn(input, delta, touched);
    const retracted = loss && this.retract(loss);
    if (!retracted) return undefined;
    const ownedBefore = this.frameworkOwned;
    const earlier = this.graph;
    this.graph = graph;
    this.input = input;
    this.frameworkOwned = new Map();
    // A class opened because a framework owns it stays open only while one does.
    for (const [id, owned] of ownedBefore) if (owned && !this.isFrameworkOwned(id)) return undefined;
    this.reindexMembers(earlier, touched);
    const unsettled = delta.unsettledFiles;
    const openBefore = new Set(this.openClasses);
    // The surface first, as in a walk anew: what unsettled entries, surface modules and nodes name now.
    for (const file of this.entryFiles) {
      if (unsettled.has(file)) for (const target of graph.exportTargets(file)) this.openSurface(target, this.surface, this.surfaceModules);
    }
    for (const file of [...this.surfaceModules]) {
      if (unsettled.has(file)) for (const inner of graph.exportTargets(file)) this.openSurface(inner, this.surface, this.surfaceModules);
    }
    for (const id of touched) if (this.surface.has(id)) this.openSurfaceOf(id, this.surface, this.surfaceModules);
    for (const id of this.openClasses) if (!openBefore.has(id) && this.live.has(id)) this.queue.push(id);
    // A live class a changed base now hands to a framework: visited again, open.
    for (const id of this.live) {
      if (graph.nodes[id]?.declaration.kind === "class" && !this.openClasses.has(id) && this.isFrameworkOwned(id)) this.queue.push(id);
    }
    for (const file of delta.changedFiles) if (this.loaded.has(file)) this.runModule(file);
    for (const file of this.entryFiles) {
      if (unsettled.has(file)) for (const target of graph.exportTargets(file)) this.reachTarget(target, { kind: "entry-export", file }, true);
    }
    for (const [file, reason] of [...this.modulesReached]) {
      if (unsettled.has(file)) for (const inner of graph.exportTargets(file)) this.reachTarget(inner, reason, true);
    }
    for (const id of touched) {
      if (!this.live.has(id)) continue;
      this.queue.push(id);
      const partner = graph.accessorPartnerOf(id);
      const reason = this.reasons.get(id);
      if (partner !== undefined && reason) this.markLive(partner, reason);
    }
    this.reachAgain(retracted);
    return this.drain();
  }

  /**
   * This walk with `input`'s cuts, on a copy (see {@link reachabilityWithout}): over the same graph
   * from the same entries, the loss is the uses live nodes made that the cuts now take away. Nothing
   * else a walk reads depends on the cuts (the surface, loads and exports never do), so taking out
   * what rested on those uses and walking on from every other way back to it is the walk anew, as in
   * {@link resume}. Undefined when `input` cuts less of some use (a use made again is no loss), or
   * is over another graph or other entries, or when taking out is not exact (see {@link retract}).
   */
  without(input: ReachabilityInput): Reachability | undefined {
    if (input.graph !== this.graph || !sameMembers(input.entryFiles, this.entryFiles)) return undefined;
    const loss: WalkLoss = { nodes: new Set(), uses: new Map(), unexported: new Map() };
    const ids = new Set([...(this.input.cuts?.keys() ?? []), ...(input.cuts?.keys() ?? [])]);
    for (const id of ids) {
      const before = this.input.cuts?.get(id) ?? {};
      const after = input.cuts?.get(id) ?? {};
      for (const [key, count] of Object.entries(before)) if ((after[key] ?? 0) < count) return undefined;
      // A node the walk never reached made no use: cutting its uses changes nothing.
      if (!this.live.has(id)) continue;
      const uses = this.graph.usesOf(id);
      const gone = usesGone(uses, before, uses, after);
      if (gone.length > 0) loss.uses.set(id, gone);
    }
    const walk = this.copy();
    walk.input = input;
    const dropped = new Set<string>();
    const retracted = walk.retract(loss, dropped);
    if (!retracted) return undefined;
    walk.reachAgain(retracted);
    if (dropped.size > 0) walk.reachMembersAgain(dropped);
    return walk.drain();
  }

  /**
   * What of this walk's facts is gone over `input`'s graph: nodes it relied on (live ones, the
   * surface and its classes' members) that are other declarations there or gone, uses such a node
   * no longer makes (cuts counted), and nodes an entry no longer exports. Undefined when something
   * else it relied on is gone: a cut or a constant-named member elsewhere, an accessor pair, an
   * export of a surface module or a module used whole, a load of a changed file.
   */
  private lossIn(input: ReachabilityInput, delta: GraphDelta, touched: ReadonlySet<number>): WalkLoss | undefined {
    const earlier = this.graph;
    const graph = input.graph;
    const loss: WalkLoss = { nodes: new Set(), uses: new Map(), unexported: new Map() };
    if (!sameCutsBeyond(this.input.cuts, input.cuts, touched)) return undefined;
    for (const [name, ids] of this.membersByName) {
      for (const id of ids) if (!touched.has(id) && earlier.nodes[id]?.declaration.computedKey !== undefined && graph.memberNameOf(id) !== name) return undefined;
    }
    for (const id of touched) {
      const before = earlier.nodes[id];
      if (!before || !this.reliedOn(before)) continue;
      const after = graph.nodes[id];
      if (!after || !sameWalkFacts(before, after) || earlier.memberNameOf(id) !== graph.memberNameOf(id)) {
        loss.nodes.add(id);
        continue;
      }
      const partner = earlier.accessorPartnerOf(id);
      if (partner !== undefined && graph.accessorPartnerOf(id) !== partner) return undefined;
      const gone = usesGone(earlier.knownUsesOf(id) ?? [], this.input.cuts?.get(id), graph.usesOf(id), input.cuts?.get(id));
      if (gone.length > 0) loss.uses.set(id, gone);
    }
    const entries = new Set(this.entryFiles);
    const wholeUsers = new Set([...this.surfaceModules, ...this.modulesReached.keys()]);
    for (const file of delta.unsettledFiles) {
      if (!entries.has(file) && !wholeUsers.has(file)) continue;
      const before = earlier.knownExportTargets(file);
      if (!before) return undefined;
      const now = new Set(graph.exportTargets(file).map(targetKey));
      // An export whose node is gone goes with the node.
      const gone = before.filter((target) => !now.has(targetKey(target)) && !(target.kind === "node" && loss.nodes.has(target.id)));
      if (gone.length === 0) continue;
      if (wholeUsers.has(file) || gone.some((target) => target.kind !== "node")) return undefined;
      loss.unexported.set(file, new Set(gone.map(targetKey)));
    }
    for (const file of delta.changedFiles) {
      if (!this.loaded.has(file)) continue;
      const before = moduleLoads(earlier, file);
      const after = moduleLoads(graph, file);
      if (!includesAll(after.files, before.files) || !includesAll(after.wholeModules, before.wholeModules)) return undefined;
    }
    return loss;
  }

  /**
   * Takes out what rests on `loss`: every live node whose reason, or a reason on its way back to a
   * root, is gone. Returns those nodes, or undefined when taking them out is not exact: the walk
   * records one reason per node, so what else a node made live or open (a class's members, a member
   * name, a loaded or whole module, an instance handed out, code it cannot see, what a surface
   * node opened) could rest on it unrecorded.
   */
  private retract(loss: WalkLoss, dropped?: Set<string>): Set<number> | undefined {
    const out = new Set<number>();
    if (loss.nodes.size === 0 && loss.uses.size === 0 && loss.unexported.size === 0) return out;
    // The surface: a node gone from it must have opened nothing (no class, no type it names).
    const onSurface = (id: number): boolean => {
      const owner = this.graph.nodes[id]?.owner;
      return this.surface.has(id) || (owner !== undefined && this.surface.has(owner));
    };
    for (const id of loss.nodes) {
      if (!onSurface(id)) continue;
      if (this.graph.nodes[id]?.declaration.kind === "class" || (this.graph.knownUsesOf(id) ?? []).some((use) => this.opensOnSurface(use))) return undefined;
    }
    for (const [id, uses] of loss.uses) {
      // A use that loaded a module, opened a class, reached code it cannot see or a module whole.
      if (!uses.every(retractableUse) || (onSurface(id) && uses.some((use) => this.opensOnSurface(use)))) return undefined;
    }
    for (const targets of loss.unexported.values()) {
      for (const id of this.surface) if (targets.has(`node:${id}`) && !loss.nodes.has(id)) return undefined;
    }
    for (const [id, reason] of this.reasons) {
      const broken =
        loss.nodes.has(id) ||
        (reason.kind === "use" && loss.uses.get(reason.from)?.some((use) => use.key === reason.key) === true) ||
        (reason.kind === "entry-export" && loss.unexported.get(reason.file)?.has(`node:${id}`) === true);
      if (broken) out.add(id);
    }
    // Then what rests on those, pass by pass (what is taken out is a few short chains: cheaper than
    // indexing every node's dependants, as an index of the whole walk would allocate at every edit).
    for (let grown = out.size > 0; grown; ) {
      grown = false;
      for (const [id, reason] of this.reasons) {
        if (out.has(id)) continue;
        const parent = reason.kind === "use" ? reason.from : reason.kind === "escaped-class" ? reason.owner : undefined;
        if (parent !== undefined && out.has(parent)) {
          out.add(id);
          grown = true;
        }
      }
    }
    const restsOnOut = (reason: LiveReason): boolean =>
      (reason.kind === "use" && (out.has(reason.from) || loss.uses.get(reason.from)?.some((use) => use.key === reason.key) === true)) ||
      (reason.kind === "escaped-class" && out.has(reason.owner));
    for (const reason of this.modulesReached.values()) if (restsOnOut(reason)) return undefined;
    for (const [name, reason] of this.liveMembers) {
      if (!restsOnOut(reason)) continue;
      // With `dropped`, a member name whose first use is taken out goes (the caller finds its other uses).
      if (!dropped) return undefined;
      dropped.add(name);
    }
    for (const name of dropped ?? []) this.liveMembers.delete(name);
    for (const id of out) {
      const node = this.graph.nodes[id];
      if (!node || node.declaration.kind === "class" || !(this.graph.knownUsesOf(id) ?? []).every(retractableUse)) return undefined;
    }
    for (const id of out) {
      this.live.delete(id);
      this.reasons.delete(id);
    }
    // A gone node's id holds another declaration, on the surface only if an export opens it again.
    for (const id of loss.nodes) this.surface.delete(id);
    return out;
  }

  /** Whether a surface node's use opens more surface (see {@link openSurfaceOfUses}). */
  private opensOnSurface({ key, target }: ResolvedUse): boolean {
    if (target.kind !== "node" || (!key.startsWith("t:") && !key.startsWith("v:"))) return false;
    const kind = this.graph.nodes[target.id]?.declaration.kind;
    return kind === "class" || kind === "interface" || kind === "type";
  }

  /**
   * Every way back to the nodes taken out that the new graph still declares: a live node's use, an
   * entry's export or a module used whole, its module's loading, its class (visited again), its
   * accessor partner. What the unsettled files changed is reached by the caller.
   */
  private reachAgain(retracted: ReadonlySet<number>): void {
    const wanted = new Set([...retracted].filter((id) => this.graph.nodes[id]?.file));
    if (wanted.size === 0) return;
    for (const id of this.live) {
      const cut = this.input.cuts?.get(id);
      for (const { key, count, target } of this.graph.usesOf(id)) {
        if (target.kind !== "node" || !wanted.has(target.id) || (cut && count - (cut[key] ?? 0) <= 0)) continue;
        if (key.startsWith("t:")) this.reachType(target, { kind: "use", from: id, key });
        else this.reachTarget(target, { kind: "use", from: id, key }, key.startsWith("e:"));
      }
    }
    for (const file of this.entryFiles) {
      for (const target of this.graph.exportTargets(file)) if (target.kind === "node" && wanted.has(target.id)) this.reachTarget(target, { kind: "entry-export", file }, true);
    }
    for (const [file, reason] of this.modulesReached) {
      for (const target of this.graph.exportTargets(file)) if (target.kind === "node" && wanted.has(target.id)) this.reachTarget(target, reason, true);
    }
    for (const id of wanted) {
      const node = this.graph.nodes[id];
      if (!node) continue;
      if (this.loaded.has(node.file) && (this.graph.moduleNodeOf(node.file) === id || (node.owner === undefined && node.declaration.evaluated))) {
        this.markLive(id, this.graph.moduleNodeOf(node.file) === id ? { kind: "module-load", file: node.file } : { kind: "evaluated", file: node.file });
      }
      if (node.owner !== undefined && this.live.has(node.owner)) this.queue.push(node.owner);
      const partner = this.graph.accessorPartnerOf(id);
      const reason = partner === undefined ? undefined : this.reasons.get(partner);
      if (reason) this.markLive(id, reason);
    }
  }

  /**
   * Every way back to member names taken out (see {@link retract}): each was first used by code
   * taken out, and what it made live rests on that use, so is taken out too. A walk anew names them
   * from live code's uses (cuts counted) and from the live classes it visits (an open class's
   * members escape by name, a computed one brings the iterator's): those are used again, the
   * classes visited again.
   */
  private reachMembersAgain(dropped: ReadonlySet<string>): void {
    for (const id of this.live) {
      const cut = this.input.cuts?.get(id);
      for (const { key, count, target } of this.graph.usesOf(id)) {
        if (target.kind !== "member" || !dropped.has(target.name) || key.startsWith("t:") || (cut && count - (cut[key] ?? 0) <= 0)) continue;
        this.reachMember(target.name, { kind: "use", from: id, key });
      }
      if (this.graph.nodes[id]?.declaration.kind === "class") this.queue.push(id);
    }
  }

  /** Whether the walk's state rests on this node: it is live, on the surface, or a member of a surface class. */
  private reliedOn(node: GraphNode): boolean {
    return this.live.has(node.id) || this.surface.has(node.id) || (node.owner !== undefined && this.surface.has(node.owner));
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
    if (target.kind !== "node" || surface.has(target.id) || !this.graph.nodes[target.id]) return;
    surface.add(target.id);
    this.openSurfaceOf(target.id, surface, modules);
  }

  /** What a surface node opens: itself if a class, and what it and its members name. */
  private openSurfaceOf(id: number, surface: Set<number>, modules: Set<string>): void {
    if (this.graph.nodes[id]?.declaration.kind === "class") this.openClasses.add(id);
    this.openSurfaceOfUses(id, surface, modules);
    for (const member of this.graph.membersOf(id)) this.openSurfaceOfUses(member, surface, modules);
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
    this.runModule(file);
  }

  /** A module's top-level code runs: its module node and evaluated declarations are live, and it loads what it imports. */
  private runModule(file: string): void {
    const moduleNode = this.graph.moduleNodeOf(file);
    if (moduleNode !== undefined) this.markLive(moduleNode, { kind: "module-load", file });
    for (const id of this.graph.nodesOf(file)) {
      const node = this.graph.nodes[id];
      if (node && node.owner === undefined && node.declaration.evaluated) this.markLive(id, { kind: "evaluated", file });
    }
    const { files, wholeModules } = moduleLoads(this.graph, file);
    for (const loaded of files) this.load(loaded);
    // `require("./x")` at top level, bound to no name: it loads the module and hands over all of it.
    for (const whole of wholeModules) this.reachTarget({ kind: "module", file: whole }, { kind: "module-load", file }, false);
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
        if (!this.modulesReached.has(target.file)) this.modulesReached.set(target.file, reason);
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
 * What loading `file` loads in turn: the project files it imports (not only for types) or re-exports
 * from, and those it `require`s whole at top level.
 */
function moduleLoads(graph: CallGraph, file: string): { files: string[]; wholeModules: string[] } {
  const facts = graph.linked.getFacts(file);
  if (!facts) return { files: [], wholeModules: [] };
  const specifiers: string[] = [];
  for (const fact of facts.imports) {
    if (fact.typeOnly || fact.kind === "dynamic") continue;
    if (fact.kind === "require" && fact.local === undefined) continue;
    specifiers.push(fact.specifier);
  }
  const reExports = facts.exports.flatMap((fact) => (fact.specifier !== undefined && !fact.typeOnly ? [fact.specifier] : []));
  const resolved = (specifier: string): string[] => {
    const target = graph.linked.resolver.resolve(file, specifier);
    return target.kind === "file" ? [target.file] : [];
  };
  return {
    files: [...specifiers.flatMap(resolved), ...reExports.flatMap(resolved)],
    wholeModules: topLevelRequires(graph, file).flatMap(resolved),
  };
}

/** A declaration as the walk sees it: the same where these are, whatever its position or body. */
function sameWalkFacts(before: GraphNode, after: GraphNode): boolean {
  const a = before.declaration;
  const b = after.declaration;
  return (
    before.file === after.file &&
    before.owner === after.owner &&
    a.name === b.name &&
    a.kind === b.kind &&
    a.evaluated === b.evaluated &&
    a.static === b.static &&
    a.decorated === b.decorated &&
    a.computedKey === b.computedKey &&
    a.extends === b.extends &&
    (a.implements ?? []).join() === (b.implements ?? []).join()
  );
}

/** What a walk's facts lost over a new graph (see `ReachabilityWalk.lossIn`). */
interface WalkLoss {
  /** Ids whose node is another declaration now, or none. */
  nodes: Set<number>;
  /** Per node, the uses it made (not cut) that it no longer makes, or that lead elsewhere now. */
  uses: Map<number, ResolvedUse[]>;
  /** Per entry file, the nodes (by target key) it no longer exports. */
  unexported: Map<string, Set<string>>;
}

/**
 * Whether what a use made live is all recorded as reasons, so that taking its user out is exact:
 * not a load (`j:`), an instance handed out (`e:`), a module used whole or code static analysis
 * cannot see.
 */
function retractableUse({ key, target }: ResolvedUse): boolean {
  if (key.startsWith("j:") || key.startsWith("e:")) return false;
  // A member name's reason is recorded (checked against what is taken out).
  return target.kind === "node" || target.kind === "member" || target.kind === "type" || target.kind === "none";
}

/** The uses `before` made (not cut) that `after` does not make, leading to the same target. */
function usesGone(
  before: readonly ResolvedUse[],
  cutBefore: Readonly<Record<string, number>> | undefined,
  after: readonly ResolvedUse[],
  cutAfter: Readonly<Record<string, number>> | undefined,
): ResolvedUse[] {
  const now = new Map<string, string>();
  for (const use of after) if (use.count - (cutAfter?.[use.key] ?? 0) > 0) now.set(use.key, targetKey(use.target));
  return before.filter((use) => use.count - (cutBefore?.[use.key] ?? 0) > 0 && now.get(use.key) !== targetKey(use.target));
}

function targetKey(target: UseTarget): string {
  switch (target.kind) {
    case "node":
      return `node:${target.id}`;
    case "module":
      return `module:${target.file}`;
    case "member":
      return `member:${target.name}`;
    case "unknowable":
      return `unknowable:${target.reason}`;
    default:
      return target.kind;
  }
}

/** Whether the cuts of every node but `touched` ones are the same in both. */
function sameCutsBeyond(
  before: ReachabilityInput["cuts"],
  after: ReachabilityInput["cuts"],
  touched: ReadonlySet<number>,
): boolean {
  const ids = new Set([...(before?.keys() ?? []), ...(after?.keys() ?? [])]);
  for (const id of ids) {
    if (touched.has(id)) continue;
    const a = before?.get(id) ?? {};
    const b = after?.get(id) ?? {};
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) if (a[key] !== b[key]) return false;
  }
  return true;
}

function includesAll(list: readonly string[], wanted: readonly string[]): boolean {
  const have = new Set(list);
  return wanted.every((item) => have.has(item));
}

function sameMembers(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((item) => right.has(item));
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
