// `diff` asks git once, for all the keys new at the head, whether any commit of the base's history
// changed a line holding one of them, and whether their texts are in the base; it asks per key only
// where the shared answer cannot tell. Every answer must be the per-key one: here for keys that came
// and went, keys still there, keys that never existed, keys with regular-expression characters, and
// a key inside another (whose match `git grep -o` may cover).
import { describe, expect, it } from "vitest";
import { BaseHistory } from "../../src/history/base-history.js";
import { GitRepository } from "../../src/history/git-repository.js";
import { createGitRepo } from "../helpers/git-repo.js";

// The key as written, unescaped: git looks for the text, not for what the string means.
const read = (key: string): string => `if (client.getBooleanValue('${key}', false)) run();\n`;

/** Keys of every kind, and the base they are asked about. */
function history(): { root: string; base: string } {
  const repo = createGitRepo();
  repo.commit("first", { "src/a.ts": read("gone") + read("a.b") + read("x|y"), "src/b.ts": read("kept-key") });
  repo.commit("second", { "src/c.ts": read("we[ird]*^$\\(key)+?{1}") + read("alpha-beta") });
  repo.commit("third", { "src/a.ts": read("a.b"), "src/d.ts": "export const unrelated = 1;\n" });
  const base = repo.commit("fourth", { "src/c.ts": read("alpha-beta") });
  // After the base: nothing asked about the base may see it.
  repo.commit("after", { "src/e.ts": read("later") + read("gone") });
  return { root: repo.root, base };
}

/** Each key's answers from BaseHistory and asked alone. */
async function answers(root: string, base: string, keys: readonly string[], depth?: number): Promise<{ shared: unknown[]; alone: unknown[] }> {
  const repo = await GitRepository.open(root);
  try {
    const shared = await BaseHistory.of(repo, "", base, keys, depth);
    const sharedAnswers: unknown[] = [];
    const aloneAnswers: unknown[] = [];
    for (const key of keys) {
      sharedAnswers.push({ key, commits: await shared.commitsTouching(key), atBase: await shared.hasTextAtBase(key) });
      aloneAnswers.push({ key, commits: await repo.commitsTouching(base, key, "", depth), atBase: (await repo.textsAt(base, [key], "")).has(key) });
    }
    return { shared: sharedAnswers, alone: aloneAnswers };
  } finally {
    repo.close();
  }
}

describe("the base's history asked for many keys at once", () => {
  it("gives every key the commits and presence it has alone", async () => {
    const { root, base } = history();
    const keys = ["gone", "kept-key", "a.b", "x|y", "we[ird]*^$\\(key)+?{1}", "alpha", "alpha-beta", "later", "never-there"];
    const { shared, alone } = await answers(root, base, keys);
    expect(shared).toEqual(alone);
    // The fixture has what the shared answers must get right: keys with commits, and a key found only inside another.
    expect(alone).toContainEqual({ key: "gone", commits: [expect.any(String), expect.any(String)], atBase: false });
    expect(alone).toContainEqual({ key: "alpha", commits: [expect.any(String)], atBase: true });
  });

  it("finds the commits of keys written with regular-expression characters when they are the only keys", async () => {
    const { root, base } = history();
    const { shared, alone } = await answers(root, base, ["a.b", "x|y", "we[ird]*^$\\(key)+?{1}"]);
    expect(shared).toEqual(alone);
    expect(alone.every((a) => (a as { commits: string[] }).commits.length > 0)).toBe(true);
  });

  it("answers no commits and no text for keys that never were in the history, within a depth too", async () => {
    const { root, base } = history();
    for (const depth of [undefined, 1]) {
      const { shared, alone } = await answers(root, base, ["later", "never-there"], depth);
      expect(shared).toEqual(alone);
      expect(alone).toEqual([
        { key: "later", commits: [], atBase: false },
        { key: "never-there", commits: [], atBase: false },
      ]);
    }
  });

  it("keeps a key found only inside another key's text", async () => {
    const { root, base } = history();
    const { shared, alone } = await answers(root, base, ["alpha-beta", "alpha"]);
    expect(shared).toEqual(alone);
  });
});
