// `no-flag-reuse` findings and their messages: one wording for `diff`, `history` and the ledger, so
// the same change reads the same everywhere, naming the code before and after and sitting at the
// head's read that shows it. The severity follows the flag's life: a flag still in development (first
// read fewer than `developmentDays` ago, not declared on, off or retired) changes its code all the
// time, which is what it is for: info at most. A change to a flag that had been stable, that is on,
// off or retired, or that comes back from the dead is the Knight case: an error. A changed value
// type or default is a warning, and a changed default an error when the flag is retired (the
// default is then what every read returns).
import type { ResolvedConfig } from "../config/resolve-config.js";
import type { Finding, FindingSeverity } from "../findings/finding.js";
import type { MeaningChange, ReuseKind } from "./compare-meanings.js";
import { grownCodeKept, sameCodeSimilarity } from "./compare-meanings.js";
import type { Evidence, FlagMeaning, SideMeaning, SiteMeaning } from "./flag-meaning.js";

/** Where a flag is in its life when its meaning changes. */
export interface FlagLife {
  /** First read fewer than `developmentDays` days before the change. */
  inDevelopment: boolean;
}

/** What a reuse finding is about. */
export interface ReuseEvent {
  kind: ReuseKind;
  head: FlagMeaning;
  base: FlagMeaning;
  /** The base's revision (a commit id) or `.deadflag/ledger.json`. */
  baseRevision: string;
  /** The change that shows it; for `resurrected`, the change against the key's last meaning. */
  change?: MeaningChange;
  /** The flag is retired (every read returns its default). */
  retired?: boolean;
}

/** One `no-flag-reuse` finding. */
export function reuseFinding(event: ReuseEvent, config: ResolvedConfig, life: FlagLife): Finding {
  const { kind, head, change } = event;
  const now = headEvidence(event);
  const was = baseEvidence(event);
  const side = change?.side ?? "on";
  const bySide = kind === "repurposed" || kind === "resurrected" || kind === "inverted";
  return {
    ruleId: "no-flag-reuse",
    severity: reuseSeverity(kind, head.key, config, life),
    message: reuseMessage({ ...event, retired: config.flags.states[head.key] === "retired" }),
    file: now.file,
    line: now.line,
    column: now.column,
    endLine: now.line,
    endColumn: now.column,
    flag: head.key,
    data: {
      kind,
      base: { revision: event.baseRevision, file: was.file, line: was.line },
      ...(bySide ? { side } : {}),
      ...((kind === "repurposed" || kind === "resurrected") && change?.kind === "repurposed"
        ? { before: symbolsOf(change.base?.sides[side]), after: symbolsOf(change.head?.sides[change.headSide ?? side]) }
        : {}),
      ...(change?.reason ? { reason: change.reason } : {}),
      ...(change?.rewritten ? { rewritten: describeIdentity(change.rewritten) } : {}),
      ...(change?.similarity === undefined ? {} : { similarity: Math.round(change.similarity * 100) / 100 }),
      // A content decision says which thresholds it crossed: less alike than this, and less of the old code kept.
      ...(change?.reason === "content" ? { thresholds: { similarity: sameCodeSimilarity, kept: grownCodeKept } } : {}),
    },
  };
}

/** What a repurposing or resurrection switched before and switches now, in the words of its message. */
export function describedSides(event: ReuseEvent): { before: string; after: string } | undefined {
  const { change } = event;
  if (change?.kind !== "repurposed") return undefined;
  const side = change.side ?? "on";
  return { before: describeSide(change.base, side, "the code"), after: describeSide(change.head, change.headSide ?? side, "other code") };
}

