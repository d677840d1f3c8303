// A module-level `const` and its initializer, found from its declaration alone: extraction may ask
// before the walk reached (and set the parents of) a declaration further down the file.
import ts from "../engine/typescript-api.js";

/** The initializer of a module-level `const` declaration, or undefined for `let`, `var` or no initializer. */
export function constInitializer(declaration: ts.Node, sourceFile: ts.SourceFile): ts.Expression | undefined {
  if (!ts.isVariableDeclaration(declaration) || !declaration.initializer) return undefined;
  const statement = sourceFile.statements.find((s) => s.pos <= declaration.pos && declaration.end <= s.end);
  if (!statement || !ts.isVariableStatement(statement)) return undefined;
  return (statement.declarationList.flags & ts.NodeFlags.Const) === 0 ? undefined : declaration.initializer;
}
