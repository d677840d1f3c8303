// Receiver tracing: where the object a method is called on comes from (an SDK import, a type
// annotation naming an SDK type, a module-level binding), through local variables, `this` members,
// calls, `new` and `await`. This is what keeps `logger.isEnabled()` out of the flag index.
import ts from "../engine/typescript-api.js";
import type { ValueOrigin } from "./file-facts.js";
import type { ExtractionContext } from "./extraction-context.js";
import { lookUpName } from "./scope-lookup.js";
import { skipTransparentDown } from "./skip-transparent.js";

const maxDepth = 8;

/** Where the value of `expr` comes from, or undefined when syntax cannot tell. */
export function originOf(expr: ts.Expression, ctx: ExtractionContext, depth = 0): ValueOrigin | undefined {
  if (depth > maxDepth) return undefined;
  const node = skipTransparentDown(expr);
  if (ts.isIdentifier(node)) return originOfName(node, ctx, depth);
  if (ts.isPropertyAccessExpression(node)) {
    if (node.expression.kind === ts.SyntaxKind.ThisKeyword) return originOfThisMember(node.name.text, node, ctx, depth);
    return originOf(node.expression, ctx, depth + 1);
  }
  if (ts.isElementAccessExpression(node) || ts.isCallExpression(node) || ts.isNewExpression(node)) {
    return originOf(node.expression, ctx, depth + 1);
  }
  if (node.kind === ts.SyntaxKind.ThisKeyword) {
    const cls = enclosingClass(node);
    const name = cls?.name?.text;
    return name && ctx.topLevel.get(name) === cls ? { kind: "local", name } : undefined;
  }
  return undefined;
}

function originOfName(id: ts.Identifier, ctx: ExtractionContext, depth: number): ValueOrigin | undefined {
  const declaration = lookUpName(id.text, id, ctx);
  if (!declaration) return undefined;
  switch (declaration.kind) {
    case "import":
      return declaration.origin;
    case "top-level":
      return { kind: "local", name: id.text };
    case "param":
      return declaration.param.type ? originOfType(declaration.param.type, ctx) : undefined;
    case "local": {
      const node = declaration.node;
      if (!ts.isVariableDeclaration(node)) return undefined;
      if (node.type) return originOfType(node.type, ctx);
      return node.initializer ? originOf(node.initializer, ctx, depth + 1) : undefined;
    }
  }
}

/** The origin a type annotation gives a value: `LDClient` imported from an SDK, or a local class. */
function originOfType(type: ts.TypeNode, ctx: ExtractionContext): ValueOrigin | undefined {
  if (ts.isUnionTypeNode(type) || ts.isIntersectionTypeNode(type)) {
    for (const member of type.types) {
      const origin = originOfType(member, ctx);
      if (origin) return origin;
    }
    return undefined;
  }
  if (ts.isParenthesizedTypeNode(type)) return originOfType(type.type, ctx);
  if (!ts.isTypeReferenceNode(type)) return undefined;
  // `Promise<LDClient>` and friends: the value is (eventually) the argument.
  if (ts.isIdentifier(type.typeName) && type.typeName.text === "Promise" && type.typeArguments?.[0]) {
    return originOfType(type.typeArguments[0], ctx);
  }
  const root = leftmostIdentifier(type.typeName);
  const imported = ctx.imports.get(root.text);
  if (imported) {
    const member = ts.isQualifiedName(type.typeName) ? type.typeName.right.text : imported.imported;
    return { kind: "type", specifier: imported.specifier, imported: member };
  }
  if (ctx.topLevel.has(root.text)) return { kind: "local", name: root.text };
  return undefined;
}

function leftmostIdentifier(name: ts.EntityName): ts.Identifier {
  return ts.isIdentifier(name) ? name : leftmostIdentifier(name.left);
}

function enclosingClass(node: ts.Node): ts.ClassLikeDeclaration | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isClassLike(current)) return current;
  }
  return undefined;
}

/** `this.client`: a property with a type or initializer, a constructor parameter property, or `this.client = …`. */
function originOfThisMember(
  name: string,
  at: ts.Node,
  ctx: ExtractionContext,
  depth: number,
): ValueOrigin | undefined {
  const cls = enclosingClass(at);
  if (!cls) return undefined;
  for (const member of cls.members) {
    if (ts.isPropertyDeclaration(member) && member.name.getText(ctx.sourceFile) === name) {
      if (member.type) return originOfType(member.type, ctx);
      if (member.initializer) return originOf(member.initializer, ctx, depth + 1);
    }
    if (ts.isConstructorDeclaration(member)) {
      const fromParam = originOfParameterProperty(name, member, ctx, depth);
      if (fromParam) return fromParam;
      const assigned = member.body && assignedToThis(name, member.body);
      if (assigned) return originOf(assigned, ctx, depth + 1);
    }
  }
  return undefined;
}

/** `constructor(private client: LDClient)` or `constructor(private flags = new FeatureFlags())`. */
function originOfParameterProperty(
  name: string,
  ctor: ts.ConstructorDeclaration,
  ctx: ExtractionContext,
  depth: number,
): ValueOrigin | undefined {
  for (const param of ctor.parameters) {
    if (!ts.isIdentifier(param.name) || param.name.text !== name || !ts.getModifiers(param)?.length) continue;
    if (param.type) return originOfType(param.type, ctx);
    return param.initializer ? originOf(param.initializer, ctx, depth + 1) : undefined;
  }
  return undefined;
}

function assignedToThis(name: string, body: ts.Block): ts.Expression | undefined {
  for (const statement of body.statements) {
    if (!ts.isExpressionStatement(statement)) continue;
    const expr = statement.expression;
    if (
      ts.isBinaryExpression(expr) &&
      expr.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      ts.isPropertyAccessExpression(expr.left) &&
      expr.left.expression.kind === ts.SyntaxKind.ThisKeyword &&
      expr.left.name.text === name
    ) {
      return expr.right;
    }
  }
  return undefined;
}
