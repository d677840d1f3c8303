// The node a `why` target names: a symbol (`PowerPeg`, `SmarsRouter.route`, `Cache.#store`, or a
// member's own name `route`), a symbol in one file (`src/router.ts#route`), or a line (`src/router.ts:25`: the
// innermost declaration whose range holds it). Paths are relative to the analysed root, or absolute.
import path from "node:path";
import { closestName } from "../config/closest-name.js";
import type { GraphNode } from "../graph/call-graph.js";
import { memberName } from "./graph-document.js";
import type { ScanContext } from "./scan-context.js";

/** What a target names: one node (and the line asked about), several, or nothing. */
export type NodeLookup =
  | { kind: "found"; id: number; line?: number }
  | { kind: "ambiguous"; candidates: number[]; message: string }
  | { kind: "unknown"; message: string };

/** Finds the node `target` names in the scan's graph; the failures carry a one-line message for people. */
export function findNode(context: ScanContext, target: string): NodeLookup {
  const atLine = /^(.+):(\d+)$/.exec(target);
  if (atLine?.[1] !== undefined && atLine[2] !== undefined) return findByLine(context, atLine[1], Number(atLine[2]));
  const hash = fileSeparatorOf(target);
  if (hash > 0) {
    const file = projectFile(context, target.slice(0, hash));
    if (typeof file !== "string") return file;
    return findByName(context, target.slice(hash + 1), context.graph.nodesOf(file), target);
  }
  return findByName(context, target, context.graph.nodes.map((node) => node.id), target);
}

/**
 * Where `<file>#<symbol>` splits: the first `#` that does not follow a `.`. A private member is
 * always written after its class and a dot (`Cache.#store`, `src/cache.ts#Cache.#store`), and no
 * symbol starts with `#`, so the split is unambiguous; -1 for a bare symbol.
 */
function fileSeparatorOf(target: string): number {
  for (let at = target.indexOf("#"); at >= 0; at = target.indexOf("#", at + 1)) {
    if (target.charAt(at - 1) !== ".") return at;
  }
  return -1;
}

function findByLine(context: ScanContext, given: string, line: number): NodeLookup {
  const file = projectFile(context, given);
  if (typeof file !== "string") return file;
  let best: GraphNode | undefined;
  for (const id of context.graph.nodesOf(file)) {
    const node = context.graph.nodes[id];
    const range = node?.declaration.range;
    if (!node || !range || range.line > line || range.endLine < line) continue;
    const bestRange = best?.declaration.range;
    if (!bestRange || range.end - range.start < bestRange.end - bestRange.start) best = node;
  }
  if (!best) return { kind: "unknown", message: `no declaration or top-level code holds ${file}:${line}` };
  return { kind: "found", id: best.id, line };
}

/** Exact names first (`SmarsRouter.route`, `PowerPeg`), then members by their own name (`route`). */
function findByName(context: ScanContext, name: string, among: readonly number[], target: string): NodeLookup {
  const { graph } = context;
  const nodes = among.flatMap((id) => graph.nodes[id] ?? []);
  const exact = nodes.filter((n) => n.declaration.name === name || n.declaration.alsoNames?.includes(name));
  // By own name: a member (`route` for `Router.route`), a CommonJS export's value (`c` for `exports.c`).
  const byOwnName = (n: GraphNode): boolean =>
    (n.owner !== undefined && memberName(n.declaration.name) === name) || n.declaration.name === `exports.${name}`;
  const found = exact.length > 0 ? exact : nodes.filter(byOwnName);
  const only = found[0];
  if (found.length === 1 && only) return { kind: "found", id: only.id };
  if (found.length > 1) {
    const names = found.map((n) => candidateName(n, found));
    return {
      kind: "ambiguous",
      candidates: found.map((n) => n.id),
      message: `"${target}" is ambiguous: ${names.join(", ")}; name one as <file>#<symbol> or <file>:<line>`,
    };
  }
  const suggestion = closestName(name, [...new Set(nodes.map((n) => n.declaration.name))]);
  return { kind: "unknown", message: `no declaration named "${target}"${suggestion ? ` (did you mean "${suggestion}"?)` : ""}` };
}

/** `src/router.ts#SmarsRouter.route`, or `src/router.ts:24` when that file has two of the name. */
function candidateName(node: GraphNode, all: readonly GraphNode[]): string {
  const twice = all.some((other) => other !== node && other.file === node.file && other.declaration.name === node.declaration.name);
  return twice ? `${node.file}:${node.declaration.nameRange.line}` : `${node.file}#${node.declaration.name}`;
}

/** The project-relative POSIX path of `given`, or the lookup failure when it is no file of the project. */
function projectFile(context: ScanContext, given: string): string | NodeLookup {
  const absolute = path.isAbsolute(given) ? given : path.resolve(context.root, given);
  const file = path.relative(context.root, absolute).split(path.sep).join("/");
  if (context.graph.linked.getFacts(file)) return file;
  // Compare stems: whole paths share `src/` and `.ts`, which would make any two files look alike.
  const files = [...context.graph.linked.facts.keys()];
  const stem = closestName(stemOf(file), files.map(stemOf));
  const suggestion = stem === undefined ? undefined : files.find((candidate) => stemOf(candidate) === stem);
  return { kind: "unknown", message: `${given} is not a file of the project${suggestion ? ` (did you mean ${suggestion}?)` : ""}` };
}

/** `src/router.ts` → `router`. */
function stemOf(file: string): string {
  return path.posix.basename(file).replace(/\.[^.]*$/, "");
}
