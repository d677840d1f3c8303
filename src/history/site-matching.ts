// Which read of a flag at the head is which read at the base: the same declaration holding it (in
// the same file, or moved to another), then the most similar code. A read in a declaration that
// holds several reads of the key is paired with the one in the same place when the count did not
// change, else with the most similar one.
import type { SiteMeaning } from "./flag-meaning.js";
import { tokenSimilarity } from "./token-similarity.js";

/** A base site and the head site it became; either is undefined for a read removed or added. */
export interface SitePair {
  base?: SiteMeaning;
  head?: SiteMeaning;
}

/** Two reads in different declarations are the same read only when their code is at least this similar. */
const sameSiteSimilarity = 0.6;

/** Pairs the sites of two revisions. */
export function matchSites(base: readonly SiteMeaning[], head: readonly SiteMeaning[]): SitePair[] {
  const pairs: SitePair[] = [];
  const freeBase = new Set(base);
  const freeHead = new Set(head);
  const pair = (a: SiteMeaning, b: SiteMeaning): void => {
    pairs.push({ base: a, head: b });
    freeBase.delete(a);
    freeHead.delete(b);
  };
  // The same holder in the same file. (Not the same holder's name in another file: route handlers
  // are all `handle` or `GET`; a moved holder keeps its code, which the next step pairs.)
  for (const keyOf of [(s: SiteMeaning) => `${s.evidence.file}#${s.holder}`]) {
    const groups = new Map<string, { base: SiteMeaning[]; head: SiteMeaning[] }>();
    for (const s of freeBase) groupOf(groups, keyOf(s)).base.push(s);
    for (const s of freeHead) groupOf(groups, keyOf(s)).head.push(s);
    for (const group of groups.values()) {
      if (group.base.length === 0 || group.head.length === 0) continue;
      if (group.base.length === group.head.length) {
        group.base.forEach((s, i) => pair(s, group.head[i] as SiteMeaning));
        continue;
      }
      for (const [a, b] of bySimilarity(group.base, group.head, 0)) pair(a, b);
    }
  }
  // A renamed holder: the most similar code.
  const withSides = (s: SiteMeaning): boolean => Object.keys(s.sides).length > 0;
  for (const [a, b] of bySimilarity([...freeBase].filter(withSides), [...freeHead].filter(withSides), sameSiteSimilarity)) pair(a, b);
  for (const s of freeBase) pairs.push({ base: s });
  for (const s of freeHead) pairs.push({ head: s });
  return pairs;
}

function groupOf(
  groups: Map<string, { base: SiteMeaning[]; head: SiteMeaning[] }>,
  key: string,
): { base: SiteMeaning[]; head: SiteMeaning[] } {
  let group = groups.get(key);
  if (!group) {
    group = { base: [], head: [] };
    groups.set(key, group);
  }
  return group;
}

/** Greedy pairs, most similar first, at least `minimum` alike; ties go to the closer ordinal. */
function bySimilarity(base: readonly SiteMeaning[], head: readonly SiteMeaning[], minimum: number): Array<[SiteMeaning, SiteMeaning]> {
  const candidates: Array<{ a: SiteMeaning; b: SiteMeaning; score: number; distance: number }> = [];
  for (const a of base) {
    for (const b of head) {
      const score = siteSimilarity(a, b);
      if (score >= minimum) candidates.push({ a, b, score, distance: Math.abs(a.ordinal - b.ordinal) });
    }
  }
  candidates.sort((x, y) => y.score - x.score || x.distance - y.distance);
  const used = new Set<SiteMeaning>();
  const pairs: Array<[SiteMeaning, SiteMeaning]> = [];
  for (const { a, b } of candidates) {
    if (used.has(a) || used.has(b)) continue;
    used.add(a);
    used.add(b);
    pairs.push([a, b]);
  }
  return pairs;
}

/** How alike two sites' code is: all their sides' tokens, in side order. */
function siteSimilarity(a: SiteMeaning, b: SiteMeaning): number {
  const tokensOf = (s: SiteMeaning): string[] =>
    Object.keys(s.sides)
      .sort()
      .flatMap((side) => s.sides[side]?.tokens ?? []);
  return tokenSimilarity(tokensOf(a), tokensOf(b));
}
