// Keeps the ESLint plugin, the rule registry, the rule pages and the README in step: every rule is
// exported under its id from a file of that name, its ESLint metadata is the registry's, the configs
// hold what the registry says, each page documents its message ids and options, and the README's
// rule table lists every rule as the registry describes it.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import plugin from "../../rules/index.js";
import { ruleIds } from "../../src/config/config-schema.js";
import { engineVersion } from "../../src/engine-version.js";
import { ruleRegistry } from "../../src/findings/rule-registry.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

function readRepoFile(file: string): string {
  return readFileSync(path.join(repoRoot, file), "utf8");
}

/** The `## In ESLint` section of a rule's page. */
function eslintSection(id: string): string {
  const page = readRepoFile(`docs/rules/${id}.md`);
  const start = page.indexOf("\n## In ESLint\n");
  expect(start, `docs/rules/${id}.md has an "## In ESLint" section`).toBeGreaterThan(0);
  const end = page.indexOf("\n## ", start + 1);
  return page.slice(start, end < 0 ? undefined : end);
}

function metadataCell(markdown: string, label: string): string | undefined {
  const row = markdown.split("\n").find((line) => line.startsWith(`| ${label} |`));
  return row?.split("|")[2]?.trim();
}

describe("the plugin object", () => {
  it("names itself deadflag, with the package's version and the deadflag namespace", () => {
    expect(plugin.meta).toEqual({ name: "deadflag", version: engineVersion, namespace: "deadflag" });
  });

  it("has one rule file per rule id under rules/, and exports exactly those rules", async () => {
    const files = readdirSync(path.join(repoRoot, "rules")).filter((name) => name !== "index.ts");
    expect(files.map((name) => name.replace(/\.ts$/, "")).sort()).toEqual([...ruleIds].sort());
    expect(Object.keys(plugin.rules).sort()).toEqual([...ruleIds].sort());
    for (const id of ruleIds) {
      const module = (await import(/* @vite-ignore */ path.join(repoRoot, "rules", `${id}.ts`))) as { default: unknown };
      expect(plugin.rules[id], id).toBe(module.default);
    }
  });

  it("enables the registry's recommended rules in recommended, and every rule in all, at their default severity", () => {
    const expected = (ids: readonly (typeof ruleIds)[number][]): Record<string, string> =>
      Object.fromEntries(ids.map((id) => [`deadflag/${id}`, ruleRegistry[id].defaultSeverity]));
    expect(plugin.configs.recommended.rules).toEqual(expected(ruleIds.filter((id) => ruleRegistry[id].recommended)));
    expect(plugin.configs.all.rules).toEqual(expected(ruleIds));
    for (const config of [plugin.configs.recommended, plugin.configs.all]) {
      expect(config.plugins?.["deadflag"]).toBe(plugin);
      expect(config.files).toEqual(["**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}"]);
    }
    // The cross-file rules are the point of the plugin: recommended must hold them.
    const crossFile = ["no-unreachable-code", "no-unused-export", "no-unused-file", "no-dead-flag-branch", "no-flag-reuse", "no-unknown-flag", "no-unused-flag"];
    expect(Object.keys(plugin.configs.recommended.rules ?? {})).toEqual(expect.arrayContaining(crossFile.map((id) => `deadflag/${id}`)));
  });

  it("is what package.json exports as deadflag/eslint-plugin", () => {
    const manifest = JSON.parse(readRepoFile("package.json")) as { exports: Record<string, { default: string }> };
    expect(manifest.exports["./eslint-plugin"]?.default).toBe("./dist/rules/index.js");
  });
});

describe.each(ruleIds)("rule %s in ESLint", (id) => {
  const meta = ruleRegistry[id];
  const rule = plugin.rules[id];

  it("has the registry's type, description, docs URL, messages, schema, fixable, suggestions and default options", () => {
    expect(rule.meta?.type).toBe(meta.type);
    expect(rule.meta?.docs).toEqual({ description: meta.description, recommended: meta.recommended, url: meta.docsUrl });
    expect(rule.meta?.messages).toEqual(meta.messages);
    expect(rule.meta?.schema).toEqual(meta.schema);
    expect(rule.meta?.fixable).toBe(meta.fixable ? "code" : undefined);
    expect(rule.meta?.hasSuggestions ?? false).toBe(meta.hasSuggestions);
    expect(rule.meta?.defaultOptions).toEqual(meta.schema.length > 0 ? [meta.defaultOptions] : undefined);
  });

  it("has camelCase message ids, and a page that documents each of them and each option", () => {
    const section = eslintSection(id);
    for (const messageId of Object.keys(meta.messages)) {
      expect(messageId).toMatch(/^[a-z][a-zA-Z]*$/);
      expect(section, `${id}: messageId ${messageId}`).toContain(`| \`${messageId}\` |`);
    }
    const options = meta.schema[0]?.["properties"];
    for (const option of Object.keys(typeof options === "object" && options !== null ? options : {})) {
      expect(section, `${id}: option ${option}`).toContain(`| \`${option}\` |`);
    }
  });

  it("has a page whose Suggestions cell matches hasSuggestions", () => {
    const cell = metadataCell(readRepoFile(`docs/rules/${id}.md`), "Suggestions");
    expect(cell?.split(/\s/)[0]).toBe(meta.hasSuggestions ? "yes" : "no");
  });
});

describe("the README's rule table", () => {
  it("lists every rule in registry order, with its page, description, and recommended, fixable and suggestion marks", () => {
    const readme = readRepoFile("README.md");
    const start = readme.indexOf("<!-- rule-table:");
    expect(start).toBeGreaterThan(0);
    const lines = readme.slice(start).split("\n").slice(3);
    const rows = lines.slice(0, lines.findIndex((line) => !line.startsWith("| ")));
    const mark = (on: boolean): string => (on ? " ✓ " : " ");
    const expected = ruleIds.map((id) => {
      const meta = ruleRegistry[id];
      return `| [\`${id}\`](docs/rules/${id}.md) | ${meta.description} |${mark(meta.recommended)}|${mark(meta.fixable)}|${mark(meta.hasSuggestions)}|`;
    });
    expect(rows).toEqual(expected);
  });
});
