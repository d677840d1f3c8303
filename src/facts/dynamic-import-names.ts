// Which exports a dynamic `import()` reads, when syntax says so. `import("./x")` hands over the whole
// module; but `const { a } = await import("./x")` (a lazy component, a test importing what it
// checks) reads only `a`, and counting the whole module would keep every export of it live.
import path from "node:path";
import ts from "../engine/typescript-api.js";
import type { ExtractionContext } from "./extraction-context.js";
import { referencesTo } from "./guard-regions.js";
import { constInitializer } from "./module-constant.js";
import { lookUpName, propertyNameText } from "./scope-lookup.js";
import { skipTransparentDown, skipTransparentUp } from "./skip-transparent.js";

/** One export the import reads, and the node that reads it (where its use is counted). */
export interface ImportedName {
  name: string;
  node: ts.Node;
}

/**
 * The exports the module a dynamic `import()` loads is read for: `const { a, b: c } = await
 * import("x")`, `(await import("x")).a`, `import("x").then(({ a }) => …)`, `import("x").then((m) =>
 * m.a)` and `const m = await import("x"); m.a`. Undefined when the module is used whole (passed on,
 * spread, a rest element) or syntax cannot tell. Reads references, so call it after the walk.
 */
export function dynamicImportNames(call: ts.CallExpression, ctx: ExtractionContext): ImportedName[] | undefined {
  let top: ts.Node = call;
  let awaited = false;
  for (let wrapper = skipTransparentUp(call); top !== wrapper; top = top.parent) {
    if (ts.isAwaitExpression(top.parent)) awaited = true;
  }
  if (awaited && ts.isExpression(top)) return namesOfValue(top, ctx);
  const parent = top.parent;
  // `import("x").then(cb)`: what the callback's parameter reads.
  if (parent && ts.isPropertyAccessExpression(parent) && parent.expression === top && parent.name.text === "then") {
    const then = parent.parent;
    const callback = ts.isCallExpression(then) && then.expression === parent ? then.arguments[0] : undefined;
    const fn = callback && skipTransparentDown(callback);
    if (!fn || !(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) || fn.parameters.length !== 1) return undefined;
    const parameter = fn.parameters[0];
    if (!parameter) return undefined;
    if (ts.isObjectBindingPattern(parameter.name)) return namesOfPattern(parameter.name);
    if (!ts.isIdentifier(parameter.name)) return undefined;
    return namesOfReferences(parameter.name.text, fn, ctx);
  }
  return undefined;
}

/** The exports a `require("x")` inside code is read for: `const { a } = require("x")`, `require("x").a`. */
export function requireNames(call: ts.CallExpression, ctx: ExtractionContext): ImportedName[] | undefined {
  return namesOfValue(call, ctx);
}

/**
 * A specifier known before run time: a string, or a module-level `const` holding one (`const
 * BUILD_PATH = "../build/index.js"; import(BUILD_PATH)`).
 */
export function literalSpecifier(arg: ts.Expression | undefined, ctx: ExtractionContext): string | undefined {
  const node = arg && skipTransparentDown(arg);
  if (!node) return undefined;
  if (ts.isStringLiteralLike(node)) return node.text;
  if (!ts.isIdentifier(node)) return undefined;
  const declaration = ctx.topLevel.get(node.text);
  const initializer = declaration && constInitializer(declaration, ctx.sourceFile);
  const value = initializer && skipTransparentDown(initializer);
  return value && ts.isStringLiteralLike(value) ? value.text : undefined;
}

/**
 * The folders a computed specifier can point into, from its literal start: `./locales/` for
 * \`./locales/${lang}.js\` or `"./locales/" + lang`; `./seed/` for `path.join(__dirname, "seed",
 * file)`; through `const`s (`const dir = path.resolve(__dirname, "../migration"); import(path.join(dir,
 * name))`) and both sides of `cond ? a : b`. Undefined when one of them has no literal start.
 */
export function literalPrefixes(specifier: ts.Expression, ctx: ExtractionContext, call?: ts.Node): string[] | undefined {
  return pathsOf(specifier, ctx, call, 0)?.map(({ text, exact }) => (exact ? folderPath(text) : text));
}

/** A path a value may hold: `exact` when all of it is known, else its known start (ending in `/`). */
interface KnownPath {
  text: string;
  exact: boolean;
}

const maxPrefixDepth = 6;

function pathsOf(specifier: ts.Expression, ctx: ExtractionContext, call: ts.Node | undefined, depth: number): KnownPath[] | undefined {
  if (depth > maxPrefixDepth) return undefined;
  const node = skipTransparentDown(specifier);
  if (ts.isStringLiteralLike(node)) return [{ text: node.text, exact: true }];
  if (ts.isTemplateExpression(node)) return startOf(node.head.text);
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = pathsOf(node.left, ctx, call, depth + 1);
    return left?.flatMap(({ text }) => startOf(text) ?? []);
  }
  if (ts.isConditionalExpression(node)) {
    const whenTrue = pathsOf(node.whenTrue, ctx, call, depth + 1);
    const whenFalse = pathsOf(node.whenFalse, ctx, call, depth + 1);
    return whenTrue && whenFalse ? [...whenTrue, ...whenFalse] : undefined;
  }
  if (ts.isCallExpression(node)) return joinedPaths(node, ctx, call, depth);
  if (ts.isIdentifier(node)) {
    // The specifier of a call the walk has not descended into yet has no parent: look up from the call.
    const initializer = constValueOf(node, ctx, node.parent ?? call ?? node);
    return initializer && pathsOf(initializer, ctx, undefined, depth + 1);
  }
  return undefined;
}

