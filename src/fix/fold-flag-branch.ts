// The fix of `no-dead-flag-branch`: fold a flag read to the value its state gives it and keep only
// the code that runs, the way Uber's Piranha cleans up a stale flag: the read becomes its value,
// then `!`, comparisons with literals, `&&`, `||` and `??` are evaluated, an `if` or a ternary whose
// condition is known keeps only its live side (an early exit takes the rest of its block with it),
// and a `const` that held the read is replaced by the value where it is used and deleted. Each step
// rewrites text, not a printed tree, so the kept code keeps its comments and layout; a step is
// marked in the text by a placeholder name (Piranha marks the literals it creates), and the file is
// parsed again after each step.
import ts from "../engine/typescript-api.js";
import { isBooleanCall, isEqualityOperator } from "../facts/operator-kinds.js";
import type { Finding } from "../findings/finding.js";
import { isDeclarationName, isReference } from "./identifier-role.js";
import { isSideEffectFree } from "./is-side-effect-free.js";
import { nodeStartingAt, offsetOf, parseForFix } from "./parse-for-fix.js";
import { indentationAt, removalRange, reindentedStatements } from "./statement-layout.js";
import type { TextEdit } from "./text-edit.js";
import { applyEdits, editBetween } from "./text-edit.js";

type Literal = string | number | boolean | null;

const placeholderPrefix = "__deadflag_folded_";
/** Steps of one fold at most: a read used in more places than this is folded by hand. */
const maxSteps = 64;

/**
 * The edit that folds the flag read behind a `no-dead-flag-branch` finding in `text` (the file as
 * linted), or undefined when it cannot be folded safely: the read is in another file or is not a
 * call with side-effect-free arguments, something else in the condition would have run, the
 * variable holding the read is reassigned or exported, the check is a `switch`, or the fold would not
 * remove the dead branch the finding names.
 */
export function foldFlagBranch(fileName: string, text: string, finding: Finding, options: FoldOptions = {}): TextEdit | undefined {
  const data = finding.data ?? {};
  const read = data["read"];
  const value = data["value"];
  if (!isReadPoint(read) || read.file !== finding.file || !isLiteral(value) || data["guard"] === "switch") return undefined;
  if (text.includes(placeholderPrefix)) return undefined;
  const sourceFile = parseForFix(fileName, text);
  const readAt = offsetOf(sourceFile, read.line, read.column);
  const deadStart = offsetOf(sourceFile, finding.line, finding.column);
  const deadEnd = offsetOf(sourceFile, finding.endLine, finding.endColumn);
  if (readAt === undefined || deadStart === undefined || deadEnd === undefined) return undefined;
  const readNode = readCallAt(sourceFile, readAt) ?? (options.memberReadEnd === undefined ? undefined : memberReadAt(sourceFile, readAt, options.memberReadEnd));
  if (!readNode) return undefined;

  let current = applyEdits(text, [{ start: readNode.getStart(sourceFile), end: readNode.getEnd(), text: `${placeholderPrefix}0` }]);
  let placeholders = 1;
  for (let step = 0; ; step++) {
    if (step >= maxSteps) return undefined;
    const file = parseForFix(fileName, current);
    const placeholder = firstPlaceholder(file);
    if (!placeholder) break;
    const edits = foldStep(placeholder, value, file, () => `${placeholderPrefix}${placeholders++}`);
    if (!edits) return undefined;
    current = applyEdits(current, edits);
  }
  const edit = editBetween(text, current);
  const dead = text.slice(deadStart, deadEnd);
  // The common prefix and suffix of the two texts may reach into the dead branch (`return 1;` and
  // `return 2;` share their end), so the branch must be touched by the edit and gone as a whole.
  const removesDeadBranch =
    edit.start < deadEnd && deadStart < edit.end && occurrences(current, dead) < occurrences(text, dead);
  // A last guard: the folded file must parse as well as the original did.
  return removesDeadBranch && parseErrorCount(parseForFix(fileName, current)) <= parseErrorCount(sourceFile) ? edit : undefined;
}

function parseErrorCount(sourceFile: ts.SourceFile): number {
  const diagnostics: unknown = Reflect.get(sourceFile, "parseDiagnostics");
  return Array.isArray(diagnostics) ? diagnostics.length : 0;
}

