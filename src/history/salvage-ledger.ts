// `ledger update --rebuild`: what can still be read from a broken `.deadflag/ledger.json` (a merge
// conflict, a bad hand edit, a truncated write). Every entry that still parses on its own is kept,
// tombstones above all: they are the only record of a key that is gone, and losing one would let
// the key come back for other code unnoticed.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { FlagMeaning } from "./flag-meaning.js";
import type { Ledger, LedgerFlag, LedgerTombstone } from "./ledger.js";
import { unpackLedger } from "./ledger.js";

/** The entries of the ledger file under `root` that still read as flags or tombstones; empty when there is no file. */
export function salvageLedger(root: string): Ledger {
  let text: string;
  try {
    text = readFileSync(path.join(root, ".deadflag", "ledger.json"), "utf8");
  } catch {
    return { version: 2, flags: {}, tombstones: {} };
  }
  return unpackLedger(salvageLedgerText(text));
}

/** The entries of a ledger's text that still read as flags or tombstones, wherever they sit in it. */
function salvageLedgerText(text: string): Ledger {
  // Conflict markers are whole lines; without them each side's entries are complete objects again.
  const cleaned = text.replace(/^(?:<{7}|={7}|>{7}|\|{7}).*$/gm, "");
  const flags: Record<string, LedgerFlag> = {};
  const tombstones: Record<string, LedgerTombstone> = {};
  for (const match of cleaned.matchAll(/"((?:[^"\\\n]|\\.)*)"\s*:\s*\{/g)) {
    const key = parseString(match[1] ?? "");
    const start = (match.index ?? 0) + match[0].length - 1;
    const value = parseObjectAt(cleaned, start);
    if (key === undefined || value === undefined) continue;
    if (isTombstone(value, key)) tombstones[key] ??= value;
    else if (isFlag(value, key)) flags[key] ??= value;
    // A tombstone of a version 1 ledger: its meaning cannot be compared any more, but the key stays buried.
    else if (isOldTombstone(value, key)) tombstones[key] ??= { removed: value["removed"] as LedgerTombstone["removed"], meaning: withoutSites(value["meaning"], key) };
  }
  return { version: 2, flags, tombstones };
}

function parseString(body: string): string | undefined {
  try {
    const value: unknown = JSON.parse(`"${body}"`);
    return typeof value === "string" ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The JSON object whose `{` is at `start`, when its braces balance and it parses. */
function parseObjectAt(text: string, start: number): Record<string, unknown> | undefined {
  let depth = 0;
  let inString = false;
  for (let at = start; at < text.length; at++) {
    const char = text[at];
    if (inString) {
      if (char === "\\") at++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === "{") depth++;
    else if (char === "}" && --depth === 0) {
      try {
        const value: unknown = JSON.parse(text.slice(start, at + 1));
        return isRecord(value) ? value : undefined;
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isEvent(value: unknown): boolean {
  return value === null || (isRecord(value) && typeof value["commit"] === "string" && typeof value["date"] === "string");
}

function isStrings(value: unknown): boolean {
  return Array.isArray(value) && value.every((item) => typeof item === "string");
}

function isMeaning(value: unknown, key: string): value is FlagMeaning {
  if (!isRecord(value) || value["key"] !== key || !Array.isArray(value["sites"]) || !isRecord(value["polarity"])) return false;
  if (!isStrings(value["valueTypes"]) || !isStrings(value["defaults"]) || !isRecord(value["evidence"])) return false;
  return value["sites"].every(
    (site: unknown) =>
      isRecord(site) &&
      isRecord(site["sides"]) &&
      Object.values(site["sides"]).every(
        (side) => isRecord(side) && typeof side["tokens"] === "string" && isStrings(side["direct"]) && isStrings(side["reaches"]) && Array.isArray(side["segments"]),
      ),
  );
}

/** A version 1 meaning: sides of hashed lines, per key. */
function isOldMeaning(value: unknown, key: string): value is Record<string, unknown> {
  return isRecord(value) && value["key"] === key && isRecord(value["sides"]) && isRecord(value["evidence"]);
}

function isOldTombstone(value: Record<string, unknown>, key: string): boolean {
  return "removed" in value && isEvent(value["removed"]) && isOldMeaning(value["meaning"], key);
}

/** What is left of a version 1 meaning: its key, types and defaults, and no reads to compare. */
function withoutSites(value: unknown, key: string): FlagMeaning {
  const old = isRecord(value) ? value : {};
  const evidence = isRecord(old["evidence"]) && typeof old["evidence"]["file"] === "string" ? old["evidence"]["file"] : "";
  return {
    key,
    sites: [],
    polarity: { positive: 0, negative: 0 },
    valueTypes: isStrings(old["valueTypes"]) ? (old["valueTypes"] as string[]) : [],
    defaults: isStrings(old["defaults"]) ? (old["defaults"] as string[]) : [],
    evidence: { file: evidence, line: 0, column: 0 },
  };
}

function isTombstone(value: Record<string, unknown>, key: string): value is Record<string, unknown> & LedgerTombstone {
  return "removed" in value && isEvent(value["removed"]) && isMeaning(value["meaning"], key);
}

function isFlag(value: Record<string, unknown>, key: string): value is Record<string, unknown> & LedgerFlag {
  return typeof value["fingerprint"] === "string" && "introduced" in value && isEvent(value["introduced"]) && isMeaning(value["meaning"], key);
}
