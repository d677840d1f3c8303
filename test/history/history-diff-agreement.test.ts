// `history` tells a commit's change of a flag with `diff`'s kind, message and severity for the same
// two commits. With the facts cache's memory renewed at every commit: the renewal pins the walked
// project's facts, and pinning them under the blobs of the commit being walked handed a changed
// file's old facts to its new text (the ranges of the old reads cut into other code: a false
// "repurposed"). And for a flag whose key was a word of other code before its first read: `diff`
// dated the flag by the key's text alone, so it was never in development there.
import { describe, expect, it } from "vitest";
import { diffRevisions } from "../../src/history/diff-revisions.js";
import { flagHistory } from "../../src/history/flag-history.js";
import type { FileChanges } from "../helpers/git-repo.js";
import { createGitRepo } from "../helpers/git-repo.js";

const sdk = `import { OpenFeature } from "@openfeature/server-sdk";\nexport const client = OpenFeature.getClient();\n`;
const features = `export function legacyCheckout(): void {\n  console.log("legacy");\n}\nexport function newCheckout(): void {\n  fetch("/api/orders", { method: "POST" }).then((r) => r.json()).then((order) => console.log(order.id, order.total));\n}\n`;
/** src/page.ts: `checkout` switches `call`, after `preamble` (code the flag does not switch). */
const page = (call: string, preamble = ""): string =>
  `import { client } from "./client.js";\nimport { ${call} } from "./features.js";\n${preamble}export function render(): void {\n  if (client.getBooleanValue("checkout", false)) ${call}();\n}\n`;
const receipt = `export function receipt(lines: string[]): string {\n  const total = lines.length * 3;\n  return lines.map((line, i) => \`\${i + 1}. \${line}\`).join("\\n") + \`\\nTotal: \${total}\`;\n}\n`;

const steps: FileChanges[] = [
  {
    "package.json": `{ "name": "shop", "main": "src/index.ts" }\n`,
    "src/index.ts": `export { render } from "./page.js";\nexport { receipt } from "./page.js";\n`,
    "src/client.ts": sdk,
    "src/features.ts": features,
    "src/page.ts": page("legacyCheckout", `export function receipt(): string {\n  return "";\n}\n`),
  },
  // Code the flag does not switch grows above the read: the read moves, its meaning does not.
  { "src/page.ts": page("legacyCheckout", receipt) },
  // The flag pointed at other code: a real change, which both must tell alike.
  { "src/page.ts": page("newCheckout", receipt) },
  // The read moves up again.
  { "src/page.ts": page("newCheckout") },
];

/** Every commit's change as `history` tells it and as `diff` finds it between the commit and its parent: the same. */
async function expectAgreement(root: string, commits: readonly string[], cacheRenewal?: number): Promise<Array<{ key: string; kind: string; severity?: string; commit: string }>> {
  const history = await flagHistory({ root, cache: false, ...(cacheRenewal ? { cacheRenewal } : {}) });
  const events = history.flags.flatMap((f) => f.events.map((e) => ({ ...e, key: f.key })));
  for (const [i, commit] of commits.entries()) {
    if (i === 0) continue;
    const diff = await diffRevisions({ root, base: commits[i - 1], head: commit, cache: false });
    const told = events
      .filter((e) => e.commit === commit && e.kind !== "introduced" && e.kind !== "removed")
      .map((e) => ({ flag: e.key, kind: e.kind, message: e.message, severity: e.severity }));
    const found = diff.findings.map((f) => ({ flag: f.flag, kind: f.data?.kind, message: f.message, severity: f.severity }));
    expect(told, `step ${i}`).toEqual(found);
  }
  return events;
}

describe("history and diff on the same two commits", () => {
  it("give the same event with the same message, with the facts cache renewed at every commit", async () => {
    // Commits 60 days apart: the flag is stable, so a change is an error, not development.
    const repo = createGitRepo({ daysBetweenCommits: 60 });
    const commits = steps.map((changes, i) => repo.commit(`step ${i}`, changes));
    const events = await expectAgreement(repo.root, commits, 1);
    // The steps hold one real change, so that agreeing on nothing cannot pass.
    expect(events.map((e) => `${e.key} ${e.kind} ${e.severity ?? ""} @${commits.indexOf(e.commit)}`)).toEqual([
      "checkout introduced  @0",
      "checkout repurposed error @2",
    ]);
  });

  it("agree that a flag first read 10 days before its change is in development, though its key was a word of other code long before", async () => {
    // Commits 10 days apart; `developmentDays` is 30. The key's text is in the code from the first
    // commit (a log line), the flag is first read at the fourth and pointed at other code at the fifth.
    const repo = createGitRepo({ daysBetweenCommits: 10 });
    const word = `export function note(): void {\n  console.log("checkout");\n}\n`;
    const commits = [
      repo.commit("text", { ...steps[0], "src/page.ts": `export function render(): void {}\n`, "src/note.ts": word }),
      repo.commit("pad 1", { "src/util.ts": `export const a = 1;\n` }),
      repo.commit("pad 2", { "src/util.ts": `export const a = 2;\n` }),
      repo.commit("first read", { "src/page.ts": page("legacyCheckout") }),
      repo.commit("other code", { "src/page.ts": page("newCheckout") }),
    ];
    const events = await expectAgreement(repo.root, commits);
    expect(events.map((e) => `${e.key} ${e.kind} ${e.severity ?? ""} @${commits.indexOf(e.commit)}`)).toEqual([
      "checkout introduced  @3",
      "checkout repurposed info @4",
    ]);
  });
});
