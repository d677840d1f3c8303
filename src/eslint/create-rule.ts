// How every deadflag ESLint rule is made (typescript-eslint's `createRule`, without its utils): the
// metadata comes from the engine's rule registry, and the rule reports the engine's findings of its
// own id for the linted file, at their positions, with their fixes. No analysis happens here.
import type { Rule } from "eslint";
import type { RuleId } from "../config/config-schema.js";
import type { Finding } from "../findings/finding.js";
import { messageIdOf, ruleRegistry } from "../findings/rule-registry.js";
import type { TextEdit } from "../fix/text-edit.js";
import { findingsOfLintedFile } from "./findings-of-linted-file.js";

/** A fix a finding offers: its message, and the edits to the linted text. */
export interface FindingFix {
  messageId: string;
  data: Record<string, string>;
  edits: readonly TextEdit[];
}

/** What makes one rule: its id, and the fix its findings offer, if any. */
export interface RuleDefinition {
  name: RuleId;
  /** The fix of a finding, offered as a suggestion; undefined when none can be made safely. */
  fixOf?: (finding: Finding, text: string, filename: string) => FindingFix | undefined;
  /** The rule's findings for the linted file, when not the engine session's (default). */
  findings?: (context: Rule.RuleContext, options: Readonly<Record<string, unknown>>) => Finding[];
  /** Whether `eslint --fix` applies the fix too (not only the editor on request), given the rule's options. */
  autofix?: (options: Readonly<Record<string, unknown>>) => boolean;
}

/** An ESLint rule over the engine's findings of one rule id. */
export function createRule(definition: RuleDefinition): Rule.RuleModule {
  const registered = ruleRegistry[definition.name];
  return {
    meta: {
      type: registered.type,
      docs: { description: registered.description, recommended: registered.recommended, url: registered.docsUrl },
      messages: { ...registered.messages },
      schema: [...registered.schema],
      // A rule without options has no options object to default (ESLint rejects `[{}]` there).
      ...(registered.schema.length > 0 ? { defaultOptions: [{ ...registered.defaultOptions }] } : {}),
      ...(registered.fixable ? { fixable: "code" as const } : {}),
      ...(registered.hasSuggestions ? { hasSuggestions: true } : {}),
    },
    create(context) {
      // ESLint 9.15+ merges meta.defaultOptions itself; merging here too keeps older 9.x right.
      const options: Record<string, unknown> = { ...registered.defaultOptions, ...(context.options[0] ?? {}) };
      return {
        Program(): void {
          const findings = definition.findings ? definition.findings(context, options) : findingsOfLintedFile(context);
          for (const finding of findings) {
            // `info` findings (the meaning changes of a flag still in development) inform and never
            // fail a run; ESLint has no such level, so they stay with `deadflag scan`.
            if (finding.ruleId === definition.name && finding.severity !== "info") report(context, finding, definition, options);
          }
        },
      };
    },
  };
}

function report(
  context: Rule.RuleContext,
  finding: Finding,
  definition: RuleDefinition,
  options: Readonly<Record<string, unknown>>,
): void {
  const fix = definition.fixOf?.(finding, context.sourceCode.text, context.filename);
  const apply = (edits: readonly TextEdit[]): Rule.ReportFixer => (fixer) =>
    edits.map((edit) => fixer.replaceTextRange([edit.start, edit.end], edit.text));
  context.report({
    loc: {
      start: { line: finding.line, column: finding.column - 1 },
      end: { line: finding.endLine, column: finding.endColumn - 1 },
    },
    messageId: messageIdOf(finding),
    data: dataOf(finding),
    ...(fix ? { suggest: [{ messageId: fix.messageId, data: fix.data, fix: apply(fix.edits) }] } : {}),
    ...(fix && definition.autofix?.(options) ? { fix: apply(fix.edits) } : {}),
  });
}

/** The placeholders a message may use: the engine's message, and the flag and symbol when the finding has them. */
function dataOf(finding: Finding): Record<string, string> {
  return {
    message: finding.message,
    ...(finding.flag === undefined ? {} : { flag: finding.flag }),
    ...(finding.symbol === undefined ? {} : { symbol: finding.symbol }),
  };
}