/** What a fold may take for the read besides a call. */
export interface FoldOptions {
  /**
   * The end offset of a read that is a member of a flag map (`flags.x`, `flags?.x`), to fold it too:
   * its value is the flag's. Never for an environment variable, whose value is text.
   */
  memberReadEnd?: number;
}

/**
 * The member read from `offset` to `end` (`flags.x`, `flags?.["x"]`), if reading it has no side
 * effects and its value is used as it is (not called, not read further, not written).
 */
function memberReadAt(sourceFile: ts.SourceFile, offset: number, end: number): ts.Expression | undefined {
  let node = nodeStartingAt(sourceFile, offset);
  while (node && node.getStart(sourceFile) === offset && node.getEnd() < end) node = node.parent;
  if (!node || node.getStart(sourceFile) !== offset || node.getEnd() !== end) return undefined;
  if (!ts.isPropertyAccessExpression(node) && !ts.isElementAccessExpression(node)) return undefined;
  const user = node.parent;
  if ((ts.isPropertyAccessExpression(user) || ts.isElementAccessExpression(user) || ts.isCallExpression(user)) && user.expression === node) {
    return undefined;
  }
  if (ts.isBinaryExpression(user) && user.left === node && user.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && user.operatorToken.kind <= ts.SyntaxKind.LastAssignment) {
    return undefined;
  }
  return isSideEffectFree(node) ? node : undefined;
}

interface ReadPoint {
  file: string;
  line: number;
  column: number;
}

function isReadPoint(value: unknown): value is ReadPoint {
  if (typeof value !== "object" || value === null) return false;
  const point = value as Record<string, unknown>;
  return typeof point["file"] === "string" && typeof point["line"] === "number" && typeof point["column"] === "number";
}

function isLiteral(value: unknown): value is Literal {
  return value === null || ["string", "number", "boolean"].includes(typeof value);
}

/**
 * The flag read starting at `offset`: the outermost call starting there (`client.getBooleanValue(…)`),
 * if its receiver and arguments have no side effects. Environment reads are not calls and are left
 * alone: their string value is not known, only the state's boolean.
 */
function readCallAt(sourceFile: ts.SourceFile, offset: number): ts.CallExpression | undefined {
  let node = nodeStartingAt(sourceFile, offset);
  while (node && node.getStart(sourceFile) === offset && !ts.isCallExpression(node)) {
    if (!ts.isPropertyAccessExpression(node) && !ts.isElementAccessExpression(node) && !ts.isIdentifier(node)) return undefined;
    node = node.parent;
  }
  if (!node || !ts.isCallExpression(node) || node.getStart(sourceFile) !== offset || node.questionDotToken) return undefined;
  const call = node;
  // `useFlags().x`: the call returns the flags, not the value of one.
  const user = call.parent;
  if ((ts.isPropertyAccessExpression(user) || ts.isElementAccessExpression(user) || ts.isCallExpression(user)) && user.expression === call) {
    return undefined;
  }
  if (!isSideEffectFree(call.expression) || !call.arguments.every((argument) => isSideEffectFree(argument))) return undefined;
  return call;
}

function firstPlaceholder(sourceFile: ts.SourceFile): ts.Identifier | undefined {
  const at = sourceFile.text.indexOf(placeholderPrefix);
  if (at < 0) return undefined;
  const node = nodeStartingAt(sourceFile, at);
  return node && ts.isIdentifier(node) ? node : undefined;
}

/**
 * One step: from the placeholder up through what its value decides, the edits that replace the
 * largest expression whose value is known, or the statement it decides.
 */
