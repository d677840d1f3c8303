// Findings for the reporter tests: none, a few with non-ASCII paths and messages full of characters
// each format must escape, and ten thousand.
import type { Finding } from "../../src/findings/finding.js";
import type { FindingsReportContext } from "../../src/report/findings-report-context.js";

/** Findings whose paths and messages need escaping in every format. */
export const awkwardFindings: Finding[] = [
  {
    ruleId: "no-unreachable-code",
    severity: "error",
    message: 'function größe is unreachable: «only» <b>dead</b> code & 100% "quoted", commas, colons: uses it\nsecond line',
    file: "src/ünïcødé/файл.ts",
    line: 2,
    column: 17,
    endLine: 4,
    endColumn: 2,
    symbol: "größe",
    data: { kind: "function", lines: 3, root: true },
  },
  {
    ruleId: "no-dead-flag-branch",
    severity: "warn",
    message: "the flag-on side of this if never runs: flag 新しい-checkout 🚀 is off | pipes | and `ticks` and \u0001 control",
    file: "src/with space/a,b:c%.tsx",
    line: 1,
    column: 5,
    endLine: 1,
    endColumn: 12,
    flag: "新しい-checkout",
  },
];

/** The sources of `awkwardFindings`' files. */
export const awkwardSources: Record<string, string> = {
  "src/ünïcødé/файл.ts": "// Größe\nexport function größe(): number {\n  return 1;\n}\n",
  "src/with space/a,b:c%.tsx": "if (flag) { run(); }\n",
};

/** `count` findings over `count / 10` files, alternating errors and warnings. */
export function manyFindings(count: number): Finding[] {
  const findings: Finding[] = [];
  for (let i = 0; i < count; i++) {
    const file = `src/módulo-${String(Math.floor(i / 10)).padStart(4, "0")}.ts`;
    findings.push({
      ruleId: i % 3 === 0 ? "no-unused-export" : "no-unreachable-code",
      severity: i % 2 === 0 ? "error" : "warn",
      message: `function f${i} is never used: no entry reaches it`,
      file,
      line: (i % 10) + 1,
      column: 1,
      endLine: (i % 10) + 2,
      endColumn: 2,
      symbol: `f${i}`,
    });
  }
  return findings;
}

/** A report context over in-memory sources. */
export function contextFor(sources: Record<string, string>, overrides: Partial<FindingsReportContext> = {}): FindingsReportContext {
  return {
    color: false,
    command: "scan",
    filesAnalysed: Object.keys(sources).length,
    durationMs: 1234,
    sortBySize: false,
    readSource: (file) => sources[file],
    pathPrefix: "",
    suppressed: 0,
    outsideChanges: 0,
    ...overrides,
  };
}
