// The rule ids alone, without the config schema (and zod behind it): the CLI's options need them
// before any config is read.

/** Every rule id, in the order the docs list them; the CLI `ruleId` and ESLint `deadflag/<id>`. */
export const ruleIds = [
  "no-flag-reuse",
  "no-dead-flag-branch",
  "no-unreachable-code",
  "no-unused-export",
  "no-unused-file",
  "no-unknown-flag",
  "no-unused-flag",
  "no-stale-flag",
] as const;

/** A rule id, e.g. `"no-dead-flag-branch"`. */
export type RuleId = (typeof ruleIds)[number];
