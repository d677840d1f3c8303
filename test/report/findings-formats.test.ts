// Every findings format on 0 findings, on findings with non-ASCII paths and messages that need
// escaping, and on 10,000 findings: the output is valid for its consumers (SARIF against the
// official 2.1.0 schema, XML that parses, workflow commands that decode back to the message, a
// markdown table that keeps its columns, JSON by the contract).
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import type { Finding } from "../../src/findings/finding.js";
import { ruleRegistry } from "../../src/findings/rule-registry.js";
import { findingsFormatNames, loadFindingsFormatter } from "../../src/report/findings-formats.js";
import { awkwardFindings, awkwardSources, contextFor, manyFindings } from "./findings-fixtures.js";

const schemaPath = path.join(path.dirname(fileURLToPath(import.meta.url)), "schemas", "sarif-schema-2.1.0.json");
// Both packages are CommonJS: under NodeNext their default import is `module.exports`, the class is its `default`.
const ajv = new Ajv.default({ allErrors: true, strict: false });
addFormats.default(ajv);
const validateSarif = ajv.compile(JSON.parse(readFileSync(schemaPath, "utf8")));

const many = manyFindings(10_000);
const manySources = Object.fromEntries([...new Set(many.map((f) => f.file))].map((file) => [file, Array.from({ length: 12 }, (_, i) => `export function f${i}() {}`).join("\n")]));

const cases: Array<[string, Finding[], Record<string, string>]> = [
  ["no findings", [], {}],
  ["non-ASCII paths and messages", awkwardFindings, awkwardSources],
  ["10,000 findings", many, manySources],
];

/** Decodes a workflow command's escaped data or property. */
function unescapeCommand(text: string): string {
  return text.replace(/%3A/g, ":").replace(/%2C/g, ",").replace(/%0D/g, "\r").replace(/%0A/g, "\n").replace(/%25/g, "%");
}

describe.each(cases)("every format on %s", (_name, findings, sources) => {
  const context = contextFor(sources);

  it("json: the versioned findings document, every finding in it", async () => {
    const out = (await loadFindingsFormatter("json"))(findings, context);
    expect(JSON.parse(out)).toEqual({ version: 1, findings });
  });

  it("sarif: valid against the SARIF 2.1.0 schema, one result per finding with its rule and region", async () => {
    const out = (await loadFindingsFormatter("sarif"))(findings, context);
    const log = JSON.parse(out);
    const valid = validateSarif(log);
    expect(validateSarif.errors ?? [], JSON.stringify(validateSarif.errors?.slice(0, 3))).toEqual([]);
    expect(valid).toBe(true);
    const run = log.runs[0];
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(Object.keys(ruleRegistry));
    expect(run.results).toHaveLength(findings.length);
    for (const [index, result] of run.results.slice(0, 50).entries()) {
      const f = findings[index] as Finding;
      expect(run.tool.driver.rules[result.ruleIndex].id).toBe(f.ruleId);
      expect(result.level).toBe(f.severity === "error" ? "error" : "warning");
      expect(result.message.text).toBe(f.message);
      expect(decodeURIComponent(result.locations[0].physicalLocation.artifactLocation.uri)).toBe(f.file);
      expect(result.locations[0].physicalLocation.region).toMatchObject({ startLine: f.line, startColumn: f.column });
    }
    const fingerprints = run.results.map((r: { partialFingerprints: Record<string, string> }) => r.partialFingerprints["deadflagFinding/v1"]);
    expect(new Set(fingerprints).size).toBe(findings.length);
  });

  it("github: at most 10 annotations per level, each decoding back to the file, position and message", async () => {
    const out = (await loadFindingsFormatter("github"))(findings, context);
    const lines = out.trimEnd().split("\n");
    const annotations = lines.filter((line) => line.startsWith("::"));
    const errors = findings.filter((f) => f.severity === "error");
    const warnings = findings.filter((f) => f.severity === "warn");
    expect(annotations.filter((l) => l.startsWith("::error ")).length).toBe(Math.min(10, errors.length));
    expect(annotations.filter((l) => l.startsWith("::warning ")).length).toBe(Math.min(10, warnings.length));
    const shown = [...errors.slice(0, 10), ...warnings.slice(0, 10)];
    for (const line of annotations) {
      const match = /^::(error|warning) ([^:]*)::(.*)$/.exec(line);
      expect(match, line).not.toBeNull();
      const properties = Object.fromEntries((match?.[2] ?? "").split(",").map((p) => [p.slice(0, p.indexOf("=")), unescapeCommand(p.slice(p.indexOf("=") + 1))]));
      const f = shown.find((s) => s.file === properties["file"] && String(s.line) === properties["line"]);
      expect(f, line).toBeDefined();
      expect(properties["col"]).toBe(String(f?.column));
      expect(unescapeCommand(match?.[3] ?? "")).toBe(f?.message);
    }
    expect(lines.at(-1)).toMatch(/^deadflag scan: /);
  });

  it("junit: well-formed XML with one failing test case per finding (one passing case when clean)", async () => {
    const out = (await loadFindingsFormatter("junit"))(findings, context);
    expect(XMLValidator.validate(out)).toBe(true);
    expect(out).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    const doc = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === "testsuite" || name === "testcase" }).parse(out);
    const suites: Array<{ testcase: Array<{ failure?: { "@_message": string } }> }> = doc.testsuites.testsuite;
    const cases = suites.flatMap((s) => s.testcase);
    if (findings.length === 0) {
      expect(cases).toHaveLength(1);
      expect(cases[0]?.failure).toBeUndefined();
    } else {
      expect(cases).toHaveLength(findings.length);
      expect(cases.every((c) => c.failure !== undefined)).toBe(true);
      expect(doc.testsuites["@_failures"]).toBe(String(findings.length));
    }
  });

  it("markdown: fits a pull-request comment, and every table row keeps its four columns", async () => {
    const out = (await loadFindingsFormatter("markdown"))(findings, context);
    expect(out.length).toBeLessThanOrEqual(60_000);
    const rows = out.split("\n").filter((line) => line.startsWith("| ❌") || line.startsWith("| ⚠️"));
    for (const row of rows) expect(row.replace(/\\\|/g, "").split("|").length - 2).toBe(4);
    if (findings.length === 0) expect(out).toMatch(/^### ✅ deadflag scan: no problems\n/);
    else expect(rows.length).toBeGreaterThan(0);
    if (rows.length < findings.length) expect(out).toContain(`… and ${findings.length - rows.length} more`);
  });

  it("text: a row per finding and the summary line", async () => {
    const out = (await loadFindingsFormatter("text"))(findings, context);
    const rows = out.split("\n").filter((line) => /^ {2}\d+:\d+ +(error|warn)/.test(line));
    expect(rows).toHaveLength(findings.length);
    expect(out.trimEnd().split("\n").at(-1)).toMatch(findings.length === 0 ? /^✔ no problems/ : /^✖ \d+ problems? \(/);
  });
});

describe("every format name", () => {
  it.each(findingsFormatNames)("%s loads a formatter", async (name) => {
    expect(typeof (await loadFindingsFormatter(name))).toBe("function");
  });
});
