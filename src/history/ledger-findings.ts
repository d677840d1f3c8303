// `no-flag-reuse` against the ledger, for CI without the history: a flag whose meaning no longer
// matches what the ledger records (until someone updates the ledger on purpose), and a tombstoned
// key read again for different code.
import type { ResolvedConfig } from "../config/resolve-config.js";
import type { Finding } from "../findings/finding.js";
import type { DeclarationExists } from "./compare-meanings.js";
import { compareMeanings } from "./compare-meanings.js";
import { isInDevelopment } from "./flag-life.js";
import type { FlagMeaning } from "./flag-meaning.js";
import type { Ledger } from "./ledger.js";
import { fingerprintOf, hashedMeaning } from "./ledger.js";
import { reuseFinding } from "./reuse-finding.js";

const ledgerLabel = ".deadflag/ledger.json";

/** Findings for every current meaning that contradicts the ledger. */
export function ledgerFindings(
  ledger: Ledger,
  current: ReadonlyMap<string, FlagMeaning>,
  config: ResolvedConfig,
  headExists?: DeclarationExists,
): Finding[] {
  const findings: Finding[] = [];
  const declarations = headExists ? { head: headExists } : {};
  for (const [key, meaning] of current) {
    const hashed = { ...hashedMeaning(meaning), evidence: meaning.evidence };
    hashed.sites = hashed.sites.map((site, i) => ({ ...site, evidence: meaning.sites[i]?.evidence ?? site.evidence }));
    const entry = ledger.flags[key];
    const life = { inDevelopment: entry?.introduced ? isInDevelopment(entry.introduced.date, new Date().toISOString(), config.developmentDays) : false };
    if (entry) {
      if (fingerprintOf(hashedMeaning(meaning)) === entry.fingerprint) continue;
      for (const change of compareMeanings(entry.meaning, hashed, declarations)) {
        const finding = reuseFinding({ kind: change.kind, head: hashed, base: entry.meaning, baseRevision: ledgerLabel, change }, config, life);
        finding.message += " (if this is intended, record it with `deadflag ledger update`)";
        findings.push(finding);
      }
      continue;
    }
    const tombstone = ledger.tombstones[key];
    if (!tombstone) continue;
    const reused = compareMeanings(tombstone.meaning, hashed, declarations).find((c) => c.kind === "repurposed" || c.kind === "inverted");
    if (reused) {
      findings.push(reuseFinding({ kind: "resurrected", head: hashed, base: tombstone.meaning, baseRevision: ledgerLabel, change: reused }, config, { inDevelopment: false }));
    }
  }
  return findings;
}
