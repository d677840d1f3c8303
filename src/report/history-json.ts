// `deadflag history --format json`: the timelines as a versioned document.
import type { HistoryResult } from "../history/flag-history.js";

/** Formats a flag history as JSON (version 1); `incomplete` is true in a shallow clone, whose history stops at its boundary. */
export default function formatHistoryJson(history: HistoryResult): string {
  const document = { version: 1, commits: history.commits, incomplete: history.incomplete, flags: history.flags };
  return `${JSON.stringify(document, null, 2)}\n`;
}
