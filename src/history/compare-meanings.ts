// Comparing a flag's meaning at two revisions, read by read. Reads are paired across the revisions
// (site-matching.ts); each pair's sides are compared by identity first and content second:
// - identity: the declarations a side used directly and the head's side no longer reaches, while
//   it now uses others it did not reach (a flag pointed at other code: the Knight pattern, however
//   alike the two look), unless the new one is the old one renamed or moved (a new declaration
//   whose body is the old one's);
// - content: the token similarity of the two sides (code-tokens.ts, token-similarity.ts).
// An inversion is the code of one side now on the other side. A read added at the head that
// switches code unrelated to every read of the base, when no read of the base kept its code, is a
// repurposing too; a read added next to reads that kept their code extends the feature.
import type { FlagMeaning, SideMeaning, SiteMeaning } from "./flag-meaning.js";
import type { SitePair } from "./site-matching.js";
import { handedContentToken } from "./code-tokens.js";
import { matchSites } from "./site-matching.js";
import { commonTokens, tokenSimilarity } from "./token-similarity.js";

/** How a flag's meaning changed (`no-flag-reuse`'s `data.kind`). */
export type ReuseKind = "repurposed" | "resurrected" | "inverted" | "type-changed" | "default-changed";

/** Whether a declaration (`file#name`) exists at one revision. */
export type DeclarationExists = (identity: string) => boolean;

/** What the comparison may ask about the two revisions; unknown (the ledger) when absent. */
export interface RevisionDeclarations {
  base?: DeclarationExists;
  head?: DeclarationExists;
}

/** Why two sides are other code. */
export type ChangeReason = "identity" | "content" | "new-read";

/** One change found between two meanings. */
export interface MeaningChange {
  kind: Exclude<ReuseKind, "resurrected">;
  /** The base's read and the head's read it became (for a new read, only `head`). */
  base?: SiteMeaning;
  head?: SiteMeaning;
  /** The side that changed at the base (for an inversion, the side whose code moved). */
  side?: string;
  /** The side at the head (for an inversion, the other one). */
  headSide?: string;
  reason?: ChangeReason;
  /** The content similarity of the compared sides (0..1). */
  similarity?: number;
  /** Declarations the base's side used that the head's no longer reaches, and those it uses instead. */
  lost?: string[];
  gained?: string[];
  /** Of `lost`, those still in the code at the head. */
  kept?: string[];
  /** A declaration both sides run under the same identity, whose body was rewritten. */
  rewritten?: string;
}

/** Sides whose tokens are at least this similar are the same code (calibrated on the generated corpus, see docs/flag-reuse-accuracy.md). */
export const sameCodeSimilarity = 0.72;
/**
 * A side that kept at least this share of its code, in order, is the same code grown: a feature
 * that gained statements still does what it did.
 */
export const grownCodeKept = 0.89;
/** A new declaration whose body is at least this similar to a vanished one is that one renamed or moved. */
const renamedBodySimilarity = 0.75;

/** How two sides compare. */
interface SideComparison {
  related: boolean;
  reason?: "identity" | "content";
  similarity: number;
  lost: string[];
  gained: string[];
  kept: string[];
  rewritten?: string;
}

/** The changes from `base` to `head`; empty when the meaning is the same. */
export function compareMeanings(base: FlagMeaning, head: FlagMeaning, declarations: RevisionDeclarations = {}): MeaningChange[] {
  const changes: MeaningChange[] = [];
  const pairs = matchSites(base.sites, head.sites);
  for (const pair of pairs) {
    if (!pair.base || !pair.head) continue;
    const change = compareSites(pair.base, pair.head, declarations);
    if (change) changes.push(change);
  }
  if (changes.length === 0) {
    const added = newReadChange(pairs, base, declarations);
    if (added) changes.push(added);
  }
  if (base.valueTypes.length > 0 && head.valueTypes.length > 0 && !sameList(base.valueTypes, head.valueTypes)) {
    changes.push({ kind: "type-changed" });
  } else if (base.defaults.length > 0 && head.defaults.length > 0 && !sameList(base.defaults, head.defaults)) {
    changes.push({ kind: "default-changed" });
  }
  return changes;
}

