// Writing a retirement is all or nothing: when one file cannot be written, no file is changed or
// deleted and no temporary file is left; when all can, each target holds its whole new text.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { writeRetirement } from "../../src/retire/write-retirement.js";
import { tempProject } from "../helpers/temp-dir.js";

const listing = (root: string): string[] => readdirSync(root, { recursive: true, encoding: "utf8" }).sort();

describe("writeRetirement", () => {
  it("changes nothing and leaves no temporary file when one target cannot be written", () => {
    // `blocked` is a file, so `blocked/b.ts` cannot be written: the failure comes after `a.ts` was staged.
    const root = tempProject({ "a.ts": "old a\n", "blocked": "a file\n", "gone.ts": "dead\n" });
    const before = listing(root);
    expect(() =>
      writeRetirement({
        root,
        changes: [
          { file: "a.ts", before: "old a\n", after: "new a\n" },
          { file: "blocked/b.ts", before: "old b\n", after: "new b\n" },
          { file: "gone.ts", before: "dead\n", after: undefined },
        ],
        ledger: undefined,
      }),
    ).toThrow();
    expect(readFileSync(path.join(root, "a.ts"), "utf8")).toBe("old a\n");
    expect(existsSync(path.join(root, "gone.ts"))).toBe(true);
    expect(listing(root)).toEqual(before);
  });

  it("writes every new text whole, deletes the deleted files and writes the ledger, leaving no temporary file", () => {
    const root = tempProject({ "src/a.ts": "old a\n", "src/gone.ts": "dead\n" });
    writeRetirement({
      root,
      changes: [
        { file: "src/a.ts", before: "old a\n", after: "new a\n" },
        { file: "src/gone.ts", before: "dead\n", after: undefined },
      ],
      ledger: { version: 2, flags: {}, tombstones: {} },
    });
    expect(readFileSync(path.join(root, "src/a.ts"), "utf8")).toBe("new a\n");
    expect(JSON.parse(readFileSync(path.join(root, ".deadflag/ledger.json"), "utf8"))).toEqual({ version: 2, flags: {}, tombstones: {} });
    expect(listing(root)).toEqual([".deadflag", ".deadflag/ledger.json", "src", "src/a.ts"]);
  });
});
