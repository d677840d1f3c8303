// deadflag/no-dead-flag-branch: reports the engine's dead flag branches for the linted file, with a
// suggestion that folds the flag (an autofix too with `autofix: true`).
import { createRule } from "../src/eslint/create-rule.js";
import type { FindingFix } from "../src/eslint/create-rule.js";
import type { Finding } from "../src/findings/finding.js";
import { foldFlagBranch } from "../src/fix/fold-flag-branch.js";

export default createRule({
  name: "no-dead-flag-branch",
  fixOf: foldFix,
  autofix: (options) => options["autofix"] === true,
});

function foldFix(finding: Finding, text: string, filename: string): FindingFix | undefined {
  const edit = foldFlagBranch(filename, text, finding);
  if (!edit) return undefined;
  return {
    messageId: "foldFlag",
    data: { flag: finding.flag ?? "", value: JSON.stringify(finding.data?.["value"] ?? null) },
    edits: [edit],
  };
}
