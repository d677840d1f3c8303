// The baseline, with ESLint's bulk-suppressions flags: `--suppress-all` and `--suppress-rule <id>`
// record the current findings, `--prune-suppressions` drops entries that no longer occur,
// `--suppressions-location` moves the file. Without them, an existing file hides the findings it
// records, and entries that no longer occur are reported on stderr until pruned.
import path from "node:path";
import { InvalidArgumentError } from "commander";
import type { Command } from "commander";
import { ruleIds } from "../config/rule-ids.js";
import type { Finding } from "../findings/finding.js";
import type { SuppressionOutcome } from "../suppressions/apply-suppressions.js";
import { applySuppressions, pruneSuppressions, suppressFindings } from "../suppressions/apply-suppressions.js";
import { defaultSuppressionsFile, readSuppressions, writeSuppressions } from "../suppressions/suppressions-file.js";
import { InputError } from "../engine/input-error.js";

/** The parsed suppression options. */
export interface SuppressionOptions {
  suppressAll?: boolean;
  suppressRule?: string[];
  pruneSuppressions?: boolean;
  suppressionsLocation?: string;
}

/** Adds the suppression options to `command`. */
export function withSuppressionOptions(command: Command): Command {
  return command
    .option("--suppress-all", "record every current finding in the suppressions file, so that only new ones are reported")
    .option("--suppress-rule <id>", "record the current findings of this rule (repeatable)", collectRule)
    .option("--prune-suppressions", "remove entries of the suppressions file that no longer occur")
    .option("--suppressions-location <file>", `the suppressions file (default: ${defaultSuppressionsFile} in the analysed directory)`);
}

/** Updates the suppressions file when asked to, and hides the findings it records. */
export function applySuppressionOptions(root: string, findings: readonly Finding[], options: SuppressionOptions): SuppressionOutcome {
  if (options.suppressAll && options.suppressRule) throw new InputError("--suppress-all and --suppress-rule cannot be used together");
  const file = options.suppressionsLocation ? path.resolve(options.suppressionsLocation) : path.join(path.resolve(root), defaultSuppressionsFile);
  const shownAs = options.suppressionsLocation ?? shortPath(file);
  const existing = readSuppressions(file, shownAs);
  let entries = existing?.suppressions ?? {};
  const updating = options.suppressAll || options.suppressRule !== undefined || options.pruneSuppressions;
  if (options.suppressAll) entries = suppressFindings(entries, findings);
  if (options.suppressRule) entries = suppressFindings(entries, findings, new Set(options.suppressRule));
  if (options.pruneSuppressions) entries = pruneSuppressions(entries, findings);
  if (updating) writeSuppressions(file, entries);
  const outcome = applySuppressions(findings, entries);
  if (outcome.unused.length > 0) {
    const count = outcome.unused.reduce((sum, u) => sum + u.count, 0);
    const listed = outcome.unused.slice(0, 3).map((u) => `${u.file} ${u.rule} ${u.subject}`);
    const more = outcome.unused.length > 3 ? `, and ${outcome.unused.length - 3} more` : "";
    process.stderr.write(
      `warning ${shownAs}: ${count} suppressed ${count === 1 ? "finding no longer occurs" : "findings no longer occur"} (${listed.join("; ")}${more}); remove ${count === 1 ? "it" : "them"} with --prune-suppressions\n`,
    );
  }
  return outcome;
}

function collectRule(value: string, previous: string[] | undefined): string[] {
  if (!ruleIds.some((id) => id === value)) throw new InvalidArgumentError(`unknown rule; the rules are ${ruleIds.join(", ")}`);
  return [...(previous ?? []), value];
}

/** A path relative to the current directory when it is inside it, for messages. */
function shortPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative.split(path.sep).join("/") : file;
}
