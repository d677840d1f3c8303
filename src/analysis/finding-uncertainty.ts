// Why a finding may be wrong, kept to what the cause could reach. `eval` in one file can see that
// file and the modules it imports, not the whole project; `import(\`./locales/${lang}.js\`)` can load
// only files under ./locales/. A file too large to analyse uses what its imports name (see
// skippedFileFacts); one that cannot be read at all, if entries reach it, may import anything. A
// finding outside every such reach stays certain, however much dynamic code the project has elsewhere.
import path from "node:path";
import type { GraphNode } from "../graph/call-graph.js";
import type { ScanContext } from "./scan-context.js";

/** The uncertainty of findings in one scan: by node, and by file for file-level findings. */
export class FindingUncertainty {
  /** Per file that runs `eval` or `new Function`: the files it can see (itself and what it imports). */
  private readonly evalReach = new Map<string, Set<string>>();
  /** Directories (project-relative, ending in `/`) a computed `import()` may load from, with the importing file. */
  private readonly importDirectories: Array<{ directory: string; from: string }> = [];
  private readonly unprefixedImport: boolean;
  private readonly computedMembers: boolean;
  /** A file entries reach that could not be read: what it imports is unknown. */
  private readonly unreadable: string | undefined;

  constructor(private readonly context: ScanContext) {
    const { unknowable } = context.production;
    const linked = context.graph.linked;
    // In file order, not the walk's: what a finding names must not depend on where a walk went first.
    for (const file of [...(unknowable.get("eval") ?? [])].sort()) {
      const seen = new Set<string>([file]);
      for (const fact of linked.getFacts(file)?.imports ?? []) {
        const target = linked.resolver.resolve(file, fact.specifier);
        if (target.kind === "file") seen.add(target.file);
      }
      this.evalReach.set(file, seen);
    }
    let unprefixed = unknowable.has("import");
    for (const [reason, files] of [...unknowable].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (!reason.startsWith("import:")) continue;
      for (const prefix of reason.slice("import:".length).split("|")) {
        // `@/locales/…` goes through an alias deadflag does not expand here: it may be any file.
        if (!prefix.startsWith("./") && !prefix.startsWith("../")) {
          unprefixed = true;
          continue;
        }
        for (const from of [...files].sort()) {
          const directory = path.posix.join(path.posix.dirname(from), prefix);
          this.importDirectories.push({ directory: directory.endsWith("/") ? directory : `${directory}/`, from });
        }
      }
    }
    this.unprefixedImport = unprefixed;
    this.computedMembers = unknowable.has("computed");
    this.unreadable = context.skipped.find((source) => source.reason === "unreadable" && context.reachedFiles.has(source.file))?.file;
  }

  /** Why a finding about `node` may be wrong, or undefined when nothing that static analysis missed reaches it. */
  ofNode(node: GraphNode): string | undefined {
    if (this.context.filesWithErrors.has(node.file)) return "the file has syntax errors";
    // Code in another module reaches only what a module exports; eval sees its own file whole.
    const exported = node.owner === undefined && this.isExported(node);
    const byEval = this.evalSeeing(node.file, exported);
    if (byEval) return byEval;
    if (exported) {
      if (this.unreadable !== undefined) return this.unreadableReason(this.unreadable);
      if (this.unprefixedImport) return "live code imports a module by a computed name";
      const byImport = this.importLoading(node.file);
      if (byImport) return byImport;
    }
    if (this.computedMembers && node.owner !== undefined) return "live code calls members by computed names";
    return undefined;
  }

  /** Why a finding about a whole file (unused, or an unused export of it) may be wrong. */
  ofFile(file: string): string | undefined {
    if (this.unreadable !== undefined) return this.unreadableReason(this.unreadable);
    return this.evalSeeing(file, true) ?? this.importLoading(file);
  }

  private isExported(node: GraphNode): boolean {
    const name = node.declaration.name;
    return this.context.graph.linked.getFacts(node.file)?.exports.some((fact) => fact.local === name) ?? false;
  }

  private unreadableReason(file: string): string {
    return `${file} could not be read, and what it imports is unknown`;
  }

  private evalSeeing(file: string, exported: boolean): string | undefined {
    for (const [from, seen] of this.evalReach) {
      if (file === from || (exported && seen.has(file))) return `live code in ${from} calls eval or new Function, which can see this module`;
    }
    return undefined;
  }

  private importLoading(file: string): string | undefined {
    const hit = this.importDirectories.find(({ directory }) => file.startsWith(directory));
    return hit && `live code in ${hit.from} imports modules under ${hit.directory} by a computed name`;
  }
}
