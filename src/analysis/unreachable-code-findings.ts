// `no-unreachable-code`: code no entry reaches. Roots (nothing uses them, not even dead code) are
// told apart from the cascade behind them, and code that only a dead flag branch uses is reported
// with the flag that keeps it dead.
import type { Finding } from "../findings/finding.js";
import type { GraphNode } from "../graph/call-graph.js";
import type { DeadBranch } from "./dead-branches.js";
import type { ScanContext } from "./scan-context.js";
import { describeNode } from "./scan-context.js";
import { FindingUncertainty } from "./finding-uncertainty.js";

/** Node kinds that are code (types and the module's own statements are not reported). */
const codeKinds = new Set(["function", "class", "method", "getter", "setter", "property", "variable", "enum", "namespace"]);

/**
 * The unreachable-code findings of a scan; in `files` only, when given. What a finding says comes
 * from all dead code (who uses it, what makes it uncertain), so that is found whole either way.
 */
export function unreachableCodeFindings(context: ScanContext, files?: ReadonlySet<string>): Finding[] {
  const { graph, production, withTests } = context;
  const isCandidate = (node: GraphNode | undefined): node is GraphNode => node !== undefined && !production.live.has(node.id) && isReportable(node, context);
  // Files without dead code (most of those an editor lints) need nothing of the rest.
  if (files && ![...files].some((file) => graph.nodesOf(file).some((id) => isCandidate(graph.nodes[id])))) return [];
  const candidates = graph.nodes.filter(isCandidate);
  const dead = new Set(candidates.map((n) => n.id));
  const reported = files ? candidates.filter((node) => files.has(node.file)) : candidates;
  const cascade = deadCascade(context);
  const typeUsers = liveTypeUsers(context, files ? new Set(reported.map((n) => n.id)) : dead);
  const uncertain = uncertainNodes(context, candidates, cascade);
  const findings: Finding[] = [];
  for (const node of reported) {
    if (node.owner !== undefined && dead.has(node.owner)) continue;
    const testOnly = withTests.live.has(node.id);
    const users = [...(cascade.users.get(node.id) ?? [])].filter((u) => u !== node.id && u !== node.owner);
    const names = users.map((u) => graph.nodes[u]?.declaration.name ?? "?").sort();
    const root = !cascade.usedFromOutside.has(node.id);
    const flagged = testOnly || !root ? undefined : behindFlag(node.id, context);
    const finding = base(node);
    const data: Record<string, unknown> = {
      kind: node.declaration.kind,
      lines: node.declaration.range.endLine - node.declaration.range.line + 1,
      root,
    };
    if (names.length > 0 && !testOnly) data["usedBy"] = names;
    if (testOnly) {
      data["testOnly"] = true;
      finding.message = `${describeNode(node)} is used only by tests`;
    } else if (!root) {
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
    } else if (names.length > 0) {
      // Dead code that uses itself in a cycle (a ↔ b): the whole cycle is one root, deleted together.
      data["cycle"] = true;
      finding.message = `${describeNode(node)} is unreachable: only unreachable code in a cycle with it uses it (${names.join(", ")})`;
    } else if (typeUsers.has(node.id)) {
      // Still a finding: no code that runs reaches it, though deleting it means rewriting those types.
      const typeNames = [...(typeUsers.get(node.id) ?? [])].map((u) => graph.nodes[u]?.declaration.name ?? "?").sort();
      data["typeUsers"] = typeNames;
      finding.message = `${describeNode(node)} is never used at run time: only types refer to it (in ${typeNames.join(", ")})`;
    } else {
      finding.message = `${describeNode(node)} is never used: no entry reaches it`;
    }
    const uncertainty = uncertain.get(node.id);
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

/** Who uses each dead node, among dead code, and which dead nodes are used from outside their own cycle. */
interface DeadCascade {
  /** For each dead node, the dead declarations (a member counts as its dead class) whose uses lead to it. */
  users: Map<number, Set<number>>;
  /** Dead nodes that dead code outside their strongly connected component uses: not roots. */
  usedFromOutside: Set<number>;
}

/**
 * The cascade among all dead code: every declaration no production walk reaches, in any file but
 * tests (code in an unused file still uses what it names). A node is a root when no dead code
 * outside its own cycle uses it, so a dead `a ↔ b` pair is one root, not two cascades of each other.
 */
function deadCascade(context: ScanContext): DeadCascade {
  const { graph, production } = context;
  const isDead = (id: number): boolean => {
    const node = graph.nodes[id];
    return node !== undefined && codeKinds.has(node.declaration.kind) && !production.live.has(id) && !context.testFiles.has(node.file);
  };
  /** A dead member stands for its class when the class is dead too. */
  const unitOf = (id: number): number => {
    const owner = graph.nodes[id]?.owner;
    return owner !== undefined && isDead(owner) ? owner : id;
  };
  const users = new Map<number, Set<number>>();
  const edges = new Map<number, Set<number>>();
  // A type no live code names still uses what it reads with `typeof`: that value goes with the type.
  const isDeadType = (node: GraphNode): boolean =>
    (node.declaration.kind === "type" || node.declaration.kind === "interface") && !production.live.has(node.id) && !context.testFiles.has(node.file);
  for (const node of graph.nodes) {
    if (!isDead(node.id) && !isDeadType(node)) continue;
    const from = unitOf(node.id);
    for (const key of Object.keys(node.declaration.uses)) {
      const target = graph.resolveUse(node.file, key);
      if (target.kind !== "node" || !isDead(target.id)) continue;
      const set = users.get(target.id) ?? new Set<number>();
      set.add(from);
      users.set(target.id, set);
      const to = unitOf(target.id);
      if (to === from) continue;
      const out = edges.get(from) ?? new Set<number>();
      out.add(to);
      edges.set(from, out);
    }
  }
  const component = stronglyConnectedComponents(edges);
  const componentOf = (unit: number): number => component.get(unit) ?? unit;
  // A cycle that outside dead code uses is cascade as a whole, every member of it.
  const reachedComponents = new Set<number>();
  for (const [from, targets] of edges) {
    for (const to of targets) if (componentOf(from) !== componentOf(to)) reachedComponents.add(componentOf(to));
  }
  const usedFromOutside = new Set<number>();
  for (const target of users.keys()) {
    if (reachedComponents.has(componentOf(unitOf(target)))) usedFromOutside.add(target);
  }
  return { users, usedFromOutside };
}

/** Tarjan's algorithm, iteratively (dead chains can be long): each node's component id. */
function stronglyConnectedComponents(edges: ReadonlyMap<number, ReadonlySet<number>>): Map<number, number> {
  const index = new Map<number, number>();
  const low = new Map<number, number>();
  const component = new Map<number, number>();
  const stack: number[] = [];
  const onStack = new Set<number>();
  let counter = 0;
  for (const start of edges.keys()) {
    if (index.has(start)) continue;
    const work: Array<{ node: number; next: Iterator<number> }> = [];
    const open = (node: number): void => {
      index.set(node, counter);
      low.set(node, counter);
      counter++;
      stack.push(node);
      onStack.add(node);
      work.push({ node, next: (edges.get(node) ?? new Set<number>()).values() });
    };
    open(start);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      if (!frame) break;
      const step = frame.next.next();
      if (!step.done) {
        const to = step.value;
        if (!index.has(to)) open(to);
        else if (onStack.has(to)) low.set(frame.node, Math.min(low.get(frame.node) ?? 0, index.get(to) ?? 0));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node) ?? 0, low.get(frame.node) ?? 0));
      if (low.get(frame.node) === index.get(frame.node)) {
        for (;;) {
          const member = stack.pop();
          if (member === undefined) break;
          onStack.delete(member);
          component.set(member, frame.node);
          if (member === frame.node) break;
        }
      }
    }
  }
  return component;
}

