// The real ESLint class (10 and 9) with a user's flat config file on the Knight Capital example:
// the published plugin entry loads, the recommended rules report the retired Power Peg flag's dead
// branches and the code behind them at the engine's positions, and ESLint 10's --concurrency gives
// the same answer as one thread.
import path from "node:path";
import { ESLint } from "eslint";
import { ESLint as ESLint9 } from "eslint9";
import { describe, expect, it } from "vitest";
import { brief, problemsOfResults } from "./lint-results.js";

const knight = path.resolve("examples/knight-capital");
const configFile = path.resolve("test/fixtures/eslint-knight.config.mjs");

const expected = [
  "no-dead-flag-branch src/router.ts:25:59-36:6",
  "no-dead-flag-branch src/router.ts:44:5-46:6",
  "no-unreachable-code src/legacy/cumulativeQuantity.ts:5:14-15:2",
  "no-unreachable-code src/legacy/powerPeg.ts:10:14-63:2",
  "no-unreachable-code src/logger.ts:21:14-24:2",
  "no-unused-file src/exchange/dropCopy.ts:1:1-1:1",
];

describe("ESLint with deadflag's recommended config on the Knight Capital example", () => {
  it.each([
    ["ESLint 10", ESLint],
    ["ESLint 9", ESLint9],
  ])("%s reports the dead Power Peg branches and the code behind them", async (_, Linter) => {
    const eslint = new Linter({ cwd: knight, overrideConfigFile: configFile });
    const results = await eslint.lintFiles(["src"]);
    const problems = problemsOfResults(results, knight);
    expect(problems.map(brief)).toEqual(expected);
    const powerPeg = problems.find((p) => p.file === "src/legacy/powerPeg.ts");
    expect(powerPeg?.message).toBe(
      "class PowerPeg is reachable only behind flag power-peg, which is retired (reads return false): the branch at src/router.ts:25 never runs",
    );
    const router = results.find((r) => r.filePath.endsWith("router.ts"));
    expect(router?.messages.map((m) => [m.ruleId, m.messageId, m.severity, m.suggestions?.map((s) => s.messageId)])).toEqual([
      ["deadflag/no-dead-flag-branch", "deadBranch", 2, ["foldFlag"]],
      ["deadflag/no-dead-flag-branch", "deadBranch", 2, ["foldFlag"]],
    ]);
  });

  it("gives the same answer with --concurrency 2 (each worker builds its own graph)", async () => {
    const eslint = new ESLint({ cwd: knight, overrideConfigFile: configFile, concurrency: 2 });
    const problems = problemsOfResults(await eslint.lintFiles(["src"]), knight);
    expect(problems.map(brief)).toEqual(expected);
  });

  it("applies no fix on --fix without autofix, so no code is deleted on save", async () => {
    const eslint = new ESLint({ cwd: knight, overrideConfigFile: configFile, fix: true });
    const results = await eslint.lintFiles(["src/router.ts"]);
    expect(results[0]?.output).toBeUndefined();
  });
});
