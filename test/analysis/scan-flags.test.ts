// `deadflag scan` with flags: dead branches of fixed (`on`/`off`) and retired flags, the code only
// those branches reach (reported with the flag that keeps it dead), the Knight Capital example in
// both states, unknown and unused flags, and rule severities from the config.
import { cpSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openProject, scanProject } from "../../src/index.js";
import type { Finding } from "../../src/index.js";
import { tempProject } from "../helpers/temp-dir.js";

const knight = path.resolve("examples/knight-capital");
const packageJson = JSON.stringify({ name: "fixture", type: "module", main: "dist/index.js" });
const client = 'import { OpenFeature } from "@openfeature/server-sdk";\nexport const client = OpenFeature.getClient();\n';

async function scanRoot(root: string): Promise<Finding[]> {
  return scanProject(await openProject({ root, cache: false })).findings;
}

/** Scans `files` with `flags.states` (and any other config) in `deadflag.config.json`. */
async function scan(files: Record<string, string>, config: Record<string, unknown>): Promise<Finding[]> {
  const root = tempProject({
    "package.json": packageJson,
    "deadflag.config.json": JSON.stringify(config, null, 2),
    "src/client.ts": client,
    ...files,
  });
  return scanRoot(root);
}

function brief(finding: Finding): string {
  const symbol = finding.symbol ?? finding.flag;
  return `${finding.ruleId} ${finding.file}:${finding.line}:${finding.column}${symbol === undefined ? "" : ` ${symbol}`}`;
}

function briefs(findings: readonly Finding[]): string[] {
  return findings.map(brief);
}

function only(findings: readonly Finding[], ruleId: string): Finding[] {
  return findings.filter((f) => f.ruleId === ruleId);
}

const lines = (...text: string[]): string => `${text.join("\n")}\n`;

const impl = lines(
  "export function newUi(): number {",
  "  return 1;",
  "}",
  "export function oldUi(): number {",
  "  return legacyHelper();",
  "}",
  "function legacyHelper(): number {",
  "  return 2;",
  "}",
);

describe("scan: the Knight Capital example", () => {
  it("with power-peg retired, finds the dead branches, PowerPeg behind the flag, its cascade and the plain dead code", async () => {
    const findings = await scanRoot(knight);
    expect(briefs(findings)).toEqual([
      "no-unused-file src/exchange/dropCopy.ts:1:1",
      "no-unreachable-code src/legacy/cumulativeQuantity.ts:5:14 CumulativeQuantity",
      "no-unreachable-code src/legacy/powerPeg.ts:10:14 PowerPeg",
      "no-unreachable-code src/logger.ts:21:14 silentLogger",
      "no-dead-flag-branch src/router.ts:25:59 power-peg",
      "no-dead-flag-branch src/router.ts:44:5 power-peg",
    ]);
    const powerPeg = findings.find((f) => f.symbol === "PowerPeg");
    expect(powerPeg).toMatchObject({
      severity: "error",
      flag: "power-peg",
      message:
        "class PowerPeg is reachable only behind flag power-peg, which is retired (reads return false): the branch at src/router.ts:25 never runs",
      endLine: 63,
      data: {
        kind: "class",
        root: true,
        behindFlag: { flag: "power-peg", state: "retired", value: false, file: "src/router.ts", line: 25 },
      },
    });
    expect(findings.find((f) => f.symbol === "CumulativeQuantity")).toMatchObject({
      message: "class CumulativeQuantity is unreachable: only unreachable code uses it (PowerPeg)",
      data: { root: false, usedBy: ["PowerPeg"] },
    });
    const [first, second] = only(findings, "no-dead-flag-branch");
    expect(first).toMatchObject({
      endLine: 36,
      message: "the flag-on side of this early-exit never runs: flag power-peg is retired, so client.getBooleanValue returns its default false",
      data: { state: "retired", value: false, side: "on", read: { file: "src/router.ts", line: 25, column: 15 } },
    });
    expect(second).toMatchObject({ endLine: 46, data: { side: "on", read: { file: "src/router.ts", line: 42, column: 27 } } });
  });

  it("with power-peg active, reports no dead branch and neither PowerPeg nor CumulativeQuantity", async () => {
    const root = tempProject({});
    for (const entry of ["src", "package.json", "tsconfig.json"]) cpSync(path.join(knight, entry), path.join(root, entry), { recursive: true });
    writeFileSync(
      path.join(root, "deadflag.config.json"),
      JSON.stringify({ flags: { states: { "power-peg": "active", "smart-routing": "active" } } }),
    );
    const findings = await scanRoot(root);
    expect(briefs(findings)).toEqual([
      "no-unused-file src/exchange/dropCopy.ts:1:1",
      "no-unreachable-code src/logger.ts:21:14 silentLogger",
    ]);
  });
});

