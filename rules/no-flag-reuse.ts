// deadflag/no-flag-reuse: reports flags whose meaning in the linted file changed, against the ledger
// or, with the `base` option, against a git revision.
import { createRule } from "../src/eslint/create-rule.js";
import { flagReuseFindings } from "../src/eslint/history-findings.js";

export default createRule({ name: "no-flag-reuse", findings: flagReuseFindings });
