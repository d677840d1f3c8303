// The unified diffs `retire` prints are real patches: `git apply` turns the old text into the new
// one, for edits at the start, middle and end of a file, near each other and far apart, with and
// without a final newline.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { diffHunks, unifiedDiff } from "../../src/report/unified-diff.js";
import { tempProject } from "../helpers/temp-dir.js";

const numbered = (count: number): string[] => Array.from({ length: count }, (_, i) => `line ${i + 1}`);

/** Applies `diff` with git to a file holding `before` and returns the result. */
function applied(before: string, diff: string): string {
  const root = tempProject({ "f.ts": before, "f.patch": diff });
  execFileSync("git", ["apply", "--unsafe-paths", "--directory=.", "f.patch"], { cwd: root, stdio: "pipe" });
  return readFileSync(path.join(root, "f.ts"), "utf8");
}

describe("unifiedDiff", () => {
  const base = `${numbered(40).join("\n")}\n`;
  const cases: Array<[string, string]> = [
    ["a line removed in the middle", base.replace("line 20\n", "")],
    ["the first lines changed", base.replace("line 1\nline 2\n", "first\n")],
    ["lines added at the end", `${base}line 41\nline 42\n`],
    ["two changes close together (one hunk) and one far away", base.replace("line 10\n", "").replace("line 14\n", "fourteen\n").replace("line 35\n", "")],
    ["the final newline removed", base.slice(0, -1)],
    ["everything removed", ""],
  ];
  for (const [name, after] of cases) {
    it(`gives a patch git applies: ${name}`, () => {
      const diff = unifiedDiff("f.ts", base, after);
      expect(diff.startsWith("--- a/f.ts\n+++ b/f.ts\n@@ ")).toBe(true);
      expect(applied(base, diff)).toBe(after);
    });
  }

  it("keeps changes more than six lines apart in separate hunks with three lines of context", () => {
    const after = base.replace("line 10\n", "").replace("line 30\n", "");
    expect(diffHunks(base, after).map(({ lines: _lines, ...hunk }) => hunk)).toEqual([
      { oldStart: 7, oldLines: 7, newStart: 7, newLines: 6 },
      { oldStart: 27, oldLines: 7, newStart: 26, newLines: 6 },
    ]);
  });

  it("is empty for equal texts and names /dev/null for a deleted file", () => {
    expect(unifiedDiff("f.ts", base, base)).toBe("");
    expect(unifiedDiff("f.ts", "a\n", undefined)).toBe("--- a/f.ts\n+++ /dev/null\n@@ -1 +0,0 @@\n-a\n");
  });
});
