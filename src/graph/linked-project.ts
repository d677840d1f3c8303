// Linking: what crosses files. Binds imported names to the exports of other files (through
// re-exports and `export *`), follows module-level bindings to where a value really comes from,
// and resolves constant expressions (flag keys held in constants, enums and `as const` objects).
import type { ExprFact, FileFacts, FunctionFact, ImportFact, ValueOrigin } from "../facts/file-facts.js";
import type { ModuleResolver } from "./module-resolver.js";

/** Where a value comes from once links are followed. */
export type ResolvedOrigin =
  /** An import from outside the project; `viaType` when only a type annotation said so. */
  | { kind: "package"; specifier: string; imported: string; viaType: boolean }
  /** A declaration in a project file that derives from nothing else (a function, class, literal). */
  | { kind: "declaration"; file: string; name: string }
  /** A whole project module, bound by `import * as ns`. */
  | { kind: "module"; file: string };

/**
 * How far to follow a name: to where its *value* comes from (`const client = LD.init()` → the
 * LaunchDarkly package; a factory → what it returns), or only to the *declaration* that binds it
 * (`const client` itself), which is what identifies wrappers and flag handles.
 */
export type Follow = "value" | "declaration";

/** A literal value a constant expression evaluates to. */
export type LiteralValue = string | number | boolean | null;

const maxDepth = 16;

/** A resolved export and the files its resolution read. */
interface MemoizedOrigin {
  origin: ResolvedOrigin | undefined;
  reads: ReadonlySet<string>;
}

/** The linked view of a project snapshot: file facts plus cross-file lookups, memoised. */
export class LinkedProject {
  private readonly functionsByFile = new Map<string, Map<string, FunctionFact>>();
  private readonly importsByFile = new Map<string, Map<string, ImportFact>>();
  /**
   * Exports resolved from outside (depth 0), by follow, file and name, with the files each read:
   * barrels are asked again and again.
   */
  private readonly exportMemo = { value: new Map<string, Map<string, MemoizedOrigin>>(), declaration: new Map<string, Map<string, MemoizedOrigin>>() };
  /** Files read by the resolution being tracked, if one is. */
  private reads: Set<string> | undefined;

  constructor(
    readonly facts: ReadonlyMap<string, FileFacts>,
    readonly resolver: ModuleResolver,
  ) {}

  /**
   * The facts of `file`, noted in the files being read while a resolution is tracked (see
   * {@link track}): what a resolution read is what can change its result.
   */
  private factsOf(file: string): FileFacts | undefined {
    this.reads?.add(file);
    return this.facts.get(file);
  }

  /**
   * Runs `work` and returns what it resolved together with every file whose facts it read (through
   * memos too), so that a result can be kept while none of those files changes.
   */
  track<T>(work: () => T): { value: T; reads: Set<string> } {
    const outer = this.reads;
    const reads = new Set<string>();
    this.reads = reads;
    try {
      return { value: work(), reads };
    } finally {
      this.reads = outer;
      if (outer) for (const file of reads) outer.add(file);
    }
  }

  /** The facts of `file`, or undefined when it is not part of the project. */
  getFacts(file: string): FileFacts | undefined {
    return this.factsOf(file);
  }

  /** The named functions of `file`, by name. */
  functionsOf(file: string): ReadonlyMap<string, FunctionFact> {
    this.reads?.add(file);
    let byName = this.functionsByFile.get(file);
    if (!byName) {
      byName = new Map((this.factsOf(file)?.functions ?? []).map((f) => [f.name, f]));
      this.functionsByFile.set(file, byName);
    }
    return byName;
  }

  /** The import that binds `name` in `file`, if an import does. */
  importOf(file: string, name: string): ImportFact | undefined {
    this.reads?.add(file);
    let byLocal = this.importsByFile.get(file);
    if (!byLocal) {
      byLocal = new Map();
      for (const fact of this.factsOf(file)?.imports ?? []) {
        if (fact.local !== undefined && fact.imported !== undefined) byLocal.set(fact.local, fact);
      }
      this.importsByFile.set(file, byLocal);
    }
    return byLocal.get(name);
  }

