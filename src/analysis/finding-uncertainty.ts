// Why a finding may be wrong, kept to what the cause could reach. `eval` in one file can see that
// file and the modules it imports, not the whole project; `import(\`./locales/${lang}.js\`)` can load
// only files under ./locales/; a file deadflag skipped can use only what it imports. A finding
// outside every such reach stays certain, however much dynamic code the project has elsewhere.
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

  constructor(private readonly context: ScanContext) {
    const { unknowable } = context.production;
    const linked = context.graph.linked;
    for (const file of unknowable.get("eval") ?? []) {
      const seen = new Set<string>([file]);
      for (const fact of linked.getFacts(file)?.imports ?? []) {
        const target = linked.resolver.resolve(file, fact.specifier);
        if (target.kind === "file") seen.add(target.file);
      }
      this.evalReach.set(file, seen);
    }
    let unprefixed = unknowable.has("import");
    for (const [reason, files] of unknowable) {
      if (!reason.startsWith("import:")) continue;
      const prefix = reason.slice("import:".length);
      // `@/locales/…` goes through an alias deadflag does not expand here: it may be any file.
      if (!prefix.startsWith("./") && !prefix.startsWith("../")) {
        unprefixed = true;
        continue;
      }
      for (const from of files) {
        const directory = path.posix.join(path.posix.dirname(from), prefix);
        this.importDirectories.push({ directory: directory.endsWith("/") ? directory : `${directory}/`, from });
      }
    }
    this.unprefixedImport = unprefixed;
    this.computedMembers = unknowable.has("computed");
  }

  /** Why a finding about `node` may be wrong, or undefined when nothing that static analysis missed reaches it. */
  ofNode(node: GraphNode): string | undefined {
    if (this.context.filesWithErrors.has(node.file)) return "the file has syntax errors";
    const byEval = this.evalSeeing(node.file);
    if (byEval) return byEval;
    if (node.owner === undefined) {
      if (this.unprefixedImport) return "live code imports a module by a computed name";
      const byImport = this.importLoading(node.file);
      if (byImport) return byImport;
    }
    if (this.computedMembers && node.owner !== undefined) return "live code calls members by computed names";
    return undefined;
  }

  /** Why a finding about a whole file (unused, or an unused export of it) may be wrong. */
  ofFile(file: string): string | undefined {
    return this.evalSeeing(file) ?? this.importLoading(file);
  }

  private evalSeeing(file: string): string | undefined {
    for (const [from, seen] of this.evalReach) {
      if (seen.has(file)) return `live code in ${from} calls eval or new Function, which can see this module`;
    }
    return undefined;
  }

  private importLoading(file: string): string | undefined {
    const hit = this.importDirectories.find(({ directory }) => file.startsWith(directory));
    return hit && `live code in ${hit.from} imports modules under ${hit.directory} by a computed name`;
  }
}
