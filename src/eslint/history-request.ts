// What the git-backed rules (`no-flag-reuse`, `no-stale-flag`) ask their worker: the file, the
// project, the texts, and the rule's question.
import type { SessionOptions } from "../engine/project-session.js";

/** What one rule asks of history. */
export type HistoryQuestion =
  /** Flags whose meaning changed: against `base` (a git revision), or the ledger when undefined. */
  | { rule: "no-flag-reuse"; base?: string }
  /** Flags read for longer than `staleAfterDays` (default: the config's). */
  | { rule: "no-stale-flag"; staleAfterDays?: number };

/** One question to the history worker; plain data, as it crosses threads. */
export interface HistoryRequest {
  session: Pick<SessionOptions, "root" | "configFile" | "cache" | "cacheLocation" | "diskCheckIntervalMs">;
  /** Root-relative POSIX path of the linted file. */
  file: string;
  /** Unsaved texts by root-relative path. */
  overrides: [string, string][];
  question: HistoryQuestion;
}
