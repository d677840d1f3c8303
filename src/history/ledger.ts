// The flag ledger, `.deadflag/ledger.json`: each flag's current meaning (its code as hashed tokens,
// so no code is copied into it: each token a 32-bit hash, packed into one string per side), when it
// was introduced, and tombstones for keys that are gone. CI compares against it when git history
// is shallow or missing. Sorted and stable, so it diffs well in review.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ConfigError } from "../config/config-error.js";
import { describeJsonError } from "../config/describe-json-error.js";
import type { FlagMeaning, SideMeaning, SiteMeaning } from "./flag-meaning.js";

/** Where the ledger lives, relative to the analysed root. */
const ledgerPath = path.join(".deadflag", "ledger.json");

/** A commit and its date. */
export interface LedgerEvent {
  commit: string;
  date: string;
}

/** A flag's entry: its meaning as stored (line hashes), and when it appeared. */
export interface LedgerFlag {
  fingerprint: string;
  meaning: FlagMeaning;
  introduced: LedgerEvent | null;
}

/** A key that is no longer read, with the meaning it had: reading it again is a resurrection. */
export interface LedgerTombstone {
  removed: LedgerEvent | null;
  meaning: FlagMeaning;
}

/** The whole ledger. */
export interface Ledger {
  version: 2;
  flags: Record<string, LedgerFlag>;
  tombstones: Record<string, LedgerTombstone>;
}

/** The ledger of `root`, or undefined when there is none; a broken one is a ConfigError. */
export function readLedger(root: string): Ledger | undefined {
  const file = path.join(root, ledgerPath);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(ledgerPath.split(path.sep).join("/"), `invalid JSON: ${describeJsonError(String(error instanceof Error ? error.message : error), text)}; repair it with \`deadflag ledger update --rebuild\``);
  }
  if (isRecord(data) && data["version"] === 1) {
    throw new ConfigError(ledgerPath.split(path.sep).join("/"), "written by an older deadflag (version 1); rewrite it with `deadflag ledger update --rebuild`");
  }
  if (!isLedger(data)) {
    throw new ConfigError(ledgerPath.split(path.sep).join("/"), 'expected { "version": 2, "flags": {…}, "tombstones": {…} }; repair it with `deadflag ledger update --rebuild`');
  }
  return unpackLedger(data);
}

/**
 * A meaning with its tokens replaced by hashes (comparable, and free of source text), its previews
 * dropped, and its reads' places reduced to the file: line numbers move with every edit, and the
 * ledger must not churn.
 */
export function hashedMeaning(meaning: FlagMeaning): FlagMeaning {
  const site = (s: SiteMeaning): SiteMeaning => {
    const sides: Record<string, SideMeaning> = {};
    for (const name of Object.keys(s.sides).sort()) {
      const side = s.sides[name];
      if (!side) continue;
      const { preview: _preview, ...kept } = side;
      sides[name] = { ...kept, tokens: side.tokens.map(hashToken) };
    }
    return { ...s, evidence: { file: s.evidence.file, line: 0, column: 0 }, sides };
  };
  return { ...meaning, sites: meaning.sites.map(site), evidence: { file: meaning.evidence.file, line: 0, column: 0 } };
}

/** A digest of a (hashed) meaning: equal digests, equal meanings. */
export function fingerprintOf(meaning: FlagMeaning): string {
  const { evidence: _evidence, ...rest } = meaning;
  return createHash("sha1").update(stableJson(rest)).digest("hex").slice(0, 16);
}

/** The next ledger: current flags, plus tombstones for keys the previous ledger had and the code no longer reads. */
export function nextLedger(
  previous: Ledger | undefined,
  current: ReadonlyMap<string, FlagMeaning>,
  introduced: ReadonlyMap<string, LedgerEvent | null>,
  removedAt: LedgerEvent | null,
): Ledger {
  const flags: Record<string, LedgerFlag> = {};
  for (const key of [...current.keys()].sort()) {
    const meaning = current.get(key);
    if (!meaning) continue;
    const hashed = hashedMeaning(meaning);
    flags[key] = {
      fingerprint: fingerprintOf(hashed),
      meaning: hashed,
      introduced: previous?.flags[key]?.introduced ?? introduced.get(key) ?? null,
    };
  }
  const tombstones: Record<string, LedgerTombstone> = {};
  for (const [key, tombstone] of Object.entries(previous?.tombstones ?? {})) {
    if (!(key in flags)) tombstones[key] = tombstone;
  }
  for (const [key, entry] of Object.entries(previous?.flags ?? {})) {
    if (!(key in flags)) tombstones[key] = { removed: removedAt, meaning: entry.meaning };
  }
  return { version: 2, flags, tombstones: sortedRecord(tombstones) };
}

/** Writes the ledger atomically, as sorted two-space JSON. */
export function writeLedger(root: string, ledger: Ledger): void {
  const file = path.join(root, ledgerPath);
  mkdirSync(path.dirname(file), { recursive: true });
  writeAtomically(file, packedJson(ledger));
}

/** Writes a file whole or not at all (a temporary file renamed over it). */
export function writeAtomically(file: string, text: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}

/**
 * Two-space JSON with each side's hashed tokens packed into one string: a file of thousands of
 * tokens stays readable (see {@link unpackMeaning}).
 */
export function packedJson(value: unknown): string {
  const packTokens = (key: string, item: unknown): unknown => (key === "tokens" && Array.isArray(item) ? item.join("") : item);
  return `${JSON.stringify(value, packTokens, 2)}\n`;
}

/** Width of one token's hash: 32 bits as 6 base64url characters. */
const hashWidth = 6;

function hashToken(token: string): string {
  return createHash("sha1").update(token).digest("base64url").slice(0, hashWidth);
}

/** The ledger as read: each side's packed tokens split again. */
export function unpackLedger(ledger: Ledger): Ledger {
  return {
    ...ledger,
    flags: Object.fromEntries(Object.entries(ledger.flags).map(([k, f]) => [k, { ...f, meaning: unpackMeaning(f.meaning) }])),
    tombstones: Object.fromEntries(Object.entries(ledger.tombstones).map(([k, t]) => [k, { ...t, meaning: unpackMeaning(t.meaning) }])),
  };
}

/** A meaning as read from {@link packedJson}: each side's packed tokens split again. */
export function unpackMeaning(meaning: FlagMeaning): FlagMeaning {
  const unpack = (side: SideMeaning): SideMeaning => {
    const text: unknown = side.tokens;
    if (typeof text !== "string") return side;
    const tokens: string[] = [];
    for (let i = 0; i < text.length; i += hashWidth) tokens.push(text.slice(i, i + hashWidth));
    return { ...side, tokens };
  };
  return {
    ...meaning,
    sites: (meaning.sites ?? []).map((s) => ({ ...s, sides: Object.fromEntries(Object.entries(s.sides).map(([k, v]) => [k, unpack(v)])) })),
  };
}

function sortedRecord<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isLedger(value: unknown): value is Ledger {
  return (
    typeof value === "object" &&
    value !== null &&
    "version" in value &&
    value.version === 2 &&
    "flags" in value &&
    typeof value.flags === "object" &&
    value.flags !== null &&
    "tombstones" in value &&
    typeof value.tombstones === "object" &&
    value.tombstones !== null
  );
}
