// Source positions in facts: offsets plus 1-based lines and columns, the form every report uses.
import type ts from "typescript";
import type { SourceRange } from "./file-facts.js";

/** The range of `node` without its leading trivia (comments and whitespace). */
export function rangeOfNode(node: ts.Node, sourceFile: ts.SourceFile): SourceRange {
  return rangeBetween(node.getStart(sourceFile), node.getEnd(), sourceFile);
}

/** The range between two offsets of `sourceFile`. */
export function rangeBetween(start: number, end: number, sourceFile: ts.SourceFile): SourceRange {
  const from = sourceFile.getLineAndCharacterOfPosition(start);
  const to = sourceFile.getLineAndCharacterOfPosition(end);
  return {
    start,
    end,
    line: from.line + 1,
    column: from.character + 1,
    endLine: to.line + 1,
    endColumn: to.character + 1,
  };
}

/** The start of a node's text, at most `max` characters, with `…` when cut: no large strings built. */
export function previewText(node: ts.Node, sourceFile: ts.SourceFile, max: number): string {
  const start = node.getStart(sourceFile);
  const end = node.getEnd();
  const text = sourceFile.text.slice(start, Math.min(end, start + max));
  return end - start > max ? `${text}…` : text;
}
