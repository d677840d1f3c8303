// deadflag's engine API: what the CLI and the ESLint plugin call, for programmatic use too.
export { openProject } from "./engine/open-project.js";
export type { OpenProjectOptions, OpenedProject, OpenStats, Progress } from "./engine/open-project.js";
export { indexFlags } from "./engine/index-flags.js";
export type { EngineDiagnostic } from "./engine/engine-diagnostic.js";
export { InputError } from "./engine/input-error.js";
export { ConfigError } from "./config/config-error.js";
export { configFileNames, loadConfig } from "./config/load-config.js";
export { configJsonSchema, ruleIds, sdkNames } from "./config/config-schema.js";
export type { DeadflagConfig, FlagState, RuleId, SdkName } from "./config/config-schema.js";
export { scanProject } from "./analysis/scan-project.js";
export type { ScanResult } from "./analysis/scan-project.js";
export type { ResolvedConfig } from "./config/resolve-config.js";
export type { FlagIndex, FlagEntry, FlagRead, FlagDeclaration, UnresolvedRead, KeyCollision } from "./flags/flag-index.js";
export type { Finding, FindingSeverity } from "./findings/finding.js";
export { ruleRegistry } from "./findings/rule-registry.js";
export type { RuleMeta } from "./findings/rule-registry.js";
export { engineVersion } from "./engine-version.js";
