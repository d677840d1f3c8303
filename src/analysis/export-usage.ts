// Which exports other modules import, following re-export chains, `export *`, namespace imports
// (member by member where the namespace's uses say which) and dynamic imports. An entry's exports
// are its public API, so everything they re-export counts as used.
import type { ExportFact } from "../facts/file-facts.js";
import type { CallGraph } from "../graph/call-graph.js";

/** For each file, for each of its exports, the files that import it. */
export type ExportUsage = Map<string, Map<string, Set<string>>>;

const maxDepth = 32;

/** What one importer (or entry) marks: the exports it uses, and the files whose facts that read. */
interface ImporterMarks {
  /** Whether the importer's own exports were marked as an entry's. */
  entry: boolean;
  marks: Array<[file: string, exported: string]>;
  reads: Set<string>;
}

/** The marks of each importer of one scan, for the next (see {@link findExportUsage}). */
export type ImporterUsage = Map<string, ImporterMarks>;

/** An earlier scan's importer marks and the files changed since. */
export interface EarlierUsage {
  byImporter: ImporterUsage;
  changed: ReadonlySet<string>;
}

/**
 * What each file (importer or entry) marks as used among the exports of others. Each importer's
 * marks depend only on its own facts and on those of the files its imports lead through, so an
 * importer none of whose files changed since `earlier` keeps its marks (the caller vouches that the
 * file list, so the module resolver, is the same).
 */
export function findImporterUsage(graph: CallGraph, entries: readonly string[], earlier?: EarlierUsage): ImporterUsage {
  const linked = graph.linked;
  const entrySet = new Set(entries);
  const byImporter: ImporterUsage = new Map();
  const importers = [...entries, ...[...linked.facts.keys()].filter((file) => !entrySet.has(file))];
  for (const by of importers) {
    const known = earlier?.byImporter.get(by);
    const entry = entrySet.has(by);
    if (known && earlier && known.entry === entry && !earlier.changed.has(by) && !readsAny(known.reads, earlier.changed)) {
      byImporter.set(by, known);
      continue;
    }
    const { value: marks, reads } = linked.track(() => marksOf(graph, by, entry));
    byImporter.set(by, { entry, marks, reads });
  }
  return byImporter;
}

/** Every export some file imports (or an entry publishes), with its users; of the exports of `files` only, when given. */
export function exportUsageOf(byImporter: ImporterUsage, files?: ReadonlySet<string>): ExportUsage {
  const usage: ExportUsage = new Map();
  for (const [by, { marks }] of byImporter) {
    for (const [file, exported] of marks) {
      if (files && !files.has(file)) continue;
      let inFile = usage.get(file);
      if (!inFile) {
        inFile = new Map();
        usage.set(file, inFile);
      }
      let users = inFile.get(exported);
      if (!users) {
        users = new Set();
        inFile.set(exported, users);
      }
      users.add(by);
    }
  }
  return usage;
}

function readsAny(reads: ReadonlySet<string>, changed: ReadonlySet<string>): boolean {
  for (const file of reads) if (changed.has(file)) return true;
  return false;
}

