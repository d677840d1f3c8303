// After a fold or a deletion, the imports the removed code used: a name imported, named in the file
// before retire touched it and named nowhere now goes (the whole `import` when it was the last
// name). Imports that were unused already are left alone: retire cleans up after itself only.
import ts from "../engine/typescript-api.js";
import { listElementRemoval } from "../fix/delete-declaration.js";
import { isMemberName } from "../fix/identifier-role.js";
import { parseForFix } from "../fix/parse-for-fix.js";
import { removalRange } from "../fix/statement-layout.js";
import type { TextEdit } from "../fix/text-edit.js";
import { applyEdits } from "../fix/text-edit.js";

/** `text` without the imported names that `original` (the file before retire) named and `text` no longer does. */
export function removeUnusedImports(fileName: string, original: string, text: string): string {
  const usedBefore = mentionedNames(parseForFix(fileName, original));
  let current = text;
  // One name at a time, parsing again after each: removing two names of one list at once would
  // need edits that know of each other.
  for (let step = 0; step < 1000; step++) {
    const sourceFile = parseForFix(fileName, current);
    const usedNow = mentionedNames(sourceFile);
    const edit = firstRemoval(sourceFile, (name) => usedBefore.has(name) && !usedNow.has(name));
    if (!edit) return current;
    current = applyEdits(current, [edit]);
  }
  return current;
}

/** The edit that removes the first imported binding `isStale` accepts, if any. */
function firstRemoval(sourceFile: ts.SourceFile, isStale: (name: string) => boolean): TextEdit | undefined {
  for (const statement of sourceFile.statements) {
    if (!ts.isImportDeclaration(statement) || !statement.importClause) continue;
    const clause = statement.importClause;
    const bindings = clause.namedBindings;
    const named: readonly ts.ImportSpecifier[] = bindings && ts.isNamedImports(bindings) ? bindings.elements : [];
    const namespace = bindings && ts.isNamespaceImport(bindings) ? bindings.name : undefined;
    const locals = [clause.name, namespace, ...named.map((element) => element.name)].filter((name) => name !== undefined);
    const stale = locals.find((name) => isStale(name.text));
    if (!stale) continue;
    if (locals.length === 1) return wholeStatement(statement, sourceFile);
    if (stale === clause.name && bindings) {
      // `import D, { a } from` → `import { a } from`
      return { start: stale.getStart(sourceFile), end: bindings.getStart(sourceFile), text: "" };
    }
    if (clause.name && bindings && (stale === namespace || named.length === 1)) {
      // `import D, { a } from` / `import D, * as ns from` → `import D from`
      return { start: clause.name.getEnd(), end: bindings.getEnd(), text: "" };
    }
    const element = named.find((e) => e.name === stale);
    if (element) return listElementRemoval(element, named, sourceFile);
  }
  return undefined;
}

function wholeStatement(statement: ts.Statement, sourceFile: ts.SourceFile): TextEdit {
  const range = removalRange(sourceFile.text, statement.getStart(sourceFile), statement.getEnd());
  return { start: range.start, end: range.end, text: "" };
}

/**
 * Every name the file mentions outside its imports, as a value or a type (`Map<string, PowerPeg>`
 * needs the import as much as `new PowerPeg()` does); property names are not mentions.
 */
function mentionedNames(sourceFile: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) return;
    if (ts.isIdentifier(node) && !isMemberName(node)) names.add(node.text);
    // The classic JSX transform calls `React.createElement` for every element without naming it.
    if (ts.isJsxElement(node) || ts.isJsxSelfClosingElement(node) || ts.isJsxFragment(node)) names.add("React");
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(sourceFile, visit);
  return names;
}
