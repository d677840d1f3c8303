// A script dispatcher: a program that package.json runs (`"script": "tsx ./scripts/run.ts"`) and that
// itself starts a runner on a path computed under a folder (`spawn("tsx", [\`./scripts/${name}.ts\`])`,
// `fork(\`./jobs/${job}.js\`)`), so `pnpm script backfill-users` runs `scripts/backfill-users.ts`.
// Every program under that folder may run; nothing imports them.
import { typescript } from "../../engine/typescript-module.js";
import { codeTokens } from "./code-tokens.js";

/** Calls that start a process. */
const processCalls = /\b(?:spawn|spawnSync|exec|execSync|execFile|execFileSync|fork|execa|execaSync|execaNode)\s*\(/;

/**
 * The folders (as written, `./scripts/`) under which a program's text starts a runner on a
 * computed path: it starts a process, names one of `runners` (or forks, which runs node), and holds
 * a template whose literal start is a relative folder. Empty when the text is no dispatcher.
 */
export function dispatchedFolders(text: string, runners: ReadonlySet<string>): string[] {
  if (!processCalls.test(text)) return [];
  const { strings, heads } = scriptLiterals(text);
  const firstWord = (literal: string): string => literal.trim().split(/\s+/)[0] ?? "";
  const runsProgram = /\bfork\s*\(/.test(text) || [...strings, ...heads].some((literal) => runners.has(firstWord(literal)));
  if (!runsProgram) return [];
  const folders = new Set<string>();
  for (const head of heads) {
    // `tsx ./scripts/${name}.ts`: the path is the head's last word.
    const last = head.split(/\s+/).pop() ?? "";
    if (/^(?:\.\/)?[\w@.-]+(?:\/[\w@.-]+)*\/$/.test(last) && !last.startsWith("../")) folders.add(last);
  }
  return [...folders];
}

/** The string literals of a JS/TS text, and the literal starts of its templates with substitutions. */
function scriptLiterals(text: string): { strings: string[]; heads: string[] } {
  const ts = typescript();
  const strings: string[] = [];
  const heads: string[] = [];
  for (const token of codeTokens(text, "jsx")) {
    if (token.kind === ts.SyntaxKind.StringLiteral || token.kind === ts.SyntaxKind.NoSubstitutionTemplateLiteral) strings.push(token.text);
    else if (token.kind === ts.SyntaxKind.TemplateHead) heads.push(token.text);
  }
  return { strings, heads };
}
