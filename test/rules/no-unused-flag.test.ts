// deadflag/no-unused-flag under RuleTester: a key the registry declares and nothing reads, reported
// in the registry's file; none once a read of it is typed into another file and saved.
import { describe } from "vitest";
import rule from "../../rules/no-unused-flag.js";
import { fixturePath, fixtureText, ruleTesters } from "./rule-tester.js";

const flags = fixtureText("src/flags.ts");

describe.each(ruleTesters)("no-unused-flag on %s", (_, tester) => {
  tester.run("no-unused-flag", rule, {
    valid: [
      { name: "the unread key removed from the registry", code: flags.replace('  giftWrap: "gift-wrap",\n', ""), filename: fixturePath("src/flags.ts") },
      { name: "a file that declares no flag", code: fixtureText("src/checkout.ts"), filename: fixturePath("src/checkout.ts") },
    ],
    invalid: [
      {
        name: "a registry key nothing reads",
        code: flags,
        filename: fixturePath("src/flags.ts"),
        errors: [
          {
            messageId: "unusedFlag",
            line: 2,
            column: 1,
            endLine: 2,
            endColumn: 1,
            data: { message: "flag gift-wrap is declared but nothing reads it", flag: "gift-wrap" },
          },
        ],
      },
    ],
  });
});
