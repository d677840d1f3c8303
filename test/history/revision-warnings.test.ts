// Warnings across the revisions of a history: each once, and a per-commit warning that recurs at
// many commits (a registry added late) once with its count, not a line per commit.
import { describe, expect, it } from "vitest";
import { RevisionWarnings } from "../../src/history/revision-warnings.js";

describe("RevisionWarnings", () => {
  it("says a warning that recurs at every commit once, with the count and the first and last commit", () => {
    const warnings = new RevisionWarnings();
    for (const commit of ["67f1b33", "a1b2c3d", "b8e5a0e"]) {
      warnings.push({ file: "lib/types.ts", message: `registry export "Partner" not found at ${commit}; its declarations are skipped there` });
    }
    expect(warnings.list()).toEqual([
      { file: "lib/types.ts", message: 'registry export "Partner" not found at 3 commits (67f1b33 to b8e5a0e); its declarations are skipped there' },
    ]);
  });

  it("keeps a warning seen at one commit as it is, and different files or messages apart", () => {
    const warnings = new RevisionWarnings();
    warnings.push({ file: "flags.json", message: "registry not found at 1234567; its declarations are skipped there" });
    warnings.push({ file: "other.json", message: "registry not found at 1234567; its declarations are skipped there" });
    warnings.push({ file: "src/a.ts", message: "syntax error at 3:4: ';' expected; read what parsed" });
    warnings.push({ file: "src/a.ts", message: "syntax error at 3:4: ';' expected; read what parsed" });
    expect(warnings.list()).toEqual([
      { file: "flags.json", message: "registry not found at 1234567; its declarations are skipped there" },
      { file: "other.json", message: "registry not found at 1234567; its declarations are skipped there" },
      { file: "src/a.ts", message: "syntax error at 3:4: ';' expected; read what parsed" },
    ]);
  });
});
