// The performance targets of issue 9, each measured as whole processes next to knip 6.44.2 with the
// same entries, and printed as one table: target, measured, knip, ratio, met or not.
// - cold: `deadflag scan --no-cache` against knip, CPU time (< 1.0×);
// - warm, tree unchanged: `deadflag scan` with a filled cache against `knip --cache` (≤ 0.25×);
// - warm, one file edited: the same after appending a function to one file (≤ 0.5×);
// - writing the cache: `deadflag scan` into an empty cache against `--no-cache` (≤ 1.10×);
// - peak RSS: deadflag's largest against knip's largest on each corpus; under 1.5 GB on a project of
//   5,000+ files made from the corpora (bench/corpora.mjs's prepareLargeCorpus);
// - start-up: `deadflag --version` and `--help` (≤ 0.3 s CPU), a warm scan of the 12-file example
//   examples/knight-capital (≤ 0.5 s CPU).
// Modes run round-robin (one of each per round) so that other load on the shared machine falls on
// every mode alike; each figure is the median of the rounds (peak RSS: the largest).
// Usage: node bench/targets.mjs [corpus id …]   (after npm run build)
//   BENCH_RUNS (rounds per corpus; default 5 for rxjs and zod, 3 for effect), BENCH_STARTUP_RUNS (default 7),
//   BENCH_LARGE_RUNS (rounds on the 5,000-file project, default 1; 0 skips it),
//   BENCH_JSON=<file> also writes every sample; DEADFLAG_DIST measures another build than dist/.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { corpora, deadflagArgs, deadflagBin, installCorpora, knipArgs, knipBin, prepareCorpus, prepareLargeCorpus } from "./corpora.mjs";
import { countFindings, median, sampleProcess, timeBin } from "./process-sample.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const selected = wanted.length > 0 ? corpora.filter((c) => wanted.includes(c.id)) : corpora;
const runsOverride = process.env.BENCH_RUNS === undefined ? undefined : Number(process.env.BENCH_RUNS);
const startupRuns = Number(process.env.BENCH_STARTUP_RUNS ?? 7);
const largeRuns = Number(process.env.BENCH_LARGE_RUNS ?? 1);
const scratch = mkdtempSync(path.join(os.tmpdir(), "deadflag-targets-"));
const example = path.join(here, "..", "examples", "knight-capital");

/** The file each corpus's "one file edited" mode appends a function to (imported, not an entry). */
const editedFile = { rxjs: "src/internal/operators/map.ts", zod: "src/v4/core/util.ts", effect: "src/internal/array.ts" };

const deadflagCached = (root, cacheDir) => [deadflagBin, "scan", root, "--format", "json", "--cache-location", cacheDir, "--timing"];
const knipCached = (root, cacheDir) => [...knipArgs(root), "--cache", "--cache-location", cacheDir];