/** How alike the code of two sides is: the similarity, and the share of the base's code kept in order. */
export interface ContentScore {
  similarity: number;
  kept: number;
}

/**
 * The content scores of the compared side that came closest to a `repurposed` finding (both 1
 * when no side is compared), for calibrating the thresholds on the generated corpus.
 */
export function closestContentScore(base: FlagMeaning, head: FlagMeaning): ContentScore {
  let closest: ContentScore = { similarity: 1, kept: 1 };
  for (const pair of matchSites(base.sites, head.sites)) {
    if (!pair.base || !pair.head) continue;
    for (const side of Object.keys(pair.base.sides)) {
      const a = pair.base.sides[side];
      const b = pair.head.sides[side];
      if (!a || !b) continue;
      const score = contentSimilarity(a, b);
      if (Math.max(score.similarity / sameCodeSimilarity, score.kept / grownCodeKept) < Math.max(closest.similarity / sameCodeSimilarity, closest.kept / grownCodeKept)) {
        closest = score;
      }
    }
  }
  return closest;
}

/** The first change of one pair of reads: an inversion, else the first side that is other code. */
function compareSites(base: SiteMeaning, head: SiteMeaning, declarations: RevisionDeclarations): MeaningChange | undefined {
  const related = (a: SideMeaning | undefined, b: SideMeaning | undefined): boolean =>
    a !== undefined && b !== undefined && compareSides(a, b, declarations).related;
  for (const [from, to] of [
    ["on", "off"],
    ["off", "on"],
  ] as const) {
    const was = base.sides[from];
    const moved = head.sides[to];
    if (!was || !moved || isEmpty(was) || isEmpty(moved)) continue;
    const stayed = head.sides[from];
    if (related(was, moved) && !related(was, stayed)) {
      return { kind: "inverted", base, head, side: from, headSide: to, similarity: compareSides(was, moved, declarations).similarity };
    }
  }
  let compared = false;
  for (const side of Object.keys(base.sides).sort()) {
    const a = base.sides[side];
    const b = head.sides[side];
    if (!a || !b) continue;
    compared = true;
    const comparison = compareSides(a, b, declarations);
    if (!comparison.related) return repurposed(base, head, side, side, comparison);
  }
  // No side in common (`if (flag) A` became `if (!flag) B`): other code on the other side is a
  // repurposing too, though neither side can be compared with itself.
  if (!compared) {
    for (const side of Object.keys(base.sides).sort()) {
      const a = base.sides[side];
      for (const other of Object.keys(head.sides).sort()) {
        const b = head.sides[other];
        if (!a || !b || isEmpty(a) || isEmpty(b)) continue;
        const comparison = compareSides(a, b, declarations);
        if (!comparison.related) return repurposed(base, head, side, other, comparison);
      }
    }
  }
  return undefined;
}

function repurposed(base: SiteMeaning, head: SiteMeaning, side: string, headSide: string, comparison: SideComparison): MeaningChange {
  return {
    kind: "repurposed",
    base,
    head,
    side,
    headSide,
    ...(comparison.reason ? { reason: comparison.reason } : {}),
    similarity: comparison.similarity,
    lost: comparison.lost,
    gained: comparison.gained,
    kept: comparison.kept,
    ...(comparison.rewritten ? { rewritten: comparison.rewritten } : {}),
  };
}

/**
 * A read the base did not have, switching code unrelated to every side of every base read, when
 * none of the base's reads with sides kept its place: the key now guards something else.
 */
