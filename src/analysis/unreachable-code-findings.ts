// `no-unreachable-code`: code no entry reaches. Roots (nothing uses them, not even dead code) are
// told apart from the cascade behind them, and code that only a dead flag branch uses is reported
// with the flag that keeps it dead.
import type { Finding } from "../findings/finding.js";
import type { GraphNode } from "../graph/call-graph.js";
import type { DeadBranch } from "./dead-branches.js";
import type { ScanContext } from "./scan-context.js";
import { describeNode } from "./scan-context.js";

/** Node kinds that are code (types and the module's own statements are not reported). */
const codeKinds = new Set(["function", "class", "method", "getter", "setter", "property", "variable", "enum", "namespace"]);

/** The unreachable-code findings of a scan. */
export function unreachableCodeFindings(context: ScanContext): Finding[] {
  const { graph, production, withTests } = context;
  const candidates = graph.nodes.filter((node) => isReportable(node, context));
  const dead = new Set(candidates.filter((n) => !production.live.has(n.id)).map((n) => n.id));
  const deadUsers = usersAmong(context, dead);
  const typeUsers = liveTypeUsers(context, dead);
  const findings: Finding[] = [];
  for (const node of candidates) {
    if (production.live.has(node.id)) continue;
    if (node.owner !== undefined && dead.has(node.owner)) continue;
    const testOnly = withTests.live.has(node.id);
    const users = [...(deadUsers.get(node.id) ?? [])].filter((u) => u !== node.id && u !== node.owner);
    const flagged = testOnly ? undefined : behindFlag(node.id, context);
    const finding = base(node);
    const data: Record<string, unknown> = {
      kind: node.declaration.kind,
      lines: node.declaration.range.endLine - node.declaration.range.line + 1,
      root: users.length === 0,
    };
    if (testOnly) {
      data["testOnly"] = true;
      finding.message = `${describeNode(node)} is used only by tests`;
    } else if (users.length > 0) {
      const names = users.map((u) => graph.nodes[u]?.declaration.name ?? "?").sort();
      data["usedBy"] = names;
      finding.message = `${describeNode(node)} is unreachable: only unreachable code uses it (${names.join(", ")})`;
    } else if (flagged) {
      data["behindFlag"] = {
        flag: flagged.flag,
        state: flagged.state,
        value: flagged.value,
        file: flagged.file,
        line: flagged.branch.range.line,
      };
      finding.flag = flagged.flag;
      finding.message =
        `${describeNode(node)} is reachable only behind flag ${flagged.flag}, which is ${flagged.state}` +
        ` (reads return ${JSON.stringify(flagged.value)}): the branch at ${flagged.file}:${flagged.branch.range.line} never runs`;
    } else if (typeUsers.has(node.id)) {
      // Still a finding: no code that runs reaches it, though deleting it means rewriting those types.
      const names = [...(typeUsers.get(node.id) ?? [])].map((u) => graph.nodes[u]?.declaration.name ?? "?").sort();
      data["typeUsers"] = names;
      finding.message = `${describeNode(node)} is never used at run time: only types refer to it (in ${names.join(", ")})`;
    } else {
      finding.message = `${describeNode(node)} is never used: no entry reaches it`;
    }
    const uncertainty = uncertaintyOf(node, context);
    if (uncertainty) {
      data["confidence"] = "uncertain";
      data["uncertainBecause"] = uncertainty;
    }
    finding.data = data;
    findings.push(finding);
  }
  return findings;
}

function isReportable(node: GraphNode, context: ScanContext): boolean {
  if (!codeKinds.has(node.declaration.kind)) return false;
  if (context.testFiles.has(node.file)) return false;
  // A file no entry reaches (or only tests do) is reported once, as an unused file, not declaration by declaration.
  return context.reachedFiles.has(node.file);
}

function base(node: GraphNode): Finding {
  const { nameRange, range } = node.declaration;
  return {
    ruleId: "no-unreachable-code",
    severity: "error",
    message: "",
    file: node.file,
    line: nameRange.line,
    column: nameRange.column,
    endLine: range.endLine,
    endColumn: range.endColumn,
    symbol: node.declaration.name,
  };
}

/** For each dead node, the other dead nodes whose (uncut) uses lead to it. */
function usersAmong(context: ScanContext, dead: ReadonlySet<number>): Map<number, Set<number>> {
  const users = new Map<number, Set<number>>();
  const { graph } = context;
  for (const id of dead) {
    const node = graph.nodes[id];
    if (!node) continue;
    for (const key of Object.keys(node.declaration.uses)) {
      const target = graph.resolveUse(node.file, key);
      if (target.kind !== "node" || !dead.has(target.id)) continue;
      const set = users.get(target.id) ?? new Set<number>();
      set.add(node.owner ?? id);
      users.set(target.id, set);
    }
  }
  return users;
}

/** For each dead node, the live nodes that name it in a type (`x: C`, `typeof C`). */
function liveTypeUsers(context: ScanContext, dead: ReadonlySet<number>): Map<number, Set<number>> {
  const users = new Map<number, Set<number>>();
  const { graph } = context;
  for (const id of context.production.live) {
    const node = graph.nodes[id];
    if (!node) continue;
    for (const key of Object.keys(node.declaration.uses)) {
      if (!key.startsWith("t:")) continue;
      const target = graph.resolveTypeUse(node.file, key);
      if (target.kind !== "node" || !dead.has(target.id)) continue;
      const set = users.get(target.id) ?? new Set<number>();
      set.add(node.owner ?? id);
      users.set(target.id, set);
    }
  }
  return users;
}

/**
 * The dead branch that keeps a node dead: on the path that would reach it if flags could flip, the
 * hop from live code whose use was cut.
 */
function behindFlag(id: number, context: ScanContext): DeadBranch | undefined {
  const { ignoringFlags, production, cuts } = context;
  if (!ignoringFlags.live.has(id)) return undefined;
  const seen = new Set<number>();
  for (let current = id; !seen.has(current); ) {
    seen.add(current);
    const reason = ignoringFlags.reasons.get(current);
    if (reason?.kind !== "use") return undefined;
    if (production.live.has(reason.from)) return cuts.branches.get(reason.from)?.get(reason.key);
    current = reason.from;
  }
  return undefined;
}

/** Why a finding may be wrong: what static analysis could not follow. */
function uncertaintyOf(node: GraphNode, context: ScanContext): string | undefined {
  if (context.filesWithErrors.has(node.file)) return "the file has syntax errors";
  const unknowable = context.production.unknowable;
  if (unknowable.has("eval")) return "live code calls eval or new Function";
  if (unknowable.has("import") && node.owner === undefined) return "live code imports a module by a computed name";
  if (unknowable.has("computed") && node.owner !== undefined) return "live code calls members by computed names";
  return undefined;
}
