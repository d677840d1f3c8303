// Keeps docs/json-output.md in step with the JSON reporters: its examples must have exactly the
// fields the reporters print for examples/knight-capital, every such field must be named in its
// tables, and the ordering it promises must hold. JSON elsewhere in the docs must parse, config
// examples must validate, and finding examples on a rule's page must belong to that rule.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config/parse-config.js";
import { ruleIds } from "../../src/config/config-schema.js";
import { indexFlags, openProject, scanProject } from "../../src/index.js";
import formatFindingsJson from "../../src/report/findings-json.js";
import formatFlagsJson from "../../src/report/flags-json.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const docsDirectory = path.join(repoRoot, "docs");
const jsonOutputDoc = readFileSync(path.join(docsDirectory, "json-output.md"), "utf8");

/** Fields whose siblings a docs table names together: `references[].line`, `column`, `endLine`, `endColumn`. */
const rangeFields = new Set(["line", "column", "endLine", "endColumn"]);

interface JsonBlock {
  /** The name of a `<!-- example: name -->` marker right above the block, if any. */
  example: string | undefined;
  text: string;
}

/** Every ```json fenced block of a markdown text. */
function jsonBlocks(markdown: string): JsonBlock[] {
  const blocks: JsonBlock[] = [];
  for (const match of markdown.matchAll(/(?:<!-- example: ([\w-]+) -->\n)?```json\n([\s\S]*?)\n```/g)) {
    blocks.push({ example: match[1], text: match[2] ?? "" });
  }
  return blocks;
}

/** The parsed example block named `name` in docs/json-output.md. */
function exampleOf(name: string): unknown {
  const blocks = jsonBlocks(jsonOutputDoc).filter((block) => block.example === name);
  expect(blocks, `one <!-- example: ${name} --> block`).toHaveLength(1);
  return JSON.parse(blocks[0]?.text ?? "");
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Every field path of a JSON value, jq-like: `flags[].references[].guards[].on.line`. An array of
 * primitives ends its path in `[]` (`flags[].sdks[]`); an empty array is a path of its own.
 */
function fieldPaths(value: unknown, prefix = "", into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    if (value.length === 0) into.add(prefix);
    for (const item of value) fieldPaths(item, `${prefix}[]`, into);
  } else if (isRecord(value)) {
    for (const [key, inner] of Object.entries(value)) fieldPaths(inner, prefix === "" ? key : `${prefix}.${key}`, into);
  } else {
    into.add(prefix);
  }
  return into;
}

