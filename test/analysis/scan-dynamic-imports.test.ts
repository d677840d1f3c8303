// Dynamic `import()` that reads some exports (`const { a } = await import("./x")`, `.then(({ a }) =>
// …)`, `m.a` on the awaited module): only those exports are used, so a test that imports one
// helper does not make every export of the module "used by tests"; and `typeof X` in a type is a
// use of the value X (deleting X would break the build).
import { describe, expect, it } from "vitest";
import { openProject, scanProject } from "../../src/index.js";
import type { Finding } from "../../src/index.js";
import { tempProject } from "../helpers/temp-dir.js";

const lines = (...text: string[]): string => `${text.join("\n")}\n`;
const packageJson = JSON.stringify({ name: "fixture", type: "module", main: "dist/index.js" });

async function scan(files: Record<string, string>): Promise<Finding[]> {
  const root = tempProject({ "package.json": packageJson, ...files });
  return scanProject(await openProject({ root, cache: false })).findings;
}

function brief(finding: Finding): string {
  const testOnly = finding.data?.["testOnly"] === true ? " (test-only)" : "";
  return `${finding.ruleId} ${finding.file}:${finding.line}:${finding.column}${finding.symbol === undefined ? "" : ` ${finding.symbol}`}${testOnly}`;
}

const seed = lines(
  "export function resetDb(): void {}",
  "export function seedUser(): string {",
  "  return 'u';",
  "}",
  "export function seedOrg(): string {",
  "  return 'o';",
  "}",
);

describe("scan: dynamic imports that read some exports", () => {
  it("in an e2e test: only what the test destructures is used by tests, the rest is never used", async () => {
    const findings = await scan({
      "src/index.ts": lines('import { resetDb } from "./seed.js";', "resetDb();"),
      "src/seed.ts": seed,
      "e2e/signup.spec.ts": lines(
        'import { test } from "@playwright/test";',
        'test("signs up", async () => {',
        '  const { seedUser } = await import("../src/seed.js");',
        "  seedUser();",
        "});",
      ),
    });
    expect(findings.map(brief)).toEqual([
      "no-unreachable-code src/seed.ts:2:17 seedUser (test-only)",
      "no-unreachable-code src/seed.ts:5:17 seedOrg",
    ]);
    expect(findings[1]).toMatchObject({ severity: "error", message: "function seedOrg is never used: no entry reaches it" });
  });

  it("follows every shape that names what it reads, and keeps the whole module when the value is passed on", async () => {
    const findings = await scan({
      "src/index.ts": lines(
        "export async function main(): Promise<void> {",
        '  const { a } = await import("./m.js");',
        '  (await import("./m.js")).b();',
        '  void import("./m.js").then(({ c }) => c());',
        '  void import("./m.js").then((m) => m.d());',
        '  const m = await import("./m.js");',
        "  a();",
        "  m.e();",
        '  console.log(await import("./whole.js"));',
        "}",
      ),
      "src/m.ts": lines(
        "export function a(): void {}",
        "export function b(): void {}",
        "export function c(): void {}",
        "export function d(): void {}",
        "export function e(): void {}",
        "export function f(): void {}",
      ),
      "src/whole.ts": lines("export function g(): void {}", "export function h(): void {}"),
    });
    expect(findings.map(brief)).toEqual(["no-unreachable-code src/m.ts:6:17 f"]);
  });

  it("loads the module for what it destructures: its top-level code runs", async () => {
    const findings = await scan({
      "src/index.ts": lines("export async function main(): Promise<void> {", '  const { a } = await import("./m.js");', "  a();", "}"),
      "src/m.ts": lines("export function a(): void {}", "register();", "function register(): void {}", "function unused(): void {}"),
    });
    expect(findings.map(brief)).toEqual(["no-unreachable-code src/m.ts:4:10 unused"]);
  });

  it("follows require inside code the same way: const { a } = require() and require().b", async () => {
    const findings = await scan({
      "package.json": JSON.stringify({ name: "cjs", main: "src/index.js" }),
      "src/index.js": lines("function main() {", '  const { a } = require("./m");', '  return a() + require("./m").b();', "}", "module.exports = { main };"),
      "src/m.js": lines("exports.a = () => 1;", "exports.b = () => 2;", "exports.c = () => 3;"),
    });
    expect(findings.map(brief)).toEqual(["no-unreachable-code src/m.js:3:9 exports.c"]);
  });

  it("cuts a lazy import inside a dead flag branch: what it destructures is behind the flag", async () => {
    const root = tempProject({
      "package.json": packageJson,
      "deadflag.config.json": JSON.stringify({ flags: { states: { "new-panel": "off" } } }),
      "src/index.ts": lines(
        'import { OpenFeature } from "@openfeature/server-sdk";',
        "const client = OpenFeature.getClient();",
        "export async function render(): Promise<string> {",
        '  if (await client.getBooleanValue("new-panel", false)) {',
        '    const { NewPanel } = await import("./panels.js");',
        "    return NewPanel();",
        "  }",
        '  const { OldPanel } = await import("./panels.js");',
        "  return OldPanel();",
        "}",
      ),
      "src/panels.ts": lines("export function NewPanel(): string {", "  return 'new';", "}", "export function OldPanel(): string {", "  return 'old';", "}"),
    });
    const findings = scanProject(await openProject({ root, cache: false })).findings.filter((f) => f.ruleId === "no-unreachable-code");
    expect(findings.map(brief)).toEqual(["no-unreachable-code src/panels.ts:1:17 NewPanel"]);
    expect(findings[0]).toMatchObject({ flag: "new-panel", data: { behindFlag: { flag: "new-panel", state: "off", file: "src/index.ts", line: 4 } } });
  });
});

describe("scan: typeof in a type is a use of the value", () => {
  it("keeps a value a live type alias reads with typeof, and one a live signature reads; reports one only a dead type reads", async () => {
    const findings = await scan({
      "src/index.ts": lines(
        'import type { Config } from "./config.js";',
        'import * as limits from "./limits.js";',
        "export function port(c: Config, max: typeof limits.max): number {",
        "  return Math.min(c.port, max);",
        "}",
      ),
      "src/config.ts": lines(
        "const defaults = { port: 8080 };",
        "export type Config = typeof defaults;",
        "const legacyDefaults = { port: 80 };",
        "export type LegacyConfig = typeof legacyDefaults;",
      ),
      "src/limits.ts": lines("export const max = 65535;", "export const min = 1;"),
    });
    expect(findings.map(brief)).toEqual([
      "no-unreachable-code src/config.ts:3:7 legacyDefaults",
      "no-unused-export src/config.ts:4:1 LegacyConfig",
      "no-unreachable-code src/limits.ts:2:14 min",
    ]);
    // Deleting legacyDefaults alone would break LegacyConfig: it goes with the type.
    expect(findings[0]).toMatchObject({
      message: "variable legacyDefaults is unreachable: only unreachable code uses it (LegacyConfig)",
      data: { root: false, usedBy: ["LegacyConfig"] },
    });
  });
});