describe("scan: fixed flag states", () => {
  it("reads `=== \"true\"` on an environment flag as the flag itself: off cuts the side it guards", async () => {
    const findings = await scan(
      {
        "src/index.ts": lines(
          'import { newUi, oldUi } from "./impl.js";',
          "export function main(): number {",
          '  if (process.env.FEATURE_NEW_UI === "true") return newUi();',
          "  return oldUi();",
          "}",
        ),
        "src/impl.ts": impl,
      },
      { flags: { states: { FEATURE_NEW_UI: "off" } } },
    );
    expect(only(findings, "no-dead-flag-branch").map((f) => `${f.line}:${f.column} ${f.data?.["side"]}`)).toEqual(["3:46 on"]);
    expect(briefs(findings)).toContain("no-unreachable-code src/impl.ts:1:17 newUi");
  });

  const files = {
    "src/index.ts": lines(
      'import { client } from "./client.js";',
      'import { newUi, oldUi } from "./impl.js";',
      "export async function main(): Promise<number> {",
      '  if (await client.getBooleanValue("new-ui", false)) {',
      "    return newUi();",
      "  } else {",
      "    return oldUi();",
      "  }",
      "}",
    ),
    "src/impl.ts": impl,
  };

  it("with on, cuts the off side: what only it reaches is reported behind the flag, with its cascade", async () => {
    const findings = await scan(files, { flags: { states: { "new-ui": "on" } } });
    expect(briefs(findings)).toEqual([
      "no-unreachable-code src/impl.ts:4:17 oldUi",
      "no-unreachable-code src/impl.ts:7:10 legacyHelper",
      "no-dead-flag-branch src/index.ts:6:10 new-ui",
    ]);
    expect(findings[0]).toMatchObject({
      flag: "new-ui",
      message: "function oldUi is reachable only behind flag new-ui, which is on (reads return true): the branch at src/index.ts:6 never runs",
      data: { root: true, behindFlag: { flag: "new-ui", state: "on", value: true, file: "src/index.ts", line: 6 } },
    });
    expect(findings[1]).toMatchObject({ data: { root: false, usedBy: ["oldUi"] } });
    expect(findings[1]).not.toHaveProperty("flag");
    expect(findings[2]).toMatchObject({
      severity: "error",
      message: "the flag-off side of this if never runs: flag new-ui is always on",
      endLine: 8,
      data: { state: "on", value: true, side: "off", guard: "if", lines: 3 },
    });
  });

  it("with off, cuts the on side", async () => {
    const findings = await scan(files, { flags: { states: { "new-ui": "off" } } });
    expect(briefs(findings)).toEqual(["no-unreachable-code src/impl.ts:1:17 newUi", "no-dead-flag-branch src/index.ts:4:54 new-ui"]);
    expect(findings[1]).toMatchObject({ message: "the flag-on side of this if never runs: flag new-ui is always off", data: { side: "on" } });
  });

  it("with active, or without a state, cuts nothing", async () => {
    expect(await scan(files, { flags: { states: { "new-ui": "active" } } })).toEqual([]);
    expect(await scan(files, {})).toEqual([]);
  });

  it("cuts the ternary branch a fixed flag never takes", async () => {
    const findings = await scan(
      {
        "src/index.ts": lines(
          'import { client } from "./client.js";',
          'import { newUi, oldUi } from "./impl.js";',
          "export async function main(): Promise<number> {",
          '  return (await client.getBooleanValue("old-ui", true)) ? oldUi() : newUi();',
          "}",
        ),
        "src/impl.ts": impl,
      },
      { flags: { states: { "old-ui": "off" } } },
    );
    expect(briefs(findings)).toEqual([
      "no-unreachable-code src/impl.ts:4:17 oldUi",
      "no-unreachable-code src/impl.ts:7:10 legacyHelper",
      "no-dead-flag-branch src/index.ts:4:59 old-ui",
    ]);
    expect(findings[2]).toMatchObject({ data: { guard: "ternary", side: "on" } });
  });
});

