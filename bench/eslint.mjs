// `npm run bench` (ESLint part): the deadflag ESLint plugin on effect's sources (571 files), next to
// `deadflag scan` of the same staged project, each run a whole fresh process; then an editor
// simulation (bench/eslint-editor.mjs): a warm graph, 20 single-file edits re-linted with
// `ESLint.lintText`. Prints markdown tables; see bench/README.md. Nothing fails on a slow run.
// Usage: node bench/eslint.mjs   (BENCH_RUNS overrides the number of rounds, default 3)
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { corpora, deadflagBin, distDir, installCorpora, prepareCorpus } from "./corpora.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, "..");
const runs = Number(process.env.BENCH_RUNS ?? 3);
const timeBin = existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;
const scratch = mkdtempSync(path.join(os.tmpdir(), "deadflag-bench-eslint-"));
const eslintBin = path.join(repoRoot, "node_modules", "eslint", "bin", "eslint.js");

/**
 * Writes the staged project's eslint.config.mjs: typescript-eslint's parser and deadflag's
 * recommended config, nothing else (`withDeadflag: false`: the parser alone, the cost ESLint pays
 * before any rule runs). Imports by absolute URL: the staged project is not inside the package.
 */
function writeEslintConfig(root, { withDeadflag, cacheLocation }) {
  const plugin = pathToFileURL(path.join(distDir, "rules", "index.js")).href;
  const tseslint = pathToFileURL(path.join(repoRoot, "node_modules", "typescript-eslint", "dist", "index.js")).href;
  const settings = cacheLocation ? { cacheLocation } : { cache: false };
  const file = path.join(root, "eslint.config.mjs");
  writeFileSync(
    file,
    [
      `import deadflag from ${JSON.stringify(plugin)};`,
      `import tseslint from ${JSON.stringify(tseslint)};`,
      "export default [",
      '  { files: ["**/*.ts"], languageOptions: { parser: tseslint.parser } },',
      // The corpus's own eslint-disable comments name rules that are not configured here.
      '  { linterOptions: { reportUnusedDisableDirectives: "off" } },',
      withDeadflag ? "  deadflag.configs.recommended," : "",
      `  { settings: { deadflag: ${JSON.stringify(settings)} } },`,
      "];",
      "",
    ].join("\n"),
  );
  return file;
}

/** A whole process: wall time, and peak RSS and CPU time from GNU time. */
function wholeProcess(argv, cwd) {
  const report = path.join(scratch, "time.txt");
  const [command, args] = timeBin ? [timeBin, ["-f", "%M %U %S", "-o", report, process.execPath, ...argv]] : [process.execPath, argv];
  const started = performance.now();
  const result = spawnSync(command, args, { cwd, encoding: "utf8", maxBuffer: 512 * 1024 * 1024 });
  const ms = performance.now() - started;
  if (result.status !== 0 && result.status !== 1) throw new Error(`${argv.join(" ")} exited with ${result.status}: ${result.stderr}`);
  const sample = { ms, problems: countProblems(result.stdout) };
  if (timeBin) {
    const [rssKB, user, system] = readFileSync(report, "utf8").trim().split(/\s+/).slice(-3).map(Number);
    Object.assign(sample, { rssMB: rssKB / 1024, cpuMs: (user + system) * 1000 });
  }
  return sample;
}

