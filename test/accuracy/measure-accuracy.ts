// Runs the generated corpus: every case's c0, c1 and c2 committed together into one git repository
// (each case in its own folder, with its own key), then `diff` from c1 to c2 and `history` over the
// three commits, and a verdict per case: a reuse found (the expected kind, at error level, at the
// head's read in the right file) or missed, a benign edit left alone or reported.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Finding } from "../../src/findings/finding.js";
import type { ContentScore } from "../../src/history/compare-meanings.js";
import { diffRevisions } from "../../src/history/diff-revisions.js";
import { flagHistory } from "../../src/history/flag-history.js";
import type { CorpusCase, EditKind, ReadShape } from "./corpus-cases.js";

/** What happened to one case. */
export interface CaseOutcome {
  case: CorpusCase;
  /** `no-flag-reuse` findings for the case's key. */
  findings: Finding[];
  verdict: "TP" | "FN" | "FP" | "TN";
  /** For a TP: the finding names the read's file at the head. */
  rightFile?: boolean;
  /** `history`'s event at the head commit for the key, if any (kind and message). */
  history?: { kind: string; message: string; file?: string };
  /** The content scores of the side that came closest to a finding (1 when the flag was not compared at both revisions). */
  score: ContentScore;
  /** Why a case is not what it should be, in words. */
  reason?: string;
}

/** Cases per repository: the flags of one repository share its call graph, so the work per flag grows with it. */
const casesPerRepository = 100;

/** Commit dates: the flag is introduced at c0 and edited long after, so every flag is stable. */
const dates = ["2024-01-01T00:00:00Z", "2024-05-01T00:00:00Z", "2024-05-02T00:00:00Z"];

