// `no-flag-reuse` against the ledger, for CI without the history: a flag whose meaning no longer
// matches what the ledger records (until someone updates the ledger on purpose), and a tombstoned
// key read again for different code.
import type { ResolvedConfig } from "../config/resolve-config.js";
import type { Finding } from "../findings/finding.js";
import { compareMeanings } from "./compare-meanings.js";
import type { FlagMeaning } from "./flag-meaning.js";
import type { Ledger } from "./ledger.js";
import { fingerprintOf, hashedMeaning } from "./ledger.js";
import { reuseFinding } from "./reuse-finding.js";

const ledgerLabel = ".deadflag/ledger.json";

/** Findings for every current meaning that contradicts the ledger. */
export function ledgerFindings(ledger: Ledger, current: ReadonlyMap<string, FlagMeaning>, config: ResolvedConfig): Finding[] {
  const findings: Finding[] = [];
  for (const [key, meaning] of current) {
    const hashed = withHeadEvidence(hashedMeaning(meaning), meaning);
    const entry = ledger.flags[key];
    if (entry) {
      if (fingerprintOf(hashedMeaning(meaning)) === entry.fingerprint) continue;
      for (const change of compareMeanings(entry.meaning, hashed)) {
        const finding = reuseFinding(change.kind, hashed, entry.meaning, ledgerLabel, config, [change]);
        finding.message += " (if this is intended, record it with `deadflag ledger update`)";
        findings.push(finding);
      }
      continue;
    }
    const tombstone = ledger.tombstones[key];
    if (!tombstone) continue;
    const changes = compareMeanings(tombstone.meaning, hashed);
    if (changes.some((c) => c.kind === "repurposed" || c.kind === "inverted")) {
      findings.push(reuseFinding("resurrected", hashed, tombstone.meaning, ledgerLabel, config, changes));
    }
  }
  return findings;
}

/** A hashed meaning with the head's read positions put back: findings sit at the head's read, not at line 0. */
function withHeadEvidence(hashed: FlagMeaning, meaning: FlagMeaning): FlagMeaning {
  const sides: FlagMeaning["sides"] = {};
  for (const [side, value] of Object.entries(hashed.sides)) {
    const evidence = meaning.sides[side]?.evidence;
    sides[side] = evidence ? { ...value, evidence } : value;
  }
  return { ...hashed, sides, evidence: meaning.evidence };
}
