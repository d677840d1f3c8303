// The findings of the git-backed rules for the linted file: deadflag/no-flag-reuse against the
// ledger (as `deadflag scan`) or, with the rule's `base` option, a git revision (as `deadflag diff
// --base`); deadflag/no-stale-flag from the age of each flag in git (as `deadflag scan` with the rule
// set). Git is read in a worker the rule waits for, started only when there is something to ask.
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Rule } from "eslint";
import { createSyncFn } from "synckit";
import type { Finding } from "../findings/finding.js";
import type { HistoryQuestion, HistoryRequest } from "./history-request.js";
import { historyWorkerUrl } from "./history-worker.js";
import { lintTargetOf } from "./findings-of-linted-file.js";

type AskWorker = (request: HistoryRequest) => Finding[];

let askWorker: AskWorker | undefined;

/** The `no-flag-reuse` findings of the linted file; none without a ledger and without `base`. */
export function flagReuseFindings(context: Rule.RuleContext, options: Readonly<Record<string, unknown>>): Finding[] {
  const base = typeof options["base"] === "string" ? options["base"] : undefined;
  return ask(context, { rule: "no-flag-reuse", ...(base === undefined ? {} : { base }) }, (root) =>
    base !== undefined || existsSync(path.join(root, ".deadflag", "ledger.json")),
  );
}

/** The `no-stale-flag` findings of the linted file; none outside a git work tree. */
export function staleFlagFindingsOfLint(context: Rule.RuleContext, options: Readonly<Record<string, unknown>>): Finding[] {
  const days = typeof options["staleAfterDays"] === "number" ? options["staleAfterDays"] : undefined;
  return ask(context, { rule: "no-stale-flag", ...(days === undefined ? {} : { staleAfterDays: days }) }, () => true);
}

/** Asks the worker, when `worthAsking` the project's root (a cheap check that spares starting it). */
function ask(context: Rule.RuleContext, question: HistoryQuestion, worthAsking: (root: string) => boolean): Finding[] {
  const target = lintTargetOf(context);
  if (!target || !worthAsking(target.session.root)) return [];
  askWorker ??= createSyncFn<AskWorker>(workerFile());
  return askWorker({ session: target.session, file: target.file, overrides: [...target.overrides], question });
}

/**
 * The compiled worker: the module itself when it runs from `dist`; when a test runner runs the
 * TypeScript sources, the same module under `dist`, which `npm test` builds first.
 */
function workerFile(): string {
  const file = fileURLToPath(historyWorkerUrl);
  if (file.endsWith(".js")) return file;
  const packageRoot = path.resolve(path.dirname(file), "../..");
  return path.join(packageRoot, "dist", "src", "eslint", "history-worker.js");
}
