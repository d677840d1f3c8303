// The tokens of a config or script file, read with TypeScript's scanner without parsing: comments
// skipped, and template literals followed through their substitutions. (A bare scanner reads the
// `}` that closes `${name}` as a brace and the rest of the template as code, so one template such
// as `\`${dir}/migration\`` would swallow everything after it into an unterminated literal.)
import type ts from "typescript";
import { typescript } from "../../engine/typescript-module.js";

/** A token: its kind and, for names and strings (template parts included), its text. */
export interface CodeToken {
  kind: ts.SyntaxKind;
  text: string;
}

/** The tokens of `text`; a template's parts are `TemplateHead`, `TemplateMiddle` and `TemplateTail` tokens. */
export function codeTokens(text: string, variant: "standard" | "jsx" = "standard"): CodeToken[] {
  const lib = typescript();
  const kinds = lib.SyntaxKind;
  const scanner = lib.createScanner(lib.ScriptTarget.Latest, true, variant === "jsx" ? lib.LanguageVariant.JSX : lib.LanguageVariant.Standard, text);
  const tokens: CodeToken[] = [];
  // The brace depth at each open substitution: the `}` at that depth resumes its template.
  const open: number[] = [];
  let depth = 0;
  for (let kind = scanner.scan(); kind !== kinds.EndOfFileToken; kind = scanner.scan()) {
    if (kind === kinds.TemplateHead) open.push(depth);
    else if (kind === kinds.OpenBraceToken) depth++;
    else if (kind === kinds.CloseBraceToken) {
      if (open.length > 0 && open[open.length - 1] === depth) {
        kind = scanner.reScanTemplateToken(false);
        if (kind === kinds.TemplateTail) open.pop();
      } else depth--;
    }
    tokens.push({ kind, text: scanner.getTokenValue() });
  }
  return tokens;
}