function newReadChange(pairs: readonly SitePair[], base: FlagMeaning, declarations: RevisionDeclarations): MeaningChange | undefined {
  const hasSides = (s: SiteMeaning | undefined): boolean => s !== undefined && Object.values(s.sides).some((side) => !isEmpty(side));
  if (pairs.some((p) => hasSides(p.base) && hasSides(p.head))) return undefined;
  const oldSides = base.sites.flatMap((s) => Object.values(s.sides)).filter((s) => !isEmpty(s));
  if (oldSides.length === 0) return undefined;
  // Every new read must be unrelated to every old side: one that still switches old code extends it.
  const added = pairs.flatMap((p) => (!p.base && p.head && hasSides(p.head) ? [p.head] : []));
  let found: { head: SiteMeaning; similarity: number } | undefined;
  for (const head of added) {
    for (const now of Object.values(head.sides)) {
      if (isEmpty(now)) continue;
      const comparisons = oldSides.map((was) => compareSides(was, now, declarations));
      if (comparisons.some((c) => c.related)) return undefined;
      const best = Math.max(...comparisons.map((c) => c.similarity));
      if (!found) found = { head, similarity: best };
    }
  }
  if (!found) return undefined;
  const closest = base.sites.find((s) => Object.values(s.sides).some((x) => !isEmpty(x)));
  return {
    kind: "repurposed",
    ...(closest ? { base: closest, side: describedSide(closest) } : {}),
    head: found.head,
    headSide: describedSide(found.head),
    reason: "new-read",
    similarity: found.similarity,
  };
}

/** The side that says most about what a read switches: `on` unless it is empty or a mere exit, else the first with code. */
function describedSide(site: SiteMeaning): string {
  const names = Object.keys(site.sides).sort();
  const on = site.sides["on"];
  if (on && !isEmpty(on) && !on.exit) return "on";
  return names.find((n) => !site.sides[n]?.exit && !isEmpty(site.sides[n] as SideMeaning)) ?? names.find((n) => !isEmpty(site.sides[n] as SideMeaning)) ?? "on";
}

function isEmpty(side: SideMeaning): boolean {
  return side.tokens.length === 0 && side.direct.length === 0;
}

/** Identity first, content second. */
function compareSides(a: SideMeaning, b: SideMeaning, declarations: RevisionDeclarations): SideComparison {
  const renamed = renamedPairs(a, b, declarations);
  const headHas = declarations.head ?? (() => true);
  const reachedAtHead = new Set(b.reaches);
  const reachedAtBase = new Set(a.reaches);
  const lost = a.direct.filter((d) => (headHas(d) ? !reachedAtHead.has(d) : !renamed.has(d)));
  const renamedTo = new Set(renamed.values());
  const gained = b.direct.filter((e) => !reachedAtBase.has(e) && !renamedTo.has(e));
  const kept = declarations.head ? lost.filter((d) => headHas(d)) : [];
  const { similarity, kept: keptShare } = contentSimilarity(a, b);
  const swapped = lost.length > 0 && gained.length > 0 && lost.length * 2 >= a.direct.length && gained.length * 2 >= b.direct.length;
  if (swapped) return { related: false, reason: "identity", similarity, lost, gained, kept };
  // The same own code (the branches and what only the flag reaches, token for token) around shared
  // code that changed: it changed for every caller, so only a shared declaration rewritten into
  // other code counts (below). A wrapper put around a shared client (`prisma` re-exported as a
  // replica-aware `prismaWithReplicas`) moves the shared layers a side includes, not what the flag runs.
  const sameOwn = sameOwnCode(a, b);
  if (!sameOwn && similarity < sameCodeSimilarity && keptShare < grownCodeKept) return { related: false, reason: "content", similarity, lost, gained, kept };
  const rewritten = rewrittenDeclaration(a, b);
  if (rewritten) return { related: false, reason: "content", similarity: rewritten.similarity, lost, gained, kept, rewritten: rewritten.id };
  return { related: true, similarity, lost, gained, kept };
}

/** Whether two sides' own code is the same, token for token: their branches, and the declarations only the flag reaches (segments not `shared`), in order. */
function sameOwnCode(a: SideMeaning, b: SideMeaning): boolean {
  const own = (side: SideMeaning): string[] => side.segments.filter((s) => !s.shared).map((s) => `${s.id}\u0000${side.tokens.slice(s.from, s.to).join("\u0000")}`);
  const left = own(a);
  return left.length > 0 && sameList(left, own(b));
}

/**
 * Declarations of the base side gone at the head, each with the new declaration of the head side
 * that is it renamed or moved: one that did not exist at the base, whose body is alike.
 */