/** Every `code span` of a markdown text. */
function codeSpans(markdown: string): Set<string> {
  return new Set([...markdown.matchAll(/`([^`\n]+)`/g)].map((match) => match[1] ?? ""));
}

/**
 * Whether the docs name a field path: the path itself (without a trailing `[]`); a finding's data
 * field as `data.<field>`; a range field through its parent (`guards[].on`) or its `line` sibling.
 */
function isDocumented(fieldPath: string, documented: ReadonlySet<string>): boolean {
  const bare = fieldPath.replace(/\[\]$/, "");
  if (documented.has(bare)) return true;
  if (bare.startsWith("findings[].data.") && documented.has(bare.slice("findings[].".length))) return true;
  const dot = bare.lastIndexOf(".");
  if (dot > 0 && rangeFields.has(bare.slice(dot + 1))) {
    const parent = bare.slice(0, dot);
    return documented.has(parent) || documented.has(`${parent}.line`);
  }
  return false;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The string `field` of a JSON object; fails the test when it is missing or not a string. */
function stringField(item: unknown, field: string): string {
  const value = isRecord(item) ? item[field] : undefined;
  expect(typeof value, `${field} of ${JSON.stringify(item)}`).toBe("string");
  return typeof value === "string" ? value : "";
}

/** The number `field` of a JSON object; fails the test when it is missing or not a number. */
function numberField(item: unknown, field: string): number {
  const value = isRecord(item) ? item[field] : undefined;
  expect(typeof value, `${field} of ${JSON.stringify(item)}`).toBe("number");
  return typeof value === "number" ? value : Number.NaN;
}

function arrayAt(value: unknown, field: string): unknown[] {
  const inner = isRecord(value) ? value[field] : undefined;
  expect(Array.isArray(inner), `${field} is an array`).toBe(true);
  return Array.isArray(inner) ? inner : [];
}

describe("docs/json-output.md", () => {
  let realFlags: unknown;
  let realFindings: unknown;

  beforeAll(async () => {
    const project = await openProject({ root: path.join(repoRoot, "examples", "knight-capital"), cache: false });
    realFlags = JSON.parse(formatFlagsJson(indexFlags(project)));
    realFindings = JSON.parse(formatFindingsJson(scanProject(project).findings));
  });

  it("has JSON blocks that all parse", () => {
    const blocks = jsonBlocks(jsonOutputDoc);
    expect(blocks.length).toBeGreaterThanOrEqual(2);
    for (const block of blocks) expect(() => JSON.parse(block.text), block.text.slice(0, 80)).not.toThrow();
  });

  it.each([
    ["flags", () => realFlags],
    ["findings", () => realFindings],
  ])("has a %s example with exactly the fields the reporter prints for examples/knight-capital", (name, real) => {
    const example = exampleOf(name);
    expect(example).toMatchObject({ version: 1 });
    expect(real()).toMatchObject({ version: 1 });
    expect([...fieldPaths(example)].sort()).toEqual([...fieldPaths(real())].sort());
  });

  it.each([
    ["flags", () => realFlags],
    ["findings", () => realFindings],
  ])("names in its tables every field of the %s document", (_name, real) => {
    const documented = codeSpans(jsonOutputDoc);
    const missing = [...fieldPaths(real())].filter((fieldPath) => !isDocumented(fieldPath, documented));
    expect(missing).toEqual([]);
  });

  it("keeps the findings order it promises: file, line, column, rule, message", () => {
    const findings = arrayAt(realFindings, "findings");
    expect(findings.length).toBeGreaterThan(1);
    const keys = findings.map((finding) => ({
      file: stringField(finding, "file"),
      line: numberField(finding, "line"),
      column: numberField(finding, "column"),
      ruleId: stringField(finding, "ruleId"),
      message: stringField(finding, "message"),
    }));
    const sorted = [...keys].sort(
      (a, b) =>
        compareText(a.file, b.file) ||
        a.line - b.line ||
        a.column - b.column ||
        compareText(a.ruleId, b.ruleId) ||
        compareText(a.message, b.message),
    );
    expect(keys).toEqual(sorted);
  });

  it("keeps the flags order it promises: flags by key, references by file, line, column", () => {
    const flags = arrayAt(realFlags, "flags");
    const flagKeys = flags.map((flag) => stringField(flag, "key"));
    expect(flagKeys).toEqual([...flagKeys].sort(compareText));
    for (const flag of flags) {
      const positions = arrayAt(flag, "references").map((reference) => ({
        file: stringField(reference, "file"),
        line: numberField(reference, "line"),
        column: numberField(reference, "column"),
      }));
      const sorted = [...positions].sort((a, b) => compareText(a.file, b.file) || a.line - b.line || a.column - b.column);
      expect(positions).toEqual(sorted);
    }
  });

  it("uses only known rule ids in its findings example", () => {
    const known = new Set<string>(ruleIds);
    for (const finding of arrayAt(exampleOf("findings"), "findings")) {
      const ruleId = stringField(finding, "ruleId");
      expect(known.has(ruleId), ruleId).toBe(true);
    }
  });
});

describe("JSON in the other docs", () => {
  const findingFields = new Set(["ruleId", "severity", "message", "file", "line", "column", "endLine", "endColumn", "flag", "symbol", "data"]);

  it("validates every config example of docs/configuration.md", () => {
    const markdown = readFileSync(path.join(docsDirectory, "configuration.md"), "utf8");
    const blocks = jsonBlocks(markdown);
    expect(blocks.length).toBeGreaterThan(0);
    for (const block of blocks) expect(() => parseConfig(JSON.parse(block.text)), block.text.slice(0, 80)).not.toThrow();
  });

  it.each(ruleIds)("has only valid findings of rule %s on its page", (id) => {
    const markdown = readFileSync(path.join(docsDirectory, "rules", `${id}.md`), "utf8");
    for (const block of jsonBlocks(markdown)) {
      const value: unknown = JSON.parse(block.text);
      if (!isRecord(value) || !("ruleId" in value)) continue;
      expect(value["ruleId"]).toBe(id);
      expect(Object.keys(value).filter((key) => !findingFields.has(key))).toEqual([]);
      expect(["error", "warn"]).toContain(value["severity"]);
    }
  });

  it("has JSON blocks that parse in every page", () => {
    const pages = [
      ...readdirSync(docsDirectory).filter((name) => name.endsWith(".md")),
      ...readdirSync(path.join(docsDirectory, "rules")).map((name) => path.join("rules", name)),
    ];
    for (const page of pages) {
      for (const block of jsonBlocks(readFileSync(path.join(docsDirectory, page), "utf8"))) {
        expect(() => JSON.parse(block.text), `${page}: ${block.text.slice(0, 60)}`).not.toThrow();
      }
    }
  });
});
