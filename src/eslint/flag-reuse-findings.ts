// deadflag/no-flag-reuse's findings for the linted file: against the ledger (as `deadflag scan`) or,
// with the rule's `base` option, against a git revision (as `deadflag diff --base`). The comparison
// runs in a worker the rule waits for, started only when there is something to compare with.
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Rule } from "eslint";
import { createSyncFn } from "synckit";
import type { Finding } from "../findings/finding.js";
import type { FlagReuseRequest } from "./flag-reuse-request.js";
import { flagReuseWorkerUrl } from "./flag-reuse-worker.js";
import { lintTargetOf } from "./findings-of-linted-file.js";

type AskWorker = (request: FlagReuseRequest) => Finding[];

let askWorker: AskWorker | undefined;

/** The `no-flag-reuse` findings of the linted file; none without a ledger and without `base`. */
export function flagReuseFindings(context: Rule.RuleContext, options: Readonly<Record<string, unknown>>): Finding[] {
  const target = lintTargetOf(context);
  if (!target) return [];
  const base = typeof options["base"] === "string" ? options["base"] : undefined;
  if (base === undefined && !existsSync(path.join(target.session.root, ".deadflag", "ledger.json"))) return [];
  askWorker ??= createSyncFn<AskWorker>(workerFile());
  return askWorker({
    session: target.session,
    file: target.file,
    overrides: [...target.overrides],
    ...(base === undefined ? {} : { base }),
  });
}

/**
 * The compiled worker: the module itself when it runs from `dist`; when a test runner runs the
 * TypeScript sources, the same module under `dist`, which `npm test` builds first.
 */
function workerFile(): string {
  const file = fileURLToPath(flagReuseWorkerUrl);
  if (file.endsWith(".js")) return file;
  const packageRoot = path.resolve(path.dirname(file), "../..");
  return path.join(packageRoot, "dist", "src", "eslint", "flag-reuse-worker.js");
}
