// The words of the simple commands in a package.json script, as the presets that read scripts need
// them: split at `&&`, `||`, `;`, `|` and `&`, then at blanks, with one level of quotes removed.
// Not a shell parser: a quoted argument with spaces in it is split too, which no preset relies on.

/** Each simple command of `command` as its words. */
export function commandWords(command: string): string[][] {
  return command.split(/&&|\|\||[;|&]/).map((part) => part.trim().split(/\s+/).map(unquote));
}

function unquote(word: string): string {
  return word.replace(/^(["'])(.*)\1$/, "$2");
}
