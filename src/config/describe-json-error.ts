// JSON parse errors as one line with a line and column: V8 reports an offset, and newer V8 quotes
// the text around the error, newlines included, while a deadflag error message must stay one line.
import { toOneLine } from "./to-one-line.js";

/** `JSON.parse`'s error `message` on `text`, as one line naming the line and column. */
export function describeJsonError(message: string, text: string): string {
  const match = / at position (\d+)(?: \(line \d+ column \d+\))?$/.exec(message);
  if (match === null) return toOneLine(message);
  const lines = text.replace(/^\uFEFF/, "").slice(0, Number(match[1])).split("\n");
  const column = (lines.at(-1)?.length ?? 0) + 1;
  return `${toOneLine(message.slice(0, match.index).replace(/ in JSON$/, ""))} at line ${lines.length}, column ${column}`;
}