/** For each dead node, the live nodes that name it in a type (`x: C`, `typeof C`). */
function liveTypeUsers(context: ScanContext, dead: ReadonlySet<number>): Map<number, Set<number>> {
  const users = new Map<number, Set<number>>();
  const { graph } = context;
  if (dead.size === 0) return users;
  for (const id of context.production.live) {
    const node = graph.nodes[id];
    if (!node) continue;
    for (const { key, target } of graph.usesOf(id)) {
      if (target.kind !== "node" || !key.startsWith("t:") || !dead.has(target.id)) continue;
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

/**
 * Why each dead node's finding may be wrong: what static analysis could not follow reaches it, or
 * reaches dead code that uses it (if `eval` may call `a`, what only `a` uses may run too).
 */
function uncertainNodes(context: ScanContext, candidates: readonly GraphNode[], cascade: DeadCascade): Map<number, string> {
  const uncertainty = new FindingUncertainty(context);
  const { graph } = context;
  const reasons = new Map<number, string>();
  /** The cause itself, for what inherits it through the cascade. */
  const causes = new Map<number, string>();
  const queue: number[] = [];
  for (const node of candidates) {
    if (context.production.live.has(node.id)) continue;
    const reason = uncertainty.ofNode(node);
    if (reason === undefined) continue;
    reasons.set(node.id, reason);
    causes.set(node.id, reason);
    queue.push(node.id);
  }
  const uses = new Map<number, number[]>();
  for (const [target, users] of cascade.users) {
    for (const user of users) uses.set(user, [...(uses.get(user) ?? []), target]);
  }
  while (queue.length > 0) {
    const user = queue.shift();
    if (user === undefined) break;
    const name = graph.nodes[user]?.declaration.name ?? "?";
    for (const target of [...(uses.get(user) ?? []), ...graph.membersOf(user)]) {
      if (reasons.has(target)) continue;
      const cause = causes.get(user) ?? "";
      reasons.set(target, `${name}, which uses it, may run: ${cause}`);
      causes.set(target, cause);
      queue.push(target);
    }
  }
  return reasons;
}
