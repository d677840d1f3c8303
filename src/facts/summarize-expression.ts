// Expression summaries: literals, references to constants (resolved later, possibly in another
// file), parameters of the enclosing function (for wrapper detection), objects and arrays.
import ts from "../engine/typescript-api.js";
import type { ExprFact } from "./file-facts.js";
import type { ExtractionContext } from "./extraction-context.js";
import { lookUpName, propertyNameText } from "./scope-lookup.js";
import { selectPath } from "./select-path.js";
import { previewText } from "./source-range.js";
import { skipTransparentDown } from "./skip-transparent.js";

const maxDepth = 6;
const maxOtherText = 60;

/** A plain-data summary of `expr`, resolving local constants and parameters where syntax allows. */
export function summarizeExpression(expr: ts.Expression, ctx: ExtractionContext, depth = 0): ExprFact {
  const node = skipTransparentDown(expr);
  if (depth > maxDepth) return other(node, ctx);
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return { kind: "string", value: node.text };
  if (ts.isNumericLiteral(node)) return { kind: "number", value: Number(node.text) };
  if (
    ts.isPrefixUnaryExpression(node) &&
    node.operator === ts.SyntaxKind.MinusToken &&
    ts.isNumericLiteral(node.operand)
  ) {
    return { kind: "number", value: -Number(node.operand.text) };
  }
  switch (node.kind) {
    case ts.SyntaxKind.TrueKeyword:
      return { kind: "boolean", value: true };
    case ts.SyntaxKind.FalseKeyword:
      return { kind: "boolean", value: false };
    case ts.SyntaxKind.NullKeyword:
      return { kind: "null" };
  }
  if (ts.isIdentifier(node)) return summarizeName(node, ctx, depth);
  if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
    const chain = accessChain(node);
    if (!chain) return other(node, ctx);
    return selectPath(summarizeName(chain.root, ctx, depth), chain.path);
  }
  if (ts.isObjectLiteralExpression(node)) return summarizeObject(node, ctx, depth);
  // `Object.freeze({ … })` is the pre-`as const` way to write a constant registry: it is its argument.
  const frozen = frozenArgument(node);
  if (frozen) return summarizeExpression(frozen, ctx, depth + 1);
  if (ts.isArrayLiteralExpression(node)) {
    return {
      kind: "array",
      elements: node.elements.map((element) =>
        ts.isSpreadElement(element)
          ? { kind: "spread", value: summarizeExpression(element.expression, ctx, depth + 1) }
          : summarizeExpression(element, ctx, depth + 1),
      ),
    };
  }
  return other(node, ctx);
}

function frozenArgument(node: ts.Expression): ts.Expression | undefined {
  if (!ts.isCallExpression(node) || node.arguments.length !== 1) return undefined;
  const callee = node.expression;
  const isFreeze =
    ts.isPropertyAccessExpression(callee) &&
    callee.name.text === "freeze" &&
    ts.isIdentifier(callee.expression) &&
    callee.expression.text === "Object";
  return isFreeze ? node.arguments[0] : undefined;
}

function summarizeObject(node: ts.ObjectLiteralExpression, ctx: ExtractionContext, depth: number): ExprFact {
  const properties: Record<string, ExprFact> = {};
  const spreads: ExprFact[] = [];
  for (const property of node.properties) {
    if (ts.isSpreadAssignment(property)) {
      spreads.push(summarizeExpression(property.expression, ctx, depth + 1));
      continue;
    }
    if (ts.isPropertyAssignment(property)) {
      const name = propertyNameText(property.name);
      if (name !== undefined) properties[name] = summarizeExpression(property.initializer, ctx, depth + 1);
    } else if (ts.isShorthandPropertyAssignment(property)) {
      properties[property.name.text] = summarizeName(property.name, ctx, depth + 1);
    } else if (property.name) {
      const name = propertyNameText(property.name);
      if (name !== undefined) properties[name] = { kind: "other", text: "function" };
    }
  }
  return spreads.length > 0 ? { kind: "object", properties, spreads } : { kind: "object", properties };
}

function summarizeName(id: ts.Identifier, ctx: ExtractionContext, depth: number): ExprFact {
  if (id.text === "undefined") return { kind: "null" };
  const declaration = lookUpName(id.text, id, ctx);
  if (!declaration) return other(id, ctx);
  switch (declaration.kind) {
    case "import":
      return { kind: "ref", name: id.text, path: [], origin: declaration.origin };
    case "top-level":
      return { kind: "ref", name: id.text, path: [], origin: { kind: "local", name: id.text } };
    case "param": {
      const fn = ctx.functionNames.get(declaration.fn);
      return fn === undefined ? other(id, ctx) : { kind: "param", fn, index: declaration.index, path: declaration.path };
    }
    case "local": {
      const node = declaration.node;
      const isConst =
        ts.isVariableDeclaration(node) &&
        ts.isVariableDeclarationList(node.parent) &&
        (node.parent.flags & ts.NodeFlags.Const) !== 0;
      if (!isConst || !node.initializer) return other(id, ctx);
      return selectPath(summarizeExpression(node.initializer, ctx, depth + 1), declaration.path);
    }
  }
}

/** `a.b["c"]` → root `a`, path `["b", "c"]`; undefined when a step is computed. */
export function accessChain(
  node: ts.PropertyAccessExpression | ts.ElementAccessExpression,
): { root: ts.Identifier; path: string[] } | undefined {
  const path: string[] = [];
  let current: ts.Expression = node;
  for (;;) {
    current = skipTransparentDown(current);
    if (ts.isPropertyAccessExpression(current)) {
      path.unshift(current.name.text);
      current = current.expression;
    } else if (ts.isElementAccessExpression(current)) {
      const arg = current.argumentExpression;
      if (!ts.isStringLiteralLike(arg) && !ts.isNumericLiteral(arg)) return undefined;
      path.unshift(arg.text);
      current = current.expression;
    } else if (ts.isIdentifier(current)) {
      return { root: current, path };
    } else {
      return undefined;
    }
  }
}

function other(node: ts.Node, ctx: ExtractionContext): ExprFact {
  // Only what is kept is sliced: a module-level initializer can span thousands of lines.
  return { kind: "other", text: previewText(node, ctx.sourceFile, maxOtherText) };
}