function foldStep(
  placeholder: ts.Identifier,
  value: Literal,
  sourceFile: ts.SourceFile,
  newPlaceholder: () => string,
): TextEdit[] | undefined {
  const text = sourceFile.text;
  let node: ts.Node = placeholder;
  let known: Literal | undefined = value;
  const replace = (target: ts.Node, replacement: string): TextEdit[] => [
    { start: target.getStart(sourceFile), end: target.getEnd(), text: replacement },
  ];
  for (;;) {
    const parent = node.parent;
    if (
      ts.isParenthesizedExpression(parent) ||
      ts.isAwaitExpression(parent) ||
      ts.isAsExpression(parent) ||
      ts.isSatisfiesExpression(parent) ||
      ts.isNonNullExpression(parent) ||
      ts.isTypeAssertionExpression(parent)
    ) {
      node = parent;
      continue;
    }
    if (ts.isPrefixUnaryExpression(parent) && parent.operator === ts.SyntaxKind.ExclamationToken) {
      known = !known;
      node = parent;
      continue;
    }
    if (ts.isCallExpression(parent) && isBooleanCall(parent, node)) {
      known = Boolean(known);
      node = parent;
      continue;
    }
    if (ts.isBinaryExpression(parent)) {
      const op = parent.operatorToken.kind;
      const isLeft = parent.left === node;
      const other = isLeft ? parent.right : parent.left;
      const otherValue = literalValue(other);
      if (isEqualityOperator(op) && otherValue !== undefined) {
        known = compare(known, otherValue, op);
        node = parent;
        continue;
      }
      if (isLeft && isLogical(op)) {
        const shortCircuits =
          op === ts.SyntaxKind.AmpersandAmpersandToken ? !known : op === ts.SyntaxKind.BarBarToken ? Boolean(known) : known !== null && known !== undefined;
        if (shortCircuits) {
          node = parent;
          continue;
        }
        return replaceByOperand(parent, other, sourceFile);
      }
      return replace(node, literalText(known));
    }
    if (ts.isIfStatement(parent) && parent.expression === node) return decideIf(parent, Boolean(known), sourceFile);
    if (ts.isConditionalExpression(parent) && parent.condition === node) {
      return replaceByOperand(parent, known ? parent.whenTrue : parent.whenFalse, sourceFile);
    }
    if (ts.isExpressionStatement(parent)) {
      return isStatementList(parent.parent) ? [removal(text, parent, sourceFile)] : replace(parent, "{}");
    }
    if (ts.isJsxExpression(parent) && isJsxChild(parent) && (typeof known === "boolean" || known === null)) {
      return [removal(text, parent, sourceFile)];
    }
    if (ts.isVariableDeclaration(parent) && parent.initializer === node) {
      return inlineVariable(parent, sourceFile, newPlaceholder) ?? replace(node, literalText(known));
    }
    // `{ ...(on && { a }) }` with `on` false spreads nothing: the spread goes.
    if (ts.isSpreadAssignment(parent) && !known) return [listItemRemoval(parent, sourceFile)];
    return replace(node, literalText(known));
  }
}

/** Removes an item of an object or array literal with its comma (its whole line when it has one to itself). */
function listItemRemoval(item: ts.ObjectLiteralElementLike | ts.Expression, sourceFile: ts.SourceFile): TextEdit {
  const text = sourceFile.text;
  const items: readonly ts.Node[] = ts.isObjectLiteralExpression(item.parent) ? item.parent.properties : ts.isArrayLiteralExpression(item.parent) ? item.parent.elements : [];
  let after = item.getEnd();
  while (after < text.length && (text[after] === " " || text[after] === "\t")) after++;
  const previous = items[items.indexOf(item) - 1];
  if (text[after] !== "," && previous) return { start: previous.getEnd(), end: item.getEnd(), text: "" };
  const range = removalRange(text, item.getStart(sourceFile), text[after] === "," ? after + 1 : item.getEnd());
  return { start: range.start, end: range.end, text: "" };
}



function isLogical(op: ts.SyntaxKind): boolean {
  return op === ts.SyntaxKind.AmpersandAmpersandToken || op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken;
}

function compare(known: Literal | undefined, other: Literal, op: ts.SyntaxKind): boolean {
  // `==` against a literal: null and undefined equal each other, and nothing else does; else as `===`.
  const loose = op === ts.SyntaxKind.EqualsEqualsToken || op === ts.SyntaxKind.ExclamationEqualsToken;
  const equal = loose && other === null ? known === null || known === undefined : known === other;
  const negated = op === ts.SyntaxKind.ExclamationEqualsEqualsToken || op === ts.SyntaxKind.ExclamationEqualsToken;
  return negated ? !equal : equal;
}

