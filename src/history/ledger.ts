// The flag ledger, `.deadflag/ledger.json`: each flag's current meaning (hashed lines, so no code
// is copied into it), when it was introduced, and tombstones for keys that are gone. CI compares
// against it when git history is shallow or missing. Sorted and stable, so it diffs well in review.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ConfigError } from "../config/config-error.js";
import { describeJsonError } from "../config/describe-json-error.js";
import type { FlagMeaning, SideMeaning } from "./flag-meaning.js";

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
  version: 1;
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
  if (!isLedger(data)) {
    throw new ConfigError(ledgerPath.split(path.sep).join("/"), 'expected { "version": 1, "flags": {…}, "tombstones": {…} }; repair it with `deadflag ledger update --rebuild`');
  }
  return data;
}

/**
 * A meaning with its lines replaced by short hashes (comparable, and free of source text) and its
 * evidence reduced to the file: line numbers move with every edit, and the ledger must not churn.
 */
export function hashedMeaning(meaning: FlagMeaning): FlagMeaning {
  const hashAll = (lines: readonly string[]): string[] => lines.map(hashLine).sort();
  const sides: Record<string, SideMeaning> = {};
  for (const side of Object.keys(meaning.sides).sort()) {
    const value = meaning.sides[side];
    if (!value) continue;
    const hashed: SideMeaning = { lines: hashAll(value.lines), symbols: [...value.symbols] };
    if (value.evidence) hashed.evidence = { file: value.evidence.file, line: 0, column: 0 };
    if (value.shapes) hashed.shapes = hashAll(value.shapes);
    if (value.deep) hashed.deep = value.deep.map((d) => ({ lines: hashAll(d.lines), shapes: hashAll(d.shapes) }));
    sides[side] = hashed;
  }
  return { ...meaning, sides, evidence: { file: meaning.evidence.file, line: 0, column: 0 } };
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
  return { version: 1, flags, tombstones: sortedRecord(tombstones) };
}

/** Writes the ledger atomically, as sorted two-space JSON. */
export function writeLedger(root: string, ledger: Ledger): void {
  const file = path.join(root, ledgerPath);
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(ledger, null, 2)}\n`);
  renameSync(temporary, file);
}

function hashLine(line: string): string {
  return createHash("sha1").update(line).digest("hex").slice(0, 12);
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

function isLedger(value: unknown): value is Ledger {
  return (
    typeof value === "object" &&
    value !== null &&
    "version" in value &&
    value.version === 1 &&
    "flags" in value &&
    typeof value.flags === "object" &&
    value.flags !== null &&
    "tombstones" in value &&
    typeof value.tombstones === "object" &&
    value.tombstones !== null
  );
}