/** A deadflag or knip process; with deadflag's `--timing`, also whether the record answered and how many files it parsed. */
function run(argv, tool) {
  const { stdout, stderr, ...sample } = sampleProcess(argv, tool);
  const timing = /^files\s+\d+ \((\d+) parsed/m.exec(stderr ?? "");
  return {
    ...sample,
    findings: countFindings(stdout, tool),
    ...(timing ? { parsed: Number(timing[1]), fromRecord: /^record\s/m.test(stderr) } : {}),
  };
}

/** Every target mode of one corpus, round-robin; the edited file is restored at the end. */
function benchCorpus(corpus) {
  const root = prepareCorpus(corpus);
  const dirs = Object.fromEntries(["deadflag-warm", "knip-warm", "deadflag-write"].map((name) => [name, path.join(scratch, corpus.id, name)]));
  const edited = path.join(root, editedFile[corpus.id]);
  const original = readFileSync(edited, "utf8");
  // Fill both tools' caches (and the OS file cache); not counted.
  run(deadflagCached(root, dirs["deadflag-warm"]), "deadflag");
  run(knipCached(root, dirs["knip-warm"]), "knip");
  const modes = {
    // Each round appends another function to the file, so each edited run finds exactly one file
    // changed since the last run of the same tool, which left its cache up to date.
    "deadflag edited": () => run(deadflagCached(root, dirs["deadflag-warm"]), "deadflag"),
    "knip edited": () => run(knipCached(root, dirs["knip-warm"]), "knip"),
    "knip cold": () => run(knipArgs(root), "knip"),
    "deadflag cold": () => run(deadflagArgs(root), "deadflag"),
    "deadflag writing the cache": () => {
      rmSync(dirs["deadflag-write"], { recursive: true, force: true });
      return run(deadflagCached(root, dirs["deadflag-write"]), "deadflag");
    },
    "deadflag warm": () => run(deadflagCached(root, dirs["deadflag-warm"]), "deadflag"),
    "knip warm": () => run(knipCached(root, dirs["knip-warm"]), "knip"),
  };
  const samples = Object.fromEntries(Object.keys(modes).map((mode) => [mode, []]));
  const runs = runsOverride ?? corpus.runs;
  try {
    for (let round = 1; round <= runs; round++) {
      process.stderr.write(`${corpus.name}: round ${round} of ${runs}\n`);
      writeFileSync(edited, `${original}\nexport function deadflagBenchEdit${round}(): number {\n  return ${round};\n}\n`);
      for (const [mode, measure] of Object.entries(modes)) samples[mode].push(measure());
    }
  } finally {
    writeFileSync(edited, original);
  }
  return { corpus, runs, samples };
}

/** `--version`, `--help` of both tools, and a warm deadflag scan of the 12-file example, round-robin. */
function benchStartup() {
  const cacheDir = path.join(scratch, "example");
  const exampleArgs = [deadflagBin, "scan", example, "--format", "json", "--cache-location", cacheDir, "--timing"];
  run(exampleArgs, "deadflag");
  const modes = {
    "deadflag --version": () => sampleProcess([deadflagBin, "--version"], "deadflag"),
    "knip --version": () => sampleProcess([knipBin, "--version"], "knip"),
    "deadflag --help": () => sampleProcess([deadflagBin, "--help"], "deadflag"),
    "knip --help": () => sampleProcess([knipBin, "--help"], "knip"),
    "deadflag example warm": () => run(exampleArgs, "deadflag"),
  };
  const samples = Object.fromEntries(Object.keys(modes).map((mode) => [mode, []]));
  for (let round = 1; round <= startupRuns; round++) {
    process.stderr.write(`start-up: round ${round} of ${startupRuns}\n`);
    for (const [mode, measure] of Object.entries(modes)) samples[mode].push(measure());
  }
  return samples;
}

/** deadflag (no cache) and knip on the 5,000-file project. */
function benchLarge() {
  const { root, files } = prepareLargeCorpus();
  const samples = { deadflag: [], knip: [] };
  for (let round = 1; round <= largeRuns; round++) {
    process.stderr.write(`${files}-file project: round ${round} of ${largeRuns}\n`);
    samples.deadflag.push(run([...deadflagArgs(root), "--timing"], "deadflag"));
    samples.knip.push(run(knipArgs(root), "knip"));
  }
  return { files, samples };
}

const cpu = (samples) => median(samples.map((s) => s.cpuMs));
const wall = (samples) => median(samples.map((s) => s.ms));
const peak = (samples) => Math.max(...samples.map((s) => s.rssMB));
const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
const timed = (samples) => `${seconds(cpu(samples))} CPU (${seconds(wall(samples))} wall)`;

/** The table's rows: { target, measured, knip, ratio, met }. */
function rowsOf(results) {
  const rows = [];
  for (const { corpus, samples: s } of results.corpora) {
    const name = corpus.name;
    const ratioRow = (target, mine, theirs, limit, note = "") => {
      const ratio = cpu(mine) / cpu(theirs);
      rows.push({ target, measured: `${timed(mine)}${note}`, knip: timed(theirs), ratio: `${ratio.toFixed(2)}×`, met: ratio <= limit });
    };
    ratioRow(`${name}: cold, \`scan --no-cache\` < 1.0× knip`, s["deadflag cold"], s["knip cold"], 0.9999);
    const warm = s["deadflag warm"];
    const record = warm.every((x) => x.fromRecord) ? ", from the record" : `, ${warm.filter((x) => !x.fromRecord).length} not from the record`;
    ratioRow(`${name}: warm, tree unchanged ≤ 0.25× \`knip --cache\``, warm, s["knip warm"], 0.25, record);
    const parsed = Math.max(...s["deadflag edited"].map((x) => x.parsed ?? 0));
    ratioRow(`${name}: warm, one file edited ≤ 0.5× \`knip --cache\``, s["deadflag edited"], s["knip edited"], 0.5, `, ${parsed} parsed`);
    // Each round runs `--no-cache` and then the cache-writing scan back to back: the median of the
    // rounds' ratios cancels the slow drifts of other load better than a ratio of medians.
    const write = median(s["deadflag writing the cache"].map((x, i) => x.cpuMs / s["deadflag cold"][i].cpuMs));
    rows.push({
      target: `${name}: writing the cache ≤ 1.10× \`--no-cache\``,
      measured: `${timed(s["deadflag writing the cache"])} vs ${seconds(cpu(s["deadflag cold"]))} CPU`,
      knip: "—",
      ratio: `${write.toFixed(2)}× (median of the rounds' ratios)`,
      met: write <= 1.1,
    });
    const mine = Object.entries(s).filter(([mode]) => mode.startsWith("deadflag")).flatMap(([, list]) => list);
    const theirs = Object.entries(s).filter(([mode]) => mode.startsWith("knip")).flatMap(([, list]) => list);
    rows.push({
      target: `${name}: peak RSS ≤ knip's (largest of every run)`,
      measured: `${peak(mine).toFixed(0)} MB`,
      knip: `${peak(theirs).toFixed(0)} MB`,
      ratio: `${(peak(mine) / peak(theirs)).toFixed(2)}×`,
      met: peak(mine) <= peak(theirs),
    });
  }
  if (results.large) {
    const { files, samples } = results.large;
    rows.push({
      target: `${files.toLocaleString("en")}-file project: peak RSS < 1.5 GB`,
      measured: `${peak(samples.deadflag).toFixed(0)} MB, ${timed(samples.deadflag)}, ${samples.deadflag[0].parsed} files parsed`,
      knip: `${peak(samples.knip).toFixed(0)} MB, ${timed(samples.knip)}`,
      ratio: `${(peak(samples.deadflag) / peak(samples.knip)).toFixed(2)}×`,
      met: peak(samples.deadflag) < 1536,
    });
  }
  if (results.startup) {
    const s = results.startup;
    for (const flag of ["--version", "--help"]) {
      const mine = s[`deadflag ${flag}`];
      const theirs = s[`knip ${flag}`];
      rows.push({
        target: `\`deadflag ${flag}\` ≤ 0.3 s CPU`,
        measured: timed(mine),
        knip: timed(theirs),
        ratio: `${(cpu(mine) / cpu(theirs)).toFixed(2)}×`,
        met: cpu(mine) <= 300,
      });
    }
    const warm = s["deadflag example warm"];
    rows.push({ target: "warm scan of the 12-file example ≤ 0.5 s CPU", measured: timed(warm), knip: "—", ratio: "—", met: cpu(warm) <= 500 });
  }
  return rows;
}

function print(results, load) {
  console.log(
    `deadflag targets (issue 9), ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "unknown"}), ` +
      `Node ${process.version}, knip 6.44.2; whole processes, CPU time = user + system; median of ${results.corpora.map((r) => `${r.runs} rounds on ${r.corpus.id}`).join(", ")} ` +
      `(${startupRuns} for start-up, ${largeRuns} on the large project), modes round-robin; load average ${load} before, ${os.loadavg()[0].toFixed(2)} after\n`,
  );
  console.log("| target | deadflag | knip | ratio (CPU) | met |");
  console.log("|---|---|---|---|---|");
  for (const row of rowsOf(results)) console.log(`| ${row.target} | ${row.measured} | ${row.knip} | ${row.ratio} | ${row.met ? "met" : "**not met**"} |`);
  const findings = results.corpora.map(({ corpus, samples: s }) => `${corpus.name} deadflag ${s["deadflag cold"][0].findings}, knip ${s["knip cold"][0].findings}`);
  console.log(`\nFindings (cold, last round's tree): ${findings.join("; ")}.`);
}

/** The same findings from every deadflag mode of a round (a cache that changed the answer would be a bug). */
function checkFindings(results) {
  const problems = [];
  for (const { corpus, runs, samples: s } of results.corpora) {
    for (let round = 0; round < runs; round++) {
      const counts = ["deadflag cold", "deadflag writing the cache", "deadflag warm", "deadflag edited"].map((mode) => s[mode][round].findings);
      if (new Set(counts).size > 1) problems.push(`${corpus.name} round ${round + 1}: cold, writing, warm, edited found ${counts.join(", ")}`);
    }
  }
  return problems;
}

if (!timeBin) throw new Error("bench/targets.mjs needs GNU time (/usr/bin/time) for CPU time and peak RSS");
try {
  installCorpora();
  mkdirSync(scratch, { recursive: true });
  const load = os.loadavg()[0].toFixed(2);
  const results = { corpora: selected.map(benchCorpus) };
  if (largeRuns > 0) results.large = benchLarge();
  if (startupRuns > 0) results.startup = benchStartup();
  print(results, load);
  if (process.env.BENCH_JSON) writeFileSync(process.env.BENCH_JSON, `${JSON.stringify(results, null, 2)}\n`);
  const problems = checkFindings(results);
  if (problems.length > 0) {
    console.error(`deadflag's findings differ between cold and cached runs:\n${problems.join("\n")}`);
    process.exitCode = 1;
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
