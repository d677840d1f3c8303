// Guarded code: for one flag read, the code that runs only when the flag is on and only when it is
// off. Follows the read's value up through negation, comparisons, `&&`/`||`/`??` and variables to
// the `if`, ternary, early exit, `switch` or JSX expression that decides.
import ts from "../engine/typescript-api.js";
import { isBooleanCall, isEqualityOperator } from "./operator-kinds.js";
import type { BranchFact, GuardFact, GuardKind, SourceRange } from "./file-facts.js";
import type { ExtractionContext } from "./extraction-context.js";
import { lookUpName } from "./scope-lookup.js";
import { skipTransparentUp } from "./skip-transparent.js";
import { rangeBetween, rangeOfNode } from "./source-range.js";

/** Which flag state a truthy and a falsy value of the current expression imply (undefined: neither). */
interface Truth {
  whenTruthy: "on" | "off" | undefined;
  whenFalsy: "on" | "off" | undefined;
}

type Literal = string | number | boolean | null;

const maxVariableDepth = 2;
const maxRefsPerBranch = 200;

/** The guards of the flag value that `read` evaluates to. */
export function guardsOf(read: ts.Expression, ctx: ExtractionContext): GuardFact[] {
  const guards: GuardFact[] = [];
  walkUp(read, { whenTruthy: "on", whenFalsy: "off" }, undefined, ctx, guards, 0, undefined);
  return guards;
}

function walkUp(
  start: ts.Node,
  initial: Truth,
  initialCompare: Literal | undefined,
  ctx: ExtractionContext,
  guards: GuardFact[],
  variableDepth: number,
  via: string | undefined,
): void {
  let truth = initial;
  let compare = initialCompare;
  let node = start;
  const exact = (): boolean => truth.whenTruthy !== undefined && truth.whenFalsy !== undefined;
  const push = (kind: GuardKind, at: ts.Node, branches: { truthy?: BranchFact; falsy?: BranchFact }): void => {
    const guard: GuardFact = { kind, polarity: polarityOf(truth), range: rangeOfNode(at, ctx.sourceFile) };
    assign(guard, truth.whenTruthy, branches.truthy);
    assign(guard, truth.whenFalsy, branches.falsy);
    if (compare !== undefined) guard.compare = compare;
    if (via !== undefined) guard.via = via;
    if (guard.on || guard.off) guards.push(guard);
  };

  for (;;) {
    node = skipTransparentUp(node);
    const parent = node.parent;
    if (!parent) return;
    if (ts.isPrefixUnaryExpression(parent) && parent.operator === ts.SyntaxKind.ExclamationToken) {
      truth = { whenTruthy: truth.whenFalsy, whenFalsy: truth.whenTruthy };
      node = parent;
      continue;
    }
    if (ts.isCallExpression(parent) && isBooleanCall(parent, node)) {
      node = parent;
      continue;
    }
    if (ts.isBinaryExpression(parent)) {
      const op = parent.operatorToken.kind;
      const otherSide = parent.left === node ? parent.right : parent.left;
      if (isEqualityOperator(op) && exact() && compare === undefined) {
        const literal = literalValue(otherSide);
        if (literal === undefined) return;
        const negatedOp = op === ts.SyntaxKind.ExclamationEqualsEqualsToken || op === ts.SyntaxKind.ExclamationEqualsToken;
        // `flag === false` is `!flag`; `variant === "b"` is "on" for the variant b.
        const flips = negatedOp !== (literal === false);
        if (typeof literal !== "boolean") compare = literal;
        if (flips) truth = { whenTruthy: truth.whenFalsy, whenFalsy: truth.whenTruthy };
        node = parent;
        continue;
      }
      if (op === ts.SyntaxKind.AmpersandAmpersandToken) {
        if (parent.left === node && switchesCode(parent)) push("and", parent.right, { truthy: branchOf(parent.right, ctx) });
        truth = { whenTruthy: truth.whenTruthy, whenFalsy: undefined };
        node = parent;
        continue;
      }
      if (op === ts.SyntaxKind.BarBarToken) {
        if (parent.left === node && switchesCode(parent)) push("or", parent.right, { falsy: branchOf(parent.right, ctx) });
        truth = { whenTruthy: undefined, whenFalsy: truth.whenFalsy };
        node = parent;
        continue;
      }
      if (op === ts.SyntaxKind.QuestionQuestionToken && parent.left === node && exact()) {
        // The right side runs only when the read gave nothing: the flag is unset, which reads as off.
        const branch = branchOf(parent.right, ctx);
        guards.push({ kind: "nullish", polarity: "positive", range: rangeOfNode(parent.right, ctx.sourceFile), off: branch });
      }
      return;
    }
    if (ts.isIfStatement(parent) && parent.expression === node) {
      const truthy = branchOf(parent.thenStatement, ctx);
      const rest = parent.elseStatement || !alwaysExits(parent.thenStatement, ctx) ? undefined : restOfBlock(parent, ctx);
      if (parent.elseStatement) {
        push("if", parent, { truthy, falsy: branchOf(parent.elseStatement, ctx) });
      } else if (rest) {
        push("early-exit", parent, { truthy, falsy: rest });
      } else {
        // An exit with nothing after it in its block decides nothing more than a plain `if`.
        push("if", parent, { truthy });
      }
      return;
    }
    if (ts.isConditionalExpression(parent) && parent.condition === node) {
      push("ternary", parent, { truthy: branchOf(parent.whenTrue, ctx), falsy: branchOf(parent.whenFalse, ctx) });
      return;
    }
    if (ts.isSwitchStatement(parent) && parent.expression === node && exact() && compare === undefined) {
      guards.push(switchGuard(parent, truth, ctx, via));
      return;
    }
    if (ts.isVariableDeclaration(parent) && parent.initializer === node && ts.isIdentifier(parent.name)) {
      if (variableDepth >= maxVariableDepth) return;
      const name = parent.name.text;
      const refs = referencesTo(name, parent, ctx);
      if (isReassigned(parent, refs)) return;
      for (const ref of refs) walkUp(ref, truth, compare, ctx, guards, variableDepth + 1, name);
      return;
    }
    return;
  }
}