describe("scan: retired flags", () => {
  it("with a default of true, cuts the off side (a negated read's if-block)", async () => {
    const findings = await scan(
      {
        "src/index.ts": lines(
          'import { client } from "./client.js";',
          'import { newUi, oldUi } from "./impl.js";',
          "export async function main(): Promise<number> {",
          '  if (!(await client.getBooleanValue("keep", true))) {',
          "    return oldUi();",
          "  }",
          "  return newUi();",
          "}",
        ),
        "src/impl.ts": impl,
      },
      { flags: { states: { keep: "retired" } } },
    );
    expect(briefs(findings)).toEqual([
      "no-unreachable-code src/impl.ts:4:17 oldUi",
      "no-unreachable-code src/impl.ts:7:10 legacyHelper",
      "no-dead-flag-branch src/index.ts:4:54 keep",
    ]);
    expect(findings[0]?.data).toMatchObject({ behindFlag: { state: "retired", value: true } });
    expect(findings[2]).toMatchObject({
      message: "the flag-off side of this early-exit never runs: flag keep is retired, so client.getBooleanValue returns its default true",
      data: { side: "off", value: true },
    });
  });

  it("with a string variant, cuts every switch case but the default's value, and the default clause", async () => {
    const findings = await scan(
      {
        "src/index.ts": lines(
          'import { client } from "./client.js";',
          'import { fast, slow, legacy } from "./algorithms.js";',
          "export async function main(): Promise<number> {",
          '  switch (await client.getStringValue("algorithm", "fast")) {',
          '    case "fast":',
          "      return fast();",
          '    case "slow":',
          "      return slow();",
          "    default:",
          "      return legacy();",
          "  }",
          "}",
        ),
        "src/algorithms.ts": lines(
          "export function fast(): number {",
          "  return 1;",
          "}",
          "export function slow(): number {",
          "  return 2;",
          "}",
          "export function legacy(): number {",
          "  return 3;",
          "}",
        ),
      },
      { flags: { states: { algorithm: "retired" } } },
    );
    expect(briefs(findings)).toEqual([
      "no-unreachable-code src/algorithms.ts:4:17 slow",
      "no-unreachable-code src/algorithms.ts:7:17 legacy",
      "no-dead-flag-branch src/index.ts:8:7 algorithm",
      "no-dead-flag-branch src/index.ts:10:7 algorithm",
    ]);
    expect(findings[0]?.data).toMatchObject({ behindFlag: { value: "fast", line: 8 } });
    expect(findings[1]?.data).toMatchObject({ behindFlag: { value: "fast", line: 10 } });
    expect(findings[2]).toMatchObject({
      message: 'this case never runs: flag algorithm is retired, so client.getStringValue returns its default "fast"',
      data: { side: "case", guard: "switch" },
    });
  });

  it("leaves a string variant's switch alone when the flag is only on or off: neither says which variant", async () => {
    const findings = await scan(
      {
        "src/index.ts": lines(
          'import { client } from "./client.js";',
          "export async function main(): Promise<number> {",
          '  switch (await client.getStringValue("algorithm", "fast")) {',
          '    case "fast":',
          "      return 1;",
          "    default:",
          "      return 2;",
          "  }",
          "}",
        ),
      },
      { flags: { states: { algorithm: "on" } } },
    );
    expect(findings).toEqual([]);
  });
});

