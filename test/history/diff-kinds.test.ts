// `deadflag diff`: one small git repository per kind of `no-flag-reuse`, each asserting the exact
// finding: severity, kind, the head's read (file:line:column) and the message naming both
// meanings and the base's evidence (revision and file:line).
import { describe, expect, it } from "vitest";
import type { Finding } from "../../src/findings/finding.js";
import type { DiffOptions, DiffResult } from "../../src/history/diff-revisions.js";
import { diffRevisions } from "../../src/history/diff-revisions.js";
import type { GitRepo } from "../helpers/git-repo.js";
import { createGitRepo } from "../helpers/git-repo.js";
import { runCli } from "../helpers/run-cli.js";
import { useKnightHistory } from "../helpers/knight-history.js";

const openFeature = `import { OpenFeature } from "@openfeature/server-sdk";\n`;

function diff(repo: GitRepo, options: Omit<DiffOptions, "root" | "cache"> = {}): Promise<DiffResult> {
  return diffRevisions({ root: repo.root, cache: false, ...options });
}

const short = (commit: string): string => commit.slice(0, 7);

/** The one `no-flag-reuse` finding expected, with the base evidence in `data`. */
function reuse(
  kind: string,
  at: { file: string; line: number; column: number },
  base: { revision: string; file: string; line: number },
  severity: Finding["severity"],
  flag: string,
): Partial<Finding> {
  return {
    ruleId: "no-flag-reuse",
    severity,
    flag,
    file: at.file,
    line: at.line,
    column: at.column,
    data: expect.objectContaining({ kind, base }),
  };
}

const emailModule = `export async function sendWelcomeEmail(address: string): Promise<void> {
  const subject = "Welcome aboard";
  const body = renderTemplate("welcome", { address });
  await fetch("https://mail.example/send", { method: "POST", body: JSON.stringify({ address, subject, body }) });
}

function renderTemplate(name: string, data: Record<string, string>): string {
  return \`\${name}: \${JSON.stringify(data)}\`;
}
`;

const cleanupModule = `export async function deleteInactiveAccounts(): Promise<number> {
  const response = await fetch("https://accounts.example/inactive");
  const ids = (await response.json()) as string[];
  for (const id of ids) await fetch(\`https://accounts.example/\${id}\`, { method: "DELETE" });
  return ids.length;
}
`;

/** src/index.ts with one `welcome-email` read guarding `guarded` (line 7 is the read). */
function signup(imports: string, guarded: string, read = `await client.getBooleanValue("welcome-email", false)`): string {
  return `${openFeature}${imports}
const client = OpenFeature.getClient();

export async function onSignup(address: string): Promise<void> {
  await fetch("https://accounts.example/create", { method: "POST", body: address });
  if (${read}) {
    ${guarded}
  }
}
`;
}

const welcome = signup(`import { sendWelcomeEmail } from "./email.js";`, "await sendWelcomeEmail(address);");
const cleanup = signup(`import { deleteInactiveAccounts } from "./cleanup.js";`, "await deleteInactiveAccounts();");

