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

/** A use target that names a node by file and name rather than by id, so that it outlives its graph. */
type PortableTarget = Exclude<UseTarget, { kind: "node" }> | { kind: "node"; file: string; name: string };

/** What the uses of one file resolved to, and every file whose facts those resolutions read. */
interface FileResolutions {
  targets: Map<string, PortableTarget>;
  reads: Set<string>;
}

/**
 * The resolutions of an earlier graph of the same project, for the next one: those of files whose
 * resolutions read no changed file are still right (the module resolver being the same, so is the
 * file list).
 */
export interface EarlierResolutions {
  graph: CallGraph;
  /** Files whose facts differ from the earlier graph's. */
  changed: ReadonlySet<string>;
}

/** The linked call graph of a project snapshot. */
export class CallGraph {
  readonly nodes: GraphNode[] = [];
  /** Node ids by file, then by name. */
  private readonly byName = new Map<string, Map<string, number>>();
  /** What each file exports, resolved (see {@link exportTargets}). */
  private readonly exportMemo = new Map<string, UseTarget[]>();
  private readonly moduleNodes = new Map<string, number>();
  private readonly members = new Map<number, number[]>();
  private readonly byFile = new Map<string, number[]>();
  private readonly useCache = new Map<string, Map<string, UseTarget>>();
  /** Id-free resolutions per file, for the next graph (see {@link EarlierResolutions}). */
  private readonly resolutions = new Map<string, FileResolutions>();
  private readonly memberNames = new Map<number, string>();
  /** A getter's setter of the same name in the same class, and the other way round. */
  private readonly accessorPartners = new Map<number, number>();

  constructor(
    readonly linked: LinkedProject,
    earlier?: EarlierResolutions,
  ) {
    if (earlier && earlier.graph.linked.resolver === linked.resolver) {
      for (const [file, resolved] of earlier.graph.resolutions) {
        if (earlier.changed.has(file) || [...resolved.reads].some((read) => earlier.changed.has(read))) continue;
        // Copies: the earlier graph may still be asked, and what this one adds is of this snapshot.
        this.resolutions.set(file, { targets: new Map(resolved.targets), reads: new Set(resolved.reads) });
      }
    }
    for (const [file, facts] of linked.facts) {
      const byName = new Map<string, number>();
      this.byName.set(file, byName);
      for (const declaration of facts.declarations) {
        const id = this.nodes.length;
        const node: GraphNode = { id, file, declaration };
        const dot = declaration.name.indexOf(".");
        const ownerId = dot > 0 ? byName.get(declaration.name.slice(0, dot)) : undefined;
        if (ownerId !== undefined && isMemberKind(declaration.kind)) {
          node.owner = ownerId;
          const list = this.members.get(ownerId) ?? [];
          list.push(id);
          this.members.set(ownerId, list);
        }
        this.nodes.push(node);
        const inFile = this.byFile.get(file) ?? [];
        inFile.push(id);
        this.byFile.set(file, inFile);
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
    let targets = this.exportMemo.get(file);
    if (!targets) {
      targets = this.exportTargetsFrom(file, new Set());
      this.exportMemo.set(file, targets);
    }
    return targets;
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

function isTypeKind(kind: DeclarationFact["kind"] | undefined): boolean {
  return kind === "interface" || kind === "type";
}

function isAccessorPair(a: DeclarationFact["kind"] | undefined, b: DeclarationFact["kind"]): boolean {
  return (a === "getter" && b === "setter") || (a === "setter" && b === "getter");
}

function isMemberKind(kind: DeclarationFact["kind"]): boolean {
  return kind === "method" || kind === "getter" || kind === "setter" || kind === "constructor" || kind === "property";
}
