// The worker behind deadflag/no-flag-reuse and deadflag/no-stale-flag: the engine reads git objects
// and file texts through promises, and an ESLint rule must answer synchronously, so the rule waits
// for this worker (synckit). The worker keeps its own session of the project and remembers its last
// answer per rule and analysis key, so an unchanged tree costs no git call.
import { workerData } from "node:worker_threads";
import { runAsWorker } from "synckit";
import { projectSessionFor } from "../engine/project-session.js";
import type { SessionScan } from "../engine/project-session.js";
import type { Finding } from "../findings/finding.js";
import { sortFindings } from "../findings/finding.js";
import { checkLedger } from "../history/check-ledger.js";
import { diffRevisions } from "../history/diff-revisions.js";
import { staleFlagFindings } from "../history/stale-flags.js";
import type { HistoryQuestion, HistoryRequest } from "./history-request.js";

/** The last answer of each rule, under the key it is valid for. */
const answers = new Map<HistoryQuestion["rule"], { id: string; findings: Finding[] }>();

/** This module's URL: the rules start it as their worker. */
export const historyWorkerUrl = import.meta.url;

// Only in the thread synckit starts: ESLint's own worker threads (`--concurrency`) load this module too.
if (isSynckitWorker(workerData)) runAsWorker(answer);

function isSynckitWorker(data: unknown): boolean {
  return typeof data === "object" && data !== null && "sharedBufferView" in data && "workerPort" in data;
}

async function answer(request: HistoryRequest): Promise<Finding[]> {
  const session = projectSessionFor(request.session);
  const { question } = request;
  const overrides = new Map(request.overrides);
  // The ledger and the age of flags are judged on the texts being linted; a base revision is
  // compared with the tree on disk, as `deadflag diff` does (so an unsaved edit does not run the diff again).
  const scan = session.scan(question.rule === "no-flag-reuse" && question.base !== undefined ? undefined : overrides);
  // A flag's age also depends on the date: an answer holds for the day.
  const day = question.rule === "no-stale-flag" ? new Date().toISOString().slice(0, 10) : "";
  const id = JSON.stringify([request.session, question, scan.key, day]);
  let known = answers.get(question.rule);
  if (known?.id !== id) {
    known = { id, findings: sortFindings(await findingsOf(question, request, scan, overrides)) };
    answers.set(question.rule, known);
  }
  return known.findings.filter((finding) => finding.file === request.file);
}

async function findingsOf(question: HistoryQuestion, request: HistoryRequest, scan: SessionScan, overrides: ReadonlyMap<string, string>): Promise<Finding[]> {
  if (question.rule === "no-stale-flag") {
    const { project } = scan;
    // Enabling the ESLint rule is the opt-in `scan` asks of the config; the config can still turn it off.
    const setting = project.config.rules["no-stale-flag"] ?? "warn";
    if (setting === "off") return [];
    const config = {
      ...project.config,
      rules: { ...project.config.rules, "no-stale-flag": setting },
      staleAfterDays: question.staleAfterDays ?? project.config.staleAfterDays,
    };
    return staleFlagFindings({ ...project, config }, scan.result.context.index);
  }
  if (question.base === undefined) return checkLedger(scan.project, overrides);
  const { session } = request;
  const diffed = await diffRevisions({
    root: scan.project.root,
    base: question.base,
    ...(session.configFile === undefined ? {} : { configFile: session.configFile }),
    ...(session.cache === undefined ? {} : { cache: session.cache }),
    ...(session.cacheLocation === undefined ? {} : { cacheLocation: session.cacheLocation }),
  });
  return diffed.findings;
}
