// deadflag/no-unused-export: reports the engine's unused exports for the linted file, with a
// suggestion that drops the export.
import { createRule } from "../src/eslint/create-rule.js";
import type { FindingFix } from "../src/eslint/create-rule.js";
import type { Finding } from "../src/findings/finding.js";
import { removeExport } from "../src/fix/remove-export.js";

export default createRule({ name: "no-unused-export", fixOf: removeExportFix });

function removeExportFix(finding: Finding, text: string, filename: string): FindingFix | undefined {
  const edit = removeExport(filename, text, finding);
  return edit ? { messageId: "removeExport", data: { symbol: finding.symbol ?? "" }, edits: [edit] } : undefined;
}
