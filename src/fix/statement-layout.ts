// Where statements sit on their lines: what a fix deletes so that no blank husk or stray indentation
// is left, and how kept code is re-indented when it moves out of a block, so that the code a fix
// keeps looks as it was written, comments included.
import ts from "../engine/typescript-api.js";

/** A range of text, in offsets. */
export interface TextRange {
  start: number;
  end: number;
}

/** The offset where the line holding `offset` starts. */
function lineStartOf(text: string, offset: number): number {
  let at = offset;
  while (at > 0 && !isLineBreak(text.charCodeAt(at - 1))) at--;
  return at;
}

/** The whitespace that starts the line holding `offset`. */
export function indentationAt(text: string, offset: number): string {
  const start = lineStartOf(text, offset);
  let at = start;
  while (at < text.length && isBlank(text.charCodeAt(at))) at++;
  return text.slice(start, at);
}

/**
 * The range to delete to remove the code in [start, end): whole lines when the code has its lines to
 * itself (a comment after it on its last line goes with it), and one of two blank lines that would
 * meet. Otherwise the code and the spaces after it.
 */
export function removalRange(text: string, start: number, end: number): TextRange {
  const lineStart = lineStartOf(text, start);
  const aloneBefore = /^[ \t]*$/.test(text.slice(lineStart, start));
  let after = end;
  while (after < text.length && isBlank(text.charCodeAt(after))) after++;
  if (text.startsWith("//", after)) {
    while (after < text.length && !isLineBreak(text.charCodeAt(after))) after++;
  }
  const atLineEnd = after >= text.length || isLineBreak(text.charCodeAt(after));
  if (!aloneBefore || !atLineEnd) {
    return { start, end: aloneBefore ? end : after };
  }
  let removeEnd = skipLineBreak(text, after);
  // A blank line before and after: keep one.
  const previousLineBlank = lineStart === 0 || isBlankLine(text, lineStartOf(text, lineStart - 1), lineStart);
  const nextLineEnd = lineEndOf(text, removeEnd);
  if (previousLineBlank && removeEnd < text.length && /^[ \t]*$/.test(text.slice(removeEnd, nextLineEnd))) {
    removeEnd = skipLineBreak(text, nextLineEnd);
  }
  return { start: lineStart, end: removeEnd };
}

/**
 * The statements of `region` (the inside of a block, or one statement) as text to put where a
 * statement indented `targetIndent` started: blank lines around them dropped, each line moved by
 * the same amount so that their relative indentation, comments and line breaks stay; lines that
 * start inside a multi-line template literal are left as they are.
 */
export function reindentedStatements(sourceFile: ts.SourceFile, region: TextRange, targetIndent: string): string {
  const { text } = sourceFile;
  let start = region.start;
  while (start < region.end && isWhitespace(text.charCodeAt(start))) start++;
  let end = region.end;
  while (end > start && isWhitespace(text.charCodeAt(end - 1))) end--;
  if (start >= end) return "";
  const templates = templateRanges(sourceFile, { start, end });
  const firstIndent = start - lineStartOf(text, start);
  const lines: { start: number; end: number; inTemplate: boolean }[] = [];
  let at = start;
  while (at <= end) {
    const lineEnd = Math.min(lineEndOf(text, at), end);
    lines.push({ start: at, end: lineEnd, inTemplate: templates.some((t) => t.start < at && at < t.end) });
    if (lineEnd >= end) break;
    at = skipLineBreak(text, lineEnd);
  }
  let base = firstIndent;
  for (const line of lines.slice(1)) {
    if (line.inTemplate || /^\s*$/.test(text.slice(line.start, line.end))) continue;
    let indent = 0;
    while (indent < line.end - line.start && isBlank(text.charCodeAt(line.start + indent))) indent++;
    base = Math.min(base, indent);
  }
  const newline = /\r\n/.test(text) ? "\r\n" : "\n";
  return lines
    .map((line, index) => {
      const content = text.slice(line.start, line.end);
      if (index === 0) return content;
      if (line.inTemplate) return content;
      if (/^\s*$/.test(content)) return "";
      return targetIndent + content.slice(base);
    })
    .join(newline);
}

function templateRanges(sourceFile: ts.SourceFile, region: TextRange): TextRange[] {
  const ranges: TextRange[] = [];
  const visit = (node: ts.Node): void => {
    if (node.getEnd() <= region.start || node.getStart(sourceFile) >= region.end) return;
    if (ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) {
      ranges.push({ start: node.getStart(sourceFile), end: node.getEnd() });
      return;
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(sourceFile, visit);
  return ranges;
}

function lineEndOf(text: string, offset: number): number {
  let at = offset;
  while (at < text.length && !isLineBreak(text.charCodeAt(at))) at++;
  return at;
}

function skipLineBreak(text: string, offset: number): number {
  if (text.startsWith("\r\n", offset)) return offset + 2;
  return offset < text.length && isLineBreak(text.charCodeAt(offset)) ? offset + 1 : offset;
}

function isBlankLine(text: string, start: number, end: number): boolean {
  return /^\s*$/.test(text.slice(start, end));
}

function isLineBreak(code: number): boolean {
  return code === 10 || code === 13 || code === 0x2028 || code === 0x2029;
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9;
}

function isWhitespace(code: number): boolean {
  return isBlank(code) || isLineBreak(code);
}
