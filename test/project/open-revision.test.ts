// Revisions are opened exactly like the working tree: a flag client imported through tsconfig
// `paths`, a tsconfig `include` with a directory wildcard, an `extends` chain, workspace packages,
// and a registry that a revision does not have yet.
import { describe, expect, it } from "vitest";
import { diffRevisions } from "../../src/history/diff-revisions.js";
import { flagHistory } from "../../src/history/flag-history.js";
import type { FileChanges } from "../helpers/git-repo.js";
import { createGitRepo } from "../helpers/git-repo.js";

const client = `import { OpenFeature } from "@openfeature/server-sdk";\nexport const client = OpenFeature.getClient();\n`;

/** A module that reads `smart-routing` through `importPath` and calls `callee` behind it. */
function router(importPath: string, callee: string): string {
  return `import { client } from "${importPath}";
import { legacyPath, otherPath } from "./paths";

export async function route(id: string): Promise<void> {
  if (await client.getBooleanValue("smart-routing", false)) {
    ${callee}(id);
  }
}

export function both(id: string): void {
  legacyPath(id);
  otherPath(id);
}
`;
}

const paths = `export function legacyPath(id: string): void {
  console.log("legacy", id, 1);
}

export function otherPath(id: string): void {
  fetch("https://other.example/" + id, { method: "POST" });
}
`;

async function diffOf(before: FileChanges, after: FileChanges): Promise<Awaited<ReturnType<typeof diffRevisions>>> {
  const repo = createGitRepo();
  const base = repo.commit("before", before);
  const head = repo.commit("after", after);
  return diffRevisions({ root: repo.root, base, head, cache: false });
}

function kinds(result: Awaited<ReturnType<typeof diffRevisions>>): string[] {
  return result.findings.map((f) => `${f.ruleId} ${f.flag} ${String(f.data?.["kind"])} ${f.file}:${f.line}`);
}

describe("diff opens revisions like the working tree", () => {
  it("follows a flag client imported through tsconfig paths (@lib/flags)", async () => {
    const tsconfig = JSON.stringify({ compilerOptions: { baseUrl: ".", paths: { "@lib/*": ["src/lib/*"] } } });
    const result = await diffOf(
      { "tsconfig.json": tsconfig, "src/lib/flags.ts": client, "src/paths.ts": paths, "src/index.ts": router("@lib/flags", "legacyPath") },
      { "src/index.ts": router("@lib/flags", "otherPath") },
    );
    expect(kinds(result)).toEqual(["no-flag-reuse smart-routing repurposed src/index.ts:5"]);
  });

  it("follows paths given in an extended tsconfig, relative to that tsconfig", async () => {
    const base = JSON.stringify({ compilerOptions: { baseUrl: ".", paths: { "@lib/*": ["src/lib/*"] } } });
    const result = await diffOf(
      {
        "tsconfig.json": JSON.stringify({ extends: "./config/tsconfig.base.json", include: ["src"] }),
        "config/tsconfig.base.json": base.replace('"."', '".."'),
        "src/lib/flags.ts": client,
        "src/paths.ts": paths,
        "src/index.ts": router("@lib/flags", "legacyPath"),
      },
      { "src/index.ts": router("@lib/flags", "otherPath") },
    );
    expect(kinds(result)).toEqual(["no-flag-reuse smart-routing repurposed src/index.ts:5"]);
  });

  it("selects the files of a tsconfig include with a directory wildcard (packages/*/src)", async () => {
    const result = await diffOf(
      {
        "tsconfig.json": JSON.stringify({ include: ["packages/*/src"] }),
        "packages/app/src/flags.ts": client,
        "packages/app/src/paths.ts": paths,
        "packages/app/src/index.ts": router("./flags", "legacyPath"),
      },
      { "packages/app/src/index.ts": router("./flags", "otherPath") },
    );
    expect(kinds(result)).toEqual(["no-flag-reuse smart-routing repurposed packages/app/src/index.ts:5"]);
  });

  it("skips a registry that the base revision does not have yet, instead of failing", async () => {
    const config = JSON.stringify({ flags: { registry: ["src/registry.ts#FLAGS"] } });
    const registry = `export const FLAGS = ["smart-routing"] as const;\n`;
    const result = await diffOf(
      { "src/lib/flags.ts": client, "src/paths.ts": paths, "src/index.ts": router("./lib/flags", "legacyPath") },
      { "deadflag.config.json": config, "src/registry.ts": registry, "src/index.ts": router("./lib/flags", "otherPath") },
    );
    expect(kinds(result)).toEqual(["no-flag-reuse smart-routing repurposed src/index.ts:5"]);
  });

  it("resolves a workspace package imported by name at both revisions", async () => {
    const manifest = (name: string, extra: object = {}): string => JSON.stringify({ name, ...extra });
    const result = await diffOf(
      {
        "package.json": JSON.stringify({ private: true, workspaces: ["packages/*"] }),
        "packages/flags/package.json": manifest("@acme/flags", { main: "./dist/index.js" }),
        "packages/flags/tsconfig.json": JSON.stringify({ compilerOptions: { outDir: "dist", rootDir: "src" } }),
        "packages/flags/src/index.ts": client,
        "packages/web/package.json": manifest("@acme/web", { main: "./src/index.ts" }),
        "packages/web/src/paths.ts": paths,
        "packages/web/src/index.ts": router("@acme/flags", "legacyPath"),
      },
      { "packages/web/src/index.ts": router("@acme/flags", "otherPath") },
    );
    expect(kinds(result)).toEqual(["no-flag-reuse smart-routing repurposed packages/web/src/index.ts:5"]);
  });
});

describe("history opens revisions like the working tree", () => {
  it("sees a read through tsconfig paths from its first commit, and no new flag when only the tsconfig changes", async () => {
    const repo = createGitRepo();
    const tsconfig = (target: string): string => JSON.stringify({ compilerOptions: { baseUrl: ".", paths: { "@lib/*": [target] } } });
    repo.commit("add routing", {
      "tsconfig.json": tsconfig("src/lib/*"),
      "src/lib/flags.ts": client,
      "src/paths.ts": paths,
      "src/index.ts": router("@lib/flags", "legacyPath"),
    });
    repo.commit("reformat tsconfig", { "tsconfig.json": tsconfig("./src/lib/*") });
    const result = await flagHistory({ root: repo.root, cache: false });
    const events = result.flags.flatMap((f) => f.events.map((e) => `${f.key} ${e.kind}`));
    expect(events).toEqual(["smart-routing introduced"]);
  });
});