/**
 * Whether the right operand of `flag && x` (or `flag || x`) is code the flag switches rather than a
 * further condition: never inside the test of an `if`, a ternary or a loop (`if (on && n > 0) a()`
 * switches `a()`, and `n > 0` only narrows when), and only when the operand does something (calls,
 * renders, assigns): `const show = on && isAdmin` holds a condition that is tested later.
 */
function switchesCode(logical: ts.BinaryExpression): boolean {
  let node: ts.Node = logical;
  for (;;) {
    node = skipTransparentUp(node);
    const parent = node.parent;
    if (!parent) break;
    const isLogical =
      (ts.isBinaryExpression(parent) &&
        (parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken ||
          parent.operatorToken.kind === ts.SyntaxKind.BarBarToken ||
          parent.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken)) ||
      (ts.isPrefixUnaryExpression(parent) && parent.operator === ts.SyntaxKind.ExclamationToken) ||
      (ts.isCallExpression(parent) && isBooleanCall(parent, node));
    if (isLogical) {
      node = parent;
      continue;
    }
    if (isConditionOf(parent, node)) return false;
    break;
  }
  return doesSomething(logical.right);
}

/** `node` is the test of an `if`, a ternary, a loop. */
function isConditionOf(parent: ts.Node, node: ts.Node): boolean {
  return (
    ((ts.isIfStatement(parent) || ts.isWhileStatement(parent) || ts.isDoStatement(parent)) && parent.expression === node) ||
    (ts.isConditionalExpression(parent) && parent.condition === node) ||
    (ts.isForStatement(parent) && parent.condition === node)
  );
}

