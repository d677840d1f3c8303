// `deadflag flags`: the flag-reference index as a table for people, then what needs a look
// (reads whose key could not be resolved, camelCase collisions).
import pc from "picocolors";
import type { FlagIndex } from "../flags/flag-index.js";
import type { ReportContext } from "./report-context.js";

/** Formats the index as a table: key, state, reads, files, SDKs. */
export default function formatFlagsText(index: FlagIndex, context: ReportContext): string {
  const colors = pc.createColors(context.color);
  if (index.flags.length === 0 && index.unresolved.length === 0) return "No flag reads found.\n";
  const header = ["KEY", "STATE", "READS", "FILES", "SDKS"];
  const rows = index.flags.map((flag) => [
    flag.key,
    flag.state ?? "-",
    String(flag.references.length),
    String(new Set(flag.references.map((r) => r.file)).size),
    flag.sdks.join(", ") || (flag.declarations.length > 0 ? "(declared only)" : ""),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const numeric = new Set([2, 3]);
  const line = (cells: string[]): string =>
    cells
      .map((cell, i) => (numeric.has(i) ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  const out: string[] = [colors.bold(line(header)), ...rows.map(line)];
  const reads = index.flags.reduce((sum, flag) => sum + flag.references.length, 0);
  const files = new Set(index.flags.flatMap((flag) => flag.references.map((r) => r.file))).size;
  out.push("", `${reads} ${plural(reads, "read")} of ${index.flags.length} ${plural(index.flags.length, "flag")} in ${files} ${plural(files, "file")}.`);
  if (index.unresolved.length > 0) {
    out.push("", colors.yellow(`Reads whose key is not a constant (${index.unresolved.length}):`));
    for (const u of index.unresolved) out.push(`  ${u.file}:${u.range.line}:${u.range.column}  ${u.via}(${u.keyText})`);
  }
  for (const collision of index.collisions) {
    out.push("", colors.yellow(`Keys that collide as ${collision.camelCase} in LaunchDarkly's camelCase: ${collision.keys.join(", ")}`));
  }
  return `${out.join("\n")}\n`;
}

function plural(count: number, word: string): string {
  return count === 1 ? word : `${word}s`;
}
