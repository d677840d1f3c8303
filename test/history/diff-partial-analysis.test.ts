// `diff` describes only the flags it compares: meanings for the keys read at both revisions (and
// for a new key's earlier life), none for keys new without a past or gone from the head; the base
// starts from a copy of the head's module resolutions while the head is still to be described; the
// revisions' tokenizers share syntax trees. Its answers must be those of describing every flag of
// both revisions from scratch, as diff did before: the same findings, the same notes and the same
// content scores, here on Knight Capital's knight.stages and on a change that adds a file the flag now
// switches (which a resolution shared, not copied, would answer for the wrong revision).
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load-config.js";
import { indexFlags } from "../../src/engine/index-flags.js";
import { FactsCache } from "../../src/facts/facts-cache.js";
import { readNamesOf } from "../../src/flags/build-flag-index.js";
import { CallGraph } from "../../src/graph/call-graph.js";
import { closestContentScore, compareMeanings } from "../../src/history/compare-meanings.js";
import { declarationExists } from "../../src/history/declaration-identity.js";
import { diffRevisions } from "../../src/history/diff-revisions.js";
import { computeMeanings } from "../../src/history/flag-meaning.js";
import { GitRepository } from "../../src/history/git-repository.js";
import { openRevision } from "../../src/history/open-revision.js";
import { createGitRepo } from "../helpers/git-repo.js";
import { useKnightHistory } from "../helpers/knight-history.js";

/** What diff answers, in a form both ways of computing it give. */
interface Answers {
  changes: string[];
  added: string[];
  removed: string[];
  scores: Record<string, unknown>;
}

/** Every flag of both revisions described from scratch (fresh resolvers and tokenizers), compared key by key. */
async function fromScratch(root: string, base: string, head: string): Promise<Answers> {
  const loaded = await loadConfig(root);
  const repo = await GitRepository.open(root);
  try {
    const extractOptions = { readNames: readNamesOf(loaded.config.flags) };
    const cache = new FactsCache(undefined, extractOptions);
    const describeAt = async (commit: string) => {
      const project = await openRevision({ repo, root, revision: { kind: "commit", commit }, loaded, cache, extractOptions });
      const meanings = await computeMeanings({
        graph: new CallGraph(project.linked),
        index: indexFlags(project),
        entryFiles: [...project.entries.production, ...project.entries.tests],
        readText: project.readText,
      });
      return { meanings, exists: declarationExists(project.facts) };
    };
    const before = await describeAt(base);
    const after = await describeAt(head);
    const answers: Answers = { changes: [], added: [], removed: [], scores: {} };
    for (const [key, meaning] of after.meanings) {
      const then = before.meanings.get(key);
      if (!then) {
        answers.added.push(key);
        continue;
      }
      answers.scores[key] = closestContentScore(then, meaning);
      for (const change of compareMeanings(then, meaning, { base: before.exists, head: after.exists })) answers.changes.push(`${key} ${change.kind}`);
    }
    for (const key of before.meanings.keys()) if (!after.meanings.has(key)) answers.removed.push(key);
    return { ...answers, changes: answers.changes.sort() };
  } finally {
    repo.close();
  }
}

/** diff's answers (a new key with no past is a note `added`). */
async function fromDiff(root: string, base: string, head: string): Promise<Answers> {
  const result = await diffRevisions({ root, base, head, cache: false, explain: true });
  const notes = (kind: string): string[] => result.notes.filter((n) => n.note === kind).map((n) => n.flag);
  return {
    changes: result.findings.map((f) => `${f.flag} ${String(f.data?.kind)}`).sort(),
    added: notes("added"),
    removed: notes("removed"),
    scores: result.scores ?? {},
  };
}

describe("diff's partial description", () => {
  const knight = useKnightHistory("deadflag-partial-diff-");

  it("answers as describing every flag from scratch between each stage of Knight Capital's history and the next, and first to last", async () => {
    const pairs = knight.stages.slice(1).map((head, i) => [knight.stages[i] as string, head]);
    pairs.push([knight.stages[0] as string, knight.stages[knight.stages.length - 1] as string]);
    let changes = 0;
    for (const [base, head] of pairs) {
      const expected = await fromScratch(knight.repo, base as string, head as string);
      expect(await fromDiff(knight.repo, base as string, head as string)).toEqual(expected);
      changes += expected.changes.length;
    }
    // The knight.stages do change flags: the comparison is not between empty answers.
    expect(changes).toBeGreaterThan(0);
  });

  it("answers as from scratch when the flag now switches a file added since the base, next to flags added, removed, unchanged and unguarded", async () => {
    const sdk = `import { OpenFeature } from "@openfeature/server-sdk";\nexport const client = OpenFeature.getClient();\n`;
    const signup = (imports: string, call: string): string =>
      `${imports}\nimport { client } from "./client.js";\nimport { audit } from "./audit.js";\n\nexport async function onSignup(address: string): Promise<void> {\n  if (await client.getBooleanValue("welcome-email", false)) {\n    ${call}\n    audit(address);\n  }\n  if (await client.getBooleanValue("banner", false)) audit("banner");\n}\n`;
    const limits = (fallback: number, extra = ""): string =>
      `import { client } from "./client.js";\n\nexport async function limit(): Promise<number> {\n  return client.getNumberValue("limit", ${fallback});\n}\n${extra}`;
    const repo = createGitRepo({ daysBetweenCommits: 60 });
    const base = repo.commit("Send a welcome email", {
      "package.json": `{ "name": "shop", "main": "src/index.ts" }\n`,
      "src/index.ts": `export { onSignup } from "./signup.js";\nexport { limit } from "./limits.js";\nexport { legacy } from "./legacy.js";\n`,
      "src/client.ts": sdk,
      "src/audit.ts": `export function audit(what: string): void {\n  console.log("audit", what);\n}\n`,
      "src/email.ts": `export async function sendWelcomeEmail(address: string): Promise<void> {\n  await fetch("https://mail.example/send", { method: "POST", body: address });\n}\n`,
      "src/signup.ts": signup(`import { sendWelcomeEmail } from "./email.js";`, "await sendWelcomeEmail(address);"),
      "src/limits.ts": limits(10),
      "src/legacy.ts": `import { client } from "./client.js";\n\nexport async function legacy(): Promise<void> {\n  if (await client.getBooleanValue("old-flag", false)) console.log("old");\n}\n`,
    });
    const head = repo.commit("Clean up inactive accounts", {
      "src/cleanup.ts": `export async function deleteInactiveAccounts(): Promise<number> {\n  const response = await fetch("https://accounts.example/inactive");\n  const ids = (await response.json()) as string[];\n  for (const id of ids) await fetch(\`https://accounts.example/\${id}\`, { method: "DELETE" });\n  return ids.length;\n}\n`,
      "src/signup.ts": signup(`import { deleteInactiveAccounts } from "./cleanup.js";`, "await deleteInactiveAccounts();"),
      "src/limits.ts": limits(20, `\nexport async function preview(): Promise<boolean> {\n  return client.getBooleanValue("new-flag", false);\n}\n`),
      "src/legacy.ts": `export async function legacy(): Promise<void> {}\n`,
    });

    const expected = await fromScratch(repo.root, base, head);
    expect(await fromDiff(repo.root, base, head)).toEqual(expected);
    expect(expected).toMatchObject({
      changes: expect.arrayContaining(["welcome-email repurposed", "limit default-changed"]),
      added: ["new-flag"],
      removed: ["old-flag"],
      scores: { banner: expect.anything(), limit: expect.anything(), "welcome-email": expect.anything() },
    });
  });
});
