// The suggestion of `no-unused-export`: stop exporting what no other module imports. The code stays;
// only the `export` keyword (or the entry of an `export { … }` list) goes.
import ts from "../engine/typescript-api.js";
import type { Finding } from "../findings/finding.js";
import { specifierRemoval } from "./delete-declaration.js";
import { offsetOf, parseForFix } from "./parse-for-fix.js";
import type { TextEdit } from "./text-edit.js";

/**
 * The edit that un-exports what a `no-unused-export` finding names, or undefined when that cannot be
 * done alone: a declaration list exporting several names, an anonymous default export, `export =`.
 */
export function removeExport(fileName: string, text: string, finding: Finding): TextEdit | undefined {
  const exported = finding.data?.["exported"];
  if (typeof exported !== "string") return undefined;
  const sourceFile = parseForFix(fileName, text);
  const at = offsetOf(sourceFile, finding.line, finding.column);
  const statement = at === undefined ? undefined : sourceFile.statements.find((s) => s.getStart(sourceFile) === at);
  if (!statement) return undefined;
  if (ts.isExportDeclaration(statement)) {
    const clause = statement.exportClause;
    if (!clause || !ts.isNamedExports(clause)) return undefined;
    const specifier = clause.elements.find((element) => element.name.text === exported);
    return specifier ? specifierRemoval(specifier, sourceFile) : undefined;
  }
  const modifiers = ts.canHaveModifiers(statement) ? (ts.getModifiers(statement) ?? []) : [];
  const exportKeyword = modifiers.find((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);
  if (!exportKeyword) return undefined;
  if (ts.isVariableStatement(statement) && statement.declarationList.declarations.length > 1) return undefined;
  const defaultKeyword = modifiers.find((modifier) => modifier.kind === ts.SyntaxKind.DefaultKeyword);
  const named = (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name !== undefined;
  if (defaultKeyword && !named) return undefined;
  const last = defaultKeyword ?? exportKeyword;
  let end = last.getEnd();
  while (end < text.length && (text[end] === " " || text[end] === "\t")) end++;
  return { start: exportKeyword.getStart(sourceFile), end, text: "" };
}