describe("scan: flag reads in context", () => {
  it("cuts branches of a flag read through the project's own wrapper function", async () => {
    const findings = await scan(
      {
        "src/flags.ts": lines(
          'import { client } from "./client.js";',
          "export function isOn(key: string): Promise<boolean> {",
          "  return client.getBooleanValue(key, false);",
          "}",
        ),
        "src/index.ts": lines(
          'import { isOn } from "./flags.js";',
          'import { newUi, oldUi } from "./impl.js";',
          "export async function main(): Promise<number> {",
          '  if (await isOn("beta")) return oldUi();',
          "  return newUi();",
          "}",
        ),
        "src/impl.ts": impl,
      },
      { flags: { states: { beta: "off" } } },
    );
    expect(briefs(findings)).toEqual([
      "no-unreachable-code src/impl.ts:4:17 oldUi",
      "no-unreachable-code src/impl.ts:7:10 legacyHelper",
      "no-dead-flag-branch src/index.ts:4:27 beta",
    ]);
  });

  it("does not report code a dead branch uses when live code uses it too", async () => {
    const findings = await scan(
      {
        "src/index.ts": lines(
          'import { client } from "./client.js";',
          'import { newUi } from "./impl.js";',
          "export async function main(): Promise<number> {",
          '  if (await client.getBooleanValue("beta", false)) newUi();',
          "  return newUi();",
          "}",
        ),
        "src/impl.ts": lines("export function newUi(): number {", "  return 1;", "}"),
      },
      { flags: { states: { beta: "off" } } },
    );
    expect(briefs(findings)).toEqual(["no-dead-flag-branch src/index.ts:4:52 beta"]);
  });

  it("reports a dead branch inside another dead branch once, as the outer one", async () => {
    const findings = await scan(
      {
        "src/index.ts": lines(
          'import { client } from "./client.js";',
          'import { newUi, oldUi } from "./impl.js";',
          "export async function main(): Promise<number> {",
          '  if (await client.getBooleanValue("outer", false)) {',
          '    if (await client.getBooleanValue("inner", false)) {',
          "      return oldUi();",
          "    }",
          '    if (await client.getBooleanValue("outer", false)) {',
          "      return newUi();",
          "    }",
          "  }",
          "  return 0;",
          "}",
        ),
        "src/impl.ts": impl,
      },
      { flags: { states: { outer: "off", inner: "off" } } },
    );
    expect(briefs(findings)).toEqual([
      "no-unreachable-code src/impl.ts:1:17 newUi",
      "no-unreachable-code src/impl.ts:4:17 oldUi",
      "no-unreachable-code src/impl.ts:7:10 legacyHelper",
      "no-dead-flag-branch src/index.ts:4:53 outer",
    ]);
    expect(findings[0]?.data).toMatchObject({ behindFlag: { flag: "outer", line: 4 } });
    expect(findings[1]?.data).toMatchObject({ behindFlag: { flag: "outer", line: 4 } });
  });

  it("reports a dead branch at module level and cuts what it uses", async () => {
    const findings = await scan(
      {
        "src/index.ts": lines(
          'import { client } from "./client.js";',
          'import { newUi, oldUi } from "./impl.js";',
          'if (await client.getBooleanValue("legacy", false)) {',
          "  oldUi();",
          "}",
          "newUi();",
        ),
        "src/impl.ts": impl,
      },
      { flags: { states: { legacy: "retired" } } },
    );
    expect(briefs(findings)).toEqual([
      "no-unreachable-code src/impl.ts:4:17 oldUi",
      "no-unreachable-code src/impl.ts:7:10 legacyHelper",
      "no-dead-flag-branch src/index.ts:3:52 legacy",
    ]);
  });
});

