// `deadflag history --format json`: the timelines as a versioned document.
import type { HistoryResult } from "../history/flag-history.js";

/** Formats a flag history as JSON (version 1). */
export default function formatHistoryJson(history: HistoryResult): string {
  return `${JSON.stringify({ version: 1, commits: history.commits, flags: history.flags }, null, 2)}\n`;
}
