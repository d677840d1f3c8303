// Values that may hold flags by key (what a flag-map accessor returns, a configured member such as
// `session.user.featureFlags`, a parameter a map may be passed to), followed through one file: the
// properties read on them, through variables, destructuring, optional chains and element access
// with constant keys; and where they leave the code in view (passed to a call or a component,
// returned by a function), so that linking can follow them across files.
import ts from "../engine/typescript-api.js";
import type {
  CalleeFact,
  ExprFact,
  GuardFact,
  PropertyReadFact,
  ValuePassFact,
  ValueReturnFact,
} from "./file-facts.js";
import type { ExtractionContext } from "./extraction-context.js";
import { isBooleanTest } from "./boolean-test.js";
import { guardsOf, guardsOfVariable, referencesTo } from "./guard-regions.js";
import { lookUpName, propertyNameText } from "./scope-lookup.js";
import { skipTransparentDown, skipTransparentUp } from "./skip-transparent.js";
import { previewText, rangeOfNode } from "./source-range.js";
import { summarizeExpression } from "./summarize-expression.js";

/** A read goes at most two properties deep: the flag (`flags.a`), or the map and the flag (`workspace.flags.a`). */
const maxPath = 2;
/** Variables, destructurings and loader hand-offs followed from one value. */
const maxHops = 4;
const maxKeyText = 60;

/**
 * Calls that hand their object argument on unchanged as what a route loader returns: Remix's
 * `json`/`defer`, React Router's `data`, remix-typedjson's `typedjson`.
 */
const loaderResponseNames = new Set(["json", "data", "defer", "typedjson"]);
/** Route-module exports whose return value components read through `useLoaderData()`. */
const loaderNames = new Set(["loader", "clientLoader"]);
const loaderDataHooks = new Set(["useLoaderData"]);

/** One property step into a value: a name, or a computed key (`flags[FLAG.a]`). */
interface Step {
  name: string;
  keyExpr?: ExprFact;
}

/** Everything found about one value. */
export interface ValueFlow {
  reads: PropertyReadFact[];
  passes: ValuePassFact[];
  returns: ValueReturnFact[];
}

/** Where a visit stands: the path read so far, and the steps still to match before it counts. */
interface Position {
  path: Step[];
  /** Steps a read must go through first (loader data: `useLoaderData().flags` holds the map). */
  lead: string[];
  /** Reads with a path this short were already recorded where the value was bound. */
  recorded: number;
  hops: number;
  /** Guards only where a read is tested as a boolean (for parameters, see `followParameterUse`). */
  cheap?: boolean;
}

/** Follows values in one file; `calleeOf` describes the callee of a call a value is passed to. */
export class ValueFollower {
  constructor(
    private readonly ctx: ExtractionContext,
    private readonly calleeOf: (callee: ts.Expression) => CalleeFact | undefined,
    private readonly functionNameOf: (fn: ts.Node) => string | undefined,
  ) {}

  /** What is read of `expr`'s value, and where it goes; `cheap`: guards only where a read is tested. */
  follow(expr: ts.Expression, cheap = false): ValueFlow {
    const flow: ValueFlow = { reads: [], passes: [], returns: [] };
    this.visit(expr, { path: [], lead: [], recorded: 0, hops: 0, ...(cheap ? { cheap } : {}) }, flow);
    return flow;
  }

  /** What is read of a local variable's value (`const { featureFlags } = session.user`). */
  followLocal(name: string, declaration: ts.VariableDeclaration): ValueFlow {
    const flow: ValueFlow = { reads: [], passes: [], returns: [] };
    for (const ref of this.variableReferences(name, declaration)) this.visit(ref, { path: [], lead: [], recorded: 0, hops: 1 }, flow);
    return flow;
  }

