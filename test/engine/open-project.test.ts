import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { indexFlags, openProject } from "../../src/index.js";
import { blobId } from "../../src/project/blob-id.js";
import { tempProject } from "../helpers/temp-dir.js";

const files = {
  "src/a.ts": 'if (process.env.FEATURE_A) a();\n',
  "src/b.ts": 'export const b = process.env.FEATURE_B ? 1 : 2;\n',
  "src/c.ts": "export const c = 3;\n",
};

describe("openProject", () => {
  it("parses nothing on a second run over an unchanged tree, and only the edited file after an edit", async () => {
    const root = tempProject(files);
    const first = await openProject({ root });
    expect(first.stats).toMatchObject({ files: 3, parsed: 3, cached: 0 });
    const second = await openProject({ root });
    expect(second.stats).toMatchObject({ files: 3, parsed: 0, cached: 3 });
    expect(indexFlags(second)).toEqual(indexFlags(first));
    writeFileSync(path.join(root, "src/c.ts"), 'export const c = process.env.FEATURE_C === "true";\n');
    const third = await openProject({ root });
    expect(third.stats).toMatchObject({ parsed: 1, cached: 2 });
    expect(indexFlags(third).flags.map((f) => f.key)).toEqual(["FEATURE_A", "FEATURE_B", "FEATURE_C"]);
  });

  it("parses everything with the cache off", async () => {
    const root = tempProject(files);
    await openProject({ root });
    const uncached = await openProject({ root, cache: false });
    expect(uncached.stats).toMatchObject({ parsed: 3, cached: 0 });
  });

  it("shares cache entries between files with the same content", async () => {
    const root = tempProject({ "src/a.ts": "export const x = 1;\n", "src/copy/a.ts": "export const x = 1;\n" });
    const opened = await openProject({ root, cacheLocation: path.join(root, ".cache") });
    expect(opened.stats).toMatchObject({ files: 2, parsed: 1, cached: 1 });
  });
});

describe("blobId", () => {
  it("equals git's blob id of the same bytes", () => {
    // `printf 'hello\n' | git hash-object --stdin`
    expect(blobId(new TextEncoder().encode("hello\n"))).toBe("ce013625030ba8dba906f756967f9e9ca394464a");
  });
});

describe("openProject without the call graph", () => {
  it("extracts no declarations for the flag index alone, and re-extracts once when a scan needs them", async () => {
    const root = tempProject(files);
    const flagsOnly = await openProject({ root, callGraph: false });
    expect(flagsOnly.stats.parsed).toBe(3);
    expect([...flagsOnly.facts.values()].every((f) => !f.callGraph && f.declarations.length === 0)).toBe(true);
    const withGraph = await openProject({ root });
    expect(withGraph.stats.parsed).toBe(3);
    expect(withGraph.facts.get("src/c.ts")?.declarations.map((d) => d.name)).toEqual(["c"]);
    // Facts with the call graph serve the flag index too: nothing is parsed again.
    expect((await openProject({ root, callGraph: false })).stats.parsed).toBe(0);
    expect((await openProject({ root })).stats.parsed).toBe(0);
  });
});
