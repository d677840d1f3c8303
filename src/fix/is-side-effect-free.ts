// Whether evaluating an expression can do anything but produce a value: a fix may drop such an
// expression, and only such an expression.
import ts from "../engine/typescript-api.js";

/**
 * True for literals, names, `this`, member reads, and operators, literals and templates over those;
 * functions written inline are values too (creating one runs nothing). Calls, `new`, assignments,
 * `++`, `await`, `yield`, `delete` and tagged templates are not. Member reads could run a getter: like
 * Piranha and every folding tool, deadflag takes them to be plain reads.
 */
export function isSideEffectFree(node: ts.Node): boolean {
  if (
    ts.isIdentifier(node) ||
    ts.isLiteralExpression(node) ||
    ts.isNoSubstitutionTemplateLiteral(node) ||
    ts.isFunctionExpression(node) ||
    ts.isArrowFunction(node) ||
    ts.isClassExpression(node)
  ) {
    return true;
  }
  switch (node.kind) {
    case ts.SyntaxKind.TrueKeyword:
    case ts.SyntaxKind.FalseKeyword:
    case ts.SyntaxKind.NullKeyword:
    case ts.SyntaxKind.ThisKeyword:
    case ts.SyntaxKind.SuperKeyword:
    case ts.SyntaxKind.UndefinedKeyword:
      return true;
  }
  if (ts.isPropertyAccessExpression(node)) return isSideEffectFree(node.expression);
  if (ts.isElementAccessExpression(node)) return isSideEffectFree(node.expression) && isSideEffectFree(node.argumentExpression);
  if (
    ts.isParenthesizedExpression(node) ||
    ts.isAsExpression(node) ||
    ts.isSatisfiesExpression(node) ||
    ts.isNonNullExpression(node) ||
    ts.isTypeAssertionExpression(node) ||
    ts.isTypeOfExpression(node) ||
    ts.isVoidExpression(node) ||
    ts.isSpreadElement(node)
  ) {
    return isSideEffectFree(node.expression);
  }
  if (ts.isPrefixUnaryExpression(node)) {
    return (
      node.operator !== ts.SyntaxKind.PlusPlusToken &&
      node.operator !== ts.SyntaxKind.MinusMinusToken &&
      isSideEffectFree(node.operand)
    );
  }
  if (ts.isBinaryExpression(node)) {
    const op = node.operatorToken.kind;
    if (op >= ts.SyntaxKind.FirstAssignment && op <= ts.SyntaxKind.LastAssignment) return false;
    return isSideEffectFree(node.left) && isSideEffectFree(node.right);
  }
  if (ts.isConditionalExpression(node)) {
    return isSideEffectFree(node.condition) && isSideEffectFree(node.whenTrue) && isSideEffectFree(node.whenFalse);
  }
  if (ts.isTemplateExpression(node)) return node.templateSpans.every((span) => isSideEffectFree(span.expression));
  if (ts.isArrayLiteralExpression(node)) return node.elements.every((element) => isSideEffectFree(element));
  if (ts.isObjectLiteralExpression(node)) {
    return node.properties.every((property) => {
      if (ts.isPropertyAssignment(property)) {
        return isSideEffectFree(property.initializer) && !ts.isComputedPropertyName(property.name);
      }
      if (ts.isSpreadAssignment(property)) return isSideEffectFree(property.expression);
      return !ts.isComputedPropertyName(property.name ?? property);
    });
  }
  return false;
}
