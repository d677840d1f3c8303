// The suggestion of `no-unreachable-code`: delete the declaration no entry reaches, with its doc
// comment, as whole lines. Offered only for a root of dead code that nothing else in the file names:
// deleting a part of a cascade, a cycle or code that types or tests still use would break the build.
import ts from "../engine/typescript-api.js";
import type { Finding } from "../findings/finding.js";
import { isReference } from "./identifier-role.js";
import { isSideEffectFree } from "./is-side-effect-free.js";
import { startWithDocComment } from "./leading-doc-comment.js";
import { nodeStartingAt, offsetOf, parseForFix } from "./parse-for-fix.js";
import { removalRange } from "./statement-layout.js";
import type { TextEdit } from "./text-edit.js";

/**
 * The edits that delete the declaration a `no-unreachable-code` finding names (and an `export { x }`
 * list's mention of it), or undefined when deleting it is not safe on its own: it is not a root, is
 * in a cycle, types or tests use it, its initializer or class body runs code, it is destructured,
 * or something else in the file names it.
 */
export function deleteDeclaration(fileName: string, text: string, finding: Finding): TextEdit[] | undefined {
  const data = finding.data ?? {};
  if (data["root"] !== true || data["cycle"] === true || data["typeUsers"] !== undefined || data["testOnly"] === true) {
    return undefined;
  }
  const sourceFile = parseForFix(fileName, text);
  const at = offsetOf(sourceFile, finding.line, finding.column);
  const name = at === undefined ? undefined : nodeStartingAt(sourceFile, at);
  if (!name || !ts.isIdentifier(name) || (finding.symbol !== undefined && lastPart(finding.symbol) !== name.text)) return undefined;
  const target = deletableOf(name);
  if (!target) return undefined;
  const mentions = otherMentions(name, target.node, sourceFile);
  if (!mentions) return undefined;
  const edits = [...target.edits(sourceFile), ...mentions];
  return edits;
}

interface Deletable {
  node: ts.Node;
  edits: (sourceFile: ts.SourceFile) => TextEdit[];
}

function lastPart(symbol: string): string {
  return symbol.slice(symbol.lastIndexOf(".") + 1);
}

/** What deleting the declaration named by `name` removes, if it can go without running less code. */
function deletableOf(name: ts.Identifier): Deletable | undefined {
  const declaration = name.parent;
  if (!("name" in declaration) || declaration.name !== name) return undefined;
  if (ts.isFunctionDeclaration(declaration) || ts.isEnumDeclaration(declaration) || ts.isModuleDeclaration(declaration)) {
    return whole(declaration);
  }
  if (ts.isClassDeclaration(declaration)) return classRunsNothing(declaration) ? whole(declaration) : undefined;
  if (ts.isMethodDeclaration(declaration) || ts.isGetAccessor(declaration) || ts.isSetAccessor(declaration)) {
    return whole(declaration);
  }
  if (ts.isPropertyDeclaration(declaration)) {
    return !declaration.initializer || isSideEffectFree(declaration.initializer) ? whole(declaration) : undefined;
  }
  if (ts.isVariableDeclaration(declaration)) {
    if (declaration.initializer && !isSideEffectFree(declaration.initializer)) return undefined;
    const list = declaration.parent;
    const statement = list.parent;
    if (!ts.isVariableDeclarationList(list) || !ts.isVariableStatement(statement)) return undefined;
    if (list.declarations.length === 1) return whole(statement);
    const index = list.declarations.indexOf(declaration);
    const next = list.declarations[index + 1];
    const previous = list.declarations[index - 1];
    return {
      node: declaration,
      edits: (sourceFile) => [
        next
          ? { start: declaration.getStart(sourceFile), end: next.getStart(sourceFile), text: "" }
          : { start: (previous ?? declaration).getEnd(), end: declaration.getEnd(), text: "" },
      ],
    };
  }
  return undefined;
}

function whole(node: ts.Node): Deletable {
  return {
    node,
    edits: (sourceFile) => {
      const range = removalRange(sourceFile.text, startWithDocComment(node, sourceFile), node.getEnd());
      return [{ start: range.start, end: range.end, text: "" }];
    },
  };
}

/** A class whose definition runs no code of its own: no decorators, static blocks or static initializers with effects. */
function classRunsNothing(declaration: ts.ClassDeclaration): boolean {
  if ((ts.getDecorators(declaration) ?? []).length > 0) return false;
  if (declaration.heritageClauses?.some((clause) => clause.types.some((type) => !isSideEffectFree(type.expression)))) return false;
  return declaration.members.every((member) => {
    if (ts.isClassStaticBlockDeclaration(member)) return false;
    if (ts.canHaveDecorators(member) && (ts.getDecorators(member) ?? []).length > 0) return false;
    const isStatic = ts.getCombinedModifierFlags(member) & ts.ModifierFlags.Static;
    return !(isStatic && ts.isPropertyDeclaration(member) && member.initializer && !isSideEffectFree(member.initializer));
  });
}

/**
 * The edits that remove other mentions of the name in the file when they are only `export { name }`
 * entries; undefined when anything else names it (a member is named through `this.x`, so a method
 * or property needs no such check).
 */
function otherMentions(name: ts.Identifier, node: ts.Node, sourceFile: ts.SourceFile): TextEdit[] | undefined {
  if (ts.isClassElement(node)) return [];
  const edits: TextEdit[] = [];
  let safe = true;
  const visit = (child: ts.Node): void => {
    if (!safe || child === node) return;
    if (ts.isIdentifier(child) && child.text === name.text && isReference(child)) {
      const specifier = child.parent;
      if (ts.isExportSpecifier(specifier) && (specifier.propertyName ?? specifier.name) === child && !specifier.parent.parent.moduleSpecifier) {
        edits.push(specifierRemoval(specifier, sourceFile));
      } else {
        safe = false;
      }
      return;
    }
    ts.forEachChild(child, visit);
  };
  ts.forEachChild(sourceFile, visit);
  return safe ? edits : undefined;
}

/** Removes one `export { … }` entry, or the whole statement when it is the only one. */
export function specifierRemoval(specifier: ts.ExportSpecifier, sourceFile: ts.SourceFile): TextEdit {
  const elements = specifier.parent.elements;
  if (elements.length === 1) {
    const statement = specifier.parent.parent;
    const range = removalRange(sourceFile.text, statement.getStart(sourceFile), statement.getEnd());
    return { start: range.start, end: range.end, text: "" };
  }
  return listElementRemoval(specifier, elements, sourceFile);
}

/** Removes one element of a comma-separated list (`{ a, b }`) with the comma that joins it to the next, or to the one before for the last. */
export function listElementRemoval(element: ts.Node, elements: readonly ts.Node[], sourceFile: ts.SourceFile): TextEdit {
  const index = elements.indexOf(element);
  const next = elements[index + 1];
  const previous = elements[index - 1];
  return next
    ? { start: element.getStart(sourceFile), end: next.getStart(sourceFile), text: "" }
    : { start: (previous ?? element).getEnd(), end: element.getEnd(), text: "" };
}
