// The shapes of change that `no-flag-reuse` missed or cried wolf on, in applications written by
// people outside this project (issue 7), each as a small repository: the Knight pattern (a guarded
// call or component pointed at other code, the old code left in the tree), one read of several
// changed, a flag variable tested with other conditions, a key removed and re-added, and the false
// claims (a refusal reworded, a young flag rewritten, an exit that gained a condition). `diff` and
// `history` must tell the same event with the same message, at the read that changed.
import { describe, expect, it } from "vitest";
import type { Finding } from "../../src/findings/finding.js";
import { diffRevisions } from "../../src/history/diff-revisions.js";
import type { HistoryEvent } from "../../src/history/flag-history.js";
import { flagHistory } from "../../src/history/flag-history.js";
import type { FileChanges, GitRepo } from "../helpers/git-repo.js";
import { createGitRepo } from "../helpers/git-repo.js";

const openFeature = `import { OpenFeature } from "@openfeature/server-sdk";\nconst client = OpenFeature.getClient();\n`;

/** A repository whose commits are 60 days apart: every flag is stable by its second commit. */
function stableRepo(): GitRepo {
  return createGitRepo({ daysBetweenCommits: 60 });
}

/** Diff from the first to the last commit, and history over all of them, of `steps`. */
async function diffAndHistory(steps: FileChanges[], repo = stableRepo()): Promise<{ findings: Finding[]; events: HistoryEvent[]; commits: string[] }> {
  const commits = steps.map((changes, i) => repo.commit(`step ${i}`, changes));
  const diff = await diffRevisions({ root: repo.root, base: commits[commits.length - 2], head: commits[commits.length - 1], cache: false });
  const history = await flagHistory({ root: repo.root, cache: false });
  const events = history.flags.flatMap((f) => f.events.filter((e) => e.commit === commits[commits.length - 1]));
  return { findings: diff.findings, events, commits };
}

