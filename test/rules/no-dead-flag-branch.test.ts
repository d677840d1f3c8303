// deadflag/no-dead-flag-branch under RuleTester: the dead branch of a flag that is on and of a
// retired flag, with the fold as a suggestion, and as an autofix only with `autofix: true`.
import { describe } from "vitest";
import rule from "../../rules/no-dead-flag-branch.js";
import { fixturePath, fixtureText, ruleTesters } from "./rule-tester.js";

const checkout = fixtureText("src/checkout.ts");
const pricing = fixtureText("src/pricing.ts");
const checkoutFolded = checkout.replace(
  `  if (await client.getBooleanValue(FLAGS.newCheckout, false)) {
    // the one-page checkout
    return format("new");
  } else {
    return legacyCheckout();
  }
`,
  `  // the one-page checkout
  return format("new");
`,
);
const pricingFolded = pricing
  .replace("  const legacy = await client.getBooleanValue(FLAGS.legacyPricing, false);\n", "")
  .replace("  if (legacy) {\n    return amount * 1.1;\n  }\n", "");

describe.each(ruleTesters)("no-dead-flag-branch on %s", (_, tester) => {
  tester.run("no-dead-flag-branch", rule, {
    valid: [
      { name: "checkout folded by hand", code: checkoutFolded, filename: fixturePath("src/checkout.ts") },
      { name: "pricing folded by hand", code: pricingFolded, filename: fixturePath("src/pricing.ts") },
      // A file outside any deadflag project.
      { name: "a file in no project", code: "if (x) { y(); }", filename: "/nowhere/x.ts" },
    ],
    invalid: [
      {
        name: "the branch of a flag that is on, with the fold as a suggestion",
        code: checkout,
        filename: fixturePath("src/checkout.ts"),
        errors: [
          {
            messageId: "deadBranch",
            line: 10,
            column: 10,
            endLine: 12,
            endColumn: 4,
            data: { message: "the flag-off side of this if never runs: flag new-checkout is always on", flag: "new-checkout" },
            suggestions: [{ messageId: "foldFlag", data: { flag: "new-checkout", value: "true" }, output: checkoutFolded }],
          },
        ],
      },
      {
        name: "a retired flag's early exit, folded on --fix with autofix",
        code: pricing,
        filename: fixturePath("src/pricing.ts"),
        options: [{ autofix: true }],
        output: pricingFolded,
        errors: [
          {
            messageId: "deadBranch",
            line: 6,
            column: 15,
            endLine: 8,
            endColumn: 4,
            suggestions: [{ messageId: "foldFlag", data: { flag: "legacy-pricing", value: "false" }, output: pricingFolded }],
          },
        ],
      },
      {
        name: "a dead branch typed into the unsaved buffer",
        // The text being linted counts: a second dead branch typed into the buffer is found at once.
        code: checkoutFolded.replace(
          "export async function checkout",
          'export async function banner(): Promise<string> {\n  return (await client.getBooleanValue("legacy-pricing", false)) ? "old" : "new";\n}\n\nexport async function checkout',
        ),
        filename: fixturePath("src/checkout.ts"),
        errors: [
          {
            messageId: "deadBranch",
            line: 7,
            column: 68,
            endLine: 7,
            endColumn: 73,
            suggestions: [
              {
                messageId: "foldFlag",
                output: checkoutFolded.replace(
                  "export async function checkout",
                  'export async function banner(): Promise<string> {\n  return "new";\n}\n\nexport async function checkout',
                ),
              },
            ],
          },
        ],
      },
    ],
  });
});
