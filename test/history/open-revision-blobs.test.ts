// A revision's files are keyed in the facts cache by the blob ids its tree gives (their bytes are
// not hashed again): the ids must be git's, and a file changed between two revisions opened over
// one cache must be parsed again, with its own facts.
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load-config.js";
import { FactsCache } from "../../src/facts/facts-cache.js";
import { readNamesOf } from "../../src/flags/build-flag-index.js";
import { GitRepository } from "../../src/history/git-repository.js";
import { openRevision } from "../../src/history/open-revision.js";
import { createGitRepo } from "../helpers/git-repo.js";

describe("a revision's blob ids", () => {
  it("are git's, and a changed file is parsed again over a shared cache", async () => {
    const repo = createGitRepo();
    const first = repo.commit("one", {
      "package.json": `{ "name": "shop", "main": "src/index.ts" }\n`,
      "src/index.ts": `export { total } from "./total.js";\n`,
      "src/total.ts": `export function total(): number {\n  return 1;\n}\n`,
    });
    const second = repo.commit("two", { "src/total.ts": `export function total(): number {\n  return 2;\n}\nexport function other(): number {\n  return 3;\n}\n` });
    const loaded = await loadConfig(repo.root);
    const git = await GitRepository.open(repo.root);
    try {
      const extractOptions = { readNames: readNamesOf(loaded.config.flags) };
      const cache = new FactsCache(undefined, extractOptions);
      const open = (commit: string) => openRevision({ repo: git, root: repo.root, revision: { kind: "commit", commit }, loaded, cache, extractOptions });
      const before = await open(first);
      const after = await open(second);
      for (const [project, commit] of [
        [before, first],
        [after, second],
      ] as const) {
        for (const file of project.files) expect(project.blobs.get(file), `${file} at ${commit.slice(0, 7)}`).toBe(repo.git(["rev-parse", `${commit}:${file}`]));
      }
      expect(before.stats.parsed).toBe(2);
      expect(after.stats.parsed).toBe(1);
      expect(after.facts.get("src/total.ts")?.declarations.map((d) => d.name)).toEqual(["total", "other"]);
    } finally {
      git.close();
    }
  });
});
