// `npm run bench:history`: `deadflag diff` and `deadflag history` on a generated git history over
// rxjs@7.8.2 (bench/history-commits.mjs builds it once, into bench/.corpus/history-repo), next to
// one `deadflag scan` of its head, every run a fresh process (a second diff, over the last tenth of
// the history, shows how diff grows with the files changed), and the pre-commit hook's
// `diff --staged --base HEAD` on a 500-file copy of the head with one staged file, warm cache. Prints medians of wall and CPU time,
// peak RSS and the files each run parsed, the ratios to one scan against issue 4's targets (diff of
// two revisions ≤ 1.3× a scan, history over 200 commits ≤ 10× a scan), and checks the history's
// events and the diff's findings against the generator's manifest.
// Usage: node bench/history.mjs   (BENCH_RUNS: rounds, default 3; BENCH_BASE: the index of the
// diff's base commit, default 100; BENCH_SEED, BENCH_COMMITS: another generated history (the
// repository is rebuilt); BENCH_JSON=<file>: every sample as JSON; DEADFLAG_DIST: another build, as
// for bench/run.mjs)
import { execFileSync, spawnSync } from "node:child_process";
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { deadflagBin } from "./corpora.mjs";
import { defaultCommits, defaultHistoryRepo, defaultSeed, ensureHistoryRepo } from "./history-commits.mjs";

const runs = Number(process.env.BENCH_RUNS ?? 3);
const baseIndex = Number(process.env.BENCH_BASE ?? 100);
const seed = Number(process.env.BENCH_SEED ?? defaultSeed);
const commitCount = Number(process.env.BENCH_COMMITS ?? defaultCommits);
const repo = defaultHistoryRepo;
// GNU time reports the peak RSS (`%M`, KiB) and the CPU time of the process it runs.
const timeBin = existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;
const scratch = mkdtempSync(path.join(os.tmpdir(), "deadflag-bench-history-"));

/** One whole process: wall time from spawn to exit, peak RSS and CPU time from GNU time, its output. */
function wholeProcess(argv) {
  const report = path.join(scratch, "time.txt");
  const [command, args] = timeBin
    ? [timeBin, ["-f", "%M %U %S", "-o", report, process.execPath, ...argv]]
    : [process.execPath, argv];
  const started = performance.now();
  const result = spawnSync(command, args, { encoding: "utf8", maxBuffer: 512 * 1024 * 1024 });
  const ms = performance.now() - started;
  // scan and diff exit 1 when they report an error-level finding.
  if (result.status !== 0 && result.status !== 1) throw new Error(`${argv.slice(1, 3).join(" ")} exited with ${result.status}: ${result.stderr}`);
  const sample = { ms, stdout: result.stdout, stderr: result.stderr };
  if (timeBin) {
    const [rssKB, user, system] = readFileSync(report, "utf8").trim().split(/\s+/).slice(-3).map(Number);
    Object.assign(sample, { rssMB: rssKB / 1024, cpuMs: (user + system) * 1000 });
  }
  return sample;
}

