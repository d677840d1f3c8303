// Each rule's metadata in one place: the CLI, the ESLint plugin and the SARIF writer all read it.
import type { RuleId } from "../config/config-schema.js";
import type { FindingSeverity } from "./finding.js";

/** What a rule is, for docs, editors and SARIF. */
export interface RuleMeta {
  id: RuleId;
  description: string;
  defaultSeverity: FindingSeverity;
  fixable: boolean;
  /** Whether `configs.recommended` of the ESLint plugin enables it. */
  recommended: boolean;
  docsUrl: string;
}

const docsBase = "https://github.com/deadflag/deadflag/blob/main/docs/rules/";

function rule(id: RuleId, description: string, defaultSeverity: FindingSeverity, extra: Partial<RuleMeta> = {}): RuleMeta {
  return { id, description, defaultSeverity, fixable: false, recommended: true, docsUrl: `${docsBase}${id}.md`, ...extra };
}

/** Every rule, by id. */
export const ruleRegistry: Record<RuleId, RuleMeta> = {
  "no-flag-reuse": rule("no-flag-reuse", "Disallow giving a flag key a new meaning between revisions", "error"),
  "no-dead-flag-branch": rule(
    "no-dead-flag-branch",
    "Disallow branches that a flag's fixed or retired state can never run",
    "error",
  ),
  "no-unreachable-code": rule("no-unreachable-code", "Disallow code that no entry point can reach", "error"),
  "no-unused-export": rule("no-unused-export", "Disallow exports that no other module imports", "error"),
  "no-unused-file": rule("no-unused-file", "Disallow source files that no entry point reaches", "error"),
  "no-unknown-flag": rule("no-unknown-flag", "Disallow reading flags that are not declared", "error"),
  "no-unused-flag": rule("no-unused-flag", "Disallow declaring flags that nothing reads", "warn"),
  "no-stale-flag": rule("no-stale-flag", "Disallow flags left unchanged for longer than staleAfterDays", "warn", {
    recommended: false,
  }),
};
