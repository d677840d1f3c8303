// `npm run bench`: indexes real corpora from npm next to plain TypeScript parsing of the same files,
// each measurement in a fresh process, and prints medians, ratios and peak RSS.
// The corpora (effect@4.1.0, rxjs@7.8.2) are installed into bench/.corpus (git-ignored) on first run.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const corpusDir = path.join(here, ".corpus");
const runs = Number(process.env.BENCH_RUNS ?? 5);
const corpora = [
  { name: "effect@4.1.0 src", pkg: "effect@4.1.0", root: "node_modules/effect/src" },
  { name: "rxjs@7.8.2", pkg: "rxjs@7.8.2", root: "node_modules/rxjs" },
];

function installCorpora() {
  const missing = corpora.filter((c) => !existsSync(path.join(corpusDir, c.root)));
  if (missing.length === 0) return;
  mkdirSync(corpusDir, { recursive: true });
  writeFileSync(path.join(corpusDir, "package.json"), '{ "name": "deadflag-bench-corpus", "private": true }\n');
  process.stderr.write(`installing ${missing.map((c) => c.pkg).join(", ")} into bench/.corpus\n`);
  execFileSync("npm", ["install", "--no-save", "--ignore-scripts", "--no-audit", "--no-fund", ...corpora.map((c) => c.pkg)], {
    cwd: corpusDir,
    stdio: "inherit",
  });
}

function measure(mode, root, cacheDir) {
  const args = [path.join(here, "measure.mjs"), mode, root, ...(cacheDir ? [cacheDir] : [])];
  return JSON.parse(execFileSync(process.execPath, args, { encoding: "utf8" }));
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function series(mode, root, cacheDir) {
  const results = Array.from({ length: runs }, () => measure(mode, root, cacheDir));
  return {
    ms: median(results.map((r) => r.ms)),
    rssMB: Math.max(...results.map((r) => r.rssMB)),
    files: results[0].files,
    parsed: results[results.length - 1].parsed,
    flags: results[0].flags,
  };
}

installCorpora();
const rows = [];
for (const corpus of corpora) {
  const root = path.join(corpusDir, corpus.root);
  const cacheDir = mkdtempSync(path.join(os.tmpdir(), "deadflag-bench-cache-"));
  try {
    const parse = series("parse", root);
    const cold = series("index-cold", root);
    measure("index-warm", root, cacheDir); // fills the cache
    const warm = series("index-warm", root, cacheDir);
    rows.push({ corpus: corpus.name, files: parse.files, parse, cold, warm });
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

const fmt = (ms) => `${(ms / 1000).toFixed(2)} s`;
console.log(`deadflag bench: median of ${runs} runs each, every run in a fresh process (${os.cpus().length} cores)\n`);
console.log("| corpus | files | plain parse | flags (cold) | ratio | flags (warm cache) | warm/cold | peak RSS cold | parsed when warm |");
console.log("|---|---|---|---|---|---|---|---|---|");
for (const r of rows) {
  console.log(
    `| ${r.corpus} | ${r.files} | ${fmt(r.parse.ms)} | ${fmt(r.cold.ms)} | ${(r.cold.ms / r.parse.ms).toFixed(2)}× | ${fmt(r.warm.ms)} | ${(r.warm.ms / r.cold.ms).toFixed(2)} | ${r.cold.rssMB.toFixed(0)} MB | ${r.warm.parsed} |`,
  );
}
