// The documentation comment that belongs to a declaration: deleted with it, never left behind.
import ts from "../engine/typescript-api.js";

/** Where `node` starts once its `/** … *\/` comment is counted: the comment's start when one sits right above it. */
export function startWithDocComment(node: ts.Node, sourceFile: ts.SourceFile): number {
  const text = sourceFile.text;
  const start = node.getStart(sourceFile);
  const comments = ts.getLeadingCommentRanges(text, node.pos) ?? [];
  const last = comments[comments.length - 1];
  if (!last || !text.startsWith("/**", last.pos)) return start;
  const between = text.slice(last.end, start);
  // Only whitespace with at most one line break: a blank line means the comment is about something else.
  return /^[ \t]*(\r?\n)?[ \t]*$/.test(between) ? last.pos : start;
}
