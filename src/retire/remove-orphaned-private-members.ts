// After a fold, the private class members only the folded code used: `private readonly pegs = new
// Map()` that nothing names any more. The call graph does not model every property (a property
// initialised in place is live with its class), so retire removes what it orphaned itself: a
// private member (or `#member`) named in the file before retire touched it and named nowhere else
// now, whose initializer runs no code of its own.
import ts from "../engine/typescript-api.js";
import { isSideEffectFree } from "../fix/is-side-effect-free.js";
import { startWithDocComment } from "../fix/leading-doc-comment.js";
import { parseForFix } from "../fix/parse-for-fix.js";
import { removalRange } from "../fix/statement-layout.js";
import { applyEdits } from "../fix/text-edit.js";

/** `text` without the private members that `original` (the file before retire) used and `text` no longer does. */
export function removeOrphanedPrivateMembers(fileName: string, original: string, text: string): string {
  const usedBefore = memberMentions(parseForFix(fileName, original));
  let current = text;
  for (let step = 0; step < 1000; step++) {
    const sourceFile = parseForFix(fileName, current);
    const usedNow = memberMentions(sourceFile);
    const orphan = privateMembers(sourceFile).find((member) => {
      const name = member.name.getText(sourceFile);
      return (usedBefore.get(name) ?? 0) > 1 && (usedNow.get(name) ?? 0) === 1;
    });
    if (!orphan) return current;
    const range = removalRange(current, startWithDocComment(orphan, sourceFile), orphan.getEnd());
    // The first member of a class body goes with the blank line after it: `{` then a blank line reads as a husk.
    const opensBody = /\{[ \t]*\r?\n$/.test(current.slice(0, range.start));
    const blankAfter = /^[ \t]*\r?\n/.exec(current.slice(range.end));
    const end = opensBody && blankAfter ? range.end + blankAfter[0].length : range.end;
    current = applyEdits(current, [{ start: range.start, end, text: "" }]);
  }
  return current;
}

type Member = ts.PropertyDeclaration | ts.MethodDeclaration | ts.GetAccessorDeclaration | ts.SetAccessorDeclaration;

/** Private members whose removal runs less of nothing: no decorators, an initializer without effects. */
function privateMembers(sourceFile: ts.SourceFile): Member[] {
  const found: Member[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyDeclaration(node) || ts.isMethodDeclaration(node) || ts.isGetAccessor(node) || ts.isSetAccessor(node)) {
      const isPrivate = ts.isPrivateIdentifier(node.name) || (ts.getCombinedModifierFlags(node) & ts.ModifierFlags.Private) !== 0;
      const decorated = (ts.getDecorators(node) ?? []).length > 0;
      const initializer = ts.isPropertyDeclaration(node) ? node.initializer : undefined;
      if (isPrivate && !decorated && (!initializer || runsNothing(initializer))) found.push(node);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

/** Side-effect free, or an empty built-in collection (`new Map()`, `new Set<string>()`). */
function runsNothing(initializer: ts.Expression): boolean {
  if (isSideEffectFree(initializer)) return true;
  return (
    ts.isNewExpression(initializer) &&
    ts.isIdentifier(initializer.expression) &&
    ["Map", "Set", "WeakMap", "WeakSet", "Array"].includes(initializer.expression.text) &&
    (initializer.arguments ?? []).length === 0
  );
}

/** How many times each name is written as an identifier or private name (declarations included). */
function memberMentions(sourceFile: ts.SourceFile): Map<string, number> {
  const counts = new Map<string, number>();
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) || ts.isPrivateIdentifier(node)) counts.set(node.text, (counts.get(node.text) ?? 0) + 1);
    if (ts.isStringLiteral(node)) counts.set(node.text, (counts.get(node.text) ?? 0) + 1);
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return counts;
}
