// `ledger update --rebuild`: what can still be read from a broken `.deadflag/ledger.json` (a merge
// conflict, a bad hand edit, a truncated write). Every entry that still parses on its own is kept,
// tombstones above all: they are the only record of a key that is gone, and losing one would let
// the key come back for other code unnoticed.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { FlagMeaning } from "./flag-meaning.js";
import type { Ledger, LedgerFlag, LedgerTombstone } from "./ledger.js";

/** The entries of the ledger file under `root` that still read as flags or tombstones; empty when there is no file. */
export function salvageLedger(root: string): Ledger {
  let text: string;
  try {
    text = readFileSync(path.join(root, ".deadflag", "ledger.json"), "utf8");
  } catch {
    return { version: 1, flags: {}, tombstones: {} };
  }
  return salvageLedgerText(text);
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
  }
  return { version: 1, flags, tombstones };
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
  if (!isRecord(value) || value["key"] !== key || !isRecord(value["sides"]) || !isRecord(value["polarity"])) return false;
  if (!isStrings(value["valueTypes"]) || !isStrings(value["defaults"]) || !isRecord(value["evidence"])) return false;
  return Object.values(value["sides"]).every((side) => isRecord(side) && isStrings(side["lines"]) && isStrings(side["symbols"]));
}

function isTombstone(value: Record<string, unknown>, key: string): value is Record<string, unknown> & LedgerTombstone {
  return "removed" in value && isEvent(value["removed"]) && isMeaning(value["meaning"], key);
}

function isFlag(value: Record<string, unknown>, key: string): value is Record<string, unknown> & LedgerFlag {
  return typeof value["fingerprint"] === "string" && "introduced" in value && isEvent(value["introduced"]) && isMeaning(value["meaning"], key);
}