/** Builds the repository of `cases` in a new temporary directory; returns it and the three commits. */
export function buildCorpusRepo(cases: readonly CorpusCase[]): { root: string; commits: string[]; remove(): void } {
  const root = mkdtempSync(path.join(os.tmpdir(), "deadflag-accuracy-"));
  const git = (args: readonly string[], date = dates[0] ?? ""): string =>
    execFileSync("git", ["-C", root, "-c", "commit.gpgsign=false", "-c", "core.autocrlf=false", ...args], {
      env: gitEnv(date),
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    }).trim();
  git(["init", "--quiet", "--initial-branch=main"]);
  const states = Object.fromEntries(cases.filter((c) => c.state).map((c) => [c.key, c.state]));
  const config = {
    entry: ["cases/*/app.{ts,tsx}", "cases/*/other.{ts,tsx}", "cases/*/report.{ts,tsx}"],
    flags: { env: ["FEATURE_*"], states },
  };
  const tsconfig = { compilerOptions: { target: "ES2022", module: "ESNext", moduleResolution: "Bundler", jsx: "react-jsx", strict: true } };
  write(root, { "deadflag.config.json": `${JSON.stringify(config, null, 2)}\n`, "tsconfig.json": `${JSON.stringify(tsconfig, null, 2)}\n` });
  const commits: string[] = [];
  let previous = new Map<string, string>();
  for (const [index, date] of dates.entries()) {
    const files = new Map<string, string>();
    for (const c of cases) {
      for (const [file, text] of Object.entries(c.commits[index] ?? {})) if (text !== null) files.set(file, text);
    }
    const changes: Record<string, string | null> = {};
    for (const [file, text] of files) if (previous.get(file) !== text) changes[file] = text;
    for (const file of previous.keys()) if (!files.has(file)) changes[file] = null;
    write(root, changes);
    git(["add", "--all"], date);
    git(["commit", "--quiet", "--no-verify", "--allow-empty", "--message", `c${index}`], date);
    commits.push(git(["rev-parse", "HEAD"], date));
    previous = files;
  }
  return { root, commits, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** Runs `diff` (c1 → c2) and `history` on the corpus, a hundred cases per repository, and judges every case. */
export async function measureCases(cases: readonly CorpusCase[], options: { history: boolean }): Promise<CaseOutcome[]> {
  const outcomes: CaseOutcome[] = [];
  for (let start = 0; start < cases.length; start += casesPerRepository) {
    outcomes.push(...(await measureRepository(cases.slice(start, start + casesPerRepository), options)));
  }
  return outcomes;
}

async function measureRepository(cases: readonly CorpusCase[], options: { history: boolean }): Promise<CaseOutcome[]> {
  const repo = buildCorpusRepo(cases);
  const cacheLocation = path.join(repo.root, "node_modules", ".cache", "deadflag");
  try {
    const [, base, head] = repo.commits;
    const diff = await diffRevisions({ root: repo.root, base, head, cacheLocation, explain: true });
    const byFlag = new Map<string, Finding[]>();
    for (const finding of diff.findings) {
      if (finding.ruleId !== "no-flag-reuse" || finding.flag === undefined) continue;
      byFlag.set(finding.flag, [...(byFlag.get(finding.flag) ?? []), finding]);
    }
    const events = new Map<string, { kind: string; message: string; file?: string }>();
    if (options.history) {
      const history = await flagHistory({ root: repo.root, cacheLocation });
      for (const flag of history.flags) {
        for (const event of flag.events) {
          if (event.commit !== head || ["introduced", "removed", "restored", "state"].includes(event.kind)) continue;
          events.set(flag.key, { kind: event.kind, message: event.message, ...(event.file ? { file: event.file } : {}) });
        }
      }
    }
    return cases.map((c) => judge(c, byFlag.get(c.key) ?? [], events.get(c.key), diff.scores?.[c.key] ?? { similarity: 1, kept: 1 }));
  } finally {
    repo.remove();
  }
}

function judge(c: CorpusCase, findings: Finding[], history: CaseOutcome["history"], score: ContentScore): CaseOutcome {
  const outcome = (verdict: CaseOutcome["verdict"], extra: Partial<CaseOutcome> = {}): CaseOutcome => ({
    case: c,
    findings,
    verdict,
    score,
    ...(history ? { history } : {}),
    ...extra,
  });
  if (c.expected === "benign") {
    if (findings.length === 0) return outcome("TN");
    return outcome("FP", { reason: findings.map((f) => `${String(f.data?.["kind"])}: ${f.message}`).join("; ") });
  }
  const hit = findings.find((f) => c.kinds.includes(String(f.data?.["kind"])) && f.severity === "error");
  if (hit) return outcome("TP", { rightFile: hit.file === c.siteFile });
  const reason =
    findings.length === 0
      ? "no finding"
      : findings.map((f) => `found ${String(f.data?.["kind"])} (${f.severity}) instead: ${f.message}`).join("; ");
  return outcome("FN", { reason });
}

/** Precision and recall of a group of outcomes. */
export interface Score {
  tp: number;
  fn: number;
  fp: number;
  tn: number;
  precision: number | undefined;
  recall: number | undefined;
}

/** The score of some outcomes. */
export function scoreOf(outcomes: readonly CaseOutcome[]): Score {
  const count = (v: CaseOutcome["verdict"]): number => outcomes.filter((o) => o.verdict === v).length;
  const tp = count("TP");
  const fn = count("FN");
  const fp = count("FP");
  const tn = count("TN");
  return {
    tp,
    fn,
    fp,
    tn,
    precision: tp + fp === 0 ? undefined : tp / (tp + fp),
    recall: tp + fn === 0 ? undefined : tp / (tp + fn),
  };
}

/**
 * Scores by edit kind and by read shape. A benign edit kind has no reuse to find: its precision is
 * read as "share of its cases left alone" (1 − FP rate), which is what a false alarm costs there.
 */
export function scoresBy<K extends EditKind | ReadShape>(outcomes: readonly CaseOutcome[], keyOf: (o: CaseOutcome) => K): Map<K, Score> {
  const groups = new Map<K, CaseOutcome[]>();
  for (const o of outcomes) groups.set(keyOf(o), [...(groups.get(keyOf(o)) ?? []), o]);
  return new Map([...groups].map(([k, list]) => [k, scoreOf(list)]));
}

function write(root: string, changes: Record<string, string | null>): void {
  for (const [file, text] of Object.entries(changes)) {
    const target = path.join(root, file);
    if (text === null) {
      rmSync(target, { force: true });
      continue;
    }
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
}

function gitEnv(date: string): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("GIT_")));
  return {
    ...env,
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_CONFIG_GLOBAL: os.devNull,
    GIT_AUTHOR_NAME: "Deadflag Accuracy",
    GIT_AUTHOR_EMAIL: "accuracy@deadflag.invalid",
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_NAME: "Deadflag Accuracy",
    GIT_COMMITTER_EMAIL: "accuracy@deadflag.invalid",
    GIT_COMMITTER_DATE: date,
  };
}
