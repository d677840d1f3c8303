// `scan` with a ledger: the flag meanings of the working tree checked against `.deadflag/ledger.json`,
// so CI catches a reused flag without fetching history.
import type { OpenedProject } from "../engine/open-project.js";
import type { Finding } from "../findings/finding.js";
import { declarationExists } from "./declaration-identity.js";
import { readLedger } from "./ledger.js";
import { ledgerFindings } from "./ledger-findings.js";
import { workingTreeMeanings } from "./working-tree-meanings.js";

/**
 * `no-flag-reuse` findings against the project's ledger; none when it has no ledger or the rule is
 * off. `texts`: unsaved texts the project was opened with (the ESLint rule's buffers).
 */
export async function checkLedger(project: OpenedProject, texts?: ReadonlyMap<string, string>): Promise<Finding[]> {
  if (project.config.rules["no-flag-reuse"] === "off") return [];
  const ledger = readLedger(project.root);
  if (!ledger) return [];
  return ledgerFindings(ledger, await workingTreeMeanings(project, texts), project.config, declarationExists(project.facts));
}
