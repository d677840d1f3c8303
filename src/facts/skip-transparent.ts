// Expressions that do not change a value for deadflag's purposes: parentheses, `await`, type
// assertions and non-null assertions. Both directions are needed: down to the value, up to its user.
import ts from "../engine/typescript-api.js";

/** `expr` without the wrappers that leave its value as it is. */
export function skipTransparentDown(expr: ts.Expression): ts.Expression {
  let current = expr;
  for (;;) {
    if (
      ts.isParenthesizedExpression(current) ||
      ts.isAwaitExpression(current) ||
      ts.isAsExpression(current) ||
      ts.isSatisfiesExpression(current) ||
      ts.isNonNullExpression(current) ||
      ts.isTypeAssertionExpression(current)
    ) {
      current = current.expression;
    } else {
      return current;
    }
  }
}

/** The outermost wrapper around `node` that leaves its value as it is (`node` itself when none). */
export function skipTransparentUp(node: ts.Node): ts.Node {
  let current = node;
  for (;;) {
    const parent = current.parent;
    if (
      parent &&
      (ts.isParenthesizedExpression(parent) ||
        ts.isAwaitExpression(parent) ||
        ts.isAsExpression(parent) ||
        ts.isSatisfiesExpression(parent) ||
        ts.isNonNullExpression(parent) ||
        ts.isTypeAssertionExpression(parent))
    ) {
      current = parent;
    } else {
      return current;
    }
  }
}
