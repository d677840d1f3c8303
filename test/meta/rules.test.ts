// Keeps the rule registry, the config's rule ids and the pages under docs/rules/ in step: every rule
// has metadata under its own id, a typescript-eslint style description, and a page its docs URL
// points at, whose heading, summary and metadata table say what the registry says.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ruleIds } from "../../src/config/config-schema.js";
import { ruleRegistry } from "../../src/findings/rule-registry.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const rulesDocsDirectory = path.join(repoRoot, "docs", "rules");

/** The repository-relative path a docs URL points at (`…/blob/main/docs/rules/x.md` → `docs/rules/x.md`). */
function docsPathOf(docsUrl: string): string | undefined {
  return /(docs\/rules\/[^/]+\.md)$/.exec(docsUrl)?.[1];
}

/** The text of a rule's page. */
function readRulePage(id: string): string {
  return readFileSync(path.join(rulesDocsDirectory, `${id}.md`), "utf8");
}

/** Lines outside fenced code blocks, so that a `#` comment in an example is never taken for a heading. */
function proseLines(markdown: string): string[] {
  let fenced = false;
  return markdown.split("\n").filter((line) => {
    if (line.startsWith("```")) {
      fenced = !fenced;
      return false;
    }
    return !fenced;
  });
}

/** The second cell of the table row whose first cell is `label`, e.g. `| Default severity | \`error\` |`. */
function metadataCell(markdown: string, label: string): string | undefined {
  const row = proseLines(markdown).find((line) => line.startsWith(`| ${label} |`));
  return row?.split("|")[2]?.trim();
}

describe.each(ruleIds)("rule %s", (id) => {
  const meta = ruleRegistry[id];

  it("has registry metadata under its own id", () => {
    expect(meta.id).toBe(id);
  });

  it("has a description that starts with Disallow, Require or Enforce and has no trailing period", () => {
    expect(meta.description).toMatch(/^(Disallow|Require|Enforce) \S/);
    expect(meta.description).not.toMatch(/\.\s*$/);
  });

  it("has a docs URL ending in docs/rules/<id>.md, and that file exists", () => {
    expect(meta.docsUrl.endsWith(`docs/rules/${id}.md`)).toBe(true);
    const docsPath = docsPathOf(meta.docsUrl);
    expect(docsPath).toBe(`docs/rules/${id}.md`);
    expect(existsSync(path.join(repoRoot, docsPath ?? ""))).toBe(true);
  });

  it("has a page whose first heading names the rule and whose summary is the registry's description", () => {
    const lines = proseLines(readRulePage(id));
    const heading = lines.find((line) => /^#{1,6}\s/.test(line));
    expect(heading).toBe(`# ${id}`);
    const summary = lines.find((line) => line.startsWith("> "));
    expect(summary).toBe(`> ${meta.description}`);
  });

  it("has a page whose metadata table matches the registry's severity, recommended and fixable", () => {
    const page = readRulePage(id);
    expect(metadataCell(page, "Default severity")).toMatch(new RegExp(`^\`${meta.defaultSeverity}\``));
    expect(metadataCell(page, "Recommended")?.split(/\s/)[0]).toBe(meta.recommended ? "yes" : "no");
    expect(metadataCell(page, "Fixable")?.split(/\s/)[0]).toBe(meta.fixable ? "yes" : "no");
  });
});

describe("the rule set", () => {
  it("has registry metadata for exactly the config's rule ids", () => {
    expect(Object.keys(ruleRegistry).sort()).toEqual([...ruleIds].sort());
  });

  it("has no page under docs/rules/ without a rule", () => {
    const known = new Set<string>(ruleIds);
    const pages = readdirSync(rulesDocsDirectory).filter((name) => name.endsWith(".md"));
    const orphans = pages.filter((name) => !known.has(name.slice(0, -".md".length)));
    expect(orphans).toEqual([]);
    expect(pages).toHaveLength(ruleIds.length);
  });
});
