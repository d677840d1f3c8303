// `deadflag diff`: changes that keep a flag's meaning are not findings. Each case also checks that
// the flag was read and compared at both revisions (it is not new, not removed), so that "no
// finding" cannot come from a read that was never recognised.
import { describe, expect, it } from "vitest";
import type { DiffResult } from "../../src/history/diff-revisions.js";
import { diffRevisions } from "../../src/history/diff-revisions.js";
import type { FileChanges, GitRepo } from "../helpers/git-repo.js";
import { createGitRepo } from "../helpers/git-repo.js";
import { useKnightHistory } from "../helpers/knight-history.js";

const openFeature = `import { OpenFeature } from "@openfeature/server-sdk";\n`;

/** Commits `before`, then `after`, and diffs the two commits. */
async function diffSteps(before: FileChanges, after: FileChanges): Promise<{ repo: GitRepo; result: DiffResult }> {
  const repo = createGitRepo();
  const base = repo.commit("before", before);
  const head = repo.commit("after", after);
  return { repo, result: await diffRevisions({ root: repo.root, base, head, cache: false }) };
}

/** No finding, and the flag compared at both revisions. */
function expectSameMeaning(result: DiffResult, flag: string): void {
  expect(result.findings).toEqual([]);
  expect(result.notes.filter((n) => n.flag === flag)).toEqual([]);
}

const chargeModule = (name: string): string => `export async function ${name}(amount: number, card: string): Promise<string> {
  const cents = Math.round(amount * 100);
  const response = await fetch("https://pay.example/charges", { method: "POST", body: JSON.stringify({ cents, card }) });
  const { id } = (await response.json()) as { id: string };
  return id;
}
`;

/** src/index.ts: `new-payments` decides between `guarded` and the old invoice path (the read is on line 7). */
function checkout(imports: string, guarded: string, read = `client.getBooleanValue("new-payments", false)`): string {
  return `${openFeature}${imports}
const client = OpenFeature.getClient();

export async function pay(amount: number, card: string): Promise<string> {
  console.log("paying", amount);
  if (await ${read}) {
    ${guarded}
  }
  await fetch("https://billing.example/invoices", { method: "POST", body: String(amount) });
  return "invoiced";
}
`;
}

const original = {
  "src/index.ts": checkout(`import { chargeCard } from "./payments.js";`, "return chargeCard(amount, card);"),
  "src/payments.ts": chargeModule("chargeCard"),
};

describe("the Knight Capital history before the reuse", () => {
  const knight = useKnightHistory("deadflag-knight-benign-");

  it.each([
    [1, 2, "a helper moved out of Power Peg into its own class"],
    [2, 3, "Power Peg retired in the config, its code left in place"],
  ])("stage %i to stage %i: %s", async (from, to) => {
    const result = await diffRevisions({ root: knight.repo, base: knight.stages[from - 1] ?? "", head: knight.stages[to - 1] ?? "", cache: false });
    expect(result.findings).toEqual([]);
    expect(result.notes).toEqual([]);
  });
});