  /** Whether `file` declares `name` itself (a value beside a type-only import of the same name). */
  private declaresLocally(file: string, name: string): boolean {
    return this.factsOf(file)?.declarations.some((d) => d.name === name || d.alsoNames?.includes(name)) ?? false;
  }

  /** What an export of `file` binds to, following re-exports. */
  resolveExport(file: string, exported: string, follow: Follow = "value", depth = 0): ResolvedOrigin | undefined {
    if (depth > 0) return this.resolveExportAt(file, exported, follow, depth);
    let inFile = this.exportMemo[follow].get(file);
    if (!inFile) {
      inFile = new Map();
      this.exportMemo[follow].set(file, inFile);
    }
    const known = inFile.get(exported);
    if (known) {
      if (this.reads) for (const read of known.reads) this.reads.add(read);
      return known.origin;
    }
    const resolved = this.track(() => this.resolveExportAt(file, exported, follow, 0));
    inFile.set(exported, { origin: resolved.value, reads: resolved.reads });
    return resolved.value;
  }

  private resolveExportAt(file: string, exported: string, follow: Follow, depth: number): ResolvedOrigin | undefined {
    if (depth > maxDepth) return undefined;
    const facts = this.factsOf(file);
    if (!facts) return undefined;
    for (const fact of facts.exports) {
      if (fact.exported !== exported) continue;
      if (fact.specifier === undefined) {
        return this.resolveOrigin(file, { kind: "local", name: fact.local ?? exported }, follow, depth + 1);
      }
      return this.resolveImported(file, fact.specifier, fact.imported ?? exported, false, follow, depth + 1);
    }
    for (const fact of facts.exports) {
      if (fact.exported !== "*" || fact.specifier === undefined) continue;
      const target = this.resolver.resolve(file, fact.specifier);
      if (target.kind !== "file") continue;
      const found = this.resolveExport(target.file, exported, follow, depth + 1);
      if (found) return found;
    }
    return exported === "default" ? undefined : this.resolveCommonJsMember(file, exported, follow, depth + 1);
  }

  /**
   * `const { a } = require("./m")` when m sets `module.exports = X`: `a` is X's member. A class's
   * static member is its own node (`X.a`); anything else is X itself, whose value holds `a`.
   */
  private resolveCommonJsMember(file: string, member: string, follow: Follow, depth: number): ResolvedOrigin | undefined {
    const whole = this.factsOf(file)?.exports.find((fact) => fact.exported === "default" && fact.commonJs === true);
    if (!whole) return undefined;
    const origin = this.resolveExport(file, "default", "declaration", depth);
    if (origin?.kind !== "declaration") return origin;
    const qualified = `${origin.name}.${member}`;
    if (this.factsOf(origin.file)?.declarations.some((d) => d.name === qualified)) return { kind: "declaration", file: origin.file, name: qualified };
    return follow === "value" ? this.resolveExport(file, "default", follow, depth) : origin;
  }

  /** Follows `origin`, seen in `file`, to a package import, a declaration or a module. */
  resolveOrigin(file: string, origin: ValueOrigin, follow: Follow = "value", depth = 0): ResolvedOrigin | undefined {
    if (depth > maxDepth) return undefined;
    switch (origin.kind) {
      case "local": {
        // A type-only import binds no value: `import type { Stream }` beside `const Stream = …`
        // leaves the name to the local declaration.
        const imported = this.importOf(file, origin.name);
        if (imported?.imported !== undefined && !(imported.typeOnly && this.declaresLocally(file, origin.name))) {
          return this.resolveImported(file, imported.specifier, imported.imported, imported.typeOnly, follow, depth + 1);
        }
        const declaration: ResolvedOrigin = { kind: "declaration", file, name: origin.name };
        if (follow === "declaration") return declaration;
        const binding = this.factsOf(file)?.bindings[origin.name];
        if (binding) return this.resolveOrigin(file, binding, follow, depth + 1) ?? declaration;
        // A factory (`function createClient() { return LD.init(key) }`) gives what it returns.
        const returns = this.functionsOf(file).get(origin.name)?.returns;
        if (returns) return this.resolveOrigin(file, returns, follow, depth + 1) ?? declaration;
        return declaration;
      }
      case "import":
      case "type":
        return this.resolveImported(file, origin.specifier, origin.imported, origin.kind === "type", follow, depth + 1);
    }
  }