/** The exports one importer uses: all of its own when it is an entry, then what its imports name. */
function marksOf(graph: CallGraph, by: string, entry: boolean): Array<[string, string]> {
  const linked = graph.linked;
  const marks: Array<[string, string]> = [];
  const marked = new Map<string, Set<string>>();
  // Lookups by name and a memo of whole-module marks: large barrels made both quadratic.
  const exportsByFile = new Map<string, Map<string, ExportFact>>();
  const exportsOf = (file: string): Map<string, ExportFact> => {
    // Read through the linked project every time, so that the files read are tracked.
    const facts = linked.getFacts(file);
    let byName = exportsByFile.get(file);
    if (!byName) {
      byName = new Map();
      for (const fact of facts?.exports ?? []) if (!byName.has(fact.exported)) byName.set(fact.exported, fact);
      exportsByFile.set(file, byName);
    }
    return byName;
  };
  const markedWhole = new Set<string>();
  const mark = (file: string, exported: string, depth: number): boolean => {
    if (depth > maxDepth) return false;
    const facts = linked.getFacts(file);
    if (!facts) return false;
    const direct = exportsOf(file).get(exported);
    if (direct) {
      let inFile = marked.get(file);
      if (!inFile) {
        inFile = new Set();
        marked.set(file, inFile);
      }
      if (inFile.has(exported)) return true;
      inFile.add(exported);
      marks.push([file, exported]);
      // `export { x } from "./a"`, and `import * as z from "./a"; export { z }`: the use goes on.
      const imported = direct.specifier === undefined ? linked.importOf(file, direct.local ?? exported) : undefined;
      const specifier = direct.specifier ?? imported?.specifier;
      const inner = direct.specifier !== undefined ? (direct.imported ?? exported) : imported?.imported;
      if (specifier !== undefined && inner !== undefined) {
        const target = linked.resolver.resolve(file, specifier);
        if (target.kind === "file") {
          if (inner === "*") markAll(target.file, depth + 1);
          else mark(target.file, inner, depth + 1);
        }
      }
      return true;
    }
    for (const star of facts.exports) {
      if (star.exported !== "*" || star.specifier === undefined) continue;
      const target = linked.resolver.resolve(file, star.specifier);
      if (target.kind === "file" && mark(target.file, exported, depth + 1)) return true;
    }
    // `const { a } = require("./m")` with `module.exports = X` in m: a is read from X, the default.
    const whole = exportsOf(file).get("default");
    if (exported !== "default" && whole?.commonJs === true) return mark(file, "default", depth + 1);
    return false;
  };
  const markAll = (file: string, depth: number): void => {
    if (depth > maxDepth) return;
    if (markedWhole.has(file)) return;
    markedWhole.add(file);
    for (const fact of linked.getFacts(file)?.exports ?? []) {
      if (fact.exported !== "*") mark(file, fact.exported, depth);
      else if (fact.specifier !== undefined) {
        const target = linked.resolver.resolve(file, fact.specifier);
        if (target.kind === "file") markAll(target.file, depth + 1);
      }
    }
  };

  if (entry) markAll(by, 0);
  const facts = linked.getFacts(by);
  let namespaces: NamespaceUses | undefined;
  for (const fact of facts?.imports ?? []) {
    const target = linked.resolver.resolve(by, fact.specifier);
    if (target.kind !== "file") continue;
    if (fact.imported === undefined) {
      // `import("./x")` and a bare `require("./x")` hand over the whole module.
      if (fact.kind !== "static") markAll(target.file, 0);
      continue;
    }
    if (fact.imported !== "*") {
      mark(target.file, fact.imported, 0);
      continue;
    }
    const local = fact.local ?? "";
    namespaces ??= namespaceUsesOf(graph, by);
    if (namespaces.whole.has(local) || fact.kind !== "static") {
      markAll(target.file, 0);
      continue;
    }
    for (const member of namespaces.members.get(local) ?? []) mark(target.file, member, 0);
  }
  return marks;
}

/** How a file's declarations use names: whole (`v:ns`), or member by member (`v:ns.a`, `t:ns.A`). */
interface NamespaceUses {
  whole: Set<string>;
  /** Members by name, in the order of the file's distinct use keys. */
  members: Map<string, string[]>;
}

/** Every use of a name, whole or by member, among the use keys of `file` (one pass, however many namespace imports). */
function namespaceUsesOf(graph: CallGraph, file: string): NamespaceUses {
  const whole = new Set<string>();
  const members = new Map<string, string[]>();
  for (const key of usesOfFile(graph, file)) {
    if (!key.startsWith("v:") && !key.startsWith("t:")) continue;
    const dot = key.indexOf(".", 2);
    if (dot < 0) {
      whole.add(key.slice(2));
      continue;
    }
    const name = key.slice(2, dot);
    const list = members.get(name);
    if (list) list.push(key.slice(dot + 1));
    else members.set(name, [key.slice(dot + 1)]);
  }
  return { whole, members };
}

/** Every use key any declaration of `file` has. */
function usesOfFile(graph: CallGraph, file: string): Set<string> {
  const keys = new Set<string>();
  for (const id of graph.nodesOf(file)) {
    for (const key of Object.keys(graph.nodes[id]?.declaration.uses ?? {})) keys.add(key);
  }
  return keys;
}