/** An expression that calls, constructs, renders JSX, assigns, deletes, awaits or yields somewhere in it. */
function doesSomething(expression: ts.Node): boolean {
  if (
    ts.isCallExpression(expression) ||
    ts.isNewExpression(expression) ||
    ts.isJsxElement(expression) ||
    ts.isJsxSelfClosingElement(expression) ||
    ts.isJsxFragment(expression) ||
    ts.isTaggedTemplateExpression(expression) ||
    ts.isDeleteExpression(expression) ||
    ts.isAwaitExpression(expression) ||
    ts.isYieldExpression(expression) ||
    (ts.isBinaryExpression(expression) &&
      expression.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
      expression.operatorToken.kind <= ts.SyntaxKind.LastAssignment) ||
    ((ts.isPrefixUnaryExpression(expression) || ts.isPostfixUnaryExpression(expression)) &&
      (expression.operator === ts.SyntaxKind.PlusPlusToken || expression.operator === ts.SyntaxKind.MinusMinusToken))
  ) {
    return true;
  }
  if (ts.isFunctionLike(expression)) return false;
  return ts.forEachChild(expression, (child) => (doesSomething(child) ? true : undefined)) === true;
}

function assign(guard: GuardFact, state: "on" | "off" | undefined, branch: BranchFact | undefined): void {
  if (!state || !branch) return;
  guard[state] = branch;
}

function polarityOf(truth: Truth): "positive" | "negative" {
  return truth.whenTruthy === "off" || truth.whenFalsy === "on" ? "negative" : "positive";
}



function literalValue(node: ts.Expression): Literal | undefined {
  if (ts.isStringLiteralLike(node)) return node.text;
  if (ts.isNumericLiteral(node)) return Number(node.text);
  if (node.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (node.kind === ts.SyntaxKind.FalseKeyword) return false;
  if (node.kind === ts.SyntaxKind.NullKeyword) return null;
  return undefined;
}

/**
 * One case per clause that has code, with every value that runs it: clauses without code
 * (`case "a": case "b": f()`) and clauses that fall through add their values (and `default`) to
 * the next clause's, because that code runs for them too.
 */
function switchGuard(statement: ts.SwitchStatement, truth: Truth, ctx: ExtractionContext, via: string | undefined): GuardFact {
  const cases: NonNullable<GuardFact["cases"]> = [];
  let values: Literal[] = [];
  let isDefault = false;
  for (const clause of statement.caseBlock.clauses) {
    if (ts.isDefaultClause(clause)) isDefault = true;
    else {
      const value = literalValue(clause.expression);
      if (value !== undefined && !values.includes(value)) values = [...values, value];
    }
    if (clause.statements.length === 0) continue;
    cases.push({ values, isDefault, branch: statementsBranch(clause.statements, clause, ctx) });
    if (alwaysExits(lastStatementOf(clause.statements), ctx)) {
      values = [];
      isDefault = false;
    }
  }
  const guard: GuardFact = {
    kind: "switch",
    polarity: polarityOf(truth),
    range: rangeOfNode(statement, ctx.sourceFile),
    cases,
  };
  if (via !== undefined) guard.via = via;
  return guard;
}

function lastStatementOf(statements: readonly ts.Statement[]): ts.Statement | undefined {
  return statements[statements.length - 1];
}

/** True when control never falls out of `statement`: it returns, throws, breaks or continues. */
function alwaysExits(statement: ts.Statement | undefined, ctx: ExtractionContext): boolean {
  if (statement === undefined) return false;
  if (
    ts.isReturnStatement(statement) ||
    ts.isThrowStatement(statement) ||
    ts.isBreakStatement(statement) ||
    ts.isContinueStatement(statement)
  ) {
    return true;
  }
  if (ts.isExpressionStatement(statement)) return isCallThatNeverReturns(statement.expression, ctx);
  if (ts.isBlock(statement)) return alwaysExits(lastStatementOf(statement.statements), ctx);
  if (ts.isIfStatement(statement)) {
    return statement.elseStatement !== undefined && alwaysExits(statement.thenStatement, ctx) && alwaysExits(statement.elseStatement, ctx);
  }
  return false;
}

/**
 * Next.js's navigation functions end a request by throwing, so `if (!on) redirect("/")` is an early
 * exit as `if (!on) return …` is (a gate whose refusal moved from one to the other is the same gate).
 * Only the functions imported from `next/navigation` count: a local `redirect` may return.
 */
const neverReturningImports: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ["next/navigation", new Set(["redirect", "permanentRedirect", "notFound", "forbidden", "unauthorized"])],
]);

