// `diff` dates a changed flag by whether it was read `developmentDays` (30) before the head. The
// answer comes from the base when the base reads the key by a call whose file, and every file its
// matching looked into, are the same at that older commit (and no added or deleted file can answer
// their imports otherwise); else that commit is opened and indexed. Each case below is one where a
// looser shortcut would call a flag stable that was not read then.
import { describe, expect, it } from "vitest";
import { diffRevisions } from "../../src/history/diff-revisions.js";
import { createGitRepo } from "../helpers/git-repo.js";

const sdk = `import { OpenFeature } from "@openfeature/server-sdk";\nexport const client = OpenFeature.getClient();\n`;
/** A client of the project's own: `client.getBooleanValue(...)` on it reads no flag. */
const ownClient = `export const client = {\n  getBooleanValue(key: string, fallback: boolean): boolean {\n    return key.length > 0 && fallback;\n  },\n};\n`;
const features = `export function legacyCheckout(): void {\n  console.log("legacy");\n}\nexport function newCheckout(): void {\n  fetch("/api/orders", { method: "POST" }).then((r) => r.json()).then((order) => console.log(order.id, order.total));\n}\n`;
/** src/page.ts: `checkout` switches `call`; the client comes from `clientFrom`. */
const page = (call: string, clientFrom = "./client.js"): string =>
  `import { client } from "${clientFrom}";\nimport { ${call} } from "./features.js";\nexport function render(): void {\n  if (client.getBooleanValue("checkout", false)) ${call}();\n}\n`;
const start = {
  "package.json": `{ "name": "shop", "main": "src/index.ts" }\n`,
  "src/index.ts": `export { render } from "./page.js";\n`,
  "src/features.ts": features,
};

/** The severity of diff's one finding, and the revisions it opened (parsed is per revision). */
async function diffOf(root: string, base: string, head: string): Promise<{ finding: string; opened: number }> {
  const diff = await diffRevisions({ root, base, head, cache: false });
  return { finding: diff.findings.map((f) => `${f.flag} ${f.data?.kind} ${f.severity}`).join("; "), opened: Object.keys(diff.parsed).length };
}

describe("diff's dating of a changed flag", () => {
  it("takes a read 30 days before the head from the base when its file and what it looked into are the same there", async () => {
    // Commits 20 days apart: 30 days before the head is the commit before the base, which only
    // touched a file the read does not depend on.
    const repo = createGitRepo({ daysBetweenCommits: 20 });
    repo.commit("read", { ...start, "src/client.ts": sdk, "src/page.ts": page("legacyCheckout") });
    const older = repo.commit("other file", { "src/util.ts": `export const a = 1;\n` });
    const base = repo.commit("other file again", { "src/util.ts": `export const a = 2;\n` });
    const head = repo.commit("other code", { "src/page.ts": page("newCheckout") });
    expect(older).not.toBe(base);
    expect(await diffOf(repo.root, base, head)).toEqual({ finding: "checkout repurposed error", opened: 2 });
  });

  it("takes it from an older revision opened for a returning key", async () => {
    // Commits 12 days apart: 30 days before the head is the first commit; the parent of the commit
    // that removed the read, opened to tell what the returning key meant, reads it in the same file.
    const repo = createGitRepo({ daysBetweenCommits: 12 });
    repo.commit("read", { ...start, "src/client.ts": sdk, "src/page.ts": page("legacyCheckout") });
    repo.commit("other file", { "src/util.ts": `export const a = 1;\n` });
    const base = repo.commit("read removed", { "src/page.ts": `export function render(): void {}\n` });
    const head = repo.commit("read again, for other code", { "src/page.ts": page("newCheckout") });
    expect(await diffOf(repo.root, base, head)).toEqual({ finding: "checkout resurrected error", opened: 3 });
  });

  it("opens the older commit when a file the read's matching looked into changed since (the client was the project's own then)", async () => {
    const repo = createGitRepo({ daysBetweenCommits: 20 });
    // The key's text is in the code from the first commit, but `client` reads no flag there.
    repo.commit("own client", { ...start, "src/client.ts": ownClient, "src/page.ts": page("legacyCheckout") });
    const base = repo.commit("sdk client", { "src/client.ts": sdk });
    const head = repo.commit("other code", { "src/page.ts": page("newCheckout") });
    // First read 20 days before the head: in development.
    expect(await diffOf(repo.root, base, head)).toEqual({ finding: "checkout repurposed info", opened: 3 });
  });

  it("opens the older commit when a file deleted since answered the read's import there", async () => {
    const repo = createGitRepo({ daysBetweenCommits: 20 });
    // `./client` is src/client.ts (the project's own) while it exists, else src/client/index.ts (the SDK).
    repo.commit("own client", { ...start, "src/client.ts": ownClient, "src/client/index.ts": sdk, "src/page.ts": page("legacyCheckout", "./client") });
    const base = repo.commit("own client gone", { "src/client.ts": null });
    const head = repo.commit("other code", { "src/page.ts": page("newCheckout", "./client") });
    expect(await diffOf(repo.root, base, head)).toEqual({ finding: "checkout repurposed info", opened: 3 });
  });
});
