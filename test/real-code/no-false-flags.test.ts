// Real code nobody here wrote: the TypeScript sources that rxjs and zod ship on npm have no
// feature flags, so every read the index reports there would be a false positive.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { indexFlags, openProject } from "../../src/index.js";

const corpora = [
  { name: "rxjs@7.8.2", root: path.resolve("node_modules/rxjs/src"), minFiles: 200 },
  { name: "zod", root: path.resolve("node_modules/zod/src"), minFiles: 200 },
];

describe("flag index on real code without flags", () => {
  for (const corpus of corpora) {
    it(`finds no flag reads in ${corpus.name}'s sources`, async () => {
      const project = await openProject({ root: corpus.root, cache: false });
      expect(project.stats.files).toBeGreaterThanOrEqual(corpus.minFiles);
      const index = indexFlags(project);
      expect(index.flags.map((f) => `${f.key} ${f.references[0]?.file}:${f.references[0]?.range.line}`)).toEqual([]);
      expect(index.unresolved.map((u) => `${u.file}:${u.range.line} ${u.via}`)).toEqual([]);
      expect(project.diagnostics.filter((d) => d.message.startsWith("syntax error"))).toEqual([]);
    });
  }
});
