// One engine, one answer: `eslint` with deadflag's recommended config and `deadflag scan` report the
// same findings, rule by rule and position by position, with the same messages, on the Knight
// Capital example and on rxjs's TypeScript sources from npm (with its six public index files as
// entries, so that there are findings to compare). Only findings in files ESLint does not lint
// (a flag declared in deadflag.config.json) may be missing from ESLint's answer.
import path from "node:path";
import { ESLint } from "eslint";
import tseslint from "typescript-eslint";
import { describe, expect, it } from "vitest";
import plugin from "../../rules/index.js";
import type { Finding } from "../../src/index.js";
import { runCli } from "../helpers/run-cli.js";
import { tempProject } from "../helpers/temp-dir.js";
import { brief, problemsOfFindings, problemsOfResults } from "./lint-results.js";

const lintedExtensions = /\.(?:ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;

/** `deadflag scan --format json` of `root`, as the CLI prints it. */
function scanFindings(root: string, configFile?: string): Finding[] {
  const args = ["scan", root, "--format", "json", "--no-cache", ...(configFile ? ["--config", configFile] : [])];
  const result = runCli(args);
  expect(result.stderr).toBe("");
  // `info` findings (a flag still in development) are the CLI's alone: ESLint has no such level.
  return (JSON.parse(result.stdout) as { findings: Finding[] }).findings.filter((f) => f.severity !== "info");
}

/** `eslint <files>` in `root` with only deadflag's recommended config (and the TypeScript parser). */
async function eslintProblems(root: string, files: string[], configFile?: string): Promise<ReturnType<typeof problemsOfResults>> {
  const eslint = new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: [
      { files: ["**/*.ts"], languageOptions: { parser: tseslint.parser } },
      plugin.configs.recommended,
      { settings: { deadflag: { cache: false, ...(configFile ? { configFile } : {}) } } },
    ],
  });
  return problemsOfResults(await eslint.lintFiles(files), root);
}

describe("eslint --config recommended and deadflag scan", () => {
  it("agree on the Knight Capital example", async () => {
    const root = path.resolve("examples/knight-capital");
    const scanned = problemsOfFindings(scanFindings(root));
    expect(scanned.length).toBeGreaterThan(0);
    expect(await eslintProblems(root, ["src"])).toEqual(scanned);
  });

  it("agree on rxjs's sources, rule by rule", async () => {
    const root = path.resolve("node_modules/rxjs");
    const entries = ["src/index.ts", "src/operators/index.ts", "src/ajax/index.ts", "src/fetch/index.ts", "src/testing/index.ts", "src/webSocket/index.ts"];
    const configFile = path.join(tempProject({ "deadflag.config.json": JSON.stringify({ entry: entries }) }), "deadflag.config.json");
    const scanned = problemsOfFindings(scanFindings(root, configFile));
    const linted = await eslintProblems(root, ["src"], configFile);
    expect(scanned.every((p) => lintedExtensions.test(p.file))).toBe(true);
    const rules = [...new Set(scanned.map((p) => p.ruleId))].sort();
    expect(rules).toEqual(["no-unreachable-code", "no-unused-export", "no-unused-file"]);
    for (const rule of rules) {
      expect(linted.filter((p) => p.ruleId === rule).map(brief), rule).toEqual(scanned.filter((p) => p.ruleId === rule).map(brief));
    }
    expect(linted).toEqual(scanned);
  });
});
