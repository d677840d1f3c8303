// `npm run bench`: deadflag on real corpora from npm, next to plain TypeScript parsing of the same
// files and knip on the same staged project, every measurement in a fresh process. Prints medians,
// ratios, peak RSS and CPU time as markdown tables. See bench/README.md for what each mode times.
// Usage: node bench/run.mjs [corpus id …]   (BENCH_RUNS overrides each corpus's number of runs;
// BENCH_JSON=<file> also writes every sample; DEADFLAG_DIST measures another build than dist/)
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { corpora, deadflagArgs, installCorpora, knipArgs, prepareCorpus } from "./corpora.mjs";
import { countFindings, median, sampleProcess } from "./process-sample.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const selected = wanted.length > 0 ? corpora.filter((c) => wanted.includes(c.id)) : corpora;
const runsOverride = process.env.BENCH_RUNS === undefined ? undefined : Number(process.env.BENCH_RUNS);
const scratch = mkdtempSync(path.join(os.tmpdir(), "deadflag-bench-"));

/** An in-process mode: bench/measure.mjs times the work itself and reports its own peak RSS. */
function inProcess(mode, root, cacheDir) {
  const args = [path.join(here, "measure.mjs"), mode, root, ...(cacheDir ? [cacheDir] : [])];
  return JSON.parse(execFileSync(process.execPath, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }));
}

/** A whole-process mode (see bench/process-sample.mjs), with the number of findings it printed. */
function wholeProcess(argv, what) {
  const { stdout, stderr: _stderr, ...sample } = sampleProcess(argv, what);
  return { ...sample, findings: countFindings(stdout, what) };
}

function summarise(samples) {
  const defined = (key) => samples.map((s) => s[key]).filter((v) => v !== undefined);
  return {
    ms: median(samples.map((s) => s.ms)),
    cpuMs: defined("cpuMs").length ? median(defined("cpuMs")) : undefined,
    rssMB: defined("rssMB").length ? Math.max(...defined("rssMB")) : undefined,
    files: samples[0].files,
    parsed: Math.max(...samples.map((s) => s.parsed ?? 0)),
    findings: samples[0].findings,
    samples,
  };
}

/**
 * Runs every mode of one corpus `runs` times, round-robin (one of each mode per round), so that a
 * burst of load on a shared machine falls on every mode alike rather than on one.
 */
function benchCorpus(corpus) {
  const root = prepareCorpus(corpus);
  const runs = runsOverride ?? corpus.runs;
  const cacheDir = path.join(scratch, `cache-${corpus.id}`);
  inProcess("scan-warm", root, cacheDir); // fills the cache; not counted
  const modes = {
    parse: () => inProcess("parse", root),
    "index-cold": () => inProcess("index-cold", root),
    "scan-cold": () => inProcess("scan-cold", root),
    "scan-warm": () => inProcess("scan-warm", root, cacheDir),
    "deadflag-cli": () => wholeProcess(deadflagArgs(root), "deadflag"),
    knip: () => wholeProcess(knipArgs(root), "knip"),
  };
  const samples = Object.fromEntries(Object.keys(modes).map((m) => [m, []]));
  for (let round = 1; round <= runs; round++) {
    process.stderr.write(`${corpus.name}: round ${round} of ${runs}\n`);
    for (const [mode, run] of Object.entries(modes)) samples[mode].push(run());
  }
  return { corpus: corpus.name, runs, ...Object.fromEntries(Object.entries(samples).map(([m, s]) => [m, summarise(s)])) };
}

const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
const ratio = (a, b) => `${(a / b).toFixed(2)}×`;
const mb = (value) => (value === undefined ? "n/a" : `${value.toFixed(0)} MB`);

function print(rows, load) {
  const cores = os.cpus().length;
  console.log(
    `deadflag bench, ${new Date().toISOString().slice(0, 10)}: ${cores} cores, Node ${process.version}; median of N runs` +
      ` per mode, each in a fresh process; load average ${load.before} before, ${os.loadavg()[0].toFixed(2)} after\n`,
  );
  console.log("Wall time (median):\n");
  console.log("| corpus | files | runs | plain parse | flags index | scan cold | scan/parse | scan warm | warm/cold | parsed warm | deadflag CLI | knip | deadflag/knip |");
  console.log("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
  for (const r of rows) {
    console.log(
      `| ${r.corpus} | ${r["scan-cold"].files} | ${r.runs} | ${seconds(r.parse.ms)} | ${seconds(r["index-cold"].ms)} | ${seconds(r["scan-cold"].ms)} | ` +
        `${ratio(r["scan-cold"].ms, r.parse.ms)} | ${seconds(r["scan-warm"].ms)} | ${(r["scan-warm"].ms / r["scan-cold"].ms).toFixed(2)} | ` +
        `${r["scan-warm"].parsed} | ${seconds(r["deadflag-cli"].ms)} | ${seconds(r.knip.ms)} | ${ratio(r["deadflag-cli"].ms, r.knip.ms)} |`,
    );
  }
  console.log("\nPeak RSS (largest of the runs; whole process):\n");
  console.log("| corpus | plain parse | flags index | scan cold | scan warm | deadflag CLI | knip |");
  console.log("|---|---|---|---|---|---|---|");
  for (const r of rows) {
    console.log(
      `| ${r.corpus} | ${mb(r.parse.rssMB)} | ${mb(r["index-cold"].rssMB)} | ${mb(r["scan-cold"].rssMB)} | ${mb(r["scan-warm"].rssMB)} | ${mb(r["deadflag-cli"].rssMB)} | ${mb(r.knip.rssMB)} |`,
    );
  }
  console.log("\nCPU time, user + system (median; less sensitive than wall time to other load on the machine):\n");
  console.log("| corpus | plain parse | flags index | scan cold | scan/parse | scan warm | deadflag CLI | knip | deadflag/knip |");
  console.log("|---|---|---|---|---|---|---|---|---|");
  const cpu = (s) => (s.cpuMs === undefined ? "n/a" : seconds(s.cpuMs));
  for (const r of rows) {
    const cliKnip = r["deadflag-cli"].cpuMs && r.knip.cpuMs ? ratio(r["deadflag-cli"].cpuMs, r.knip.cpuMs) : "n/a";
    console.log(
      `| ${r.corpus} | ${cpu(r.parse)} | ${cpu(r["index-cold"])} | ${cpu(r["scan-cold"])} | ${ratio(r["scan-cold"].cpuMs, r.parse.cpuMs)} | ` +
        `${cpu(r["scan-warm"])} | ${cpu(r["deadflag-cli"])} | ${cpu(r.knip)} | ${cliKnip} |`,
    );
  }
  console.log(`\nFindings: ${rows.map((r) => `${r.corpus} deadflag ${r["deadflag-cli"].findings}, knip ${r.knip.findings}`).join("; ")}.`);
}

try {
  installCorpora();
  const load = { before: os.loadavg()[0].toFixed(2) };
  const rows = selected.map(benchCorpus);
  print(rows, load);
  if (process.env.BENCH_JSON) writeFileSync(process.env.BENCH_JSON, `${JSON.stringify(rows, null, 2)}\n`);
  const warmParsed = rows.filter((r) => r["scan-warm"].parsed !== 0);
  if (warmParsed.length > 0) {
    console.error(`warm scans parsed files: ${warmParsed.map((r) => `${r.corpus} ${r["scan-warm"].parsed}`).join(", ")}`);
    process.exitCode = 1;
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