describe("scan: unknown and unused flags", () => {
  const reads = lines(
    'import { client } from "./client.js";',
    "export async function main(): Promise<boolean> {",
    '  const a = await client.getBooleanValue("known", false);',
    '  const b = await client.getBooleanValue("typo-flag", false);',
    "  return a && b;",
    "}",
  );

  it("with flags.states, reports a read of an undeclared key and a declared key nothing reads (at its line in the config)", async () => {
    const findings = await scan({ "src/index.ts": reads }, { flags: { states: { known: "active", stale: "active" } } });
    expect(briefs(findings)).toEqual(["no-unused-flag deadflag.config.json:5:1 stale", "no-unknown-flag src/index.ts:4:19 typo-flag"]);
    expect(findings[0]).toMatchObject({ severity: "warn", message: "flag stale is declared but nothing reads it" });
    expect(findings[1]).toMatchObject({
      severity: "error",
      message: "flag typo-flag is read here but not declared in flags.states or the registry",
    });
  });

  it("with a registry, reports the same against the registry's keys, the unused one at the registry", async () => {
    const findings = await scan(
      {
        "src/flags.ts": lines("export enum Flag {", '  Known = "known",', '  Unread = "unread",', "}"),
        "src/index.ts": lines(
          'import { client } from "./client.js";',
          'import { Flag } from "./flags.js";',
          "export async function main(): Promise<boolean> {",
          "  const a = await client.getBooleanValue(Flag.Known, false);",
          '  const b = await client.getBooleanValue("typo-flag", false);',
          "  return a && b;",
          "}",
        ),
      },
      { flags: { registry: ["src/flags.ts#Flag"] } },
    );
    expect(briefs(findings)).toEqual(["no-unused-flag src/flags.ts:1:1 unread", "no-unknown-flag src/index.ts:5:19 typo-flag"]);
  });

  it("stays silent when nothing declares the flags", async () => {
    expect(await scan({ "src/index.ts": reads }, {})).toEqual([]);
  });
});

describe("scan: rule severities from the config", () => {
  const files = {
    "src/index.ts": lines('import { used } from "./lib.js";', "used();"),
    "src/lib.ts": lines("export function used(): number {", "  return helper();", "}", "export function helper(): number {", "  return 1;", "}"),
    "src/orphan.ts": lines("export const orphan = 1;"),
    "src/dead.ts": lines("export const unusedImport = 1;", "function dead(): number {", "  return 1;", "}"),
  };

  it("uses each rule's default severity", async () => {
    const findings = await scan({ ...files, "src/index.ts": lines('import { used } from "./lib.js";', 'import "./dead.js";', "used();") }, {});
    expect(findings.map((f) => `${brief(f)} ${f.severity}`)).toEqual([
      "no-unused-file src/client.ts:1:1 error",
      "no-unreachable-code src/dead.ts:1:14 unusedImport error",
      "no-unreachable-code src/dead.ts:2:10 dead error",
      "no-unused-export src/lib.ts:4:1 helper error",
      "no-unused-file src/orphan.ts:1:1 error",
    ]);
  });

  it('lowers a rule to "warn" and drops one that is "off"', async () => {
    const findings = await scan(
      { ...files, "src/index.ts": lines('import { used } from "./lib.js";', 'import "./dead.js";', "used();") },
      { rules: { "no-unused-export": "warn", "no-unused-file": "off", "no-unreachable-code": "warn" } },
    );
    expect(findings.map((f) => `${brief(f)} ${f.severity}`)).toEqual([
      "no-unreachable-code src/dead.ts:1:14 unusedImport warn",
      "no-unreachable-code src/dead.ts:2:10 dead warn",
      "no-unused-export src/lib.ts:4:1 helper warn",
    ]);
  });
});
