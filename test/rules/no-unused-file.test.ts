// deadflag/no-unused-file under RuleTester: a file no entry imports, at 1:1, and none for imported files.
import { describe } from "vitest";
import rule from "../../rules/no-unused-file.js";
import { fixturePath, fixtureText, ruleTesters } from "./rule-tester.js";

describe.each(ruleTesters)("no-unused-file on %s", (_, tester) => {
  tester.run("no-unused-file", rule, {
    valid: [
      { name: "an imported file", code: fixtureText("src/format.ts"), filename: fixturePath("src/format.ts") },
      { name: "the entry", code: fixtureText("src/index.ts"), filename: fixturePath("src/index.ts") },
    ],
    invalid: [
      {
        name: "a file no entry imports",
        code: fixtureText("src/orphan.ts"),
        filename: fixturePath("src/orphan.ts"),
        errors: [
          {
            messageId: "unusedFile",
            line: 1,
            column: 1,
            endLine: 1,
            endColumn: 1,
            data: { message: "file is not imported by any entry (directly or indirectly)" },
          },
        ],
      },
    ],
  });
});
