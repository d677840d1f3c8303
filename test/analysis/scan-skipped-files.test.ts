// Files deadflag skips (over the size limit, not UTF-8, binary, unreadable) keep their effect local:
// a warning each, what a scan of their text finds them importing counts as used, and an unreadable
// file that entries reach makes findings uncertain (warn), never errors.
import { describe, expect, it } from "vitest";
import { openProject, scanProject } from "../../src/index.js";
import type { Finding, OpenedProject } from "../../src/index.js";
import { LinkedProject } from "../../src/graph/linked-project.js";
import { readSourcesSync } from "../../src/project/read-source-files.js";
import type { SkippedSource } from "../../src/project/read-source-files.js";
import type { EngineDiagnostic } from "../../src/index.js";
import { tempProject } from "../helpers/temp-dir.js";

const lines = (...text: string[]): string => `${text.join("\n")}\n`;
const packageJson = JSON.stringify({ name: "fixture", type: "module", main: "dist/index.js" });

function brief(finding: Finding): string {
  const uncertain = finding.data?.["confidence"] === "uncertain" ? " (uncertain)" : "";
  return `${finding.severity} ${finding.ruleId} ${finding.file}:${finding.line}${finding.symbol === undefined ? "" : ` ${finding.symbol}`}${uncertain}`;
}

/** Over 2 MiB of generated code that imports `./used.js` and `./other.js`. */
function bigModule(): string {
  const numbers = Array.from({ length: 420_000 }, (_, i) => i).join(",");
  return lines('import { used } from "./used.js";', 'export { other } from "./other.js";', "used();", `export const data = [${numbers}];`);
}

const used = lines("export function used(): void {}", "function privateDead(): void {}");

describe("scan: skipped files", () => {
  it("reads an oversized file's imports with a scan: what it imports is used, a warning says so, nothing is an error because of it", async () => {
    const root = tempProject({
      "package.json": packageJson,
      "src/index.ts": lines('import "./big.js";'),
      "src/big.ts": bigModule(),
      "src/used.ts": used,
      "src/other.ts": lines("export const other = 1;"),
      "src/lonely.ts": lines("export const lonely = 1;"),
    });
    const project = await openProject({ root, cache: false });
    expect(project.diagnostics).toEqual([
      { file: "src/big.ts", message: expect.stringMatching(/^skipped: \d+ bytes is over the 2097152-byte limit; what it imports counts as used$/) },
    ]);
    expect(project.skipped).toEqual([{ file: "src/big.ts", reason: "size", specifiers: ["./used.js", "./other.js"] }]);
    const { findings } = scanProject(project);
    // used.ts and other.ts are reached through big.ts; only what nothing can reach is reported.
    expect(findings.map(brief)).toEqual(["error no-unused-file src/lonely.ts:1", "error no-unreachable-code src/used.ts:2 privateDead"]);
  });

  it("scans a file that is not UTF-8 for its imports the same way", async () => {
    const text = Buffer.concat([Buffer.from('import { used } from "./used.js";\n// caf'), Buffer.from([0xe9]), Buffer.from("\nused();\n")]);
    const root = tempProject({ "package.json": packageJson, "src/index.ts": lines('import "./latin1.js";'), "src/latin1.ts": text, "src/used.ts": used });
    const project = await openProject({ root, cache: false });
    expect(project.diagnostics).toEqual([{ file: "src/latin1.ts", message: "skipped: not valid UTF-8 text; what it imports counts as used" }]);
    expect(scanProject(project).findings.map(brief)).toEqual(["error no-unreachable-code src/used.ts:2 privateDead"]);
  });

  it("warns about a binary file (an MPEG transport stream named .ts) and leaves every finding as it was", async () => {
    const root = tempProject({
      "package.json": packageJson,
      "src/index.ts": lines('import { used } from "./used.js";', "used();"),
      "src/used.ts": used,
      "src/video.ts": new Uint8Array([0x47, 0x40, 0x00, 0x10, 0x00]),
    });
    const project = await openProject({ root, cache: false });
    expect(project.diagnostics).toEqual([{ file: "src/video.ts", message: "skipped: binary file" }]);
    expect(scanProject(project).findings.map(brief)).toEqual(["error no-unreachable-code src/used.ts:2 privateDead"]);
  });

  it("records a file that cannot be read as unreadable, with a warning", async () => {
    const root = tempProject({ "src/a.ts": "export const a = 1;\n" });
    const diagnostics: EngineDiagnostic[] = [];
    const skipped: SkippedSource[] = [];
    const { sources } = readSourcesSync(root, ["src/a.ts", "src/gone.ts"], new Map(), diagnostics, skipped);
    expect(sources.map((s) => s.file)).toEqual(["src/a.ts"]);
    expect(skipped).toEqual([{ file: "src/gone.ts", reason: "unreadable" }]);
    expect(diagnostics).toEqual([{ file: "src/gone.ts", message: expect.stringMatching(/^skipped: ENOENT.*; findings it could affect are uncertain$/) }]);
  });

  /**
   * The state openProject leaves when a file exists but its read fails (EACCES; a test running as
   * root cannot revoke a read permission): the resolver knows the file, there are no facts for it.
   */
  async function withUnreadable(root: string, file: string): Promise<OpenedProject> {
    const project = await openProject({ root, cache: false });
    const facts = new Map(project.facts);
    facts.delete(file);
    return { ...project, facts, files: project.files.filter((f) => f !== file), linked: new LinkedProject(facts, project.linked.resolver), skipped: [{ file, reason: "unreadable" }] };
  }

  it("makes findings uncertain (warn) when an unreadable file that entries reach may import anything", async () => {
    const root = tempProject({
      "package.json": packageJson,
      "src/index.ts": lines('import "./locked.js";', 'import { used } from "./used.js";', "used();"),
      "src/locked.ts": lines('import { lonely } from "./lonely.js";', "lonely;"),
      "src/used.ts": used,
      "src/lonely.ts": lines("export const lonely = 1;"),
    });
    const { findings } = scanProject(await withUnreadable(root, "src/locked.ts"));
    expect(findings.map(brief)).toEqual(["warn no-unused-file src/lonely.ts:1 (uncertain)", "error no-unreachable-code src/used.ts:2 privateDead"]);
    expect(findings[0]?.data).toMatchObject({ uncertainBecause: "src/locked.ts could not be read, and what it imports is unknown" });
  });

  it("keeps findings certain when nothing reaches the unreadable file", async () => {
    const root = tempProject({
      "package.json": packageJson,
      "src/index.ts": lines('import { used } from "./used.js";', "used();"),
      "src/locked.ts": lines('import { lonely } from "./lonely.js";', "lonely;"),
      "src/used.ts": used,
      "src/lonely.ts": lines("export const lonely = 1;"),
    });
    const { findings } = scanProject(await withUnreadable(root, "src/locked.ts"));
    expect(findings.map(brief)).toEqual(["error no-unused-file src/lonely.ts:1", "error no-unreachable-code src/used.ts:2 privateDead"]);
  });
});
