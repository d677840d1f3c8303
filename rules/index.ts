// The deadflag ESLint plugin (`deadflag/eslint-plugin`): every rule of the engine, and flat configs.
// `recommended` enables every rule that needs neither network nor a long history scan; `all`
// enables every rule.
import type { ESLint, Linter, Rule } from "eslint";
import type { RuleId } from "../src/config/config-schema.js";
import { ruleIds } from "../src/config/config-schema.js";
import { engineVersion } from "../src/engine-version.js";
import type { FindingSeverity } from "../src/findings/finding.js";
import { ruleRegistry } from "../src/findings/rule-registry.js";
import noDeadFlagBranch from "./no-dead-flag-branch.js";
import noFlagReuse from "./no-flag-reuse.js";
import noStaleFlag from "./no-stale-flag.js";
import noUnknownFlag from "./no-unknown-flag.js";
import noUnreachableCode from "./no-unreachable-code.js";
import noUnusedExport from "./no-unused-export.js";
import noUnusedFile from "./no-unused-file.js";
import noUnusedFlag from "./no-unused-flag.js";

/** The files the configs apply to: every source file deadflag analyses. */
const sourceFiles = ["**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}"];

const rules: Record<RuleId, Rule.RuleModule> = {
  "no-flag-reuse": noFlagReuse,
  "no-dead-flag-branch": noDeadFlagBranch,
  "no-unreachable-code": noUnreachableCode,
  "no-unused-export": noUnusedExport,
  "no-unused-file": noUnusedFile,
  "no-unknown-flag": noUnknownFlag,
  "no-unused-flag": noUnusedFlag,
  "no-stale-flag": noStaleFlag,
};

/** The plugin object ESLint loads. */
interface DeadflagPlugin extends ESLint.Plugin {
  meta: { name: string; version: string; namespace: string };
  rules: Record<RuleId, Rule.RuleModule>;
  configs: { recommended: Linter.Config; all: Linter.Config };
}

const plugin: DeadflagPlugin = {
  meta: { name: "deadflag", version: engineVersion, namespace: "deadflag" },
  rules,
  configs: { recommended: {}, all: {} },
};

plugin.configs.recommended = configOf("recommended", (id) => ruleRegistry[id].recommended);
plugin.configs.all = configOf("all", () => true);

/** A flat config that enables the chosen rules at their default severity. */
function configOf(name: string, enables: (id: RuleId) => boolean): Linter.Config {
  return {
    name: `deadflag/${name}`,
    files: sourceFiles,
    plugins: { deadflag: plugin },
    rules: Object.fromEntries(ruleIds.filter(enables).map((id) => [`deadflag/${id}`, eslintSeverityOf(ruleRegistry[id].defaultSeverity)])),
  };
}

/** ESLint has no `info`: a rule whose default is `info` is a warning there. */
function eslintSeverityOf(severity: FindingSeverity): "error" | "warn" {
  return severity === "error" ? "error" : "warn";
}

export default plugin;