/** Files parsed, from each command's `--timing` lines on stderr. */
function parsedFiles(mode, stderr) {
  if (mode === "scan") {
    const match = /^files\s+(\d+) \((\d+) parsed/m.exec(stderr);
    return match ? { parsed: Number(match[2]), detail: `${match[2]} of ${match[1]}` } : {};
  }
  if (mode === "diff") {
    const revisions = [...stderr.matchAll(/^parsed\s+(\d+) files at (\S+)/gm)].map((m) => ({ revision: m[2], parsed: Number(m[1]) }));
    return { parsed: revisions.reduce((n, r) => n + r.parsed, 0), detail: revisions.map((r) => `${r.parsed} at ${r.revision.slice(0, 7)}`).join(" + ") };
  }
  const match = /^history\s+[\d.]+ ms, (\d+) files parsed/m.exec(stderr);
  return match ? { parsed: Number(match[1]) } : {};
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The expected history events: one per flag change of the manifest (benign ones expect none). */
function checkHistory(manifest, history) {
  const subjects = new Map(manifest.log.map((c) => [c.hash, c.subject]));
  const found = new Map(); // "key commit" -> kinds
  for (const flag of history.flags) {
    for (const e of flag.events) {
      const id = `${flag.key} ${e.commit}`;
      found.set(id, [...(found.get(id) ?? []), e.kind]);
    }
  }
  const byKind = {};
  const missed = [];
  const benignWithEvent = [];
  const explained = new Set();
  for (const entry of manifest.log) {
    if (!entry.flag) continue;
    const { key, expect } = entry.flag;
    const id = `${key} ${entry.hash}`;
    const kinds = found.get(id) ?? [];
    explained.add(id);
    if (expect === "none") {
      if (kinds.length > 0) benignWithEvent.push(`${entry.hash.slice(0, 7)} ${key}: ${kinds.join(", ")} (${entry.subject})`);
      continue;
    }
    const tally = (byKind[expect] ??= { expected: 0, found: 0 });
    tally.expected++;
    if (kinds.includes(expect)) tally.found++;
    else missed.push(`${entry.hash.slice(0, 7)} ${key}: expected ${expect}, got ${kinds.join(", ") || "nothing"} (${entry.subject})`);
  }
  const other = [];
  for (const [id, kinds] of found) {
    if (explained.has(id)) continue;
    const [key, commit] = id.split(" ");
    other.push(`${commit.slice(0, 7)} ${key}: ${kinds.join(", ")} (${subjects.get(commit) ?? "?"})`);
  }
  const benign = manifest.log.filter((c) => c.flag?.expect === "none").length;
  return { byKind, missed, benign, benignWithEvent, other };
}

/**
 * What `diff base..head` must find, from the flag states the manifest recorded at both commits: a
 * key read at both with other code is repurposed, with its code on the other side inverted, with
 * another default default-changed; a key removed before the base and read again for other code is
 * resurrected. New and removed keys are no findings.
 */
function expectedDiff(base, head) {
  const expected = new Set();
  for (const [key, now] of Object.entries(head.flags)) {
    if (!now.active) continue;
    const then = base.flags[key];
    if (!then) continue;
    if (!then.active) {
      if (then.template !== now.template || then.negated !== now.negated) expected.add(`${key} resurrected`);
      continue;
    }
    if (then.template !== now.template) expected.add(`${key} repurposed`);
    else if (then.negated !== now.negated) expected.add(`${key} inverted`);
    if (then.default !== now.default) expected.add(`${key} default-changed`);
  }
  return expected;
}

function checkDiff(expected, findings) {
  const got = new Set(findings.filter((f) => f.ruleId === "no-flag-reuse").map((f) => `${f.flag} ${f.data.kind}`));
  return {
    expected: expected.size,
    found: [...expected].filter((e) => got.has(e)).length,
    missed: [...expected].filter((e) => !got.has(e)),
    unexpected: [...got].filter((g) => !expected.has(g)),
  };
}

/**
 * A 500-file repository for the pre-commit hook (issue 11): the head of the generated history with
 * its `src/` copied once more (504 files), committed, and one file edited and staged.
 */
function stagedRepo(from) {
  const dir = path.join(scratch, "staged-repo");
  const env = { ...process.env, GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: "/dev/null", GIT_AUTHOR_NAME: "bench", GIT_AUTHOR_EMAIL: "bench@deadflag.invalid", GIT_COMMITTER_NAME: "bench", GIT_COMMITTER_EMAIL: "bench@deadflag.invalid" };
  const git = (...args) => execFileSync("git", ["-C", dir, "-c", "commit.gpgsign=false", ...args], { env, stdio: "ignore" });
  execFileSync("git", ["clone", "-q", from, dir], { env, stdio: "ignore" });
  cpSync(path.join(dir, "src"), path.join(dir, "lib2"), { recursive: true });
  git("add", "-A");
  git("commit", "-q", "-m", "Copy src into lib2");
  appendFileSync(path.join(dir, "src", "internal", "util", "identity.ts"), "\nexport const stagedEdit = 1;\n");
  git("add", "src/internal/util/identity.ts");
  return dir;
}

const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
const ratio = (a, b) => `${(a / b).toFixed(2)}×`;

try {
  if (!existsSync(deadflagBin)) throw new Error(`${deadflagBin} is missing: run npm run build first`);
  const manifest = await ensureHistoryRepo({ dir: repo, seed, commits: commitCount });
  const base = manifest.log[Math.min(baseIndex, manifest.log.length - 2)];
  const head = manifest.log[manifest.log.length - 1];
  // A second diff, over a tenth of the history: how diff's cost grows with the files changed between the two.
  const near = manifest.log[Math.max(1, head.index - Math.round(manifest.commits / 10))];
  const cacheDir = path.join(scratch, "cache");
  const modes = {
    scan: { what: "one `scan` of the head's working tree", argv: [deadflagBin, "scan", repo, "--no-cache", "--format", "json", "--timing"] },
    diff: {
      what: `\`diff --base ${base.hash.slice(0, 7)} --head HEAD\` (commit ${base.index} against ${head.index})`,
      argv: [deadflagBin, "diff", repo, "--base", base.hash, "--head", "HEAD", "--no-cache", "--format", "json", "--timing"],
    },
    "diff near": {
      what: `the same from commit ${near.index} (${head.index - near.index} commits back)`,
      argv: [deadflagBin, "diff", repo, "--base", near.hash, "--head", "HEAD", "--no-cache", "--format", "json", "--timing"],
    },
    "history cold": { what: `\`history\` over all ${manifest.commits} commits, no cache`, argv: [deadflagBin, "history", repo, "--no-cache", "--format", "json", "--timing"] },
    "history warm": {
      what: "the same with the facts cache filled by an earlier run",
      argv: [deadflagBin, "history", repo, "--cache-location", cacheDir, "--format", "json", "--timing"],
    },
    "diff staged": {
      what: "`diff --staged --base HEAD` (the pre-commit hook) on a 504-file copy of the head with one staged file, warm cache",
      argv: [deadflagBin, "diff", stagedRepo(repo), "--staged", "--base", "HEAD", "--cache-location", path.join(scratch, "staged-cache"), "--format", "json", "--timing"],
    },
  };
  const load = { before: os.loadavg()[0].toFixed(2) };
  // Uncounted: one scan to bring deadflag, TypeScript and the repository into the OS's file cache,
  // and one history run that fills the facts cache of the warm mode.
  wholeProcess(modes.scan.argv);
  wholeProcess(modes["history warm"].argv);
  wholeProcess(modes["diff staged"].argv);
  const samples = Object.fromEntries(Object.keys(modes).map((m) => [m, []]));
  for (let round = 1; round <= runs; round++) {
    process.stderr.write(`history bench: round ${round} of ${runs}\n`);
    for (const [mode, { argv }] of Object.entries(modes)) {
      const sample = wholeProcess(argv);
      samples[mode].push({ ...sample, ...parsedFiles(mode.split(" ")[0], sample.stderr) });
    }
  }
  const rows = Object.fromEntries(
    Object.entries(samples).map(([mode, list]) => [
      mode,
      {
        ms: median(list.map((s) => s.ms)),
        cpuMs: list[0].cpuMs === undefined ? undefined : median(list.map((s) => s.cpuMs)),
        rssMB: list[0].rssMB === undefined ? undefined : Math.max(...list.map((s) => s.rssMB)),
        parsed: list[0].parsed,
        detail: list[0].detail,
        samples: list.map(({ stdout, stderr, ...rest }) => rest),
      },
    ]),
  );

  const history = JSON.parse(samples["history cold"][0].stdout);
  const warmHistory = samples["history warm"][0].stdout;
  const historyCheck = checkHistory(manifest, history);
  const diffCheck = checkDiff(expectedDiff(base, head), JSON.parse(samples.diff[0].stdout).findings);
  const nearCheck = checkDiff(expectedDiff(near, head), JSON.parse(samples["diff near"][0].stdout).findings);
  const files = /^files\s+(\d+)/m.exec(samples.scan[0].stderr)?.[1] ?? "?";

  console.log(
    `deadflag history bench, ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} cores, Node ${process.version}; ` +
      `median of ${runs} runs per mode, each a fresh process, round-robin; load average ${load.before} before, ${os.loadavg()[0].toFixed(2)} after\n`,
  );
  console.log(
    `Repository: ${path.relative(process.cwd(), repo)}, ${manifest.commits} commits (seed ${manifest.seed}, HEAD ${head.hash.slice(0, 7)}) over rxjs@7.8.2's src/, ${files} files at HEAD; ` +
      `diff base: commit ${base.index} (${base.hash.slice(0, 7)}).\n`,
  );
  const cpu = (r) => (r.cpuMs === undefined ? "n/a" : seconds(r.cpuMs));
  const mb = (r) => (r.rssMB === undefined ? "n/a" : `${r.rssMB.toFixed(0)} MB`);
  const scan = rows.scan;
  const targets = { diff: 1.3, "history cold": 10 };
  console.log("| mode | what runs | wall (median) | CPU user+sys (median) | peak RSS | files parsed | × scan, wall | × scan, CPU | target |");
  console.log("|---|---|---|---|---|---|---|---|---|");
  for (const [mode, r] of Object.entries(rows)) {
    const vs = mode === "scan" ? ["", ""] : [ratio(r.ms, scan.ms), r.cpuMs && scan.cpuMs ? ratio(r.cpuMs, scan.cpuMs) : "n/a"];
    const target = targets[mode]
      ? `≤ ${targets[mode]}×: ${r.ms / scan.ms <= targets[mode] ? "met" : "missed"} (wall)`
      : mode === "diff staged"
        ? `< 2 s: ${r.ms < 2000 ? "met" : "missed"} (wall)`
        : "";
    console.log(`| ${mode} | ${modes[mode].what} | ${seconds(r.ms)} | ${cpu(r)} | ${mb(r)} | ${r.detail ?? r.parsed ?? "?"} | ${vs[0]} | ${vs[1]} | ${target} |`);
  }
  const warmSame = warmHistory === samples["history cold"][0].stdout;
  console.log(`\nhistory warm/cold: ${(rows["history warm"].ms / rows["history cold"].ms).toFixed(2)} wall; warm output ${warmSame ? "identical to" : "DIFFERS from"} cold.`);

  const kinds = Object.entries(historyCheck.byKind).map(([k, t]) => `${k} ${t.found}/${t.expected}`).join(", ");
  const hits = Object.values(historyCheck.byKind).reduce((n, t) => n + t.found, 0);
  const expectedEvents = Object.values(historyCheck.byKind).reduce((n, t) => n + t.expected, 0);
  console.log(`\nHistory against the manifest: ${hits} of ${expectedEvents} expected events found (${kinds}).`);
  console.log(`Benign flag changes (helper renamed, line added, message reworded) with an event: ${historyCheck.benignWithEvent.length} of ${historyCheck.benign}.`);
  console.log(`Events at commits that made no flag change: ${historyCheck.other.length}.`);
  for (const line of historyCheck.missed) console.log(`  missed: ${line}`);
  for (const line of historyCheck.benignWithEvent) console.log(`  benign change reported: ${line}`);
  for (const line of historyCheck.other) console.log(`  other event: ${line}`);
  for (const [label, check] of [
    [`commit ${base.index}`, diffCheck],
    [`commit ${near.index}`, nearCheck],
  ]) {
    console.log(
      `${label === `commit ${base.index}` ? "\n" : ""}Diff from ${label} against the manifest: ${check.found} of ${check.expected} expected findings` +
        `${check.missed.length ? ` (missed: ${check.missed.join("; ")})` : ""}; unexpected: ${check.unexpected.length ? check.unexpected.join("; ") : "none"}.`,
    );
  }
  console.log(`History per commit: ${(rows["history cold"].ms / manifest.commits).toFixed(0)} ms cold, ${(rows["history warm"].ms / manifest.commits).toFixed(0)} ms warm (wall).`);
  console.log(`\nReproduce one run: node ${path.relative(process.cwd(), deadflagBin)} history ${path.relative(process.cwd(), repo)} --no-cache --timing`);

  if (process.env.BENCH_JSON) {
    writeFileSync(process.env.BENCH_JSON, `${JSON.stringify({ repo, commits: manifest.commits, base: base.hash, near: near.hash, rows, historyCheck, diffCheck, nearCheck }, null, 2)}\n`);
  }
  // A benchmark, not a test: slow runs do not fail it, a history that misses a flag change or a warm
  // run that disagrees with a cold one does (diff's misses are printed above).
  if (historyCheck.missed.length > 0 || !warmSame) process.exitCode = 1;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