/** The message of a reuse event: the same in `diff`, `history` and against the ledger. */
export function reuseMessage(event: ReuseEvent): string {
  const { kind, head, base, change } = event;
  const key = head.key;
  const short = /^[0-9a-f]{40}$/.test(event.baseRevision) ? event.baseRevision.slice(0, 7) : event.baseRevision;
  const was = baseEvidence(event);
  const at = was.line > 0 ? `${was.file}:${was.line}` : was.file;
  const side = change?.side ?? "on";
  if (kind === "type-changed") return `${key} was read as ${base.valueTypes.join(" or ")} at ${short} (${at}); now as ${head.valueTypes.join(" or ")}`;
  if (kind === "default-changed") {
    const retired = event.retired ? ": the flag is retired, so the default is the value every read returns" : "";
    return `${key}'s default changed from ${base.defaults.join(" or ")} at ${short} (${at}) to ${head.defaults.join(" or ")}${retired}`;
  }
  const returns = kind === "resurrected" ? " was removed and comes back" : "";
  if (change?.kind === "inverted") {
    const opposite = change.headSide ?? (side === "off" ? "on" : "off");
    const tail = kind === "resurrected" ? "Use a new key." : "Use a new key, or keep the polarity.";
    return `${key}${returns || " is"} inverted: the code it switched ${side} at ${short} (${at}) now runs when it is ${opposite}. ${tail}`;
  }
  const before = describeSide(change?.base, side, "the code");
  const after = describeSide(change?.head, change?.headSide ?? side, "other code");
  const lead = returns === "" ? `${key} ` : `${key}${returns}: it `;
  const newRead = change?.reason === "new-read" && change.head ? `; now it is read at ${change.head.evidence.file}:${change.head.evidence.line} and switches ${after}` : "";
  const still = stillThere(change);
  if (change?.rewritten) {
    const similarity = change.similarity === undefined ? "" : ` (${Math.round(change.similarity * 100)}% alike)`;
    return `${lead}switched ${before} at ${short} (${at}); ${describeIdentity(change.rewritten)} has been rewritten since${similarity}. Use a new key.`;
  }
  return newRead !== ""
    ? `${lead}switched ${before} at ${short} (${at})${newRead}. Use a new key.`
    : `${lead}switched ${before} at ${short} (${at}); now switches ${after}${still}. Use a new key.`;
}

/**
 * The severity of a change, from the rule's setting and the flag's life: development changes are
 * info, a stable, declared or returning flag's an error.
 */
export function reuseSeverity(kind: ReuseKind, key: string, config: ResolvedConfig, life: FlagLife): FindingSeverity {
  const state = config.flags.states[key];
  const declared = state === "on" || state === "off" || state === "retired";
  let severity: FindingSeverity;
  if (kind === "type-changed") severity = "warn";
  else if (kind === "default-changed") severity = state === "retired" ? "error" : "warn";
  else severity = "error";
  if (kind !== "resurrected" && !declared && life.inDevelopment) severity = "info";
  return config.rules["no-flag-reuse"] === "warn" && severity === "error" ? "warn" : severity;
}

function headEvidence(event: ReuseEvent): Evidence {
  const { change, head } = event;
  if (change?.head) return change.head.evidence;
  return head.evidence;
}

function baseEvidence(event: ReuseEvent): Evidence {
  return event.change?.base?.evidence ?? event.base.evidence;
}

/** `F (src/f.ts)` for each declaration a side uses directly. */
function symbolsOf(side: SideMeaning | undefined): string[] {
  return (side?.direct ?? []).map(describeIdentity);
}

function describeIdentity(identity: string): string {
  const hash = identity.lastIndexOf("#");
  return `${identity.slice(hash + 1)} (${identity.slice(0, hash)})`;
}

/** `F (src/f.ts)`, the side's first line when it uses no declaration, else `fallback in its on branch`. */
function describeSide(site: SiteMeaning | undefined, side: string, fallback: string): string {
  const meaning = site?.sides[side];
  const where = side === "on" ? "" : side === "off" ? " when off" : ` for ${side.replace(/^case /, "")}`;
  const symbols = symbolsOf(meaning);
  if (symbols.length > 0) {
    const shown = symbols.slice(0, 2).join(", ");
    return `${symbols.length > 2 ? `${shown} and ${symbols.length - 2} more` : shown}${where}`;
  }
  if (meaning?.preview && site) return `\`${meaning.preview}\` (${site.evidence.file})${where}`;
  return `${fallback} in its ${side} branch`;
}

/** `; F (src/f.ts) is still there`: the old code stays in the tree, only no longer switched by the flag. */
function stillThere(change: MeaningChange | undefined): string {
  if (change?.reason !== "identity" || !change.kept || change.kept.length === 0) return "";
  const names = change.kept.map(describeIdentity);
  return `, while ${names.slice(0, 2).join(", ")} ${names.length === 1 ? "stays" : "stay"} in the code`;
}
