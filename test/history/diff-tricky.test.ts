// `deadflag diff` on the borderline cases, each with the verdict decided for it:
// - both sides of a flag edited a little: the same meaning;
// - a one-line branch: other arguments to the same call are the same meaning, another callee is not;
// - a helper shared by the old and the new code (reached from elsewhere too, or only by the flag's
//   code) does not make the new code the old one: what the branches themselves do decides;
// - a thin wrapper renamed over the same helpers, a one-line function renamed, an `if` turned into an
//   early exit or a ternary, a feature that grew: the same meaning;
// - `switch` cases compare case by case; one read of several turned around is an inversion.
import { describe, expect, it } from "vitest";
import type { Finding } from "../../src/findings/finding.js";
import type { DiffResult } from "../../src/history/diff-revisions.js";
import { diffRevisions } from "../../src/history/diff-revisions.js";
import type { FileChanges } from "../helpers/git-repo.js";
import { createGitRepo } from "../helpers/git-repo.js";

const openFeature = `import { OpenFeature } from "@openfeature/server-sdk";\n`;

async function diffSteps(before: FileChanges, after: FileChanges): Promise<DiffResult & { baseCommit: string }> {
  const repo = createGitRepo({ daysBetweenCommits: 60 });
  const base = repo.commit("before", before);
  const head = repo.commit("after", after);
  return { ...(await diffRevisions({ root: repo.root, base, head, cache: false })), baseCommit: base };
}

/** No finding, and the flag compared at both revisions. */
function expectSameMeaning(result: DiffResult, flag: string): void {
  expect(result.findings).toEqual([]);
  expect(result.notes.filter((n) => n.flag === flag)).toEqual([]);
}

/** `kind`, `side` and where, for each finding. */
function summary(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.flag} ${String(f.data?.["kind"])} ${String(f.data?.["side"] ?? "-")} ${f.severity} ${f.file}:${f.line}:${f.column}`);
}

/** src/index.ts: `flag` guards `on` (and `off` in an else branch); the read is on line 6, column 13. */
function guarded(imports: string, on: string, off?: string, flag = "smart-routing"): string {
  return `${openFeature}${imports}
const client = OpenFeature.getClient();

export async function route(order: { id: string; quantity: number }): Promise<void> {
  if (await client.getBooleanValue("${flag}", false)) {
    ${on}
  }${off === undefined ? "" : ` else {\n    ${off}\n  }`}
  console.log("routed", order.id);
}
`;
}

/** A module shared by other code (src/index.ts calls it outside the flag too). */
const sharedModule = `export function notify(order: { id: string }, channel = "email"): void {
  console.log("notify", order.id, channel);
}