function isCallThatNeverReturns(expression: ts.Expression, ctx: ExtractionContext): boolean {
  const call = ts.isAwaitExpression(expression) ? expression.expression : expression;
  if (!ts.isCallExpression(call) || !ts.isIdentifier(call.expression)) return false;
  const declaration = lookUpName(call.expression.text, call, ctx);
  if (declaration?.kind !== "import" || declaration.origin.kind !== "import") return false;
  return neverReturningImports.get(declaration.origin.specifier)?.has(declaration.origin.imported) === true;
}

function restOfBlock(statement: ts.IfStatement, ctx: ExtractionContext): BranchFact | undefined {
  const container = statement.parent;
  if (!ts.isBlock(container) && !ts.isSourceFile(container) && !ts.isCaseClause(container) && !ts.isDefaultClause(container)) {
    return undefined;
  }
  const statements = container.statements;
  const rest = statements.slice(statements.indexOf(statement) + 1);
  return rest.length === 0 ? undefined : statementsBranch(rest, container, ctx);
}

/** The branch fact of consecutive nodes (statements, JSX children): from the first's start to the last's end. */
export function statementsBranch(statements: readonly ts.Node[], fallback: ts.Node, ctx: ExtractionContext): BranchFact {
  const first = statements[0];
  const last = statements[statements.length - 1];
  const range: SourceRange =
    first && last
      ? rangeBetween(first.getStart(ctx.sourceFile), last.getEnd(), ctx.sourceFile)
      : rangeOfNode(fallback, ctx.sourceFile);
  const refs = new Set<string>();
  const uses: Record<string, number> = {};
  for (const statement of statements) collectRefs(statement, refs, uses, ctx);
  return { range, refs: [...refs].sort(), uses };
}

/** The branch fact of one node: its range, the names it refers to and its uses. */
function branchOf(node: ts.Node, ctx: ExtractionContext): BranchFact {
  const refs = new Set<string>();
  const uses: Record<string, number> = {};
  collectRefs(node, refs, uses, ctx);
  return { range: rangeOfNode(node, ctx.sourceFile), refs: [...refs].sort(), uses };
}

/** Names for people (capped) and uses counted with the keys the extraction walk gave each node. */
function collectRefs(node: ts.Node, refs: Set<string>, uses: Record<string, number>, ctx: ExtractionContext): void {
  const key = ctx.useKeys?.get(node);
  if (key !== undefined) uses[key] = (uses[key] ?? 0) + 1;
  if (ts.isIdentifier(node)) {
    if (refs.size >= maxRefsPerBranch) return;
    const parent = node.parent;
    if (ts.isPropertyAccessExpression(parent) && parent.name === node) refs.add(`.${node.text}`);
    else refs.add(node.text);
    return;
  }
  ts.forEachChild(node, (child) => collectRefs(child, refs, uses, ctx));
}

/** The guards of every read of the variable `name` that `declaration` declares (plainly or destructured). */
export function guardsOfVariable(name: string, declaration: ts.VariableDeclaration, ctx: ExtractionContext): GuardFact[] {
  const guards: GuardFact[] = [];
  const refs = referencesTo(name, declaration, ctx);
  if (isReassigned(declaration, refs)) return guards;
  for (const ref of refs) walkUp(ref, { whenTruthy: "on", whenFalsy: "off" }, undefined, ctx, guards, 1, name);
  return guards;
}

