// One whole process, timed from spawn to exit, with its peak RSS and CPU time from GNU time; and
// the medians the bench reports. Shared by bench/run.mjs and bench/targets.mjs.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

// GNU time reports the peak RSS (`%M`, KiB) and CPU time of the process it runs; without it the
// whole-process modes report wall time only.
export const timeBin = existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;

const scratch = mkdtempSync(path.join(os.tmpdir(), "deadflag-bench-time-"));
process.on("exit", () => rmSync(scratch, { recursive: true, force: true }));

/**
 * Runs `node <argv>` and returns { ms, rssMB?, cpuMs?, stdout, stderr }: wall time from spawn to exit
 * (Node's start-up, module loading, the work, and writing the output to a pipe). Exit 0 and 1 are
 * normal (both tools exit 1 when they find something); anything else throws.
 */
export function sampleProcess(argv, what, options = {}) {
  const report = path.join(scratch, "time.txt");
  const [command, args] = timeBin ? [timeBin, ["-f", "%M %U %S", "-o", report, process.execPath, ...argv]] : [process.execPath, argv];
  const started = performance.now();
  const result = spawnSync(command, args, { encoding: "utf8", maxBuffer: 512 * 1024 * 1024, cwd: options.cwd });
  const ms = performance.now() - started;
  if (result.status !== 0 && result.status !== 1) throw new Error(`${what} exited with ${result.status}: ${result.stderr.slice(0, 4000)}`);
  const sample = { ms, stdout: result.stdout, stderr: result.stderr };
  if (timeBin) {
    const [rssKB, user, system] = readFileSync(report, "utf8").trim().split(/\s+/).slice(-3).map(Number);
    Object.assign(sample, { rssMB: rssKB / 1024, cpuMs: (user + system) * 1000 });
  }
  return sample;
}

/** The number of findings in a JSON report of deadflag or of knip (files and exports). */
export function countFindings(stdout, tool) {
  const json = JSON.parse(stdout);
  if (tool === "knip") {
    return json.issues.reduce(
      (n, issue) => n + ["files", "exports", "types", "nsExports", "nsTypes"].reduce((m, type) => m + (issue[type]?.length ?? 0), 0),
      0,
    );
  }
  return json.findings.length;
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