  private resolveImported(
    file: string,
    specifier: string,
    imported: string,
    viaType: boolean,
    follow: Follow,
    depth: number,
  ): ResolvedOrigin | undefined {
    const target = this.resolver.resolve(file, specifier);
    if (target.kind === "package") return { kind: "package", specifier, imported, viaType };
    if (target.kind !== "file") return undefined;
    if (imported === "*") return { kind: "module", file: target.file };
    return this.resolveExport(target.file, imported, follow, depth);
  }

  /** The literal `expr` (seen in `file`) evaluates to, through constants in any file. */
  resolveLiteral(file: string, expr: ExprFact, depth = 0): LiteralValue | undefined {
    const value = this.resolveExpr(file, expr, depth);
    if (!value) return undefined;
    switch (value.expr.kind) {
      case "string":
      case "number":
      case "boolean":
        return value.expr.value;
      case "null":
        return null;
      default:
        return undefined;
    }
  }

  /** `expr` with references replaced by what they refer to, and the file its parts are in. */
  resolveExpr(file: string, expr: ExprFact, depth = 0): { file: string; expr: ExprFact } | undefined {
    if (depth > maxDepth) return undefined;
    if (expr.kind !== "ref") return { file, expr };
    let target: { file: string; expr: ExprFact } | undefined;
    let path = expr.path;
    // A constant is the value its own declaration holds: follow names to the declaration that binds
    // them, not to where a value derives from (`const ALIAS = FLAGS.a` derives from `FLAGS`, but its
    // value is `FLAGS.a`, which the constant itself says).
    const origin = expr.origin ? this.resolveOrigin(file, expr.origin, "declaration") : undefined;
    if (origin?.kind === "declaration") {
      const constant = this.factsOf(origin.file)?.constants[origin.name];
      if (constant) target = { file: origin.file, expr: constant };
    } else if (origin?.kind === "module") {
      const [head, ...rest] = path;
      if (head === undefined) return undefined;
      const member = this.resolveExport(origin.file, head, "declaration");
      path = rest;
      if (member?.kind === "declaration") {
        const constant = this.factsOf(member.file)?.constants[member.name];
        if (constant) target = { file: member.file, expr: constant };
      }
    }
    if (!target) return undefined;
    const resolved = this.resolveExpr(target.file, target.expr, depth + 1);
    if (!resolved) return undefined;
    return this.select(resolved, path, depth + 1);
  }

  private select(
    value: { file: string; expr: ExprFact },
    path: readonly string[],
    depth: number,
  ): { file: string; expr: ExprFact } | undefined {
    if (path.length === 0) return value;
    const [head, ...rest] = path;
    if (value.expr.kind === "object" && head !== undefined) {
      const property = value.expr.properties[head];
      if (!property) return undefined;
      const resolved = this.resolveExpr(value.file, property, depth + 1);
      return resolved && this.select(resolved, rest, depth + 1);
    }
    if (value.expr.kind === "array" && head !== undefined && /^\d+$/.test(head)) {
      const element = value.expr.elements[Number(head)];
      if (!element) return undefined;
      const resolved = this.resolveExpr(value.file, element, depth + 1);
      return resolved && this.select(resolved, rest, depth + 1);
    }
    return undefined;
  }
}
