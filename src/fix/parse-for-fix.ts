// The syntax tree a fix works on. Fixes rewrite text, so they parse the text they are given (the
// buffer ESLint lints), never the facts: facts keep no syntax.
import ts from "../engine/typescript-api.js";

let last: { fileName: string; text: string; sourceFile: ts.SourceFile } | undefined;

/** Parses `text` as `fileName` with parent pointers; the last parse is reused, as one file's findings ask in turn. */
export function parseForFix(fileName: string, text: string): ts.SourceFile {
  if (last?.fileName === fileName && last.text === text) return last.sourceFile;
  const sourceFile = ts.createSourceFile(
    fileName,
    text,
    { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone },
    true,
    scriptKindOf(fileName),
  );
  last = { fileName, text, sourceFile };
  return sourceFile;
}

/** The offset of a 1-based line and column, or undefined when the text has no such position. */
export function offsetOf(sourceFile: ts.SourceFile, line: number, column: number): number | undefined {
  const starts = sourceFile.getLineStarts();
  const lineStart = starts[line - 1];
  if (lineStart === undefined) return undefined;
  const offset = lineStart + column - 1;
  const next = starts[line] ?? sourceFile.text.length + 1;
  return offset < next ? offset : undefined;
}

/** The innermost node whose own text starts at `offset` and that holds it (a token, an identifier). */
export function nodeStartingAt(sourceFile: ts.SourceFile, offset: number): ts.Node | undefined {
  let found: ts.Node | undefined;
  const visit = (node: ts.Node): void => {
    if (offset < node.getStart(sourceFile) || offset >= node.getEnd()) return;
    if (node.getStart(sourceFile) === offset) found = node;
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(sourceFile, visit);
  return found;
}

function scriptKindOf(fileName: string): ts.ScriptKind {
  if (fileName.endsWith(".tsx")) return ts.ScriptKind.TSX;
  if (fileName.endsWith(".jsx")) return ts.ScriptKind.JSX;
  if (/\.[mc]?js$/.test(fileName)) return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}
