// Deleting whole declarations can leave a blank line where a block opens or closes (`{` then a blank
// line, a blank line then `}`) or at the end of a file. A file that had none of these before
// retire touched it gets none after; a file written in that style keeps it.
const afterOpening = /\{[ \t]*\n(?:[ \t]*\n)+/g;
const beforeClosing = /\n(?:[ \t]*\n)+([ \t]*\})/g;
const atEnd = /\n(?:[ \t]*\n)+$/;

/** `text` without the blank-line husks `original` never had. */
export function tidyBlankLines(original: string, text: string): string {
  let tidied = text;
  if (original.search(afterOpening) < 0) tidied = tidied.replace(afterOpening, (match) => match.slice(0, match.indexOf("\n") + 1));
  if (original.search(beforeClosing) < 0) tidied = tidied.replace(beforeClosing, "\n$1");
  if (original.search(atEnd) < 0) tidied = tidied.replace(atEnd, "\n");
  return tidied;
}