/**
 * True when a `let` or `var` is assigned again: where it is read, it may hold something else than
 * the flag (`let show = flag; if (admin) show = true; if (show) A` runs A with the flag off).
 */
function isReassigned(declaration: ts.VariableDeclaration, refs: readonly ts.Identifier[]): boolean {
  const list = declaration.parent;
  if (ts.isVariableDeclarationList(list) && (list.flags & ts.NodeFlags.Const) !== 0) return false;
  return refs.some(isAssignmentTarget);
}

/** `x = …`, `x += …`, `x++`, `[x] = …`, `({ x } = …)`, `for (x of …)`. */
function isAssignmentTarget(id: ts.Identifier): boolean {
  let node: ts.Node = id;
  while (ts.isParenthesizedExpression(node.parent) || ts.isNonNullExpression(node.parent)) node = node.parent;
  const parent = node.parent;
  if (ts.isPrefixUnaryExpression(parent) || ts.isPostfixUnaryExpression(parent)) {
    return parent.operator === ts.SyntaxKind.PlusPlusToken || parent.operator === ts.SyntaxKind.MinusMinusToken;
  }
  // Up through a destructuring pattern written as a literal, to what it is assigned from.
  for (;;) {
    const holder = node.parent;
    if (
      ts.isArrayLiteralExpression(holder) ||
      ts.isObjectLiteralExpression(holder) ||
      ts.isShorthandPropertyAssignment(holder) ||
      ts.isSpreadElement(holder) ||
      ts.isSpreadAssignment(holder) ||
      (ts.isPropertyAssignment(holder) && holder.initializer === node) ||
      ts.isParenthesizedExpression(holder)
    ) {
      node = holder;
    } else {
      break;
    }
  }
  const user = node.parent;
  if (ts.isBinaryExpression(user)) {
    const op = user.operatorToken.kind;
    return user.left === node && op >= ts.SyntaxKind.FirstAssignment && op <= ts.SyntaxKind.LastAssignment;
  }
  return (ts.isForOfStatement(user) || ts.isForInStatement(user)) && user.initializer === node;
}

/** Identifiers in the declaration's scope that refer to the variable `name` declared by `declaration`. */
export function referencesTo(name: string, declaration: ts.VariableDeclaration, ctx: ExtractionContext): ts.Identifier[] {
  const scope = enclosingScope(declaration);
  const start = scope.getStart(ctx.sourceFile);
  const end = scope.getEnd();
  return identifiersNamed(name, ctx).filter((id) => {
    if (id.pos < start || id.end > end || !isValueReference(id) || isDeclarationName(id, declaration)) return false;
    const resolved = lookUpName(name, id, ctx);
    const target = resolved?.kind === "local" || resolved?.kind === "top-level" ? resolved.node : undefined;
    return target === declaration;
  });
}

/** Every identifier of the file with this text, from the index the extraction walk builds. */
function identifiersNamed(name: string, ctx: ExtractionContext): readonly ts.Identifier[] {
  return ctx.identifierIndex?.get(name) ?? [];
}

function enclosingScope(node: ts.Node): ts.Node {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isBlock(current) || ts.isSourceFile(current) || ts.isFunctionLike(current) || ts.isCaseClause(current)) {
      return current;
    }
  }
  return node;
}

function isDeclarationName(id: ts.Identifier, declaration: ts.VariableDeclaration): boolean {
  for (let node: ts.Node = id; node !== declaration; node = node.parent) {
    if (node === declaration.name) return true;
    if (node === declaration.initializer || !node.parent) return false;
  }
  return false;
}

function isValueReference(id: ts.Identifier): boolean {
  const parent = id.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.name === id) return false;
  if ((ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent) || ts.isMethodDeclaration(parent)) && parent.name === id) {
    return false;
  }
  return true;
}
