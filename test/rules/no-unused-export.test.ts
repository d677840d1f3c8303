// deadflag/no-unused-export under RuleTester: an export used only in its own file, with the
// suggestion to drop the keyword, and no finding once another module imports it.
import { describe } from "vitest";
import rule from "../../rules/no-unused-export.js";
import { fixturePath, fixtureText, ruleTesters } from "./rule-tester.js";

const format = fixtureText("src/format.ts");

describe.each(ruleTesters)("no-unused-export on %s", (_, tester) => {
  tester.run("no-unused-export", rule, {
    valid: [
      { name: "the export keyword dropped", code: format.replace("export function suffix", "function suffix"), filename: fixturePath("src/format.ts") },
      { name: "an export another module imports", code: fixtureText("src/legacy.ts"), filename: fixturePath("src/legacy.ts") },
    ],
    invalid: [
      {
        name: "an export used only in its own file",
        code: format,
        filename: fixturePath("src/format.ts"),
        errors: [
          {
            messageId: "usedOnlyInOwnFile",
            line: 5,
            column: 1,
            endLine: 7,
            endColumn: 2,
            data: { message: "export suffix is used only in its own file: the export keyword is unused", symbol: "suffix" },
            suggestions: [{ messageId: "removeExport", data: { symbol: "suffix" }, output: format.replace("export function suffix", "function suffix") }],
          },
        ],
      },
      {
        name: "an export list entry typed into the buffer",
        code: `${format}export { format as formatCheckout };\n`,
        filename: fixturePath("src/format.ts"),
        errors: [
          {
            messageId: "usedOnlyInOwnFile",
            line: 5,
            suggestions: [
              {
                messageId: "removeExport",
                output: `${format.replace("export function suffix", "function suffix")}export { format as formatCheckout };\n`,
              },
            ],
          },
          {
            messageId: "unusedExport",
            line: 10,
            column: 1,
            suggestions: [{ messageId: "removeExport", data: { symbol: "formatCheckout" }, output: format }],
          },
        ],
      },
    ],
  });
});