describe("repurposed", () => {
  const knight = useKnightHistory("deadflag-knight-diff-");

  it("reports Knight Capital's power-peg, reused for RLP between stage 3 and stage 4, at each read that changed", async () => {
    const [, , stage3 = "", stage4 = ""] = knight.stages;
    const result = await diffRevisions({ root: knight.repo, base: stage3, head: stage4, cache: false });

    // Both reads were given to RLP: routing now sends to RLP, and the quote handler stores quotes instead of re-pegging.
    expect(result.findings).toEqual([
      expect.objectContaining(
        reuse(
          "repurposed",
          { file: "src/router.ts", line: 26, column: 15 },
          { revision: stage3, file: "src/router.ts", line: 25 },
          "error",
          "power-peg",
        ),
      ),
      expect.objectContaining(
        reuse(
          "repurposed",
          { file: "src/router.ts", line: 34, column: 27 },
          { revision: stage3, file: "src/router.ts", line: 42 },
          "error",
          "power-peg",
        ),
      ),
    ]);
    expect(result.findings[0]?.message).toBe(
      `power-peg switched PowerPeg (src/legacy/powerPeg.ts) at ${short(stage3)} (src/router.ts:25); ` +
        "now switches routeToRetailLiquidityProgram (src/rlp.ts), while PowerPeg (src/legacy/powerPeg.ts) stays in the code. Use a new key.",
    );
    expect(result.findings[0]?.data).toMatchObject({
      side: "on",
      reason: "identity",
      before: ["PowerPeg (src/legacy/powerPeg.ts)"],
      after: ["routeToRetailLiquidityProgram (src/rlp.ts)"],
    });
    expect(result.findings[1]?.message).toBe(
      `power-peg switched \`for (const peg of this.pegs.values()) { if (peg.symbol === quote.symbol) peg....\` (src/router.ts) at ${short(stage3)} (src/router.ts:42); ` +
        "now switches `this.quotes.set(quote.symbol, quote);` (src/router.ts). Use a new key.",
    );
    expect(result.findings[1]?.data).toMatchObject({ side: "on", reason: "content" });
  });

  it("exits 1 from the CLI with the finding as JSON", () => {
    const [, , stage3 = "", stage4 = ""] = knight.stages;
    const result = runCli(["diff", ".", "--base", stage3, "--head", stage4, "--format", "json", "--no-cache"], knight.repo);

    expect(result.stderr).toBe("");
    expect(result.status).toBe(1);
    const output = JSON.parse(result.stdout) as { version: number; findings: Finding[] };
    expect(output.version).toBe(1);
    expect(output.findings.map((f) => [f.ruleId, f.severity, f.flag, `${f.file}:${f.line}:${f.column}`, f.data?.["kind"]])).toEqual([
      ["no-flag-reuse", "error", "power-peg", "src/router.ts:26:15", "repurposed"],
      ["no-flag-reuse", "error", "power-peg", "src/router.ts:34:27", "repurposed"],
    ]);
  });

  it("reports a key that moves from a welcome email to deleting accounts", async () => {
    const repo = createGitRepo({ daysBetweenCommits: 60 });
    const base = repo.commit("Send a welcome email", { "src/index.ts": welcome, "src/email.ts": emailModule });
    const head = repo.commit("Clean up inactive accounts", { "src/index.ts": cleanup, "src/cleanup.ts": cleanupModule });

    const result = await diff(repo, { base, head });

    expect(result.findings).toEqual([
      expect.objectContaining(
        reuse("repurposed", { file: "src/index.ts", line: 7, column: 13 }, { revision: base, file: "src/index.ts", line: 7 }, "error", "welcome-email"),
      ),
    ]);
    expect(result.findings[0]?.message).toBe(
      `welcome-email switched sendWelcomeEmail (src/email.ts) at ${short(base)} (src/index.ts:7); ` +
        "now switches deleteInactiveAccounts (src/cleanup.ts), while sendWelcomeEmail (src/email.ts) stays in the code. Use a new key.",
    );
  });
});

