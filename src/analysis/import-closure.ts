// The files an entry reaches through imports of any kind: static, type-only, dynamic with a
// literal specifier, `require`, and re-exports. A file outside the closure is an unused file.
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
    const specifiers = [
      ...facts.imports.map((i) => i.specifier),
      ...facts.exports.flatMap((e) => (e.specifier === undefined ? [] : [e.specifier])),
    ];
    for (const specifier of specifiers) {
      const target = linked.resolver.resolve(file, specifier);
      if (target.kind === "file" && !reached.has(target.file)) stack.push(target.file);
    }
  }
  return reached;
}
