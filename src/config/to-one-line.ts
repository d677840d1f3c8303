// Error text from libraries can span lines; deadflag's error messages are one line.

/** `text` with its line breaks (and the blanks around them) folded into single spaces. */
export function toOneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, " ").trim();
}