describe("resurrected", () => {
  const pricing = `export function applyBetaPricing(total: number): number {
  const discount = total > 100 ? 0.1 : 0.05;
  const rounded = Math.round(total * (1 - discount) * 100) / 100;
  return Math.max(rounded, 1);
}
`;
  const theme = `export function enableDarkMode(): void {
  document.body.classList.add("dark");
  localStorage.setItem("theme", "dark");
  window.dispatchEvent(new Event("themechange"));
}
`;
  const withRead = (imports: string, guarded: string): string => `${openFeature}${imports}
const client = OpenFeature.getClient();

export async function render(total: number): Promise<number> {
  if (await client.getBooleanValue("beta", false)) {
    ${guarded}
  }
  return total;
}
`;
  const without = `export async function render(total: number): Promise<number> {
  return total;
}
`;
  const priced = withRead(`import { applyBetaPricing } from "./pricing.js";`, "return applyBetaPricing(total);");
  const themed = withRead(`import { enableDarkMode } from "./theme.js";`, "enableDarkMode();");

  it("reports a key removed at one commit and read again for other code, with its last meaning", async () => {
    const repo = createGitRepo({ daysBetweenCommits: 60 });
    const first = repo.commit("Beta pricing", { "src/index.ts": priced, "src/pricing.ts": pricing });
    const removed = repo.commit("Remove beta pricing", { "src/index.ts": without, "src/pricing.ts": null });
    const back = repo.commit("Dark mode behind beta", { "src/index.ts": themed, "src/theme.ts": theme });

    const result = await diff(repo, { base: removed, head: back });

    expect(result.findings).toEqual([
      expect.objectContaining(
        reuse("resurrected", { file: "src/index.ts", line: 6, column: 13 }, { revision: first, file: "src/index.ts", line: 6 }, "error", "beta"),
      ),
    ]);
    expect(result.findings[0]?.message).toBe(
      `beta was removed and comes back: it switched applyBetaPricing (src/pricing.ts) at ${short(first)} (src/index.ts:6); ` +
        "now switches enableDarkMode (src/theme.ts). Use a new key.",
    );
  });

  it("reports a key that comes back with its old code behind the opposite state", async () => {
    const repo = createGitRepo({ daysBetweenCommits: 60 });
    const first = repo.commit("Beta pricing", { "src/index.ts": priced, "src/pricing.ts": pricing });
    const removed = repo.commit("Remove beta pricing", { "src/index.ts": without, "src/pricing.ts": null });
    const back = repo.commit("Beta pricing for everyone else", {
      "src/index.ts": priced.replace("if (await client", "if (!await client"),
      "src/pricing.ts": pricing,
    });

    const result = await diff(repo, { base: removed, head: back });

    expect(result.findings).toEqual([
      expect.objectContaining(
        reuse("resurrected", { file: "src/index.ts", line: 6, column: 14 }, { revision: first, file: "src/index.ts", line: 6 }, "error", "beta"),
      ),
    ]);
    expect(result.findings[0]?.message).toBe(
      `beta was removed and comes back inverted: the code it switched on at ${short(first)} (src/index.ts:6) now runs when it is off. Use a new key.`,
    );
  });

  /** c1 reads `beta`, c2 removes it, c3 (the base) changes something else, c4 (the head) reads it again. */
  function removedTwoCommitsAgo(): { first: string; base: string; head: string; repo: GitRepo } {
    const repo = createGitRepo({ daysBetweenCommits: 60 });
    const first = repo.commit("Beta pricing", { "src/index.ts": priced, "src/pricing.ts": pricing });
    repo.commit("Remove beta pricing", { "src/index.ts": without, "src/pricing.ts": null });
    const base = repo.commit("Unrelated", { "README.md": "shop\n" });
    const head = repo.commit("Dark mode behind beta", { "src/index.ts": themed, "src/theme.ts": theme });
    return { first, base, head, repo };
  }

  it("finds the removal within --history-depth commits of the base (the base counts as one)", async () => {
    const { first, base, head, repo } = removedTwoCommitsAgo();

    const result = await diff(repo, { base, head, historyDepth: 2 });

    expect(result.findings).toEqual([
      expect.objectContaining(
        reuse("resurrected", { file: "src/index.ts", line: 6, column: 13 }, { revision: first, file: "src/index.ts", line: 6 }, "error", "beta"),
      ),
    ]);
  });

  // Known bug, outside this test's files: GitRepository.commitsTouching passes the depth as
  // `git log --max-count`, which counts commits the pickaxe kept, not commits walked, so any depth
  // finds the removal. Drop `.fails` once it bounds the walk (docs/flag-reuse-accuracy.md).
  it("does not look further back than --history-depth", async () => {
    const { base, head, repo } = removedTwoCommitsAgo();

    const result = await diff(repo, { base, head, historyDepth: 1 });

    expect(result.findings).toEqual([]);
    expect(result.notes).toEqual([expect.objectContaining({ flag: "beta", note: "added" })]);
  });
});