export function sendInvoice(order: { id: string }): void {
  fetch(\`https://billing.example/invoices/\${order.id}\`, { method: "POST" });
}

export function cancelOrder(order: { id: string }): void {
  fetch(\`https://orders.example/\${order.id}\`, { method: "DELETE" });
}

export function audit(event: string, id: string): void {
  console.log("audit", event, id, new Date().toISOString());
}
`;

/** src/main.ts, a second entry: the shared module's other callers, so that it is reached without the flag. */
const otherCallers = `import { route } from "./index.js";
import { audit, cancelOrder, notify, sendInvoice } from "./shared.js";

export function admin(order: { id: string; quantity: number }): void {
  notify(order);
  sendInvoice(order);
  cancelOrder(order);
  audit("admin", order.id);
  void route(order);
}
`;

const twoEntries = JSON.stringify({ entry: ["src/index.ts", "src/main.ts"] });

describe("both sides changed a little", () => {
  it("is the same meaning", async () => {
    const on = (venue: string): string => `const venue = "${venue}";
    const price = order.quantity * 1.01;
    await fetch(\`https://\${venue}/orders\`, { method: "POST", body: JSON.stringify({ id: order.id, price }) });
    console.log("smart", order.id, venue);`;
    const off = (venue: string): string => `const slices = Math.ceil(order.quantity / 100);
    for (let i = 0; i < slices; i++) await fetch("https://${venue}/slices", { method: "POST", body: order.id });
    console.log("sliced", order.id, slices);`;
    const result = await diffSteps(
      { "src/index.ts": guarded("", on("cheap.example"), off("primary.example")) },
      { "src/index.ts": guarded("", on("cheaper.example").replace("1.01", "1.02"), off("primary.example").replace("100", "200")) },
    );
    expectSameMeaning(result, "smart-routing");
  });
});

describe("only the off side replaced", () => {
  it("is repurposed, on the off side", async () => {
    const on = `await fetch("https://cheap.example/orders", { method: "POST", body: order.id });\n    console.log("smart", order.id);`;
    const sliced = `const slices = Math.ceil(order.quantity / 100);
    for (let i = 0; i < slices; i++) await fetch("https://primary.example/slices", { method: "POST", body: order.id });`;
    const halted = `throw new Error(\`trading halted for \${order.id}\`);`;
    const result = await diffSteps({ "src/index.ts": guarded("", on, sliced) }, { "src/index.ts": guarded("", on, halted) });
    expect(summary(result.findings)).toEqual(["smart-routing repurposed off error src/index.ts:6:13"]);
  });
});

describe("a one-line branch", () => {
  const shared = { "src/shared.ts": sharedModule, "src/main.ts": otherCallers, "deadflag.config.json": twoEntries };
  const imports = `import { cancelOrder, notify, sendInvoice } from "./shared.js";`;

  it("calling the same function with other arguments is the same meaning", async () => {
    const result = await diffSteps(
      { ...shared, "src/index.ts": guarded(imports, "notify(order);") },
      { "src/index.ts": guarded(imports, `notify(order, "sms");`) },
    );
    expectSameMeaning(result, "smart-routing");
  });

  it("calling another function is repurposed", async () => {
    const result = await diffSteps(
      { ...shared, "src/index.ts": guarded(imports, "sendInvoice(order);") },
      { "src/index.ts": guarded(imports, "cancelOrder(order);") },
    );
    expect(summary(result.findings)).toEqual(["smart-routing repurposed on error src/index.ts:6:13"]);
    expect(result.findings[0]?.message).toBe(
      `smart-routing switched sendInvoice (src/shared.ts) at ${result.baseCommit.slice(0, 7)} (src/index.ts:6); ` +
        "now switches cancelOrder (src/shared.ts), while sendInvoice (src/shared.ts) stays in the code. Use a new key.",
    );
  });
});

describe("a helper shared by the old and the new code", () => {
  const legacy = `import { audit } from "./shared.js";

export function legacyRouting(order: { id: string; quantity: number }): void {
  audit("legacy", order.id);
  const lots = Math.floor(order.quantity / 100);
  for (let i = 0; i < lots; i++) fetch("https://nyse.example/lots", { method: "POST", body: order.id });
}
`;
  const retail = `import { audit } from "./shared.js";

export function retailRouting(order: { id: string; quantity: number }): void {
  audit("retail", order.id);
  fetch("https://rlp.example/orders", { method: "POST", body: JSON.stringify(order) });
}
`;

  it("reached from elsewhere too, does not make them the same: repurposed", async () => {
    const result = await diffSteps(
      {
        "src/shared.ts": sharedModule,
        "src/main.ts": otherCallers,
        "deadflag.config.json": twoEntries,
        "src/legacy.ts": legacy,
        "src/index.ts": guarded(`import { legacyRouting } from "./legacy.js";`, "legacyRouting(order);"),
      },
      {
        "src/retail.ts": retail,
        "src/index.ts": guarded(`import { retailRouting } from "./retail.js";`, "retailRouting(order);"),
      },
    );
    expect(summary(result.findings)).toEqual(["smart-routing repurposed on error src/index.ts:6:13"]);
    expect(result.findings[0]?.data).toMatchObject({ before: ["legacyRouting (src/legacy.ts)"], after: ["retailRouting (src/retail.ts)"] });
  });

  const validation = `export function validate(order: { id: string; quantity: number }): void {
  if (order.id === "") throw new Error("order without id");
  if (order.quantity <= 0) throw new Error(\`order \${order.id}: quantity \${order.quantity}\`);
  if (order.quantity > 1_000_000) throw new Error(\`order \${order.id}: too large\`);
  if (!Number.isInteger(order.quantity)) throw new Error(\`order \${order.id}: fractional\`);
  const day = new Date().getUTCDay();
  if (day === 0 || day === 6) throw new Error("market closed");
  console.log("validated", order.id);
}
`;
  const strategy = (name: string, body: string): string => `import { validate } from "./validate.js";

export function ${name}(order: { id: string; quantity: number }): void {
  validate(order);
  ${body}
}
`;

  it("reached only by the flag's code, however large, does not make them the same: repurposed", async () => {
    const result = await diffSteps(
      {
        "src/validate.ts": validation,
        "src/peg.ts": strategy("powerPeg", `for (let i = 0; i < order.quantity; i += 100) fetch("https://nyse.example/peg", { method: "POST" });`),
        "src/index.ts": guarded(`import { powerPeg } from "./peg.js";`, "powerPeg(order);"),
      },
      {
        "src/rlp.ts": strategy("retailLiquidity", `fetch("https://rlp.example/orders", { method: "POST", body: order.id });`),
        "src/index.ts": guarded(`import { retailLiquidity } from "./rlp.js";`, "retailLiquidity(order);"),
      },
    );
    expect(summary(result.findings)).toEqual(["smart-routing repurposed on error src/index.ts:6:13"]);
  });

  it("behind a renamed thin wrapper, is the same meaning", async () => {
    const wrapper = (name: string): string => `import { validate } from "./validate.js";\n\nexport function ${name}(order: { id: string; quantity: number }): void {\n  validate(order);\n}\n`;
    const result = await diffSteps(
      {
        "src/validate.ts": validation,
        "src/check.ts": wrapper("checkOrder"),
        "src/index.ts": guarded(`import { checkOrder } from "./check.js";`, "checkOrder(order);"),
      },
      {
        "src/check.ts": wrapper("verifyOrder"),
        "src/index.ts": guarded(`import { verifyOrder } from "./check.js";`, "verifyOrder(order);"),
      },
    );
    expectSameMeaning(result, "smart-routing");
  });
});

describe("other shapes of the same meaning", () => {
  const body = `const lots = Math.floor(order.quantity / 100);
    for (let i = 0; i < lots; i++) await fetch("https://cheap.example/lots", { method: "POST", body: order.id });
    console.log("lots", lots);`;

  it("a one-line function renamed", async () => {
    const result = await diffSteps(
      {
        "src/fees.ts": `export const feeOf = (quantity: number): number => Math.max(1, quantity * 0.001);\n`,
        "src/index.ts": guarded(`import { feeOf } from "./fees.js";`, "console.log(feeOf(order.quantity));"),
      },
      {
        "src/fees.ts": `export const commissionOf = (quantity: number): number => Math.max(1, quantity * 0.001);\n`,
        "src/index.ts": guarded(`import { commissionOf } from "./fees.js";`, "console.log(commissionOf(order.quantity));"),
      },
    );
    expectSameMeaning(result, "smart-routing");
  });

  it("an if turned into an early exit", async () => {
    const early = `${openFeature}const client = OpenFeature.getClient();

export async function route(order: { id: string; quantity: number }): Promise<void> {
  if (!(await client.getBooleanValue("smart-routing", false))) {
    console.log("routed", order.id);
    return;
  }
  ${body}
  console.log("routed", order.id);
}
`;
    const result = await diffSteps({ "src/index.ts": guarded("", body) }, { "src/index.ts": early });
    expectSameMeaning(result, "smart-routing");
  });

  // Known false positive: the ternary's branches are bare values ("https://cheap.example"), while the
  // if-else guarded the whole fetch; no line of one is a line of the other. Drop `.fails` once values
  // are compared inside the statements that use them.
  it.fails("an if-else turned into a ternary", async () => {
    const ternary = `${openFeature}const client = OpenFeature.getClient();

export async function route(order: { id: string; quantity: number }): Promise<void> {
  const venue = (await client.getBooleanValue("smart-routing", false)) ? "https://cheap.example" : "https://primary.example";
  await fetch(venue, { method: "POST", body: order.id });
}
`;
    const ifElse = guarded("", `await fetch("https://cheap.example", { method: "POST", body: order.id });`, `await fetch("https://primary.example", { method: "POST", body: order.id });`);
    const result = await diffSteps({ "src/index.ts": ifElse }, { "src/index.ts": ternary });
    expectSameMeaning(result, "smart-routing");
  });

  it("a feature that grew, its old code kept", async () => {
    const grown = `${body}
    const report = { id: order.id, lots, at: Date.now() };
    await fetch("https://cheap.example/reports", { method: "POST", body: JSON.stringify(report) });
    if (lots > 10) console.warn("large order", order.id);
    await fetch("https://cheap.example/confirm", { method: "POST", body: order.id });`;
    const result = await diffSteps({ "src/index.ts": guarded("", body) }, { "src/index.ts": guarded("", grown) });
    expectSameMeaning(result, "smart-routing");
  });
});

describe("switch cases", () => {
  const variants = (b: string, extra = ""): string => `${openFeature}const client = OpenFeature.getClient();

export async function layout(page: string[]): Promise<void> {
  switch (await client.getStringValue("page-layout", "classic")) {
    case "grid":
      page.push("<div class=grid>");
      page.push(...page.splice(0).map((cell) => \`<div class=cell>\${cell}</div>\`));
      break;
    case "list":
      ${b}
      break;${extra}
    default:
      page.unshift("<main>");
  }
}
`;
  const list = `page.push("<ul>");
      page.push(...page.splice(0).map((item) => \`<li>\${item}</li>\`));`;

  it("a case whose body became other code is repurposed, on that case", async () => {
    const result = await diffSteps(
      { "src/index.ts": variants(list) },
      { "src/index.ts": variants(`await fetch("https://tracking.example/pageview", { method: "POST", body: String(page.length) });`) },
    );
    expect(summary(result.findings)).toEqual([`page-layout repurposed case "list" error src/index.ts:5:17`]);
  });

  it("a case added is the same meaning", async () => {
    const result = await diffSteps(
      { "src/index.ts": variants(list) },
      { "src/index.ts": variants(list, `\n    case "cards":\n      page.push("<section class=cards>");\n      break;`) },
    );
    expectSameMeaning(result, "page-layout");
  });
});

describe("one read of several turned around", () => {
  it("is inverted", async () => {
    const reads = (negated: boolean): string => `${openFeature}import { rebalance } from "./rebalance.js";
const client = OpenFeature.getClient();

export async function nightly(): Promise<void> {
  if (await client.getBooleanValue("auto-rebalance", false)) console.log("rebalancing tonight");
  if (${negated ? "!" : ""}(await client.getBooleanValue("auto-rebalance", false))) {
    await rebalance();
  }
}
`;
    const rebalance = `export async function rebalance(): Promise<void> {
  const response = await fetch("https://portfolio.example/positions");
  const positions = (await response.json()) as Array<{ id: string; weight: number }>;
  for (const p of positions) await fetch(\`https://portfolio.example/trade/\${p.id}\`, { method: "POST", body: String(0.1 - p.weight) });
}
`;
    const result = await diffSteps({ "src/index.ts": reads(false), "src/rebalance.ts": rebalance }, { "src/index.ts": reads(true) });
    expect(summary(result.findings)).toEqual(["auto-rebalance inverted on error src/index.ts:7:15"]);
  });
});