/** `kind severity file:line reason`, per finding. */
function summary(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${String(f.data?.["kind"])} ${f.severity} ${f.file}:${f.line} ${String(f.data?.["reason"] ?? "-")}`);
}

/** The history event tells what diff's finding tells, with the same message, at the same read. */
function expectSameStory(finding: Finding | undefined, event: HistoryEvent | undefined): void {
  expect(event).toMatchObject({ kind: finding?.data?.["kind"], message: finding?.message, severity: finding?.severity, file: finding?.file, line: finding?.line });
}

const paths = (extra = ""): string => `export function legacyPath(order: { id: string; qty: number }): void {
  for (let i = 0; i < order.qty; i += 100) void fetch("https://nyse.example/peg", { method: "POST", body: order.id });
}

export function otherPath(order: { id: string; qty: number }): void {
  for (let i = 0; i < order.qty; i += 100) void fetch("https://rlp.example/quote", { method: "POST", body: order.id });
}
${extra}`;

describe("the Knight pattern: the flag pointed at other code, the old code still in the tree", () => {
  it("reports a guarded call swapped for another function of the same shape, naming both", async () => {
    const router = (fn: string): string => `${openFeature}import { ${fn} } from "./paths.js";

export async function route(order: { id: string; qty: number }): Promise<void> {
  if (await client.getBooleanValue("power-peg", false)) ${fn}(order);
}
`;
    const { findings, events, commits } = await diffAndHistory([
      { "src/paths.ts": paths(), "src/index.ts": router("legacyPath") },
      { "src/index.ts": router("otherPath") },
    ]);
    expect(summary(findings)).toEqual(["repurposed error src/index.ts:6 identity"]);
    expect(findings[0]?.message).toBe(
      `power-peg switched legacyPath (src/paths.ts) at ${commits[0]?.slice(0, 7)} (src/index.ts:6); now switches otherPath (src/paths.ts), ` +
        "while legacyPath (src/paths.ts) stays in the code. Use a new key.",
    );
    expectSameStory(findings[0], events[0]);
  });

  it("reports one branch of a ternary pointed at another function (flag ? a(u) : b(u) → flag ? c(u) : b(u))", async () => {
    const lib = `export const a = (u: string): string => u.toUpperCase();\nexport const b = (u: string): string => u.toLowerCase();\nexport const c = (u: string): string => u.trim();\n`;
    const view = (on: string): string => `${openFeature}import { ${on}, b } from "./lib.js";

export async function label(u: string): Promise<string> {
  return (await client.getBooleanValue("new-label", false)) ? ${on}(u) : b(u);
}
`;
    const { findings, events } = await diffAndHistory([{ "src/lib.ts": lib, "src/index.ts": view("a") }, { "src/index.ts": view("c") }]);
    expect(summary(findings)).toEqual(["repurposed error src/index.ts:6 identity"]);
    expect(findings[0]?.data).toMatchObject({ side: "on", before: ["a (src/lib.ts)"], after: ["c (src/lib.ts)"] });
    expectSameStory(findings[0], events[0]);
  });

  const components = `export function Legacy() {\n  return <aside className="legacy">Old offer</aside>;\n}\n\nexport function Promo() {\n  return <aside className="promo">New offer</aside>;\n}\n\nexport function Plain() {\n  return <p>Nothing</p>;\n}\n`;
  const page = (body: string): string => `import { useBooleanFlagValue } from "@openfeature/react-sdk";
import { Legacy, Plain, Promo } from "./offers.js";

export function Page() {
  const on = useBooleanFlagValue("offer-banner", false);
${body}
}
`;
  it.each([
    ["&&", "  return <main>{on && <Legacy />}</main>;", "  return <main>{on && <Promo />}</main>;", 5],
    ["?:", "  return <main>{on ? <Legacy /> : <Plain />}</main>;", "  return <main>{on ? <Promo /> : <Plain />}</main>;", 5],
    ["if", "  if (on) return <Legacy />;\n  return <Plain />;", "  if (on) return <Promo />;\n  return <Plain />;", 5],
  ])("reports a JSX element swapped in %s", async (_shape, before, after, line) => {
    const { findings, events } = await diffAndHistory([
      { "src/offers.tsx": components, "src/index.tsx": page(before), "tsconfig.json": '{ "compilerOptions": { "jsx": "react-jsx" } }' },
      { "src/index.tsx": page(after) },
    ]);
    expect(summary(findings)).toEqual([`repurposed error src/index.tsx:${line} identity`]);
    expect(findings[0]?.message).toContain("while Legacy (src/offers.tsx) stays in the code");
    expect(findings[0]?.data).toMatchObject({ before: ["Legacy (src/offers.tsx)"], after: ["Promo (src/offers.tsx)"] });
    expectSameStory(findings[0], events[0]);
  });
});

describe("one read of several", () => {
  it("reports the read that now guards unrelated code, in its own file, and not the read that kept its meaning", async () => {
    const reader = (fn: string, name: string): string => `${openFeature}import { ${fn} } from "./paths.js";

export async function ${name}(order: { id: string; qty: number }): Promise<void> {
  if (await client.getBooleanValue("power-peg", false)) ${fn}(order);
}
`;
    const { findings, events, commits } = await diffAndHistory([
      { "src/paths.ts": paths(), "src/a.ts": reader("legacyPath", "first"), "src/b.ts": reader("legacyPath", "second"), "deadflag.config.json": '{ "entry": ["src/a.ts", "src/b.ts"] }' },
      { "src/b.ts": reader("otherPath", "second") },
    ]);
    expect(summary(findings)).toEqual(["repurposed error src/b.ts:6 identity"]);
    expect(findings[0]?.message).toContain(`at ${commits[0]?.slice(0, 7)} (src/b.ts:6)`);
    expectSameStory(findings[0], events[0]);
  });
});

describe("a flag held in a variable and tested later with other conditions", () => {
  const handler = (fn: string): string => `${openFeature}import { ${fn} } from "./paths.js";

export async function route(order: { id: string; qty: number }): Promise<void> {
  const on = await client.getBooleanValue("power-peg", false);
  const n = order.qty;
  if (on && n > 0) ${fn}(order);
}
`;

  it("reports the guarded call swapped, and never names the other condition as switched code", async () => {
    const { findings, events } = await diffAndHistory([{ "src/paths.ts": paths(), "src/index.ts": handler("legacyPath") }, { "src/index.ts": handler("otherPath") }]);
    expect(summary(findings)).toEqual(["repurposed error src/index.ts:6 identity"]);
    expect(findings[0]?.message).not.toContain("n > 0");
    expectSameStory(findings[0], events[0]);
  });

  it("is the same meaning when only the other condition changes", async () => {
    const { findings, events } = await diffAndHistory([
      { "src/paths.ts": paths(), "src/index.ts": handler("legacyPath") },
      { "src/index.ts": handler("legacyPath").replace("n > 0", "n > 0 && order.id !== \"\"") },
    ]);
    expect(findings).toEqual([]);
    expect(events).toEqual([]);
  });
});

describe("a key removed and re-added", () => {
  const reader = (fn: string): string => `${openFeature}import { ${fn} } from "./paths.js";

export async function route(order: { id: string; qty: number }): Promise<void> {
  if (await client.getBooleanValue("power-peg", false)) ${fn}(order);
}
`;
  const without = `export async function route(order: { id: string; qty: number }): Promise<void> {\n  void order;\n}\n`;

  it("with other code: history says resurrected, as diff does, not restored", async () => {
    const { findings, events } = await diffAndHistory([
      { "src/paths.ts": paths(), "src/index.ts": reader("legacyPath") },
      { "src/index.ts": without },
      { "src/index.ts": reader("otherPath") },
    ]);
    expect(summary(findings)).toEqual(["resurrected error src/index.ts:6 identity"]);
    expect(events.map((e) => e.kind)).toEqual(["resurrected"]);
    expectSameStory(findings[0], events[0]);
  });

  it("with its old code: restored in history, a note in diff", async () => {
    const { findings, events } = await diffAndHistory([
      { "src/paths.ts": paths(), "src/index.ts": reader("legacyPath") },
      { "src/index.ts": without },
      { "src/index.ts": reader("legacyPath") },
    ]);
    expect(findings).toEqual([]);
    expect(events.map((e) => e.kind)).toEqual(["restored"]);
  });
});

describe("no crying wolf", () => {
  it("leaves a gate whose refusal was reworded alone", async () => {
    const gate = (refusal: string, extra = ""): string => `${openFeature}import { json } from "@remix-run/node";
${extra}
export async function loader(request: Request): Promise<unknown> {
  if (!(await client.getBooleanValue("teams", false))) return ${refusal};
  const teams = await fetch(new URL("/api/teams", request.url));
  return json(await teams.json());
}
`;
    const { findings, events } = await diffAndHistory([
      { "src/index.ts": gate(`json({ error: "Not available" }, { status: 404 })`) },
      {
        "src/index.ts": gate("{ error: notAvailable(404) }", 'import { notAvailable } from "./errors.js";'),
        "src/errors.ts": `export function notAvailable(status: number): { message: string; status: number } {\n  return { message: "Not available", status };\n}\n`,
      },
    ]);
    expect(findings).toEqual([]);
    expect(events).toEqual([]);
  });

  it("leaves an early exit whose condition gained a conjunct alone", async () => {
    const exit = (condition: string): string => `export function register(name: string): string[] {
  if (${condition}) return [];
  const users = [name.trim()];
  users.push(name.toLowerCase());
  return users;
}
`;
    const { findings, events } = await diffAndHistory([
      { "src/index.ts": exit(`process.env.ENABLE_SIGNUP === "false"`) },
      { "src/index.ts": exit(`process.env.ENABLE_SIGNUP === "false" && process.env.ENABLE_INVITES === undefined`) },
    ]);
    expect(findings.filter((f) => f.flag === "ENABLE_SIGNUP")).toEqual([]);
    expect(events.filter((e) => e.kind !== "introduced")).toEqual([]);
  });

  // A gated layout (Next.js's app router, a wrapper component) switches the content it is handed,
  // which no side shows: the markup around `{children}` is not what the flag turns on.
  const layout = (rendered: string): string => `import { getFlags } from "./flags.js";
import type { ReactNode } from "react";
import { Upsell } from "./upsell.js";

export default async function BetaLayout({ children }: { children: ReactNode }) {
  const flags = await getFlags();
  if (!flags.betaDashboard) return <Upsell />;
  return ${rendered};
}
`;
  const layoutSteps = (rendered: string): FileChanges[] => [
    {
      "tsconfig.json": '{ "compilerOptions": { "jsx": "react-jsx" } }',
      "deadflag.config.json": JSON.stringify({ flags: { accessors: [{ function: "getFlags", returns: "flag-map" }] }, entry: ["src/layout.tsx"] }),
      "src/flags.ts": `export async function getFlags(): Promise<Record<string, boolean>> {\n  return (await fetch("https://config.example/flags")).json() as Promise<Record<string, boolean>>;\n}\n`,
      "src/upsell.tsx": `export function Upsell() {\n  return <a href="/pricing">Upgrade to see the beta dashboard</a>;\n}\n`,
      "src/layout.tsx": layout("<>{children}</>"),
    },
    { "src/layout.tsx": layout(rendered) },
  ];

  it("leaves a gated layout alone when the markup around its children changes", async () => {
    const { findings, events } = await diffAndHistory(layoutSteps(`<section className="beta-shell" data-beta>{children}</section>`));
    expect(findings).toEqual([]);
    expect(events).toEqual([]);
  });

  it("reports a gated layout that stops rendering its children for other content", async () => {
    const { findings, events } = await diffAndHistory(layoutSteps(`<iframe src="https://legacy.example/dashboard" title="Dashboard" />`));
    expect(summary(findings)).toEqual(["repurposed error src/layout.tsx:7 content"]);
    expectSameStory(findings[0], events[0]);
  });

  const banner = (body: string): string => `import { useBooleanFlagValue } from "@openfeature/react-sdk";

export function Banner({ endsAt }: { endsAt: number }) {
  const on = useBooleanFlagValue("summer-sale", false);
  if (!on) return null;
${body}
}
`;
  // One big feature merge rewrites what the flag shows.
  const rewritten = (): FileChanges[] => [
    { "src/index.tsx": banner('  return <div className="sale">Sale</div>;'), "tsconfig.json": '{ "compilerOptions": { "jsx": "react-jsx" } }' },
    {
      "src/index.tsx": banner(`  const left = Math.max(0, endsAt - Date.now());
  const hours = Math.floor(left / 3_600_000);
  return (
    <section className="sale-countdown" aria-live="polite">
      <h2>Summer sale</h2>
      <p>{hours > 24 ? \`\${Math.floor(hours / 24)} days left\` : \`\${hours} hours left\`}</p>
      <a href="/sale">Shop now</a>
    </section>
  );`),
    },
  ];

  it("reports a young flag's rewrite as info: development is what the flag is for", async () => {
    const repo = createGitRepo({ daysBetweenCommits: 7 });
    const { findings, events } = await diffAndHistory(rewritten(), repo);
    expect(summary(findings)).toEqual(["repurposed info src/index.tsx:4 content"]);
    expectSameStory(findings[0], events[0]);
  });

  it("reports the same rewrite of a flag declared on as an error, young or not", async () => {
    const repo = createGitRepo({ daysBetweenCommits: 7 });
    const steps = rewritten();
    steps[0] = { ...steps[0], "deadflag.config.json": JSON.stringify({ flags: { states: { "summer-sale": "on" } } }) };
    const { findings, events } = await diffAndHistory(steps, repo);
    expect(summary(findings)).toEqual(["repurposed error src/index.tsx:4 content"]);
    expectSameStory(findings[0], events[0]);
  });
});

