// Which exports other modules import, following re-export chains, `export *`, namespace imports
// (member by member where the namespace's uses say which) and dynamic imports. An entry's exports
// are its public API, so everything they re-export counts as used.
import type { ExportFact } from "../facts/file-facts.js";
import type { CallGraph } from "../graph/call-graph.js";

/** For each file, for each of its exports, the files that import it. */
export type ExportUsage = Map<string, Map<string, Set<string>>>;

const maxDepth = 32;

/** Marks every export that some file imports (or an entry publishes). */
export function findExportUsage(graph: CallGraph, entries: readonly string[]): ExportUsage {
  const usage: ExportUsage = new Map();
  const linked = graph.linked;
  // Lookups by name and a memo of whole-module marks: large barrels made both quadratic.
  const exportsByFile = new Map<string, Map<string, ExportFact>>();
  const exportsOf = (file: string): Map<string, ExportFact> => {
    let byName = exportsByFile.get(file);
    if (!byName) {
      byName = new Map();
      for (const fact of linked.getFacts(file)?.exports ?? []) if (!byName.has(fact.exported)) byName.set(fact.exported, fact);
      exportsByFile.set(file, byName);
    }
    return byName;
  };
  /** The files each importer marked whole, so that a barrel is walked once per importer. */
  const markedWhole = new Map<string, Set<string>>();
  const mark = (file: string, exported: string, by: string, depth: number): boolean => {
    if (depth > maxDepth) return false;
    const facts = linked.getFacts(file);
    if (!facts) return false;
    const direct = exportsOf(file).get(exported);
    if (direct) {
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
      if (users.has(by)) return true;
      users.add(by);
      // `export { x } from "./a"`, and `import * as z from "./a"; export { z }`: the use goes on.
      const imported = direct.specifier === undefined ? linked.importOf(file, direct.local ?? exported) : undefined;
      const specifier = direct.specifier ?? imported?.specifier;
      const inner = direct.specifier !== undefined ? (direct.imported ?? exported) : imported?.imported;
      if (specifier !== undefined && inner !== undefined) {
        const target = linked.resolver.resolve(file, specifier);
        if (target.kind === "file") {
          if (inner === "*") markAll(target.file, by, depth + 1);
          else mark(target.file, inner, by, depth + 1);
        }
      }
      return true;
    }
    for (const star of facts.exports) {
      if (star.exported !== "*" || star.specifier === undefined) continue;
      const target = linked.resolver.resolve(file, star.specifier);
      if (target.kind === "file" && mark(target.file, exported, by, depth + 1)) return true;
    }
    // `const { a } = require("./m")` with `module.exports = X` in m: a is read from X, the default.
    const whole = exportsOf(file).get("default");
    if (exported !== "default" && whole?.commonJs === true) return mark(file, "default", by, depth + 1);
    return false;
  };
  const markAll = (file: string, by: string, depth: number): void => {
    if (depth > maxDepth) return;
    let marked = markedWhole.get(by);
    if (!marked) {
      marked = new Set();
      markedWhole.set(by, marked);
    }
    if (marked.has(file)) return;
    marked.add(file);
    for (const fact of linked.getFacts(file)?.exports ?? []) {
      if (fact.exported !== "*") mark(file, fact.exported, by, depth);
      else if (fact.specifier !== undefined) {
        const target = linked.resolver.resolve(file, fact.specifier);
        if (target.kind === "file") markAll(target.file, by, depth + 1);
      }
    }
  };

  for (const entry of entries) markAll(entry, entry, 0);
  for (const [file, facts] of linked.facts) {
    let uses: Set<string> | undefined;
    for (const fact of facts.imports) {
      const target = linked.resolver.resolve(file, fact.specifier);
      if (target.kind !== "file") continue;
      if (fact.imported === undefined) {
        // `import("./x")` and a bare `require("./x")` hand over the whole module.
        if (fact.kind !== "static") markAll(target.file, file, 0);
        continue;
      }
      if (fact.imported !== "*") {
        mark(target.file, fact.imported, file, 0);
        continue;
      }
      const local = fact.local ?? "";
      uses ??= usesOfFile(graph, file);
      const members = [...uses]
        .filter((key) => key.startsWith(`v:${local}.`) || key.startsWith(`t:${local}.`))
        .map((key) => key.slice(local.length + 3));
      if (uses.has(`v:${local}`) || uses.has(`t:${local}`) || fact.kind !== "static") markAll(target.file, file, 0);
      else for (const member of members) mark(target.file, member, file, 0);
    }
  }
  return usage;
}

/** Every use key any declaration of `file` has. */
function usesOfFile(graph: CallGraph, file: string): Set<string> {
  const keys = new Set<string>();
  for (const id of graph.nodesOf(file)) {
    for (const key of Object.keys(graph.nodes[id]?.declaration.uses ?? {})) keys.add(key);
  }
  return keys;
}