/** The folder part of a known start: up to its last `/` (`./locales/` of `./locales/en`). */
function startOf(head: string): KnownPath[] | undefined {
  const slash = head.lastIndexOf("/");
  return slash > 0 ? [{ text: head.slice(0, slash + 1), exact: false }] : undefined;
}

/** A whole path used as a folder: `./` first when relative, `/` last. */
function folderPath(text: string): string {
  const relative = text.startsWith(".") || text.startsWith("/") ? text : `./${text}`;
  return relative.endsWith("/") ? relative : `${relative}/`;
}

/**
 * `path.join(base, "a", name, "b")` (or `resolve`): base's paths (`__dirname` and
 * `import.meta.dirname` are the file's own folder, `./`) with the literal parts up to the first
 * computed one appended; exact only when every part is literal.
 */
function joinedPaths(join: ts.CallExpression, ctx: ExtractionContext, call: ts.Node | undefined, depth: number): KnownPath[] | undefined {
  const callee = join.expression;
  const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : undefined;
  if (name !== "join" && name !== "resolve") return undefined;
  const [base, ...rest] = join.arguments;
  if (!base) return undefined;
  const bases: KnownPath[] | undefined = isOwnDirectory(base) ? [{ text: "./", exact: true }] : pathsOf(base, ctx, call, depth + 1);
  if (!bases) return undefined;
  const parts: string[] = [];
  for (const part of rest) {
    if (!ts.isStringLiteralLike(part)) break;
    parts.push(part.text);
  }
  const exact = parts.length === rest.length;
  return bases.map((known) => {
    if (!known.exact) return known;
    const joined = path.posix.join(known.text, ...parts);
    return { text: exact ? joined : folderPath(joined), exact };
  });
}

/** `__dirname` or `import.meta.dirname`: the folder of the file itself. */
function isOwnDirectory(expr: ts.Expression): boolean {
  if (ts.isIdentifier(expr)) return expr.text === "__dirname";
  return ts.isPropertyAccessExpression(expr) && expr.name.text === "dirname" && ts.isMetaProperty(expr.expression);
}

/** The initializer of the `const` (module-level or local) a name refers to. */
function constValueOf(id: ts.Identifier, ctx: ExtractionContext, from: ts.Node): ts.Expression | undefined {
  const declaration = lookUpName(id.text, from, ctx);
  if (declaration?.kind === "top-level") return constInitializer(declaration.node, ctx.sourceFile);
  if (declaration?.kind !== "local" || declaration.path.length > 0) return undefined;
  const node = declaration.node;
  if (!ts.isVariableDeclaration(node) || !node.initializer) return undefined;
  const list = node.parent;
  return list && ts.isVariableDeclarationList(list) && (list.flags & ts.NodeFlags.Const) !== 0 ? node.initializer : undefined;
}

/** What the awaited module value is read for. */
function namesOfValue(value: ts.Expression, ctx: ExtractionContext): ImportedName[] | undefined {
  const top = skipTransparentUp(value);
  const parent = top.parent;
  if (!parent) return undefined;
  if ((ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent)) && parent.expression === top) {
    const name = accessedName(parent);
    return name === undefined ? undefined : [{ name, node: parent }];
  }
  if (!ts.isVariableDeclaration(parent) || parent.initializer !== top) return undefined;
  if (ts.isObjectBindingPattern(parent.name)) return namesOfPattern(parent.name);
  if (!ts.isIdentifier(parent.name)) return undefined;
  const references = referencesTo(parent.name.text, parent, ctx);
  return membersRead(references);
}

/** `{ a, b: c }` reads a and b; a rest element or a computed name reads all. */
function namesOfPattern(pattern: ts.ObjectBindingPattern): ImportedName[] | undefined {
  const names: ImportedName[] = [];
  for (const element of pattern.elements) {
    if (element.dotDotDotToken) return undefined;
    const name = element.propertyName
      ? propertyNameText(element.propertyName)
      : ts.isIdentifier(element.name)
        ? element.name.text
        : undefined;
    if (name === undefined) return undefined;
    names.push({ name, node: element });
  }
  return names;
}

/** A callback parameter's reads: every reference must be `m.name`. */
function namesOfReferences(name: string, fn: ts.ArrowFunction | ts.FunctionExpression, ctx: ExtractionContext): ImportedName[] | undefined {
  const references = (ctx.identifierIndex?.get(name) ?? []).filter((id) => id.pos >= fn.body.pos && id.end <= fn.body.end);
  return membersRead(references);
}

/** The members read through references to a module value, or undefined when one reference uses it whole. */
function membersRead(references: readonly ts.Identifier[]): ImportedName[] | undefined {
  const names: ImportedName[] = [];
  for (const reference of references) {
    const top = skipTransparentUp(reference);
    const access = top.parent;
    if (!access || !(ts.isPropertyAccessExpression(access) || ts.isElementAccessExpression(access)) || access.expression !== top) return undefined;
    const member = accessedName(access);
    if (member === undefined) return undefined;
    names.push({ name: member, node: access });
  }
  return names;
}

function accessedName(access: ts.PropertyAccessExpression | ts.ElementAccessExpression): string | undefined {
  if (ts.isPropertyAccessExpression(access)) return access.name.text;
  return ts.isStringLiteralLike(access.argumentExpression) ? access.argumentExpression.text : undefined;
}
