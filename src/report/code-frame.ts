// A code frame under a finding: the line before it, its own line with a `>` in the gutter, and a
// caret under the finding's column (a run of them when the finding spans part of one line).

/** Options of one frame. */
export interface CodeFrameOptions {
  /** Colours the gutter and the caret; identity when colours are off. */
  dim: (text: string) => string;
  mark: (text: string) => string;
  /** Indentation before every frame line. */
  indent: string;
}

/** Frame lines are cut to this width around the finding's column. */
const maxWidth = 160;

/** The frame for a 1-based line and column of `text`, or no lines when the line is not in it. */
export function codeFrame(text: string, line: number, column: number, endLine: number, endColumn: number, options: CodeFrameOptions): string[] {
  const lines = text.split(/\r?\n/);
  const own = lines[line - 1];
  if (own === undefined) return [];
  const first = Math.max(1, line - 1);
  const gutterWidth = String(line).length;
  const out: string[] = [];
  const window = visibleWindow(own, column);
  for (let at = first; at <= line; at++) {
    const shown = clip(expandTabs(lines[at - 1] ?? ""), window);
    const marker = at === line ? options.mark(">") : " ";
    out.push(`${options.indent}${marker} ${options.dim(`${String(at).padStart(gutterWidth)} |`)}${shown === "" ? "" : ` ${shown}`}`);
  }
  const start = expandTabs(own.slice(0, column - 1)).length - window.start;
  const end = endLine === line && endColumn > column ? expandTabs(own.slice(0, endColumn - 1)).length - window.start : start + 1;
  const width = Math.max(1, Math.min(end, window.width) - start);
  if (start >= 0 && start <= window.width) {
    out.push(`${options.indent}  ${options.dim(`${" ".repeat(gutterWidth)} |`)} ${" ".repeat(start)}${options.mark("^".repeat(width))}`);
  }
  return out;
}

interface Window {
  start: number;
  width: number;
}

/** The part of a long line worth showing: the start, or a stretch around the column. */
function visibleWindow(line: string, column: number): Window {
  const expanded = expandTabs(line);
  if (expanded.length <= maxWidth) return { start: 0, width: maxWidth };
  const at = expandTabs(line.slice(0, column - 1)).length;
  const start = Math.max(0, Math.min(at - maxWidth / 2, expanded.length - maxWidth));
  return { start, width: maxWidth };
}

function clip(line: string, window: Window): string {
  return line.slice(window.start, window.start + window.width).trimEnd();
}

function expandTabs(text: string): string {
  return text.replace(/\t/g, "  ");
}
