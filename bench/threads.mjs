// Worker threads: what extraction on 2+ threads saves, and from how many files it pays.
// Usage: npm run build && node bench/threads.mjs [corpus] (default effect; corpora from bench/corpora.mjs)
// 1. Extraction alone, in a fresh process per run: the first N files of the corpus (in the order
//    deadflag lists them) parsed with `--threads 1` and 2, N growing; wall time of the extraction
//    and the process's CPU time over it (user + system, every thread), median of BENCH_RUNS rounds
//    run round-robin. The smallest N where 2 threads take less wall time is the break-even.
// 2. The whole CLI, `deadflag scan <project> --no-cache --threads <n>`, wall and CPU (GNU time).
// Every run is a fresh process, so each pays loading TypeScript, once per thread.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { corpora, deadflagBin, distDir, prepareCorpus } from "./corpora.mjs";

const runs = Number(process.env.BENCH_RUNS ?? 5);
const [first, ...rest] = process.argv.slice(2);

if (first === "--one") {
  // One measurement: node bench/threads.mjs --one <root> <files> <threads>
  const [root, countArg, threadsArg] = rest;
  const engine = (file) => import(pathToFileURL(path.join(distDir, "src", file)).href);
  const { loadConfigSync } = await engine("config/load-config.js");
  const { readNamesOf } = await engine("flags/build-flag-index.js");
  const { discoverProjectSync } = await engine("project/discover-project.js");
  const { diskFileSystem } = await engine("project/disk-file-system.js");
  const { extractInParallel } = await engine("engine/extraction-pool.js");
  const { loadExtractor } = await engine("facts/extract-sources.js");
  const loaded = loadConfigSync(root);
  const options = { readNames: readNamesOf(loaded.config.flags) };
  const found = discoverProjectSync(diskFileSystem(root), { project: undefined, ignore: loaded.config.ignore }, []);
  const jobs = found.files
    .map((file) => ({ file, text: readFileSync(path.join(root, file), "utf8") }))
    .filter((job) => Buffer.byteLength(job.text) <= 2 * 1024 * 1024)
    .slice(0, Number(countArg));
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  // Loading the parser is part of the cost, on this thread as on each worker.
  const extract = await loadExtractor();
  let parsed = 0;
  extractInParallel(root, jobs, options, Number(threadsArg), (job) => extract(job.file, job.text, options), () => parsed++);
  const cpu = process.cpuUsage(cpuBefore);
  process.stdout.write(`${JSON.stringify({ ms: performance.now() - started, cpuMs: (cpu.user + cpu.system) / 1000, parsed })}\n`);
  process.exit(0);
}

const corpus = corpora.find((c) => c.id === (first ?? "effect"));
if (!corpus) throw new Error(`unknown corpus ${first}; one of ${corpora.map((c) => c.id).join(", ")}`);
const root = prepareCorpus(corpus);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;

const sizes = (process.env.BENCH_SIZES ?? "25,50,100,200,300,400,600").split(",").map(Number);
console.log(`## Extraction alone, ${corpus.name}, median of ${runs} (fresh process per run)\n`);
console.log("| files | wall, 1 thread | wall, 2 threads | speed-up | CPU, 1 thread | CPU, 2 threads |");
console.log("|---|---|---|---|---|---|");
for (const size of sizes) {
  const samples = { 1: [], 2: [] };
  let files = 0;
  for (let round = 0; round < runs; round++) {
    for (const threads of round % 2 ? [2, 1] : [1, 2]) {
      const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), "--one", root, String(size), String(threads)], { encoding: "utf8" });
      const sample = JSON.parse(out);
      files = sample.parsed;
      samples[threads].push(sample);
    }
  }
  const wall = (t) => median(samples[t].map((s) => s.ms));
  const cpu = (t) => median(samples[t].map((s) => s.cpuMs));
  console.log(`| ${files} | ${seconds(wall(1))} | ${seconds(wall(2))} | ${(wall(1) / wall(2)).toFixed(2)}× | ${seconds(cpu(1))} | ${seconds(cpu(2))} |`);
  if (files < size) break;
}

const time = existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;
console.log(`\n## The whole CLI, \`scan --no-cache\`, ${corpus.name}, median of ${runs}\n`);
console.log("| threads | wall | CPU (user + system) | peak RSS |");
console.log("|---|---|---|---|");
const cli = { 1: [], 2: [] };
for (let round = 0; round < runs; round++) {
  for (const threads of round % 2 ? [2, 1] : [1, 2]) {
    const args = [deadflagBin, "scan", root, "--no-cache", "--format", "json", "--threads", String(threads)];
    const started = performance.now();
    const result = time
      ? spawnSync(time, ["-f", "%M %U %S", process.execPath, ...args], { encoding: "utf8", maxBuffer: 1 << 28 })
      : spawnSync(process.execPath, args, { encoding: "utf8", maxBuffer: 1 << 28 });
    const ms = performance.now() - started;
    const [rss, user, system] = time ? result.stderr.trim().split("\n").pop().split(" ").map(Number) : [NaN, NaN, NaN];
    cli[threads].push({ ms, cpuMs: (user + system) * 1000, rssMB: rss / 1024 });
  }
}
for (const threads of [1, 2]) {
  const s = cli[threads];
  console.log(`| ${threads} | ${seconds(median(s.map((x) => x.ms)))} | ${seconds(median(s.map((x) => x.cpuMs)))} | ${Math.max(...s.map((x) => x.rssMB)).toFixed(0)} MB |`);
}
