// deadflag/no-unreachable-code: reports the engine's unreachable code for the linted file, with a
// suggestion that deletes a root of it.
import { createRule } from "../src/eslint/create-rule.js";
import type { FindingFix } from "../src/eslint/create-rule.js";
import type { Finding } from "../src/findings/finding.js";
import { deleteDeclaration } from "../src/fix/delete-declaration.js";

export default createRule({ name: "no-unreachable-code", fixOf: deleteFix });

function deleteFix(finding: Finding, text: string, filename: string): FindingFix | undefined {
  const edits = deleteDeclaration(filename, text, finding);
  return edits ? { messageId: "deleteDeclaration", data: { symbol: finding.symbol ?? "" }, edits } : undefined;
}