describe("reads behind a flag map (a configured accessor that returns every flag of a team)", () => {
  // papermark's `webhooks`: the key gated managing incoming webhooks, was removed, and came back
  // gating the outgoing webhooks sent when a link is viewed.
  const config = JSON.stringify({ flags: { accessors: [{ function: "getFeatureFlags", returns: "flag-map" }] }, entry: ["src/incoming.ts", "src/visit.ts"] });
  const flags = `export async function getFeatureFlags(teamId: string): Promise<Record<string, boolean>> {\n  const response = await fetch("https://config.example/flags/" + teamId);\n  return (await response.json()) as Record<string, boolean>;\n}\n`;
  const incoming = (gated: boolean): string => `import { getFeatureFlags } from "./flags.js";
import { manageIncomingWebhooks } from "./webhooks.js";

export async function handle(teamId: string): Promise<number> {
  const features = await getFeatureFlags(teamId);
${gated ? "  if (!features.webhooks) return 403;\n" : ""}  return manageIncomingWebhooks(teamId);
}
`;
  const visit = (gated: boolean): string => `import { getFeatureFlags } from "./flags.js";
import { sendViewWebhooks } from "./webhooks.js";

export async function recordVisit(teamId: string, linkId: string): Promise<void> {
  const features = await getFeatureFlags(teamId);
  if (${gated ? "features.webhooks" : "teamId === linkId"}) await sendViewWebhooks(teamId, linkId);
}
`;
  const webhooks = `export async function manageIncomingWebhooks(teamId: string): Promise<number> {
  const response = await fetch("https://api.example/incoming-webhooks?team=" + teamId, { method: "PUT" });
  return response.status;
}

export async function sendViewWebhooks(teamId: string, linkId: string): Promise<void> {
  await fetch("https://hooks.example/link-viewed", { method: "POST", body: JSON.stringify({ teamId, linkId }) });
}
`;

  it("reports the key read again from the map for other code as resurrected, in diff and history alike", async () => {
    const { findings, events, commits } = await diffAndHistory([
      { "deadflag.config.json": config, "src/flags.ts": flags, "src/webhooks.ts": webhooks, "src/incoming.ts": incoming(true), "src/visit.ts": visit(false) },
      { "src/incoming.ts": incoming(false) },
      { "src/visit.ts": visit(true) },
    ]);
    // Another holder in another file: the read is new, and unrelated to every old read.
    expect(summary(findings)).toEqual(["resurrected error src/visit.ts:6 new-read"]);
    expect(findings[0]?.data).toMatchObject({ before: ["manageIncomingWebhooks (src/webhooks.ts)"], after: ["sendViewWebhooks (src/webhooks.ts)"] });
    expect(findings[0]?.message).toBe(
      `webhooks was removed and comes back: it switched manageIncomingWebhooks (src/webhooks.ts) at ${commits[0]?.slice(0, 7)} (src/incoming.ts:6); ` +
        "now it is read at src/visit.ts:6 and switches sendViewWebhooks (src/webhooks.ts). Use a new key.",
    );
    expectSameStory(findings[0], events[0]);
  });

  it("is the same meaning when the map is read in another statement for the same code", async () => {
    const moved = incoming(true).replace("  if (!features.webhooks) return 403;\n", "  const allowed = features.webhooks;\n  if (!allowed) return 403;\n");
    const { findings, events } = await diffAndHistory([
      { "deadflag.config.json": config, "src/flags.ts": flags, "src/webhooks.ts": webhooks, "src/incoming.ts": incoming(true), "src/visit.ts": visit(false) },
      { "src/incoming.ts": moved },
    ]);
    expect(findings).toEqual([]);
    expect(events).toEqual([]);
  });
});