  /**
   * One use of a parameter (or of a property destructured from it, `path`): what it reads and where
   * it passes the value. Every parameter of every named function is followed, so guards, which
   * cost a walk of the guarded code, are computed only where the read is tested as a boolean.
   */
  followParameterUse(id: ts.Identifier, path: readonly string[], flow: ValueFlow): void {
    const steps = path.map((name) => ({ name }));
    // `({ flags }) => flags.a`: the parameter's own properties are not reads, only what is below them.
    this.visit(id, { path: steps, lead: [], recorded: steps.length, hops: 1, cheap: true }, flow);
  }

  private visitParameter(param: ts.ParameterDeclaration, fn: ts.SignatureDeclaration, at: Position, flow: ValueFlow): void {
    if (ts.isIdentifier(param.name)) {
      for (const ref of this.referencesToParameter(param.name.text, fn)) this.visit(ref, at, flow);
      return;
    }
    if (!ts.isObjectBindingPattern(param.name)) return;
    for (const element of param.name.elements) {
      if (!ts.isIdentifier(element.name)) continue;
      if (element.dotDotDotToken) {
        for (const ref of this.referencesToParameter(element.name.text, fn)) this.visit(ref, at, flow);
        continue;
      }
      const name = element.propertyName ? propertyNameText(element.propertyName) : element.name.text;
      if (name === undefined) continue;
      const next = this.advance(at, { name });
      if (!next || next.path.length >= maxPath) continue;
      // The parameter's own properties are not recorded (every component's props would be):
      // only what is read below them, `({ flags }) => flags.a`.
      const below = { ...next, recorded: Math.max(next.recorded, next.path.length) };
      for (const ref of this.referencesToParameter(element.name.text, fn)) this.visit(ref, below, flow);
    }
  }

  /** Moves one step into the value; undefined when the step leaves the lead. */
  private advance(at: Position, step: Step): Position | undefined {
    const [expected, ...lead] = at.lead;
    if (expected !== undefined) return step.keyExpr === undefined && step.name === expected ? { ...at, lead } : undefined;
    return { ...at, path: [...at.path, step] };
  }

