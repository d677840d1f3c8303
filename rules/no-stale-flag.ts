// deadflag/no-stale-flag: reports the flags read in the linted file for longer than `staleAfterDays`
// (git history decides), as `deadflag scan` does with the rule set.
import { createRule } from "../src/eslint/create-rule.js";
import { staleFlagFindingsOfLint } from "../src/eslint/history-findings.js";

export default createRule({ name: "no-stale-flag", findings: staleFlagFindingsOfLint });
