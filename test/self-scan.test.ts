// deadflag passes its own scan: no dead code, dead branch, unused export or unused file in this
// repository (the sources, the rules, the tests and the tools' configs).
import { describe, expect, it } from "vitest";
import { openProject, scanProject } from "../src/index.js";

describe("deadflag scan on deadflag", () => {
  it("finds nothing", async () => {
    const project = await openProject({ root: ".", cache: false });
    const { findings, context } = scanProject(project);
    expect(context.entries.production).toContain("src/cli/main.ts");
    expect(context.entries.production).toContain("src/index.ts");
    const listed = findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.ruleId} ${f.message}`);
    expect(listed, `deadflag's own scan found:\n${listed.join("\n")}`).toEqual([]);
  });
});
