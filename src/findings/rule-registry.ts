// Each rule's metadata in one place: the CLI, the ESLint plugin and the SARIF writer all read it.
import type { RuleId } from "../config/config-schema.js";
import type { Finding, FindingSeverity } from "./finding.js";

/** A JSON Schema, as ESLint validates rule options with it. */
export type JsonSchema = Readonly<Record<string, unknown>>;

/** What a rule is, for docs, editors and SARIF. */
export interface RuleMeta {
  id: RuleId;
  description: string;
  defaultSeverity: FindingSeverity;
  /** Whether ESLint's `--fix` can apply a fix (for `no-dead-flag-branch` only with its `autofix` option). */
  fixable: boolean;
  /** Whether the ESLint rule offers suggestions (fixes an editor applies one at a time, on request). */
  hasSuggestions: boolean;
  /** Whether `configs.recommended` of the ESLint plugin enables it. */
  recommended: boolean;
  docsUrl: string;
  /** ESLint's rule type: `problem` for code that is wrong or dead, `suggestion` for hygiene. */
  type: "problem" | "suggestion";
  /**
   * Message templates by `messageId`. A finding's own message (the engine's words, the same as the
   * CLI prints) is the `message` placeholder; the id tells the finding's category.
   */
  messages: Readonly<Record<string, string>>;
  /** The schema of the rule's one options object, for ESLint; `[]` when the rule has no options. */
  schema: readonly JsonSchema[];
  /** The options a rule has when its ESLint config gives none. */
  defaultOptions: Readonly<Record<string, unknown>>;
}

const docsBase = "https://github.com/deadflag/deadflag/blob/main/docs/rules/";

/** The message template of every finding: the engine's message, so that the CLI and ESLint say the same. */
const findingMessage = "{{ message }}";

function rule(
  id: RuleId,
  description: string,
  defaultSeverity: FindingSeverity,
  messageIds: readonly string[],
  extra: Partial<RuleMeta> = {},
): RuleMeta {
  return {
    id,
    description,
    defaultSeverity,
    fixable: false,
    hasSuggestions: false,
    recommended: true,
    docsUrl: `${docsBase}${id}.md`,
    type: "problem",
    messages: Object.fromEntries(messageIds.map((messageId) => [messageId, findingMessage])),
    schema: [],
    defaultOptions: {},
    ...extra,
  };
}

/** An options object with the given properties and nothing else. */
function optionsSchema(properties: Record<string, JsonSchema>): JsonSchema[] {
  return [{ type: "object", properties, additionalProperties: false }];
}

/** Every rule, by id. */
export const ruleRegistry: Record<RuleId, RuleMeta> = {
  "no-flag-reuse": rule(
    "no-flag-reuse",
    "Disallow giving a flag key a new meaning between revisions",
    "error",
    ["repurposed", "resurrected", "inverted", "typeChanged", "defaultChanged"],
    {
      schema: optionsSchema({
        base: {
          type: "string",
          minLength: 1,
          description: "A git revision to compare the working tree with (default: the ledger, as `deadflag scan`)",
        },
      }),
    },
  ),
  "no-dead-flag-branch": rule(
    "no-dead-flag-branch",
    "Disallow branches that a flag's fixed or retired state can never run",
    "error",
    ["deadBranch", "deadCase"],
    {
      fixable: true,
      hasSuggestions: true,
      messages: {
        deadBranch: findingMessage,
        deadCase: findingMessage,
        foldFlag: "Fold flag {{ flag }} to {{ value }} and keep only the code that runs",
      },
      schema: optionsSchema({
        autofix: {
          type: "boolean",
          description: "Fold the flag on `eslint --fix` too, not only as a suggestion (default false)",
        },
      }),
      defaultOptions: { autofix: false },
    },
  ),
  "no-unreachable-code": rule(
    "no-unreachable-code",
    "Disallow code that no entry point can reach",
    "error",
    ["unreachable", "usedOnlyByUnreachable", "behindFlag", "unreachableCycle", "usedOnlyByTypes", "usedOnlyByTests"],
    {
      hasSuggestions: true,
      messages: {
        unreachable: findingMessage,
        usedOnlyByUnreachable: findingMessage,
        behindFlag: findingMessage,
        unreachableCycle: findingMessage,
        usedOnlyByTypes: findingMessage,
        usedOnlyByTests: findingMessage,
        deleteDeclaration: "Delete {{ symbol }}",
      },
    },
  ),
  "no-unused-export": rule(
    "no-unused-export",
    "Disallow exports that no other module imports",
    "error",
    ["unusedExport", "usedOnlyInOwnFile", "importedOnlyByTests"],
    {
      hasSuggestions: true,
      messages: {
        unusedExport: findingMessage,
        usedOnlyInOwnFile: findingMessage,
        importedOnlyByTests: findingMessage,
        removeExport: "Remove the export of {{ symbol }}",
      },
    },
  ),
  "no-unused-file": rule(
    "no-unused-file",
    "Disallow source files that no entry point reaches",
    "error",
    ["unusedFile", "importedOnlyByTests"],
  ),
  "no-unknown-flag": rule("no-unknown-flag", "Disallow reading flags that are not declared", "error", ["unknownFlag"]),
  "no-unused-flag": rule("no-unused-flag", "Disallow declaring flags that nothing reads", "warn", ["unusedFlag"], {
    type: "suggestion",
  }),
  "no-stale-flag": rule(
    "no-stale-flag",
    "Disallow flags left unchanged for longer than staleAfterDays",
    "warn",
    ["staleFlag"],
    {
      recommended: false,
      type: "suggestion",
      schema: optionsSchema({
        staleAfterDays: {
          type: "integer",
          minimum: 1,
          description: "Days after which a flag still read is stale (default: the config's staleAfterDays, else 90)",
        },
      }),
    },
  ),
};

/** The `messageId` of a finding: its category, from the finding's data. */
export function messageIdOf(finding: Finding): string {
  const data = finding.data ?? {};
  switch (finding.ruleId) {
    case "no-flag-reuse":
      return camelCase(typeof data["kind"] === "string" ? data["kind"] : "repurposed");
    case "no-dead-flag-branch":
      return data["side"] === "case" ? "deadCase" : "deadBranch";
    case "no-unreachable-code":
      if (data["testOnly"] === true) return "usedOnlyByTests";
      if (data["root"] === false) return "usedOnlyByUnreachable";
      if (data["behindFlag"] !== undefined) return "behindFlag";
      if (data["cycle"] === true) return "unreachableCycle";
      if (data["typeUsers"] !== undefined) return "usedOnlyByTypes";
      return "unreachable";
    case "no-unused-export":
      if (data["testOnly"] === true) return "importedOnlyByTests";
      return data["selfOnly"] === true ? "usedOnlyInOwnFile" : "unusedExport";
    case "no-unused-file":
      return data["testOnly"] === true ? "importedOnlyByTests" : "unusedFile";
    case "no-unknown-flag":
      return "unknownFlag";
    case "no-unused-flag":
      return "unusedFlag";
    case "no-stale-flag":
      return "staleFlag";
  }
}

function camelCase(kebab: string): string {
  return kebab.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase());
}