describe("code the flag does not own (dub's linkFolders at f6b5ac24)", () => {
  // A usage panel renders a tile per resource with one shared helper; the folders tile is behind the
  // flag. Restyling the helper changes every tile, flag or not: the flag still shows a folders tile.
  const formatting = `export function formatCount(value: number, unit: string): string {
  if (value >= 1_000_000) return (value / 1_000_000).toFixed(1) + "M " + unit;
  if (value >= 1_000) return (value / 1_000).toFixed(1) + "K " + unit;
  return String(value) + " " + unit;
}

export function progress(used: number, limit: number): number {
  const ratio = limit <= 0 ? 1 : used / limit;
  return Math.round(Math.min(1, Math.max(0, ratio)) * 100);
}
`;
  const tileBefore = `export function tile(title: string, used: number, limit: number, href: string): string {
  const percent = progress(used, limit);
  const label = formatCount(used, "used") + " of " + formatCount(limit, "allowed");
  return "<div class='tile'><h3>" + title + "</h3><p>" + label + "</p><meter value='" + percent + "'></meter><a href='" + href + "'>Manage</a></div>";
}
`;
  const tileRestyled = `export function tile(title: string, used: number, limit: number, href: string): string {
  const percent = progress(used, limit);
  const label = formatCount(used, "used") + " / " + formatCount(limit, "allowed");
  return "<a class='tile' href='" + href + "'><h3>" + title + "</h3><p>" + label + "</p><progress value='" + percent + "'></progress></a>";
}
`;
  const tileOther = `export function tile(title: string, used: number, limit: number, href: string): string {
  const percent = progress(used, limit);
  void fetch("https://metrics.example/usage", { method: "POST", body: JSON.stringify({ title, percent }) });
  return formatCount(limit, href);
}
`;
  const panel = (shared: boolean): string => `${openFeature}import { tile } from "./tile.js";

export async function usagePanel(counts: { domains: number; folders: number; tags: number }): Promise<string[]> {
  const tiles: string[] = [];
${shared ? `  tiles.push(tile("Custom Domains", counts.domains, 50, "/settings/domains"));\n` : ""}  if (await client.getBooleanValue("link-folders", false)) {
    tiles.push(tile("Folders", counts.folders, 20, "/settings/library/folders"));
  }
${shared ? `  tiles.push(tile("Tags", counts.tags, 25, "/settings/library/tags"));\n` : ""}  return tiles;
}
`;
  const steps = (shared: boolean, after: string): FileChanges[] => [
    { "src/format.ts": formatting, "src/tile.ts": `import { formatCount, progress } from "./format.js";\n\n${tileBefore}`, "src/index.ts": panel(shared) },
    { "src/tile.ts": `import { formatCount, progress } from "./format.js";\n\n${after}` },
  ];

  it("does not report shared code put behind a wrapper (documenso's prisma client, re-exported with read replicas)", async () => {
    const url = `export function databaseUrl(): string {
  const host = process.env.DATABASE_HOST ?? "localhost";
  const port = Number(process.env.DATABASE_PORT ?? "5432");
  const name = process.env.DATABASE_NAME ?? "app";
  const user = encodeURIComponent(process.env.DATABASE_USER ?? "postgres");
  const password = encodeURIComponent(process.env.DATABASE_PASSWORD ?? "");
  const ssl = process.env.DATABASE_SSL === "true" ? "?sslmode=require" : "";
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  return "postgres://" + user + ":" + password + "@" + host + ":" + String(port) + "/" + name + ssl;
}
`;
    const remember = `export function remember<T>(name: string, make: () => T): T {\n  const store = globalThis as unknown as Record<string, T | undefined>;\n  return (store[name] ??= make());\n}\n`;
    const client = `import { Client } from "pg";\nimport { remember } from "./remember.js";\nimport { databaseUrl } from "./url.js";\n\n`;
    const limits = `${openFeature}import { db } from "./db.js";

export async function remaining(org: string): Promise<number> {
  if (await client.getBooleanValue("unlimited-documents", false)) return Infinity;
  const used = await db.query("select count(*) from documents where org = $1", [org]);
  return Math.max(0, 10 - Number(used.rows[0]?.count ?? 0));
}
`;
    const { findings, events } = await diffAndHistory([
      {
        "deadflag.config.json": JSON.stringify({ entry: ["src/limits.ts", "src/users.ts"] }),
        "src/url.ts": url,
        "src/remember.ts": remember,
        "src/db.ts": `${client}export const db = remember("db", () => new Client(databaseUrl()));\n`,
        "src/users.ts": `import { db } from "./db.js";\n\nexport async function users(): Promise<unknown[]> {\n  return (await db.query("select * from users")).rows;\n}\n`,
        "src/limits.ts": limits,
      },
      {
        "src/db.ts": `${client}const db = remember("db", () => new Client(databaseUrl()));

export const dbWithReplicas = remember("db-replicas", () => {
  if (!process.env.REPLICA_URLS) return db;
  return Object.assign(db, { replicas: process.env.REPLICA_URLS.split(",") });
});

export { dbWithReplicas as db };
`,
      },
    ]);
    expect(summary(findings)).toEqual([]);
    expect(events).toEqual([]);
  });

  it("does not report a shared helper restyled for every caller", async () => {
    const { findings, events } = await diffAndHistory(steps(true, tileRestyled));
    expect(summary(findings)).toEqual([]);
    expect(events).toEqual([]);
  });

  it("reports the same restyle when only the flag's branch runs the helper", async () => {
    const { findings, events } = await diffAndHistory(steps(false, tileRestyled));
    expect(summary(findings)).toEqual(["repurposed error src/index.ts:7 content"]);
    expect(findings[0]?.data).toMatchObject({ rewritten: "tile (src/tile.ts)" });
    expectSameStory(findings[0], events[0]);
  });

  it("reports a shared helper that became other code", async () => {
    const { findings, events } = await diffAndHistory(steps(true, tileOther));
    expect(summary(findings)).toEqual(["repurposed error src/index.ts:8 content"]);
    expectSameStory(findings[0], events[0]);
  });
});
