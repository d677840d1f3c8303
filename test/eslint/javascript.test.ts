// Plain JavaScript needs no parser of its own: ESLint's default parser and deadflag's recommended
// config find unused exports, unreachable code and unused files in an ES module project.
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";
import plugin from "../../rules/index.js";
import { tempProject } from "../helpers/temp-dir.js";
import { brief, problemsOfResults } from "./lint-results.js";

describe("deadflag's rules on JavaScript with ESLint's default parser", () => {
  it("report the same findings as on TypeScript", async () => {
    const root = tempProject({
      "package.json": JSON.stringify({ name: "js-fixture", type: "module", main: "src/index.js" }),
      "src/index.js": 'import { greet } from "./greet.js";\n\nexport function main() {\n  return greet("world");\n}\n',
      "src/greet.js": "export function greet(name) {\n  return `hello ${name}`;\n}\n\nexport function shout(name) {\n  return greet(name).toUpperCase();\n}\n",
      "src/old.mjs": "export const old = 1;\n",
    });
    const eslint = new ESLint({
      cwd: root,
      overrideConfigFile: true,
      overrideConfig: [plugin.configs.recommended, { settings: { deadflag: { cache: false } } }],
    });
    const problems = problemsOfResults(await eslint.lintFiles(["src"]), root);
    expect(problems.map(brief)).toEqual(["no-unreachable-code src/greet.js:5:17-7:2", "no-unused-file src/old.mjs:1:1-1:1"]);
  });
});
