// deadflag/no-unknown-flag under RuleTester: a read of a key neither the states nor the registry
// declare, found in the text being linted.
import { describe } from "vitest";
import rule from "../../rules/no-unknown-flag.js";
import { fixturePath, fixtureText, ruleTesters } from "./rule-tester.js";

const pricing = fixtureText("src/pricing.ts");

describe.each(ruleTesters)("no-unknown-flag on %s", (_, tester) => {
  tester.run("no-unknown-flag", rule, {
    valid: [
      { name: "a declared key", code: pricing.replace('"discount-rate"', "FLAGS.giftWrap"), filename: fixturePath("src/pricing.ts") },
      { name: "reads of declared keys", code: fixtureText("src/checkout.ts"), filename: fixturePath("src/checkout.ts") },
    ],
    invalid: [
      {
        name: "a key neither states nor the registry declare",
        code: pricing,
        filename: fixturePath("src/pricing.ts"),
        errors: [
          {
            messageId: "unknownFlag",
            line: 9,
            column: 26,
            endLine: 9,
            endColumn: 67,
            data: { message: "flag discount-rate is read here but not declared in flags.states or the registry", flag: "discount-rate" },
          },
        ],
      },
    ],
  });
});
