// Which exports a dynamic `import()` reads, when syntax says so. `import("./x")` hands over the whole
// module; but `const { a } = await import("./x")` (a lazy component, a test importing what it
// checks) reads only `a`, and counting the whole module would keep every export of it live.
import { ts } from "ts-morph";
import type { ExtractionContext } from "./extraction-context.js";
import { referencesTo } from "./guard-regions.js";
import { propertyNameText } from "./scope-lookup.js";
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
 * The literal start of a computed specifier, up to its last `/`: `./locales/` for
 * \`./locales/${lang}.js\` or `"./locales/" + lang`; undefined when it has none.
 */
export function literalPrefix(specifier: ts.Expression): string | undefined {
  const node = skipTransparentDown(specifier);
  let head: string | undefined;
  if (ts.isTemplateExpression(node)) head = node.head.text;
  else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = skipTransparentDown(node.left);
    if (ts.isStringLiteralLike(left)) head = left.text;
    else if (ts.isBinaryExpression(left)) head = literalPrefix(left);
  }
  if (head === undefined) return undefined;
  const slash = head.lastIndexOf("/");
  return slash > 0 ? head.slice(0, slash + 1) : undefined;
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