describe("inverted", () => {
  const checkout = (condition: string, elseBranch = true): string => `${openFeature}import { legacyCheckout, onePageCheckout } from "./checkout.js";
const client = OpenFeature.getClient();

export async function checkout(cart: string[]): Promise<void> {
  const enabled = await client.getBooleanValue("one-page-checkout", false);
  if (${condition}) {
    await onePageCheckout(cart);
  }${elseBranch ? ` else {\n    await legacyCheckout(cart);\n  }` : ""}
}
`;
  const checkoutModule = `export async function onePageCheckout(cart: string[]): Promise<void> {
  const total = cart.length * 10;
  await fetch("https://shop.example/one-page", { method: "POST", body: String(total) });
  window.location.assign("/thanks");
}

export async function legacyCheckout(cart: string[]): Promise<void> {
  for (const item of cart) await fetch(\`https://shop.example/cart/\${item}\`, { method: "PUT" });
  window.location.assign("/checkout/step-1");
}
`;

  it("reports if (flag) A else B that became if (!flag) A else B", async () => {
    const repo = createGitRepo({ daysBetweenCommits: 60 });
    const base = repo.commit("One-page checkout", { "src/index.ts": checkout("enabled"), "src/checkout.ts": checkoutModule });
    const head = repo.commit("Flip it", { "src/index.ts": checkout("!enabled") });

    const result = await diff(repo, { base, head });

    expect(result.findings).toEqual([
      expect.objectContaining(
        reuse("inverted", { file: "src/index.ts", line: 6, column: 25 }, { revision: base, file: "src/index.ts", line: 6 }, "error", "one-page-checkout"),
      ),
    ]);
    expect(result.findings[0]?.message).toBe(
      `one-page-checkout is inverted: the code it switched on at ${short(base)} (src/index.ts:6) now runs when it is off. ` +
        "Use a new key, or keep the polarity.",
    );
  });

  it("reports if (flag) A that became if (!flag) A", async () => {
    const repo = createGitRepo({ daysBetweenCommits: 60 });
    const base = repo.commit("One-page checkout", { "src/index.ts": checkout("enabled", false), "src/checkout.ts": checkoutModule });
    const head = repo.commit("Flip it", { "src/index.ts": checkout("!enabled", false) });

    const result = await diff(repo, { base, head });

    expect(result.findings).toEqual([
      expect.objectContaining(
        reuse("inverted", { file: "src/index.ts", line: 6, column: 25 }, { revision: base, file: "src/index.ts", line: 6 }, "error", "one-page-checkout"),
      ),
    ]);
  });
});

describe("type-changed", () => {
  it("warns when a boolean read becomes a string variant of the same key", async () => {
    const repo = createGitRepo({ daysBetweenCommits: 60 });
    const base = repo.commit("Welcome email", { "src/index.ts": welcome, "src/email.ts": emailModule });
    const head = repo.commit("Variant", {
      "src/index.ts": signup(
        `import { sendWelcomeEmail } from "./email.js";`,
        "await sendWelcomeEmail(address);",
        `(await client.getStringValue("welcome-email", "off")) === "on"`,
      ),
    });

    const result = await diff(repo, { base, head });

    expect(result.findings).toEqual([
      expect.objectContaining(
        reuse("type-changed", { file: "src/index.ts", line: 7, column: 14 }, { revision: base, file: "src/index.ts", line: 7 }, "warn", "welcome-email"),
      ),
    ]);
    expect(result.findings[0]?.message).toBe(`welcome-email was read as boolean at ${short(base)} (src/index.ts:7); now as string`);
  });
});

