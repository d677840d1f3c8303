// A unified diff of one file, as `git diff` prints it (3 lines of context), for `retire`'s dry run.
// The line matching is jsdiff's (`diff` on npm: Myers' O(ND) algorithm).
import { diffLines, structuredPatch } from "diff";

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
  // jsdiff starts an empty side at the line after it; git and GNU diff at the line before.
  const start = (line: number, lines: number): number => (lines === 0 ? line - 1 : line);
  return structuredPatch("a", "b", before, after, "", "", { context }).hunks.map((hunk) => ({
    oldStart: start(hunk.oldStart, hunk.oldLines),
    oldLines: hunk.oldLines,
    newStart: start(hunk.newStart, hunk.newLines),
    newLines: hunk.newLines,
    lines: hunk.lines.map((line) => `${line}\n`),
  }));
}

/** For each line of `after` that the diff keeps unchanged, the line it was in `before` (both 1-based). */
export function unchangedLines(before: string, after: string): Map<number, number> {
  const lines = new Map<number, number>();
  let oldLine = 1;
  let newLine = 1;
  for (const change of diffLines(before, after)) {
    const count = change.count ?? 0;
    if (change.added) newLine += count;
    else if (change.removed) oldLine += count;
    else for (let k = 0; k < count; k++) lines.set(newLine++, oldLine++);
  }
  return lines;
}
