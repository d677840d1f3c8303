// `deadflag preflight`: before a flag is flipped, whether every deployment that will see the flip
// means the same by it, from the manifests their builds wrote. Meanings are compared the way
// `no-flag-reuse` compares revisions, so a build whose code around the flag was only refactored
// agrees, and one where the flag switches other code, or the other way round, does not.
import { InputError } from "../engine/input-error.js";
import { compareMeanings } from "./compare-meanings.js";
import type { DeploymentManifest } from "./deployment-manifest.js";

/** One deployment's manifest, with the name it is reported by (its path, as given). */
export interface NamedManifest {
  name: string;
  manifest: DeploymentManifest;
}

/** Two deployments that mean different things by the flag. */
export interface Disagreement {
  /** The deployment the others are compared with (the first that reads the flag), and the other. */
  reference: string;
  other: string;
  kind: "not-read" | "state" | "repurposed" | "inverted" | "type-changed" | "default-changed";
  message: string;
}

/** What `preflight` found for one flag. */
export interface PreflightResult {
  flag: string;
  deployments: Array<{ manifest: string; revision: string | null; reads: boolean; state?: string; fingerprint?: string }>;
  disagreements: Disagreement[];
}

/** Compares every manifest with the first that reads `flag`; an InputError when none reads it. */
export function preflight(flag: string, manifests: readonly NamedManifest[]): PreflightResult {
  const reference = manifests.find((m) => m.manifest.flags[flag] !== undefined);
  if (!reference) throw new InputError(`flag ${flag} is read in none of the ${manifests.length} manifests given`);
  const base = reference.manifest.flags[flag];
  const disagreements: Disagreement[] = [];
  for (const { name, manifest } of manifests) {
    if (name === reference.name || !base) continue;
    const other = manifest.flags[flag];
    const pair = { reference: reference.name, other: name };
    if (!other) {
      disagreements.push({ ...pair, kind: "not-read", message: `${name} does not read ${flag}: flipping it changes nothing there, while ${reference.name} reads it` });
      continue;
    }
    if (other.state !== base.state) {
      disagreements.push({ ...pair, kind: "state", message: `${reference.name} declares ${flag} ${base.state}, ${name} declares it ${other.state}` });
    }
    if (other.fingerprint === base.fingerprint) continue;
    for (const change of compareMeanings(base.meaning, other.meaning)) {
      disagreements.push({ ...pair, kind: change.kind, message: `${name} ${describeChange(change.kind, flag)} than in ${reference.name}` });
    }
  }
  return {
    flag,
    deployments: manifests.map(({ name, manifest }) => {
      const entry = manifest.flags[flag];
      return { manifest: name, revision: manifest.revision, reads: entry !== undefined, ...(entry ? { state: entry.state, fingerprint: entry.fingerprint } : {}) };
    }),
    disagreements,
  };
}

function describeChange(kind: Disagreement["kind"], flag: string): string {
  switch (kind) {
    case "repurposed":
      return `switches other code with ${flag}`;
    case "inverted":
      return `runs ${flag}'s code when it is off, the other way round`;
    case "type-changed":
      return `reads ${flag} as another type`;
    default:
      return `gives ${flag} another default`;
  }
}
