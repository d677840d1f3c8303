// The CLI's side of the process: where results, logs and progress go. Results go to stdout (or
// --output), everything else to stderr; progress only on a terminal and never under CI.
import { statSync, writeFileSync } from "node:fs";
import path from "node:path";
import pc from "picocolors";
import type { EngineDiagnostic } from "../engine/engine-diagnostic.js";
import { InputError } from "../engine/input-error.js";
import type { OpenStats, Progress } from "../engine/open-project.js";

/** Whether stdout should be coloured: a terminal, and NO_COLOR not set (FORCE_COLOR forces). */
export function stdoutColor(): boolean {
  return pc.isColorSupported && Boolean(process.stdout.isTTY || process.env["FORCE_COLOR"]);
}

/**
 * Checks, before any work, that `--output` names a file that can be written: not a directory, in a
 * directory that exists. The message names the path as the user typed it.
 */
export function checkOutputPath(output: string | undefined): void {
  if (output === undefined) return;
  if (output === "") throw new InputError("--output needs a file name");
  const target = path.resolve(output);
  if (statSync(target, { throwIfNoEntry: false })?.isDirectory()) {
    throw new InputError(`${output}: is a directory; --output needs a file name`);
  }
  const parent = statSync(path.dirname(target), { throwIfNoEntry: false });
  if (!parent) throw new InputError(`${output}: cannot write: directory ${path.dirname(output)} does not exist`);
  if (!parent.isDirectory()) throw new InputError(`${output}: cannot write: ${path.dirname(output)} is not a directory`);
}

/** Writes a command's result to `output` (one write, after all the work is done) or stdout. */
export function writeResult(text: string, output: string | undefined): void {
  if (!output) {
    process.stdout.write(text);
    return;
  }
  checkOutputPath(output);
  try {
    writeFileSync(path.resolve(output), text);
  } catch (error) {
    const code = error instanceof Error && "code" in error ? String(error.code) : "";
    const reason = code === "EACCES" || code === "EPERM" ? "permission denied" : code === "EROFS" ? "read-only file system" : undefined;
    if (reason) throw new InputError(`${output}: cannot write: ${reason}`);
    throw error;
  }
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
  const workers = stats.parsedByWorkers === undefined ? "" : `, ${stats.parsedByWorkers} of them on worker threads`;
  process.stderr.write(`files      ${stats.files} (${stats.parsed} parsed${workers}, ${stats.cached} from cache, ${stats.skipped} skipped)\n`);
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
