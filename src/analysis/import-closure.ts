// The files an entry reaches through imports of any kind: static, type-only, dynamic with a
// literal specifier, `require`, and re-exports. A file outside the closure is an unused file.
import type { FileFacts } from "../facts/file-facts.js";
import type { LinkedProject } from "../graph/linked-project.js";

/** Every file reachable from `entries` through imports, entries included. */
export function importClosure(linked: LinkedProject, entries: readonly string[]): Set<string> {
  const reached = new Set<string>();
  const stack = [...entries];
  while (stack.length > 0) {
    const file = stack.pop();
    if (file === undefined || reached.has(file)) continue;
    reached.add(file);
    const facts = linked.getFacts(file);
    if (!facts) continue;
    for (const specifier of specifiersOf(facts)) {
      const target = linked.resolver.resolve(file, specifier);
      if (target.kind === "file" && !reached.has(target.file)) stack.push(target.file);
    }
  }
  return reached;
}

/**
 * Whether import closures over `after` equal those over `before`: the same module resolver, and
 * every file of `changed` in both, importing and re-exporting from the same specifiers.
 */
export function sameImportEdges(before: LinkedProject, after: LinkedProject, changed: ReadonlySet<string>): boolean {
  if (before.resolver !== after.resolver) return false;
  for (const file of changed) {
    const old = before.getFacts(file);
    const now = after.getFacts(file);
    if (!old || !now) return false;
    const wanted = new Set(specifiersOf(now));
    const had = new Set(specifiersOf(old));
    if (wanted.size !== had.size || [...had].some((specifier) => !wanted.has(specifier))) return false;
  }
  return true;
}

function specifiersOf(facts: FileFacts): string[] {
  return [...facts.imports.map((i) => i.specifier), ...facts.exports.flatMap((e) => (e.specifier === undefined ? [] : [e.specifier]))];
}
