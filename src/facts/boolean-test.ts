// Whether a value is tested as a boolean where it is read: what tells an environment variable used
// as a switch (`process.env.FEATURE_X === "true"`, `if (process.env.X)`) from one used as a setting
// (`workers: process.env.WORKER_ENABLED`).
import ts from "../engine/typescript-api.js";
import { isBooleanCall, isEqualityOperator } from "./operator-kinds.js";
import { skipTransparentUp } from "./skip-transparent.js";

/** True when `node`'s value is negated, compared with a literal, or decides a condition. */
export function isBooleanTest(node: ts.Node): boolean {
  const top = skipTransparentUp(node);
  const parent = top.parent;
  if (!parent) return false;
  if (ts.isPrefixUnaryExpression(parent)) return parent.operator === ts.SyntaxKind.ExclamationToken;
  if (ts.isCallExpression(parent)) {
    return isBooleanCall(parent, top);
  }
  if (ts.isBinaryExpression(parent)) {
    const op = parent.operatorToken.kind;
    if (isEqualityOperator(op)) return isLiteral(parent.left === top ? parent.right : parent.left);
    // `X && run()`, `X || fallback`: the left side decides.
    return (op === ts.SyntaxKind.AmpersandAmpersandToken || op === ts.SyntaxKind.BarBarToken) && parent.left === top;
  }
  if (ts.isConditionalExpression(parent)) return parent.condition === top;
  if (ts.isIfStatement(parent) || ts.isWhileStatement(parent) || ts.isDoStatement(parent)) return parent.expression === top;
  return false;
}


function isLiteral(node: ts.Expression): boolean {
  return (
    ts.isStringLiteralLike(node) ||
    ts.isNumericLiteral(node) ||
    node.kind === ts.SyntaxKind.TrueKeyword ||
    node.kind === ts.SyntaxKind.FalseKeyword
  );
}
