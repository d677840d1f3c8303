// The CLI's side of the process: where results, logs and progress go. Results go to stdout (or
// --output), everything else to stderr; progress only on a terminal and never under CI.
import { writeFileSync } from "node:fs";
import path from "node:path";
import pc from "picocolors";
import type { EngineDiagnostic } from "../engine/engine-diagnostic.js";
import type { OpenStats, Progress } from "../engine/open-project.js";

/** Whether stdout should be coloured: a terminal, and NO_COLOR not set (FORCE_COLOR forces). */
export function stdoutColor(): boolean {
  return pc.isColorSupported && Boolean(process.stdout.isTTY || process.env["FORCE_COLOR"]);
}

/** Writes a command's result to `output` (atomically enough: one write) or stdout. */
export function writeResult(text: string, output: string | undefined): void {
  if (output) writeFileSync(path.resolve(output), text);
  else process.stdout.write(text);
}

/** Prints the engine's diagnostics as warnings on stderr, one line each. */
export function printDiagnostics(diagnostics: readonly EngineDiagnostic[]): void {
  const colors = pc.createColors(pc.isColorSupported && Boolean(process.stderr.isTTY));
  for (const d of diagnostics) {
    process.stderr.write(`${colors.yellow("warning")} ${d.file ? `${d.file}: ` : ""}${d.message}\n`);
  }
}

/** Prints `--timing` output: one line per phase, then the cache counters. */
export function printTiming(stats: OpenStats, extra: Record<string, number> = {}): void {
  const phases = { ...stats.timings, ...extra };
  for (const [phase, ms] of Object.entries(phases)) process.stderr.write(`${phase.padEnd(10)} ${ms.toFixed(1).padStart(9)} ms\n`);
  process.stderr.write(`files      ${stats.files} (${stats.parsed} parsed, ${stats.cached} from cache, ${stats.skipped} skipped)\n`);
}

/** A progress callback that redraws one stderr line, or undefined when progress should stay quiet. */
export function progressReporter(): ((progress: Progress) => void) | undefined {
  if (!process.stderr.isTTY || process.env["CI"]) return undefined;
  let last = 0;
  return (progress) => {
    const now = Date.now();
    const finished = progress.done === progress.total;
    if (!finished && now - last < 100) return;
    last = now;
    process.stderr.write(finished ? "\r\x1b[K" : `\rExtracting facts ${progress.done}/${progress.total}`);
  };
}