function literalValue(node: ts.Expression): Literal | undefined {
  if (ts.isStringLiteralLike(node)) return node.text;
  if (ts.isNumericLiteral(node)) return Number(node.text);
  if (node.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (node.kind === ts.SyntaxKind.FalseKeyword) return false;
  if (node.kind === ts.SyntaxKind.NullKeyword) return null;
  return undefined;
}

function literalText(value: Literal | undefined): string {
  return value === undefined ? "undefined" : JSON.stringify(value);
}

/**
 * Replaces `whole` (a logical expression or a ternary) by one of its operands, with parentheses when
 * the place needs them; a JSX child `{cond ? <A /> : <B />}` becomes the element itself, and a JSX
 * child that would render nothing goes.
 */
function replaceByOperand(whole: ts.Expression, kept: ts.Expression, sourceFile: ts.SourceFile): TextEdit[] {
  const text = sourceFile.text;
  const container = whole.parent;
  if (ts.isJsxExpression(container) && isJsxChild(container)) {
    // `{on && (\n  <A />\n)}`: the parentheses only wrapped the element over lines.
    let element = kept;
    while (ts.isParenthesizedExpression(element)) element = element.expression;
    if (ts.isJsxElement(element) || ts.isJsxSelfClosingElement(element) || ts.isJsxFragment(element)) {
      return [{ start: container.getStart(sourceFile), end: container.getEnd(), text: element.getText(sourceFile) }];
    }
    if (literalValue(kept) === null || kept.kind === ts.SyntaxKind.TrueKeyword || kept.kind === ts.SyntaxKind.FalseKeyword) {
      return [removal(text, container, sourceFile)];
    }
  }
  // `{ ...(on ? { a } : {}) }` keeping `{}`, or `[...(on ? [a] : [])]` keeping `[]`, spreads nothing: the spread goes.
  let outer: ts.Node = whole;
  while (ts.isParenthesizedExpression(outer.parent)) outer = outer.parent;
  let bare = kept;
  while (ts.isParenthesizedExpression(bare)) bare = bare.expression;
  const spread = outer.parent;
  const spreadsNothing =
    (ts.isSpreadAssignment(spread) && ts.isObjectLiteralExpression(bare) && bare.properties.length === 0) ||
    (ts.isSpreadElement(spread) && ts.isArrayLiteralExpression(spread.parent) && ts.isArrayLiteralExpression(bare) && bare.elements.length === 0);
  if (spreadsNothing) return [listItemRemoval(spread, sourceFile)];
  const keptText = kept.getText(sourceFile);
  const replacement = needsParentheses(whole, kept) ? `(${keptText})` : keptText;
  return [{ start: whole.getStart(sourceFile), end: whole.getEnd(), text: replacement }];
}

/** Whether `kept`, put where `whole` was, must be parenthesised to keep its meaning. */
function needsParentheses(whole: ts.Expression, kept: ts.Expression): boolean {
  const place = whole.parent;
  const startsStatement = ts.isExpressionStatement(place) || (ts.isArrowFunction(place) && place.body === whole);
  if (ts.isObjectLiteralExpression(kept) || ts.isFunctionExpression(kept) || ts.isClassExpression(kept)) return startsStatement;
  const loose =
    ts.isBinaryExpression(kept) ||
    ts.isConditionalExpression(kept) ||
    ts.isArrowFunction(kept) ||
    ts.isYieldExpression(kept) ||
    ts.isAsExpression(kept) ||
    ts.isSatisfiesExpression(kept);
  if (!loose) return false;
  const safePlace =
    ts.isParenthesizedExpression(place) ||
    ts.isExpressionStatement(place) ||
    ts.isReturnStatement(place) ||
    ts.isJsxExpression(place) ||
    ts.isTemplateSpan(place) ||
    (ts.isVariableDeclaration(place) && place.initializer === whole) ||
    (ts.isPropertyAssignment(place) && place.initializer === whole) ||
    ((ts.isCallExpression(place) || ts.isNewExpression(place)) && (place.arguments ?? []).some((a) => a === whole)) ||
    ts.isArrayLiteralExpression(place);
  const isComma = ts.isBinaryExpression(kept) && kept.operatorToken.kind === ts.SyntaxKind.CommaToken;
  return !safePlace || (isComma && !ts.isParenthesizedExpression(place) && !ts.isExpressionStatement(place));
}

function isJsxChild(expression: ts.JsxExpression): boolean {
  return ts.isJsxElement(expression.parent) || ts.isJsxFragment(expression.parent);
}

/** The edit of an `if` whose condition is known: keep its live side, and for an early exit, drop the rest of the block. */
function decideIf(statement: ts.IfStatement, truthy: boolean, sourceFile: ts.SourceFile): TextEdit[] {
  const text = sourceFile.text;
  const kept = truthy ? statement.thenStatement : statement.elseStatement;
  const container = statement.parent;
  if (ts.isIfStatement(container) && container.elseStatement === statement) {
    // `else if (flag) …`: the else keeps what is left of this `if`, or goes with it.
    if (!kept) return [{ start: container.thenStatement.getEnd(), end: statement.getEnd(), text: "" }];
    return [{ start: statement.getStart(sourceFile), end: statement.getEnd(), text: kept.getText(sourceFile) }];
  }
  if (!isStatementList(container)) {
    return [{ start: statement.getStart(sourceFile), end: statement.getEnd(), text: kept ? kept.getText(sourceFile) : "{}" }];
  }
  const siblings = container.statements;
  const rest = truthy && !statement.elseStatement && alwaysExits(statement.thenStatement) ? siblings.slice(siblings.indexOf(statement) + 1) : [];
  const last = rest[rest.length - 1] ?? statement;
  const keptStatements = kept ? (ts.isBlock(kept) ? kept.statements : [kept]) : [];
  // `if (!on) return;` at the end of a function's body: the fold leaves a `return;` that does nothing.
  const needless =
    last === siblings[siblings.length - 1] &&
    isFunctionBody(container) &&
    keptStatements.length === 1 &&
    isBareReturn(keptStatements[0]) &&
    !hasComments(kept, sourceFile);
  if (!kept || keptStatements.length === 0 || needless) {
    const range = removalRange(text, statement.getStart(sourceFile), last.getEnd());
    return [{ start: range.start, end: range.end, text: "" }];
  }
  const start = statement.getStart(sourceFile);
  if (ts.isBlock(kept) && declaresNamesOf(kept, container, statement)) {
    // Unwrapping would put a `let` or `const` next to one of the same name: keep the braces.
    return [{ start, end: last.getEnd(), text: kept.getText(sourceFile) }];
  }
  const region = ts.isBlock(kept)
    ? { start: kept.getStart(sourceFile) + 1, end: kept.getEnd() - 1 }
    : { start: kept.getStart(sourceFile), end: kept.getEnd() };
  return [{ start, end: last.getEnd(), text: reindentedStatements(sourceFile, region, indentationAt(text, start)) }];
}

type StatementList = ts.Block | ts.SourceFile | ts.CaseClause | ts.DefaultClause | ts.ModuleBlock;

function isStatementList(node: ts.Node): node is StatementList {
  return ts.isBlock(node) || ts.isSourceFile(node) || ts.isCaseClause(node) || ts.isDefaultClause(node) || ts.isModuleBlock(node);
}

function isFunctionBody(node: ts.Node): boolean {
  return ts.isBlock(node) && ts.isFunctionLike(node.parent);
}

function isBareReturn(statement: ts.Statement | undefined): boolean {
  return statement !== undefined && ts.isReturnStatement(statement) && statement.expression === undefined;
}

function hasComments(node: ts.Node | undefined, sourceFile: ts.SourceFile): boolean {
  return node !== undefined && /\/[/*]/.test(sourceFile.text.slice(node.getStart(sourceFile), node.getEnd()));
}

/** True when control never falls out of `statement`: it returns, throws, breaks or continues. */
function alwaysExits(statement: ts.Statement | undefined): boolean {
  if (statement === undefined) return false;
  if (ts.isReturnStatement(statement) || ts.isThrowStatement(statement) || ts.isBreakStatement(statement) || ts.isContinueStatement(statement)) {
    return true;
  }
  if (ts.isBlock(statement)) return alwaysExits(statement.statements[statement.statements.length - 1]);
  if (ts.isIfStatement(statement)) {
    return statement.elseStatement !== undefined && alwaysExits(statement.thenStatement) && alwaysExits(statement.elseStatement);
  }
  return false;
}

/** Whether `block` declares, at its top, a name that a statement of `container` other than `except` declares too. */
function declaresNamesOf(block: ts.Block, container: StatementList, except: ts.Statement): boolean {
  const inner = new Set(block.statements.flatMap(declaredNames));
  if (inner.size === 0) return false;
  return container.statements.some((statement) => statement !== except && declaredNames(statement).some((name) => inner.has(name)));
}

function declaredNames(statement: ts.Statement): string[] {
  if (ts.isVariableStatement(statement)) {
    return statement.declarationList.declarations.flatMap((declaration) => bindingNames(declaration.name));
  }
  if (
    (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement)) &&
    statement.name
  ) {
    return [statement.name.text];
  }
  return [];
}

function bindingNames(name: ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((element) => (ts.isBindingElement(element) ? bindingNames(element.name) : []));
}

/** The whole-line deletion of a statement or a JSX child. */
function removal(text: string, node: ts.Node, sourceFile: ts.SourceFile): TextEdit {
  const range = removalRange(text, node.getStart(sourceFile), node.getEnd());
  return { start: range.start, end: range.end, text: "" };
}

/**
 * A `const` (or a `let` never assigned again) that holds the read: each use becomes a placeholder of
 * its own, to fold in turn, and the declaration goes. Undefined when it cannot be done safely.
 */
function inlineVariable(
  declaration: ts.VariableDeclaration,
  sourceFile: ts.SourceFile,
  newPlaceholder: () => string,
): TextEdit[] | undefined {
  if (!ts.isIdentifier(declaration.name)) return undefined;
  const list = declaration.parent;
  const statement = list.parent;
  if (!ts.isVariableDeclarationList(list) || !ts.isVariableStatement(statement)) return undefined;
  if (statement.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)) return undefined;
  const uses = usesOf(declaration.name, statement.parent);
  if (!uses) return undefined;
  const edits: TextEdit[] = [];
  for (const use of uses) {
    const start = use.getStart(sourceFile);
    const inShorthand = ts.isShorthandPropertyAssignment(use.parent);
    edits.push({ start, end: use.getEnd(), text: inShorthand ? `${use.text}: ${newPlaceholder()}` : newPlaceholder() });
  }
  if (list.declarations.length === 1) {
    edits.push(removal(sourceFile.text, statement, sourceFile));
  } else {
    const index = list.declarations.indexOf(declaration);
    const next = list.declarations[index + 1];
    const previous = list.declarations[index - 1];
    edits.push(
      next
        ? { start: declaration.getStart(sourceFile), end: next.getStart(sourceFile), text: "" }
        : { start: (previous ?? declaration).getEnd(), end: declaration.getEnd(), text: "" },
    );
  }
  return edits;
}

/**
 * The identifiers that read the variable `name` in `scope`, or undefined when one writes it, exports
 * it, or the name is declared again inside (shadowing is left to a person).
 */
function usesOf(name: ts.Identifier, scope: ts.Node): ts.Identifier[] | undefined {
  const uses: ts.Identifier[] = [];
  let safe = true;
  const visit = (node: ts.Node): void => {
    if (!safe) return;
    if (ts.isIdentifier(node) && node.text === name.text && node !== name) {
      const parent = node.parent;
      if (isDeclarationName(node)) {
        safe = false;
      } else if (isReference(node)) {
        if (isWritten(node) || ts.isExportSpecifier(parent)) safe = false;
        else uses.push(node);
      }
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(scope);
  return safe ? uses : undefined;
}

/** `x = …`, `x += …`, `x++`, `[x] = …`, `for (x of …)`. */
function isWritten(node: ts.Identifier): boolean {
  let at: ts.Node = node;
  while (
    ts.isParenthesizedExpression(at.parent) ||
    ts.isArrayLiteralExpression(at.parent) ||
    ts.isObjectLiteralExpression(at.parent) ||
    ts.isShorthandPropertyAssignment(at.parent) ||
    ts.isSpreadElement(at.parent) ||
    (ts.isPropertyAssignment(at.parent) && at.parent.initializer === at)
  ) {
    at = at.parent;
  }
  const user = at.parent;
  if (ts.isPrefixUnaryExpression(user) || ts.isPostfixUnaryExpression(user)) {
    return user.operator === ts.SyntaxKind.PlusPlusToken || user.operator === ts.SyntaxKind.MinusMinusToken;
  }
  if (ts.isBinaryExpression(user)) {
    const op = user.operatorToken.kind;
    return user.left === at && op >= ts.SyntaxKind.FirstAssignment && op <= ts.SyntaxKind.LastAssignment;
  }
  return (ts.isForOfStatement(user) || ts.isForInStatement(user)) && user.initializer === at;
}

function occurrences(text: string, needle: string): number {
  if (needle.length === 0) return 0;
  let count = 0;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) count++;
  return count;
}