  private visit(node: ts.Expression, at: Position, flow: ValueFlow): void {
    const top = skipTransparentUp(node);
    const parent = top.parent;
    if (!parent) return;
    if ((ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent)) && parent.expression === top) {
      if (isCallee(parent) || isWrittenTo(parent)) {
        // `flags.a.includes(x)`, `flags.a.b = 1`: the flag `a` is read, what follows is not a flag.
        this.record(at, top, undefined, flow);
        return;
      }
      const step = this.stepOf(parent);
      const next = step && this.advance(at, step);
      if (!next) return;
      if (next.path.length >= maxPath) this.record(next, parent, undefined, flow);
      else this.visit(parent, next, flow);
      return;
    }
    if (at.lead.length > 0) {
      if (ts.isVariableDeclaration(parent) && parent.initializer === top) this.visitDeclaration(parent, top, at, flow);
      return;
    }
    if (ts.isVariableDeclaration(parent) && parent.initializer === top) {
      this.visitDeclaration(parent, top, at, flow);
      return;
    }
    if (ts.isArrayLiteralExpression(parent) && at.path.length === 0) {
      this.visitAwaitedTogether(parent, top, at, flow);
      return;
    }
    this.record(at, top, undefined, flow);
    this.visitHandOff(top, parent, at, flow);
  }

  /** `const [doc, flags] = await Promise.all([getDoc(), getFeatureFlags()])`: the element at the same index. */
  private visitAwaitedTogether(array: ts.ArrayLiteralExpression, element: ts.Node, at: Position, flow: ValueFlow): void {
    const index = array.elements.findIndex((e) => e === element);
    const call = skipTransparentUp(array).parent;
    if (index < 0 || !call || !ts.isCallExpression(call) || call.arguments[0] !== skipTransparentUp(array) || !isPromiseAll(call)) return;
    const holder = skipTransparentUp(call).parent;
    if (!holder || !ts.isVariableDeclaration(holder) || !ts.isArrayBindingPattern(holder.name) || at.hops >= maxHops) return;
    const binding = holder.name.elements[index];
    if (!binding || !ts.isBindingElement(binding) || !ts.isIdentifier(binding.name) || binding.dotDotDotToken) return;
    for (const ref of this.variableReferences(binding.name.text, holder)) this.visit(ref, { ...at, hops: at.hops + 1 }, flow);
  }

  /** A read of the path so far at `node`, unless the path is empty or was recorded where it was bound. */
  private record(at: Position, node: ts.Node, guards: GuardFact[] | undefined, flow: ValueFlow): void {
    if (at.path.length === 0 || at.path.length <= at.recorded || at.lead.length > 0) return;
    const guarded = ts.isExpression(node) && (!at.cheap || isBooleanTest(node));
    const read = this.readOf(at.path, node, guards ?? (guarded ? guardsOf(node, this.ctx) : []));
    if (read && at.recorded > 0) read.bound = true;
    if (read) flow.reads.push(read);
  }

  private readOf(path: readonly Step[], node: ts.Node, guards: GuardFact[]): PropertyReadFact | undefined {
    const [first, second] = path;
    if (!first) return undefined;
    const read: PropertyReadFact = { property: first.name, range: rangeOfNode(node, this.ctx.sourceFile), guards };
    if (first.keyExpr) read.keyExpr = first.keyExpr;
    if (second) {
      read.member = second.name;
      if (second.keyExpr) read.memberKeyExpr = second.keyExpr;
    }
    return read;
  }

  /** `const v = value`, `const { a, b: { c } } = value`. */
  private visitDeclaration(declaration: ts.VariableDeclaration, value: ts.Node, at: Position, flow: ValueFlow): void {
    if (at.hops >= maxHops) return;
    const hopped = { ...at, hops: at.hops + 1 };
    if (ts.isIdentifier(declaration.name)) {
      // The read is where the value is taken (its guards follow the variable); below, only deeper reads.
      this.record(at, value, undefined, flow);
      const refs = this.variableReferences(declaration.name.text, declaration);
      const below = { ...hopped, recorded: Math.max(at.recorded, at.path.length) };
      for (const ref of refs) this.visit(ref, below, flow);
      return;
    }
    if (ts.isObjectBindingPattern(declaration.name)) this.visitPattern(declaration.name, declaration, hopped, flow);
  }

  private visitPattern(pattern: ts.ObjectBindingPattern, declaration: ts.VariableDeclaration, at: Position, flow: ValueFlow): void {
    for (const element of pattern.elements) {
      if (element.dotDotDotToken) {
        if (ts.isIdentifier(element.name)) {
          const refs = this.variableReferences(element.name.text, declaration);
          for (const ref of refs) this.visit(ref, { ...at, recorded: Math.max(at.recorded, at.path.length) }, flow);
        }
        continue;
      }
      const name = element.propertyName ? this.patternKey(element.propertyName) : ts.isIdentifier(element.name) ? { name: element.name.text } : undefined;
      const next = name && this.advance(at, name);
      if (!next) continue;
      if (ts.isObjectBindingPattern(element.name)) {
        if (next.path.length < maxPath) this.visitPattern(element.name, declaration, next, flow);
        continue;
      }
      if (!ts.isIdentifier(element.name)) continue;
      const local = element.name.text;
      if (next.lead.length === 0 && next.path.length > next.recorded) {
        const read = this.readOf(next.path, element, next.cheap ? [] : guardsOfVariable(local, declaration, this.ctx));
        if (read) flow.reads.push(read);
      }
      if (next.path.length >= maxPath && next.lead.length === 0) continue;
      const below = { ...next, recorded: Math.max(next.recorded, next.path.length) };
      for (const ref of this.variableReferences(local, declaration)) this.visit(ref, below, flow);
    }
  }

  private patternKey(name: ts.PropertyName): Step | undefined {
    const text = propertyNameText(name);
    if (text !== undefined) return { name: text };
    if (ts.isComputedPropertyName(name)) return this.computedStep(name.expression);
    return undefined;
  }

  /** The value leaves the code in view: passed to a call or a component, or returned. */
  private visitHandOff(value: ts.Node, parent: ts.Node, at: Position, flow: ValueFlow): void {
    let node = value;
    let holder = parent;
    const path: string[] = [];
    // `{ flags }`, `{ flags: value }`: one object level around the value.
    if (ts.isShorthandPropertyAssignment(holder) || (ts.isPropertyAssignment(holder) && holder.initializer === node)) {
      const name = propertyNameText(holder.name);
      const object = holder.parent;
      if (name === undefined || !ts.isObjectLiteralExpression(object)) return;
      path.push(name);
      node = skipTransparentUp(object);
      holder = node.parent;
    }
    if (!holder) return;
    if ((ts.isCallExpression(holder) || ts.isNewExpression(holder)) && holder.expression !== node) {
      const index = holder.arguments?.indexOf(node as ts.Expression) ?? -1;
      if (index < 0) return;
      const callee = skipTransparentDown(holder.expression);
      if (ts.isIdentifier(callee) && loaderResponseNames.has(callee.text) && index === 0) {
        const returned = skipTransparentUp(holder);
        if (returned.parent) this.visitReturn(returned, returned.parent, path, at, flow);
        return;
      }
      const fact = this.calleeOf(callee);
      if (fact) flow.passes.push({ callee: fact, index, path, from: at.path.map((s) => s.name), range: rangeOfNode(holder, this.ctx.sourceFile) });
      return;
    }
    if (ts.isJsxExpression(holder) && path.length === 0) {
      const attribute = holder.parent;
      if (!ts.isJsxAttribute(attribute)) return;
      const element = attribute.parent.parent;
      const name = attribute.name.getText(this.ctx.sourceFile);
      const callee = this.calleeOf(element.tagName as ts.Expression);
      if (callee) flow.passes.push({ callee, index: 0, path: [name], from: at.path.map((s) => s.name), range: rangeOfNode(element, this.ctx.sourceFile) });
      return;
    }
    if (ts.isJsxSpreadAttribute(holder) && path.length === 0) {
      const element = holder.parent.parent;
      const callee = this.calleeOf(element.tagName as ts.Expression);
      if (callee) flow.passes.push({ callee, index: 0, path: [], from: at.path.map((s) => s.name), range: rangeOfNode(element, this.ctx.sourceFile) });
      return;
    }
    this.visitReturn(node, holder, path, at, flow);
  }

  /** `return value`, `=> value`: the enclosing named function returns it (a route loader's data included). */
  private visitReturn(node: ts.Node, holder: ts.Node, path: string[], at: Position, flow: ValueFlow): void {
    let fn: ts.Node | undefined;
    if (ts.isArrowFunction(holder) && holder.body === node) fn = holder;
    else if (ts.isReturnStatement(holder)) {
      for (let current = holder.parent; current; current = current.parent) {
        if (ts.isFunctionLike(current)) {
          fn = current;
          break;
        }
      }
    }
    if (!fn) return;
    const name = this.functionNameOf(fn);
    if (name === undefined) return;
    flow.returns.push({ fn: name, path, from: at.path.map((s) => s.name) });
    if (loaderNames.has(name) && at.hops < maxHops) this.visitLoaderData(path, at, flow);
  }

  /**
   * A route loader's data, read in the same route module: `useLoaderData()` (Remix, React Router)
   * and the `loaderData` prop of the default export (React Router 7's `Route.ComponentProps`).
   */
  private visitLoaderData(path: string[], at: Position, flow: ValueFlow): void {
    const next = { ...at, lead: [...path, ...at.lead], hops: at.hops + 1 };
    for (const name of loaderDataHooks) {
      for (const id of this.ctx.identifierIndex?.get(name) ?? []) {
        const call = id.parent;
        if (ts.isCallExpression(call) && call.expression === id) this.visit(call, next, flow);
      }
    }
    const component = defaultExportedFunction(this.ctx.sourceFile);
    const props = component?.parameters[0];
    if (component && props) this.visitParameter(props, component, { ...next, lead: ["loaderData", ...next.lead] }, flow);
  }

  private stepOf(access: ts.PropertyAccessExpression | ts.ElementAccessExpression): Step | undefined {
    if (ts.isPropertyAccessExpression(access)) return ts.isIdentifier(access.name) ? { name: access.name.text } : undefined;
    const arg = skipTransparentDown(access.argumentExpression);
    if (ts.isStringLiteralLike(arg) || ts.isNumericLiteral(arg)) return { name: arg.text };
    return this.computedStep(arg);
  }

  private computedStep(expr: ts.Expression): Step | undefined {
    const keyExpr = summarizeExpression(expr, this.ctx);
    if (keyExpr.kind === "string") return { name: keyExpr.value };
    if (keyExpr.kind === "other") return undefined;
    return { name: previewText(expr, this.ctx.sourceFile, maxKeyText), keyExpr };
  }

  private variableReferences(name: string, declaration: ts.VariableDeclaration): ts.Identifier[] {
    const refs = referencesTo(name, declaration, this.ctx);
    const list = declaration.parent;
    const isConst = ts.isVariableDeclarationList(list) && (list.flags & ts.NodeFlags.Const) !== 0;
    // A variable assigned again may hold something else where it is read.
    return !isConst && refs.some(isAssigned) ? [] : refs;
  }

  private referencesToParameter(name: string, fn: ts.SignatureDeclaration): ts.Identifier[] {
    const start = fn.pos;
    const end = fn.end;
    const refs: ts.Identifier[] = [];
    for (const id of this.ctx.identifierIndex?.get(name) ?? []) {
      if (id.pos < start || id.end > end || !isValueReference(id)) continue;
      const found = lookUpName(name, id, this.ctx);
      if (found?.kind === "param" && found.fn === fn && found.param.name !== id && !isInBinding(id, found.param)) refs.push(id);
    }
    return refs.some(isAssigned) ? [] : refs;
  }
}