describe("benign changes are not findings", () => {
  it("a guarded function renamed", async () => {
    const { result } = await diffSteps(original, {
      "src/index.ts": checkout(`import { chargeCustomerCard } from "./payments.js";`, "return chargeCustomerCard(amount, card);"),
      "src/payments.ts": chargeModule("chargeCustomerCard"),
    });
    expectSameMeaning(result, "new-payments");
  });

  it("a guarded function moved to another file", async () => {
    const { result } = await diffSteps(original, {
      "src/index.ts": checkout(`import { chargeCard } from "./billing/cards.js";`, "return chargeCard(amount, card);"),
      "src/payments.ts": null,
      "src/billing/cards.ts": chargeModule("chargeCard"),
    });
    expectSameMeaning(result, "new-payments");
  });

  it("a branch body extracted into a helper", async () => {
    const inline = `const cents = Math.round(amount * 100);
    const response = await fetch("https://pay.example/charges", { method: "POST", body: JSON.stringify({ cents, card }) });
    const { id } = (await response.json()) as { id: string };
    return id;`;
    const { result } = await diffSteps(
      { "src/index.ts": checkout("", inline) },
      {
        "src/index.ts": checkout(`import { chargeCard } from "./payments.js";`, "return chargeCard(amount, card);"),
        "src/payments.ts": chargeModule("chargeCard"),
      },
    );
    expectSameMeaning(result, "new-payments");
  });

  it("a log line and a metric added next to the guarded call", async () => {
    const { result } = await diffSteps(original, {
      "src/index.ts": checkout(
        `import { chargeCard } from "./payments.js";\nimport { metrics } from "./metrics.js";`,
        `console.info("charging card", card);\n    metrics.increment("payments.card");\n    return chargeCard(amount, card);`,
      ),
      "src/metrics.ts": `export const metrics = {\n  increment(name: string): void {\n    console.log("metric", name);\n  },\n};\n`,
    });
    expectSameMeaning(result, "new-payments");
  });

  it("an SDK migration from LaunchDarkly to OpenFeature, same key and same guarded code", async () => {
    const launchDarkly = `import * as LaunchDarkly from "@launchdarkly/node-server-sdk";
import { chargeCard } from "./payments.js";
const ld = LaunchDarkly.init("sdk-key");

export async function pay(amount: number, card: string): Promise<string> {
  console.log("paying", amount);
  if (await ld.variation("new-payments", { kind: "user", key: card }, false)) {
    return chargeCard(amount, card);
  }
  await fetch("https://billing.example/invoices", { method: "POST", body: String(amount) });
  return "invoiced";
}
`;
    const { result } = await diffSteps({ ...original, "src/index.ts": launchDarkly }, original);
    expectSameMeaning(result, "new-payments");
  });

  it("a guarded function turned into an arrow function", async () => {
    const arrow = chargeModule("chargeCard")
      .replace("export async function chargeCard(amount: number, card: string): Promise<string> {", "export const chargeCard = async (amount: number, card: string): Promise<string> => {")
      .replace(/}\n$/, "};\n");
    const { result } = await diffSteps(original, { "src/payments.ts": arrow });
    expectSameMeaning(result, "new-payments");
  });

  it("reads moved behind a wrapper function", async () => {
    const wrapped = `${openFeature}import { chargeCard } from "./payments.js";
const client = OpenFeature.getClient();

async function isEnabled(key: string): Promise<boolean> {
  return client.getBooleanValue(key, false);
}

export async function pay(amount: number, card: string): Promise<string> {
  console.log("paying", amount);
  if (await isEnabled("new-payments")) {
    return chargeCard(amount, card);
  }
  await fetch("https://billing.example/invoices", { method: "POST", body: String(amount) });
  return "invoiced";
}
`;
    const { result } = await diffSteps(original, { "src/index.ts": wrapped });
    expectSameMeaning(result, "new-payments");
  });

  it("a new flag", async () => {
    const { result } = await diffSteps(original, {
      "src/index.ts": checkout(
        `import { chargeCard } from "./payments.js";`,
        `if (await client.getBooleanValue("fast-refunds", false)) console.log("fast refunds on");\n    return chargeCard(amount, card);`,
      ),
    });
    expect(result.findings).toEqual([]);
    expect(result.notes).toEqual([expect.objectContaining({ flag: "fast-refunds", note: "added" })]);
  });

  it("a flag removed with its code", async () => {
    const { result } = await diffSteps(original, {
      "src/index.ts": `export async function pay(amount: number): Promise<string> {
  await fetch("https://billing.example/invoices", { method: "POST", body: String(amount) });
  return "invoiced";
}
`,
      "src/payments.ts": null,
    });
    expect(result.findings).toEqual([]);
    expect(result.notes).toEqual([expect.objectContaining({ flag: "new-payments", note: "removed" })]);
  });

  it("a flag removed and later read again for the same code", async () => {
    const repo = createGitRepo();
    repo.commit("Card payments", original);
    const base = repo.commit("Remove them", {
      "src/index.ts": `export async function pay(amount: number): Promise<string> {\n  return String(amount);\n}\n`,
      "src/payments.ts": null,
    });
    const head = repo.commit("Bring them back", original);

    const result = await diffRevisions({ root: repo.root, base, head, cache: false });

    expect(result.findings).toEqual([]);
    expect(result.notes).toEqual([expect.objectContaining({ flag: "new-payments", note: "restored" })]);
  });

  it("unrelated edits elsewhere", async () => {
    const { result } = await diffSteps(original, {
      "src/index.ts": original["src/index.ts"].replace('console.log("paying", amount);', 'console.log("paying", amount, "EUR");'),
      "src/orders.ts": `export function orderTotal(prices: number[]): number {\n  return prices.reduce((a, b) => a + b, 0);\n}\n`,
      "README.md": "The shop.\n",
    });
    expectSameMeaning(result, "new-payments");
  });

  it("a small guarded value that gains a property (a tab that now links), all its code kept", async () => {
    const tabs = (folders: string, tags: string): string => `${openFeature}const client = OpenFeature.getClient();

export async function libraryTabs(slug: string): Promise<Array<{ id: string; label: string; href?: string }>> {
  return [
    ...((await client.getBooleanValue("link-folders", false)) ? [${folders}] : []),
    ${tags},
  ];
}
`;
    const { result } = await diffSteps(
      { "src/index.ts": tabs(`{ id: "folders", label: "Folders" }`, `{ id: "tags", label: "Tags" }`) },
      { "src/index.ts": tabs("{ id: \"folders\", label: \"Folders\", href: `/${slug}/folders` }", "{ id: \"tags\", label: \"Tags\", href: `/${slug}/tags` }") },
    );
    expectSameMeaning(result, "link-folders");
  });

  it("reformatting and comments", async () => {
    const { result } = await diffSteps(original, {
      "src/index.ts": checkout(
        `import { chargeCard } from "./payments.js";`,
        "// Cards go through the new processor.\n    return chargeCard(\n      amount,\n      card,\n    );",
        `client.getBooleanValue(\n    "new-payments",\n    false,\n  )`,
      ),
      // Every line of the guarded function rewrapped, requoted or commented: the old line-by-line
      // comparison saw none of them as the same.
      "src/payments.ts": `/** Charges a card through the new processor. */
export async function chargeCard(
    amount: number,
    card: string,
): Promise<string> {
    const cents = Math.round(amount*100); // in cents
    const response = await fetch('https://pay.example/charges', {
        method: 'POST',
        body: JSON.stringify({ cents, card }),
    });
    const {id} = (await response.json()) as {id: string};
    return id /* the charge */;
}
`,
    });
    expectSameMeaning(result, "new-payments");
  });
});