function renamedPairs(a: SideMeaning, b: SideMeaning, declarations: RevisionDeclarations): Map<string, string> {
  const pairs = new Map<string, string>();
  const headHas = declarations.head;
  const baseHas = declarations.base;
  const vanished = a.direct.filter((d) => (headHas ? !headHas(d) : !b.reaches.includes(d)));
  if (vanished.length === 0) return pairs;
  const fresh = b.reaches.filter((e) => (baseHas ? !baseHas(e) : !a.reaches.includes(e)));
  const taken = new Set<string>();
  for (const d of vanished) {
    const before = segmentTokens(a, d);
    let best: { id: string; score: number } | undefined;
    for (const e of fresh) {
      if (taken.has(e)) continue;
      const after = segmentTokens(b, e);
      // Without the bodies (past the side's size limit), the same name in another file is a move.
      const score = before && after ? tokenSimilarity(before, after) : nameOf(d) === nameOf(e) ? 1 : 0;
      if (score >= renamedBodySimilarity && (!best || score > best.score)) best = { id: e, score };
    }
    if (best) {
      pairs.set(d, best.id);
      taken.add(best.id);
    }
  }
  return pairs;
}

function segmentTokens(side: SideMeaning, id: string): string[] | undefined {
  const segment = side.segments.find((s) => s.id === id);
  return segment ? side.tokens.slice(segment.from, segment.to) : undefined;
}

function nameOf(identity: string): string {
  return identity.slice(identity.lastIndexOf("#") + 1);
}

/**
 * The similarity of two sides' tokens; between two exits, without the exits' own code (a refusal
 * reworded is the same refusal): 1 when nothing is left to compare.
 */
function contentSimilarity(a: SideMeaning, b: SideMeaning): { similarity: number; kept: number } {
  const exits = a.exit === true && b.exit === true;
  const left = comparedPieces(a, exits);
  const right = comparedPieces(b, exits);
  const leftLength = totalLength(left);
  const rightLength = totalLength(right);
  if (leftLength === 0 || rightLength === 0) {
    const same = leftLength === rightLength || exits ? 1 : 0;
    return { similarity: same, kept: same };
  }
  const common = commonPieceTokens(left, right);
  // "Kept most of its code" says nothing about a side of a few tokens.
  const kept = leftLength >= minimumGrownTokens ? common / leftLength : 0;
  return { similarity: (2 * common) / (leftLength + rightLength), kept };
}

/** A part of a side's code as compared: its segment's identity (`branch` for the branches) and weighted tokens. */
interface ComparedPiece {
  id: string;
  tokens: string[];
}

/** The side's segments with weighted tokens; between two exits, without the branches. */
function comparedPieces(side: SideMeaning, exits: boolean): ComparedPiece[] {
  // Segments cover a side's tokens; a side without them is its branches.
  const segments = side.segments.length > 0 || side.tokens.length === 0 ? side.segments : [{ id: "branch", depth: 0, from: 0, to: side.tokens.length }];
  return segments
    .filter((s) => !exits || s.id !== "branch")
    .map((s) => ({ id: s.id, tokens: weighted(side.tokens.slice(s.from, s.to)) }));
}

function totalLength(pieces: readonly ComparedPiece[]): number {
  return pieces.reduce((sum, piece) => sum + piece.tokens.length, 0);
}

/**
 * The tokens two sides have in common. A declaration on both sides (same identity) is compared
 * with itself wherever it sits: the order a side reaches its declarations in is the walk's, not the
 * code's (a component that starts calling a shared hook it reached two layers down before brings
 * that hook's code ahead of the others, and an in-order comparison would lose whichever of them it
 * jumped over). The rest (the branches, declarations on one side only, perhaps others renamed or
 * moved) is compared in order.
 */