function isPromiseAll(call: ts.CallExpression): boolean {
  const callee = call.expression;
  return ts.isPropertyAccessExpression(callee) && callee.name.text === "all" && ts.isIdentifier(callee.expression) && callee.expression.text === "Promise";
}

/** `value.get("x")`: a method of the value is called, nothing is read. */
function isCallee(access: ts.Expression): boolean {
  const top = skipTransparentUp(access);
  return ts.isCallExpression(top.parent) && top.parent.expression === top;
}

/** `flags.a = true`, `delete flags.a`, `flags.a++`: written, not read. */
function isWrittenTo(access: ts.Expression): boolean {
  const top = skipTransparentUp(access);
  const parent = top.parent;
  if (ts.isBinaryExpression(parent)) {
    const op = parent.operatorToken.kind;
    return parent.left === top && op >= ts.SyntaxKind.FirstAssignment && op <= ts.SyntaxKind.LastAssignment;
  }
  if (ts.isDeleteExpression(parent)) return true;
  if (ts.isPrefixUnaryExpression(parent) || ts.isPostfixUnaryExpression(parent)) {
    return parent.operator === ts.SyntaxKind.PlusPlusToken || parent.operator === ts.SyntaxKind.MinusMinusToken;
  }
  return false;
}

function isAssigned(id: ts.Identifier): boolean {
  return isWrittenTo(id);
}

function isValueReference(id: ts.Identifier): boolean {
  const parent = id.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.name === id) return false;
  if (ts.isBindingElement(parent) && parent.propertyName === id) return false;
  if (ts.isPropertyAssignment(parent) && parent.name === id) return false;
  return !(ts.isJsxAttribute(parent) || ts.isPropertySignature(parent) || ts.isTypeReferenceNode(parent));
}

function isInBinding(id: ts.Identifier, param: ts.ParameterDeclaration): boolean {
  return id.pos >= param.name.pos && id.end <= param.name.end;
}

function defaultExportedFunction(sourceFile: ts.SourceFile): ts.SignatureDeclaration | undefined {
  for (const statement of sourceFile.statements) {
    if (
      ts.isFunctionDeclaration(statement) &&
      statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword) &&
      statement.modifiers.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
    ) {
      return statement;
    }
  }
  return undefined;
}
