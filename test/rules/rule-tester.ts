// RuleTester runs of the deadflag rules, on ESLint 10 and ESLint 9 alike, over the fixture project
// test/fixtures/eslint-project: each case lints one of its files with the text given in the case
// (as an editor's unsaved buffer), while the project's other files are read from disk.
import { readFileSync } from "node:fs";
import path from "node:path";
import { RuleTester as RuleTester10 } from "eslint";
import { RuleTester as RuleTester9 } from "eslint9";
import tseslint from "typescript-eslint";
import { describe, it } from "vitest";

/** The fixture project the rule tests lint. */
export const fixtureRoot = path.resolve("test/fixtures/eslint-project");

/** The absolute path of a fixture file. */
export function fixturePath(file: string): string {
  return path.join(fixtureRoot, file);
}

/** The text of a fixture file as it is on disk. */
export function fixtureText(file: string): string {
  return readFileSync(fixturePath(file), "utf8");
}

/** The RuleTester of one ESLint major version, wired to vitest. */
interface Tester {
  run: RuleTester10["run"];
}

for (const Tester of [RuleTester10, RuleTester9]) {
  Tester.describe = describe;
  Tester.it = it;
  Tester.itOnly = it.only;
}

const testerConfig = {
  languageOptions: { parser: tseslint.parser },
  // No facts cache: the tests must not write into the fixture.
  settings: { deadflag: { cache: false } },
};

/** A RuleTester for each supported ESLint, by name. */
export const ruleTesters: [string, Tester][] = [
  ["ESLint 10", new RuleTester10(testerConfig)],
  ["ESLint 9", new RuleTester9(testerConfig)],
];
