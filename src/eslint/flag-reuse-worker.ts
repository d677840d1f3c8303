// The worker behind deadflag/no-flag-reuse: the engine compares flag meanings asynchronously (it
// reads git objects and file texts through promises), and an ESLint rule must answer synchronously,
// so the rule waits for this worker (synckit). The worker keeps its own session of the project and
// remembers its last answer per analysis key, so an unchanged tree costs a stat per file.
import { workerData } from "node:worker_threads";
import { runAsWorker } from "synckit";
import { projectSessionFor } from "../engine/project-session.js";
import type { Finding } from "../findings/finding.js";
import { sortFindings } from "../findings/finding.js";
import { checkLedger } from "../history/check-ledger.js";
import { diffRevisions } from "../history/diff-revisions.js";
import type { FlagReuseRequest } from "./flag-reuse-request.js";

const answers = new Map<string, Finding[]>();

/** This module's URL: the rule starts it as its worker. */
export const flagReuseWorkerUrl = import.meta.url;

// Only in the thread synckit starts: ESLint's own worker threads (`--concurrency`) load this module too.
if (isSynckitWorker(workerData)) runAsWorker(answer);

function isSynckitWorker(data: unknown): boolean {
  return typeof data === "object" && data !== null && "sharedBufferView" in data && "workerPort" in data;
}

async function answer(request: FlagReuseRequest): Promise<Finding[]> {
  const session = projectSessionFor(request.session);
  // The ledger is compared with the texts being linted; a base revision with the tree on disk, as
  // `deadflag diff` does (so an unsaved edit does not run the diff again).
  const overrides = new Map(request.overrides);
  const scan = session.scan(request.base === undefined ? overrides : undefined);
  const id = JSON.stringify([request.session, request.base ?? null, scan.key]);
  let findings = answers.get(id);
  if (!findings) {
    const found =
      request.base === undefined
        ? await checkLedger(scan.project, overrides)
        : (
            await diffRevisions({
              root: session.root,
              base: request.base,
              ...(request.session.configFile === undefined ? {} : { configFile: request.session.configFile }),
              ...(request.session.cache === undefined ? {} : { cache: request.session.cache }),
              ...(request.session.cacheLocation === undefined ? {} : { cacheLocation: request.session.cacheLocation }),
            })
          ).findings;
    findings = sortFindings(found);
    answers.clear();
    answers.set(id, findings);
  }
  return findings.filter((finding) => finding.file === request.file);
}
