// What an identifier is doing where it stands: declaring a name, or referring to a value by it.
import ts from "../engine/typescript-api.js";

/** Whether the identifier is the name a declaration introduces (a variable, parameter, function, class or import). */
export function isDeclarationName(node: ts.Identifier): boolean {
  const parent = node.parent;
  return (
    ((ts.isVariableDeclaration(parent) ||
      ts.isParameter(parent) ||
      ts.isBindingElement(parent) ||
      ts.isFunctionDeclaration(parent) ||
      ts.isClassDeclaration(parent) ||
      ts.isImportSpecifier(parent) ||
      ts.isImportClause(parent) ||
      ts.isNamespaceImport(parent)) &&
      parent.name === node)
  );
}

/**
 * Whether the identifier is a member's name, not a binding of the file: `a.b`'s `b`, `A.B`'s `B`, a
 * property, method, accessor or enum member being declared, a JSX attribute.
 */
export function isMemberName(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent)) return parent.name === node;
  if (ts.isQualifiedName(parent)) return parent.right === node;
  if (ts.isJsxAttribute(parent)) return true;
  return (
    (ts.isPropertyAssignment(parent) ||
      ts.isPropertySignature(parent) ||
      ts.isPropertyDeclaration(parent) ||
      ts.isMethodDeclaration(parent) ||
      ts.isMethodSignature(parent) ||
      ts.isGetAccessor(parent) ||
      ts.isSetAccessor(parent) ||
      ts.isEnumMember(parent)) &&
    parent.name === node
  );
}

/** Whether an identifier names a value here, not a property, a label or a type member. */
export function isReference(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (isMemberName(node)) return false;
  if (ts.isLabeledStatement(parent) || ts.isBreakOrContinueStatement(parent)) return false;
  if (ts.isTypeReferenceNode(parent) || ts.isQualifiedName(parent)) return false;
  return true;
}
