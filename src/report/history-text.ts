// `deadflag history`: one block per flag, one line per event (short commit, date, author, what).
import pc from "picocolors";
import type { HistoryResult } from "../history/flag-history.js";
import type { ReportContext } from "./report-context.js";

const alarming = new Set(["repurposed", "resurrected", "inverted"]);

/** Formats a flag history for people. */
export default function formatHistoryText(history: HistoryResult, context: ReportContext): string {
  const colors = pc.createColors(context.color);
  const out: string[] = [];
  for (const flag of history.flags) {
    out.push(colors.bold(flag.key));
    for (const event of flag.events) {
      // A change while the flag is in development is what the flag is for: shown, not alarming.
      const development = event.severity === "info" ? " (in development)" : "";
      const line = `${event.kind}${development}: ${event.message}`;
      const what = alarming.has(event.kind) && event.severity !== "info" ? colors.red(line) : line;
      out.push(`  ${colors.dim(event.commit.slice(0, 7))} ${event.date.slice(0, 10)} ${event.author.padEnd(16)} ${what}`);
    }
    out.push("");
  }
  const reused = history.flags.filter((f) => f.events.some((e) => alarming.has(e.kind) && e.severity !== "info")).length;
  out.push(
    `${history.flags.length} flags over ${history.commits} commits; ${reused} ever reused` +
      ` (${history.parsed} files parsed, the rest from the cache)` +
      (history.incomplete ? "; incomplete: a shallow clone" : ""),
  );
  return `${out.join("\n")}\n`;
}
