// Tests on operators and calls that keep or compare a value's truth, shared by the flag index (is a
// read tested as a boolean?), guard regions (which side does a read switch?) and the fold fix
// (what does a read become once its value is known?), so the three agree on what a test is.
import ts from "../engine/typescript-api.js";

/** `===`, `==`, `!==`, `!=`. */
export function isEqualityOperator(op: ts.SyntaxKind): boolean {
  return (
    op === ts.SyntaxKind.EqualsEqualsEqualsToken ||
    op === ts.SyntaxKind.EqualsEqualsToken ||
    op === ts.SyntaxKind.ExclamationEqualsEqualsToken ||
    op === ts.SyntaxKind.ExclamationEqualsToken
  );
}

/** `Boolean(x)` with `argument` as x: keeps the truthiness of x. */
export function isBooleanCall(call: ts.CallExpression, argument: ts.Node): boolean {
  return ts.isIdentifier(call.expression) && call.expression.text === "Boolean" && call.arguments[0] === argument;
}