function countProblems(stdout) {
  const json = JSON.parse(stdout);
  if (!Array.isArray(json)) return json.findings.length;
  const messages = json.flatMap((result) => result.messages);
  const other = messages.find((message) => !message.ruleId?.startsWith("deadflag/"));
  if (other) throw new Error(`eslint reported ${other.ruleId ?? "a fatal error"}: ${other.message}`);
  return messages.length;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;

try {
  installCorpora();
  const corpus = corpora.find((c) => c.id === "effect");
  const root = prepareCorpus(corpus);
  const cacheLocation = path.join(scratch, "facts-cache");
  const eslintArgs = ["--format", "json", "--no-warn-ignored", "src"];
  const modes = {
    "deadflag scan (no cache)": () => wholeProcess([deadflagBin, "scan", root, "--no-cache", "--format", "json"], root),
    "eslint, parser only": () => {
      writeEslintConfig(root, { withDeadflag: false });
      return wholeProcess([eslintBin, ...eslintArgs], root);
    },
    "eslint + deadflag recommended (no cache)": () => {
      writeEslintConfig(root, { withDeadflag: true });
      return wholeProcess([eslintBin, ...eslintArgs], root);
    },
    "deadflag scan (warm facts cache)": () =>
      wholeProcess([deadflagBin, "scan", root, "--cache-location", cacheLocation, "--format", "json"], root),
    "eslint + deadflag recommended (warm facts cache)": () => {
      writeEslintConfig(root, { withDeadflag: true, cacheLocation });
      return wholeProcess([eslintBin, ...eslintArgs], root);
    },
  };
  // Fill the facts cache once, uncounted.
  wholeProcess([deadflagBin, "scan", root, "--cache-location", cacheLocation, "--format", "json"], root);
  const samples = Object.fromEntries(Object.keys(modes).map((mode) => [mode, []]));
  for (let round = 1; round <= runs; round++) {
    process.stderr.write(`eslint bench on ${corpus.name}: round ${round} of ${runs}\n`);
    for (const [mode, run] of Object.entries(modes)) samples[mode].push(run());
  }
  const editorRun = (...flags) =>
    JSON.parse(
      execFileSync(process.execPath, ["--expose-gc", path.join(here, "eslint-editor.mjs"), root, ...flags], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }),
    );
  const editor = { edits: editorRun(), gcBetween: editorRun("--gc-between"), parserOnly: editorRun("--parser-only") };
  rmSync(path.join(root, "eslint.config.mjs"), { force: true });

  console.log(`\nESLint plugin on ${corpus.name} (${os.cpus().length} cores, Node ${process.version}; median of ${runs} rounds, each a fresh process):\n`);
  console.log("| run | wall | CPU (user + system) | peak RSS | × scan (wall) | × scan (CPU) | findings |");
  console.log("|---|---|---|---|---|---|---|");
  const baseline = (mode) => (mode.includes("warm") ? samples["deadflag scan (warm facts cache)"] : samples["deadflag scan (no cache)"]);
  for (const [mode, list] of Object.entries(samples)) {
    const ms = median(list.map((s) => s.ms));
    const cpu = list[0].cpuMs === undefined ? undefined : median(list.map((s) => s.cpuMs));
    const base = baseline(mode);
    const baseMs = median(base.map((s) => s.ms));
    const baseCpu = base[0].cpuMs === undefined ? undefined : median(base.map((s) => s.cpuMs));
    const rss = list[0].rssMB === undefined ? "n/a" : `${Math.max(...list.map((s) => s.rssMB)).toFixed(0)} MB`;
    console.log(
      `| ${mode} | ${seconds(ms)} | ${cpu === undefined ? "n/a" : seconds(cpu)} | ${rss} | ${(ms / baseMs).toFixed(2)}× | ` +
        `${cpu === undefined || baseCpu === undefined ? "n/a" : `${(cpu / baseCpu).toFixed(2)}×`} | ${list[0].problems} |`,
    );
  }
  const cpuOf = (mode) => median(samples[mode].map((s) => s.cpuMs ?? s.ms));
  const parserOnly = cpuOf("eslint, parser only");
  console.log(
    `\ndeadflag's own cost inside ESLint (CPU of the run minus the parser-only run): ${seconds(cpuOf("eslint + deadflag recommended (no cache)") - parserOnly)} ` +
      `(scan: ${seconds(cpuOf("deadflag scan (no cache)"))}) cold, ${seconds(cpuOf("eslint + deadflag recommended (warm facts cache)") - parserOnly)} ` +
      `(scan: ${seconds(cpuOf("deadflag scan (warm facts cache)"))}) warm.`,
  );
  console.log(`\nEditor simulation (bench/eslint-editor.mjs): ${editor.edits.edits.length} single-file edits re-linted with ESLint.lintText after a first lint that builds the graph:\n`);
  console.log("| run | first lint, CPU | re-lint median | re-lint p90 | slowest | re-lint median CPU | heap after GC: graph built → after edit 20 | RSS: edit 1 → edit 20 |");
  console.log("|---|---|---|---|---|---|---|---|");
  const editorRow = (label, run) => {
    const times = run.edits.map((e) => e.ms);
    const sorted = [...times].sort((a, b) => a - b);
    const first = run.edits[0];
    const last = run.edits[run.edits.length - 1];
    console.log(
      `| ${label} | ${seconds(run.firstCpuMs)} | ${median(times).toFixed(0)} ms | ${sorted[Math.floor(sorted.length * 0.9)].toFixed(0)} ms | ${sorted[sorted.length - 1].toFixed(0)} ms | ` +
        `${median(run.edits.map((e) => e.cpuMs)).toFixed(0)} ms | ${run.heapBeforeMB.toFixed(0)} → ${run.heapAfterMB.toFixed(0)} MB | ${first.rssMB.toFixed(0)} → ${last.rssMB.toFixed(0)} MB |`,
    );
  };
  editorRow("deadflag recommended", editor.edits);
  editorRow("the same, a full GC forced after every edit", editor.gcBetween);
  editorRow("parser only (no rule)", editor.parserOnly);
  if (process.env.BENCH_JSON) writeFileSync(process.env.BENCH_JSON, `${JSON.stringify({ samples, editor }, null, 2)}\n`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
