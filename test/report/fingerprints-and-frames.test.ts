// SARIF fingerprints that survive unrelated edits, and the code frames of the text report.
import { describe, expect, it } from "vitest";
import type { Finding } from "../../src/findings/finding.js";
import { findingFingerprints } from "../../src/report/finding-fingerprint.js";
import formatFindingsText from "../../src/report/findings-text.js";
import { contextFor } from "./findings-fixtures.js";

const source = ["import { a } from './a';", "", "export function legacy(): void {", "  a();", "}", ""].join("\n");
const finding: Finding = {
  ruleId: "no-unreachable-code",
  severity: "error",
  message: "function legacy is never used: no entry reaches it",
  file: "src/legacy.ts",
  line: 3,
  column: 17,
  endLine: 5,
  endColumn: 2,
  symbol: "legacy",
};

describe("partialFingerprints", () => {
  const fingerprint = (text: string, f: Finding): string | undefined => findingFingerprints([f], () => text)[0];

  it("stay the same when unrelated lines above move the finding, and when its line is re-indented", () => {
    const moved = `// a new header comment\n// and another\n${source.replace("export function legacy", "   export   function legacy")}`;
    expect(fingerprint(moved, { ...finding, line: 5, endLine: 7 })).toBe(fingerprint(source, finding));
  });

  it("change with the rule, the symbol, the file or the text of the finding's line", () => {
    const base = fingerprint(source, finding);
    expect(fingerprint(source, { ...finding, ruleId: "no-unused-export" })).not.toBe(base);
    expect(fingerprint(source, { ...finding, symbol: "other" })).not.toBe(base);
    expect(fingerprint(source, { ...finding, file: "src/other.ts" })).not.toBe(base);
    expect(fingerprint(source.replace("legacy()", "legacy(x: number)"), finding)).not.toBe(base);
  });

  it("number findings that are alike in everything, in order", () => {
    const [first, second] = findingFingerprints([finding, { ...finding, line: 3 }], () => source);
    expect(first?.endsWith(":1")).toBe(true);
    expect(second).toBe(`${first?.slice(0, -2)}:2`);
  });
});

describe("code frames in the text report", () => {
  it("show the line before, the finding's line marked with >, and a caret under its column", () => {
    const out = formatFindingsText([finding], contextFor({ "src/legacy.ts": source }));
    expect(out.split("\n").slice(0, 5)).toEqual([
      "src/legacy.ts",
      "  3:17      error  function legacy is never used: no entry reaches it  no-unreachable-code",
      "    2 |",
      "  > 3 | export function legacy(): void {",
      "      |                 ^",
    ]);
  });

  it("underline a finding on one line from its column to its end column, tabs counted as two spaces", () => {
    const text = "\tif (flag) { run(); }\n";
    const f: Finding = { ...finding, line: 1, column: 6, endLine: 1, endColumn: 10, symbol: undefined, flag: "flag" };
    const out = formatFindingsText([f], contextFor({ "src/legacy.ts": text }));
    expect(out.split("\n").slice(2, 4)).toEqual(["  > 1 |   if (flag) { run(); }", "      |       ^^^^"]);
  });

  it("leave the frame out when the file cannot be read", () => {
    const out = formatFindingsText([finding], contextFor({}));
    expect(out.split("\n")[2]).toBe("");
  });
});