describe("default-changed", () => {
  const defaulting = (value: boolean): string =>
    signup(`import { sendWelcomeEmail } from "./email.js";`, "await sendWelcomeEmail(address);", `await client.getBooleanValue("welcome-email", ${value})`);

  it("warns when the default written in the code changes", async () => {
    const repo = createGitRepo({ daysBetweenCommits: 60 });
    const base = repo.commit("Welcome email", { "src/index.ts": defaulting(false), "src/email.ts": emailModule });
    const head = repo.commit("Default on", { "src/index.ts": defaulting(true) });

    const result = await diff(repo, { base, head });

    expect(result.findings).toEqual([
      expect.objectContaining(
        reuse("default-changed", { file: "src/index.ts", line: 7, column: 13 }, { revision: base, file: "src/index.ts", line: 7 }, "warn", "welcome-email"),
      ),
    ]);
    expect(result.findings[0]?.message).toBe(`welcome-email's default changed from false at ${short(base)} (src/index.ts:7) to true`);
  });

  it("is an error when the flag is retired, because the default is then the live value", async () => {
    const repo = createGitRepo({ daysBetweenCommits: 60 });
    const config = JSON.stringify({ flags: { states: { "welcome-email": "retired" } } });
    const base = repo.commit("Welcome email", { "src/index.ts": defaulting(false), "src/email.ts": emailModule, "deadflag.config.json": config });
    const head = repo.commit("Default on", { "src/index.ts": defaulting(true) });

    const result = await diff(repo, { base, head });

    expect(result.findings).toEqual([
      expect.objectContaining(
        reuse("default-changed", { file: "src/index.ts", line: 7, column: 13 }, { revision: base, file: "src/index.ts", line: 7 }, "error", "welcome-email"),
      ),
    ]);
    expect(result.findings[0]?.message).toBe(
      `welcome-email's default changed from false at ${short(base)} (src/index.ts:7) to true: ` +
        "the flag is retired, so the default is the value every read returns",
    );
  });

  it("warns when the registry's default changes", async () => {
    const repo = createGitRepo({ daysBetweenCommits: 60 });
    const registry = (value: boolean): string => `export const FLAG_DEFAULTS: Record<string, boolean> = {\n  "welcome-email": ${value},\n};\n`;
    const reader = signup(`import { sendWelcomeEmail } from "./email.js";`, "await sendWelcomeEmail(address);", `await client.getBooleanValue("welcome-email")`);
    const config = JSON.stringify({ flags: { registry: ["src/flags.ts#FLAG_DEFAULTS"] } });
    const base = repo.commit("Welcome email", {
      "src/index.ts": reader,
      "src/email.ts": emailModule,
      "src/flags.ts": registry(false),
      "deadflag.config.json": config,
    });
    const head = repo.commit("Default on", { "src/flags.ts": registry(true) });

    const result = await diff(repo, { base, head });

    expect(result.findings).toEqual([
      expect.objectContaining(
        reuse("default-changed", { file: "src/index.ts", line: 7, column: 13 }, { revision: base, file: "src/index.ts", line: 7 }, "warn", "welcome-email"),
      ),
    ]);
  });
});

describe("what the head is", () => {
  it("compares the working tree, uncommitted edits included, with HEAD by default", async () => {
    const repo = createGitRepo({ daysBetweenCommits: 60 });
    const base = repo.commit("Welcome email", { "src/index.ts": welcome, "src/email.ts": emailModule });
    repo.write({ "src/index.ts": cleanup, "src/cleanup.ts": cleanupModule });

    const result = await diff(repo);

    expect(result.base).toBe(base);
    expect(result.head).toBe("worktree");
    expect(result.findings).toEqual([
      expect.objectContaining(
        reuse("repurposed", { file: "src/index.ts", line: 7, column: 13 }, { revision: base, file: "src/index.ts", line: 7 }, "error", "welcome-email"),
      ),
    ]);
  });

  it("compares the index with --staged, whatever the working tree holds", async () => {
    const repo = createGitRepo({ daysBetweenCommits: 60 });
    const base = repo.commit("Welcome email", { "src/index.ts": welcome, "src/email.ts": emailModule });
    repo.stage({ "src/index.ts": cleanup, "src/cleanup.ts": cleanupModule });
    repo.write({ "src/index.ts": welcome });

    const staged = await diff(repo, { staged: true });
    const worktree = await diff(repo);

    expect(staged.head).toBe("index");
    expect(staged.findings).toEqual([
      expect.objectContaining(
        reuse("repurposed", { file: "src/index.ts", line: 7, column: 13 }, { revision: base, file: "src/index.ts", line: 7 }, "error", "welcome-email"),
      ),
    ]);
    expect(worktree.findings).toEqual([]);
  });
});
