// deadflag/no-unreachable-code under RuleTester: a root of dead code with its delete suggestion, code
// reachable only behind a dead flag branch in another file, and the finding gone once the code is used.
import { describe } from "vitest";
import rule from "../../rules/no-unreachable-code.js";
import { fixturePath, fixtureText, ruleTesters } from "./rule-tester.js";

const format = fixtureText("src/format.ts");
const legacy = fixtureText("src/legacy.ts");

describe.each(ruleTesters)("no-unreachable-code on %s", (_, tester) => {
  tester.run("no-unreachable-code", rule, {
    valid: [
      { name: "the dead constant deleted", code: format.replace("\nexport const unusedConstant = 42;\n", ""), filename: fixturePath("src/format.ts") },
      { name: "the constant used", code: format.replace("return `checkout:${kind}:${suffix()}`", "return `checkout:${kind}:${suffix()}${unusedConstant}`"), filename: fixturePath("src/format.ts") },
      { name: "the entry", code: fixtureText("src/index.ts"), filename: fixturePath("src/index.ts") },
    ],
    invalid: [
      {
        name: "a root of dead code, with the delete suggestion",
        code: format,
        filename: fixturePath("src/format.ts"),
        errors: [
          {
            messageId: "unreachable",
            line: 9,
            column: 14,
            endLine: 9,
            endColumn: 33,
            data: { message: "variable unusedConstant is never used: no entry reaches it", symbol: "unusedConstant" },
            suggestions: [
              { messageId: "deleteDeclaration", data: { symbol: "unusedConstant" }, output: format.replace("\nexport const unusedConstant = 42;\n", "\n") },
            ],
          },
        ],
      },
      {
        name: "code only a dead flag branch in another file uses",
        code: legacy,
        filename: fixturePath("src/legacy.ts"),
        errors: [
          {
            messageId: "behindFlag",
            line: 4,
            column: 17,
            endLine: 6,
            endColumn: 2,
            data: {
              message:
                "function legacyCheckout is reachable only behind flag new-checkout, which is on (reads return true): the branch at src/checkout.ts:10 never runs",
              flag: "new-checkout",
              symbol: "legacyCheckout",
            },
            suggestions: [
              {
                messageId: "deleteDeclaration",
                output: 'import { format } from "./format.js";\n\n',
              },
            ],
          },
        ],
      },
    ],
  });
});
