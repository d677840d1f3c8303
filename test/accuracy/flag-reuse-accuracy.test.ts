// `no-flag-reuse` on the generated corpus (corpus-cases.ts): real rxjs and zod functions behind a
// flag read in every shape the index knows, each case one benign or reuse edit. `npm test` runs a
// slice (one case per edit kind) and requires every case right, and `history` to tell each reuse
// with `diff`'s message. `npm run accuracy` (DEADFLAG_ACCURACY=full) calibrates the content
// thresholds on one seed, measures another, writes the tables into docs/flag-reuse-accuracy.md and
// the README, and requires precision and recall of at least 0.98 on every edit kind.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { grownCodeKept, sameCodeSimilarity } from "../../src/history/compare-meanings.js";
import { accuracyMarkdown, agreement, calibrate, readmeMarkdown, writeGeneratedSection } from "./accuracy-report.js";
import { benignEdits, generateCases, reuseEdits } from "./corpus-cases.js";
import { measureCases, scoreOf, scoresBy } from "./measure-accuracy.js";
import { loadRealFunctions } from "./real-functions.js";

/** The seed the thresholds are calibrated on, and the seed the reported numbers come from. */
const calibrationSeed = 20260701;
const reportSeed = 20260702;
const full = process.env["DEADFLAG_ACCURACY"] === "full";
const editKinds = benignEdits.length + reuseEdits.length;
/** Cases per edit kind in the full run. */
const perKind = 25;

describe("no-flag-reuse on the generated corpus", () => {
  it.skipIf(full)("judges one case of every edit kind right, and history tells each reuse with diff's message", async () => {
    const cases = generateCases(loadRealFunctions(), reportSeed, editKinds);
    const outcomes = await measureCases(cases, { history: true });

    const wrong = outcomes.filter((o) => o.verdict === "FN" || o.verdict === "FP").map((o) => `${o.case.id} ${o.case.edit} ${o.case.shape}: ${o.reason}`);
    expect(wrong).toEqual([]);
    expect(new Set(outcomes.map((o) => o.case.edit)).size).toBe(editKinds);
    expect(outcomes.filter((o) => o.verdict === "TP" && !o.rightFile).map((o) => o.case.id)).toEqual([]);
    const { differing } = agreement(outcomes);
    expect(differing.map((o) => `${o.case.id}: ${o.history?.message ?? "no history event"}`)).toEqual([]);
  }, 300_000);

  it.runIf(full)("calibrates on one seed, and meets precision and recall of 0.98 on every edit kind of another", async () => {
    const started = performance.now();
    const functions = loadRealFunctions();
    const calibration = calibrate(await measureCases(generateCases(functions, calibrationSeed, perKind * editKinds), { history: false }));
    const outcomes = await measureCases(generateCases(functions, reportSeed, perKind * editKinds), { history: true });
    const facts = {
      reportSeed,
      calibrationSeed,
      calibration,
      engine: { similarity: sameCodeSimilarity, kept: grownCodeKept },
      seconds: (performance.now() - started) / 1000,
    };
    writeGeneratedSection(path.resolve("docs/flag-reuse-accuracy.md"), "accuracy", accuracyMarkdown(outcomes, facts));
    writeGeneratedSection(path.resolve("README.md"), "accuracy", readmeMarkdown(outcomes, facts));

    // The engine's thresholds are the calibrated ones (to the grid's step).
    expect(Math.abs(calibration.similarity - sameCodeSimilarity)).toBeLessThanOrEqual(0.05);
    expect(Math.abs(calibration.kept - grownCodeKept)).toBeLessThanOrEqual(0.05);
    expect(outcomes.length).toBeGreaterThanOrEqual(500);
    const all = scoreOf(outcomes);
    expect(all.precision).toBeGreaterThanOrEqual(0.98);
    expect(all.recall).toBeGreaterThanOrEqual(0.98);
    for (const [edit, score] of scoresBy(outcomes, (o) => o.case.edit)) {
      const reuse = (reuseEdits as readonly string[]).includes(edit);
      const rate = reuse ? (score.recall ?? 0) : score.tn / Math.max(1, score.tn + score.fp);
      expect({ edit, rate: rate >= 0.98 }).toEqual({ edit, rate: true });
    }
  }, 3_600_000);
});
