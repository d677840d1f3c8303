// A unified diff of one file, as `git diff` prints it (3 lines of context), for `retire`'s dry run.
// Lines are matched with Myers' O(ND) algorithm after the common head and tail are set aside: a
// retirement touches a few places of a file, so D is small.

/** One hunk: where it starts in each text (1-based; the line before when empty) and its lines. */
export interface DiffHunk {
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
  lines: string[];
}

const context = 3;

/** The unified diff turning `before` into `after` (undefined: the file is deleted), or "" when equal. */
export function unifiedDiff(file: string, before: string, after: string | undefined): string {
  const hunks = diffHunks(before, after ?? "");
  if (hunks.length === 0) return "";
  const header = `--- a/${file}\n+++ ${after === undefined ? "/dev/null" : `b/${file}`}\n`;
  return header + hunks.map((h) => `@@ -${range(h.oldStart, h.oldLines)} +${range(h.newStart, h.newLines)} @@\n${h.lines.join("")}`).join("");
}

function range(start: number, lines: number): string {
  return lines === 1 ? `${start}` : `${start},${lines}`;
}

/** The hunks of the diff of two texts, each line ending in a newline (with git's marker where the text has none). */
export function diffHunks(before: string, after: string): DiffHunk[] {
  const a = linesOf(before);
  const b = linesOf(after);
  const ops = editScript(a, b);
  const hunks: DiffHunk[] = [];
  let i = 0;
  while (i < ops.length) {
    if (ops[i]?.kind === "=") {
      i++;
      continue;
    }
    // A hunk: context before the change, the changes, and context after, merged while changes are close.
    let start = i;
    while (start > 0 && i - start < context && ops[start - 1]?.kind === "=") start--;
    let end = i;
    for (;;) {
      while (end < ops.length && ops[end]?.kind !== "=") end++;
      let equal = end;
      while (equal < ops.length && ops[equal]?.kind === "=") equal++;
      if (equal < ops.length && equal - end <= 2 * context) {
        end = equal;
        continue;
      }
      end = Math.min(end + context, equal);
      break;
    }
    const slice = ops.slice(start, end);
    const first = slice[0];
    const oldLines = slice.filter((op) => op.kind !== "+").length;
    const newLines = slice.filter((op) => op.kind !== "-").length;
    hunks.push({
      oldStart: (first?.oldIndex ?? 0) + (oldLines === 0 ? 0 : 1),
      oldLines,
      newStart: (first?.newIndex ?? 0) + (newLines === 0 ? 0 : 1),
      newLines,
      lines: slice.map((op) => `${op.kind === "=" ? " " : op.kind}${withNewline(op.line)}`),
    });
    i = end;
  }
  return hunks;
}

/** For each line of `after` that the diff keeps unchanged, the line it was in `before` (both 1-based). */
export function unchangedLines(before: string, after: string): Map<number, number> {
  const lines = new Map<number, number>();
  for (const op of editScript(linesOf(before), linesOf(after))) if (op.kind === "=") lines.set(op.newIndex + 1, op.oldIndex + 1);
  return lines;
}

function withNewline(line: string): string {
  return line.endsWith("\n") ? line : `${line}\n\\ No newline at end of file\n`;
}

function linesOf(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

interface Op {
  kind: "=" | "-" | "+";
  line: string;
  /** The index in the old and the new text of the line this op is at (before it, for an insertion or a deletion). */
  oldIndex: number;
  newIndex: number;
}

/** The shortest edit script from `a` to `b` (Myers 1986), as ops in order. */
function editScript(a: readonly string[], b: readonly string[]): Op[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const middleA = a.slice(head, a.length - tail);
  const middleB = b.slice(head, b.length - tail);
  const ops: Op[] = [];
  for (let k = 0; k < head; k++) ops.push({ kind: "=", line: a[k] ?? "", oldIndex: k, newIndex: k });
  for (const op of middleScript(middleA, middleB)) ops.push({ ...op, oldIndex: op.oldIndex + head, newIndex: op.newIndex + head });
  for (let k = 0; k < tail; k++) {
    const oldIndex = a.length - tail + k;
    ops.push({ kind: "=", line: a[oldIndex] ?? "", oldIndex, newIndex: b.length - tail + k });
  }
  return ops;
}

function middleScript(a: readonly string[], b: readonly string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  let v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    const next = v.slice();
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && (v[offset + k - 1] ?? 0) < (v[offset + k + 1] ?? 0));
      let x = down ? (v[offset + k + 1] ?? 0) : (v[offset + k - 1] ?? 0) + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      next[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
    v = next;
  }
  trace.push(v);
  // Walk back from the end through the recorded frontiers.
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 2; d >= 0 && (x > 0 || y > 0); d--) {
    const frontier = trace[d] ?? v;
    const k = x - y;
    const down = k === -d || (k !== d && (frontier[offset + k - 1] ?? 0) < (frontier[offset + k + 1] ?? 0));
    const previousK = down ? k + 1 : k - 1;
    const previousX = frontier[offset + previousK] ?? 0;
    const previousY = previousX - previousK;
    while (x > previousX && y > previousY) {
      x--;
      y--;
      ops.push({ kind: "=", line: a[x] ?? "", oldIndex: x, newIndex: y });
    }
    if (d === 0) break;
    if (down) {
      y--;
      ops.push({ kind: "+", line: b[y] ?? "", oldIndex: x, newIndex: y });
    } else {
      x--;
      ops.push({ kind: "-", line: a[x] ?? "", oldIndex: x, newIndex: y });
    }
  }
  return ops.reverse();
}