function commonPieceTokens(left: readonly ComparedPiece[], right: readonly ComparedPiece[]): number {
  const unpairedRight = new Map<string, ComparedPiece[]>();
  for (const piece of right) {
    if (piece.id === "branch") continue;
    const same = unpairedRight.get(piece.id);
    if (same) same.push(piece);
    else unpairedRight.set(piece.id, [piece]);
  }
  let common = 0;
  const paired = new Set<ComparedPiece>();
  const restLeft: string[] = [];
  for (const piece of left) {
    const twin = piece.id === "branch" ? undefined : unpairedRight.get(piece.id)?.shift();
    if (twin) {
      paired.add(twin);
      common += commonTokens(piece.tokens, twin.tokens);
    } else {
      restLeft.push(...piece.tokens);
    }
  }
  const restRight = right.filter((piece) => !paired.has(piece)).flatMap((piece) => piece.tokens);
  return common + commonTokens(restLeft, restRight);
}

/**
 * A declaration both sides run under the same identity whose body was rewritten (less alike than
 * `sameCodeSimilarity`, and not grown with its old code kept), when it is a large part of the
 * base's side: shared code around it (a component that renders it, the branch's glue) must not hide
 * that what it does is new. Segments cut at the side's size limit are not compared.
 */
function rewrittenDeclaration(a: SideMeaning, b: SideMeaning): { id: string; similarity: number } | undefined {
  const total = weighted(a.tokens).length;
  for (const segment of a.segments) {
    if (segment.id === "branch" || segment.truncated) continue;
    const twin = b.segments.find((s) => s.id === segment.id);
    if (!twin || twin.truncated) continue;
    const before = weighted(a.tokens.slice(segment.from, segment.to));
    if (before.length < minimumRewrittenTokens || before.length < rewrittenShare * total) continue;
    const after = weighted(b.tokens.slice(twin.from, twin.to));
    const common = commonTokens(before, after);
    const similarity = (2 * common) / (before.length + after.length);
    const limit = segment.shared && twin.shared ? sharedRewrittenSimilarity : sameCodeSimilarity;
    if (similarity < limit && common / before.length < grownCodeKept) return { id: segment.id, similarity };
  }
  return undefined;
}

/**
 * A declaration that runs without the flag too (at both revisions: a shared component, a helper
 * other code calls) changes for every caller when it is rewritten: the flag still switches the
 * same call. Its rewrite counts against the flag only when less than half of it is left (Dice
 * similarity below 0.5: other code, not the same code restyled). On the generated corpus every
 * shared rewrite that a reuse hid behind glue scores 0.21 and every benign edit of shared code
 * at least 0.72, so any limit between keeps its scores; dub's `UsageCategory`, a usage tile its
 * unflagged tiles render too, restyled for all of them, scores 0.71 (docs/real-world-history.md).
 */
const sharedRewrittenSimilarity = 0.5;
/** A declaration rewritten in place counts when it holds at least this share of its side's (weighted) tokens… */
const rewrittenShare = 0.25;
/** …and at least this many: a one-line helper rewritten is a detail. */
const minimumRewrittenTokens = 12;

/** A string or number literal counts as this many tokens: a new venue, URL or format is a new meaning. */
const literalWeight = 3;
/**
 * The fewest (weighted) tokens a side must have for `grownCodeKept` to apply: a bare call (`a(x)`,
 * four) says nothing by being kept, a small object or call with its arguments (a tab
 * `{ id: "folders", label: "Folders" }` that gains an `href`, a false error on dub) does. 8 and 12
 * score the same on the generated corpus (1.00 on every edit kind).
 */
const minimumGrownTokens = 8;

/**
 * The handed content (`{children}` in a flag-gated layout or wrapper, code-tokens.ts) counts as
 * this many tokens: it stands for the wrapped content, which the comparison cannot see, and weighs
 * as much as the smallest side whose code can be kept (`minimumGrownTokens`): a gate that still
 * renders what it wraps has kept its content, whatever markup now surrounds it.
 */
const handedContentWeight = minimumGrownTokens;

/** The tokens with every literal repeated `literalWeight` times, and the handed content `handedContentWeight` times (the longest common subsequence then weighs them so). */
function weighted(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (const token of tokens) {
    const times = token === handedContentToken ? handedContentWeight : token.startsWith('"') || /^[0-9]/.test(token) ? literalWeight : 1;
    for (let i = 0; i < times; i++) out.push(token);
  }
  return out;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}
