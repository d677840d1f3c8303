// What the generated corpus says: the thresholds calibrated on one seed's cases, and the tables
// (per edit kind, per read shape, every case judged wrong with its reason) of another seed's,
// written into docs/flag-reuse-accuracy.md and the README between generated-section markers.
import { readFileSync, writeFileSync } from "node:fs";
import type { EditKind, ReadShape } from "./corpus-cases.js";
import { benignEdits, readShapes, reuseEdits } from "./corpus-cases.js";
import type { CaseOutcome, Score } from "./measure-accuracy.js";
import { scoreOf, scoresBy } from "./measure-accuracy.js";

/** Content thresholds and how many cases they judge wrong. */
export interface Calibration {
  similarity: number;
  kept: number;
  errors: number;
  /** The calibration seed's cases those thresholds judge wrong, in words. */
  wrong: string[];
}

/** Whether the case would be judged a reuse with content thresholds `similarity` and `kept`. */
function judgedReuse(o: CaseOutcome, similarity: number, kept: number): boolean {
  const decidedOtherwise = o.findings.some((f) => f.data?.["reason"] !== "content" && (o.case.expected === "benign" || o.case.kinds.includes(String(f.data?.["kind"]))));
  return decidedOtherwise || (o.score.similarity < similarity && o.score.kept < kept);
}

/**
 * The content thresholds that judge the most cases right: a grid over both, then the middle of the
 * widest run of best values of each (so a threshold sits between the closest benign and reuse
 * cases, not on either).
 */
export function calibrate(outcomes: readonly CaseOutcome[]): Calibration {
  const errorsAt = (similarity: number, kept: number): number =>
    outcomes.filter((o) => judgedReuse(o, similarity, kept) !== (o.case.expected === "reuse")).length;
  const grid = (from: number, to: number): number[] => {
    const values: number[] = [];
    for (let v = from; v <= to + 1e-9; v += 0.01) values.push(Math.round(v * 100) / 100);
    return values;
  };
  const similarities = grid(0.3, 0.95);
  const keeps = grid(0.7, 1.01);
  let best = Number.POSITIVE_INFINITY;
  for (const s of similarities) for (const k of keeps) best = Math.min(best, errorsAt(s, k));
  const middleOfBest = (values: number[], errors: (v: number) => number): number => {
    let run: number[] = [];
    let widest: number[] = [];
    for (const v of values) {
      if (errors(v) === best) run.push(v);
      else run = [];
      if (run.length > widest.length) widest = [...run];
    }
    return widest[Math.floor((widest.length - 1) / 2)] ?? values[0] ?? 0;
  };
  const kept = middleOfBest(keeps, (k) => Math.min(...similarities.map((s) => errorsAt(s, k))));
  const similarity = middleOfBest(similarities, (s) => errorsAt(s, kept));
  const wrong = outcomes
    .filter((o) => judgedReuse(o, similarity, kept) !== (o.case.expected === "reuse"))
    .map((o) => `${o.case.id} ${o.case.shape} ${o.case.edit} (${o.case.description}): similarity ${o.score.similarity.toFixed(2)}, kept ${o.score.kept.toFixed(2)}`);
  return { similarity, kept, errors: wrong.length, wrong };
}

const edits: readonly EditKind[] = [...benignEdits, ...reuseEdits];

function ratio(value: number | undefined): string {
  return value === undefined ? "–" : value.toFixed(2);
}

/**
 * One row per edit kind. For a reuse kind, recall is the share of its cases found and precision
 * the share of its findings of the right kind; for a benign kind, nothing is due, so its
 * "precision" is the share of its cases left alone (a false alarm is what it costs there).
 */
function kindRows(outcomes: readonly CaseOutcome[]): string[] {
  const byKind = scoresBy(outcomes, (o) => o.case.edit);
  return edits.flatMap((edit) => {
    const s = byKind.get(edit);
    if (!s) return [];
    const reuse = (reuseEdits as readonly string[]).includes(edit);
    const cases = s.tp + s.fn + s.fp + s.tn;
    const precision = reuse ? s.tp / Math.max(1, s.tp + wrongKind(outcomes, edit)) : s.tn / Math.max(1, s.tn + s.fp);
    const recall = reuse ? s.recall : undefined;
    return [`| ${edit} | ${reuse ? "reuse" : "benign"} | ${cases} | ${s.tp} | ${s.fn} | ${s.fp} | ${s.tn} | ${ratio(precision)} | ${ratio(recall)} |`];
  });
}

/** Reuse cases of `edit` that got a finding of another kind than expected. */
function wrongKind(outcomes: readonly CaseOutcome[], edit: EditKind): number {
  return outcomes.filter((o) => o.case.edit === edit && o.verdict === "FN" && o.findings.length > 0).length;
}

function shapeRows(outcomes: readonly CaseOutcome[]): string[] {
  const byShape = scoresBy(outcomes, (o) => o.case.shape);
  return readShapes.flatMap((shape: ReadShape) => {
    const s = byShape.get(shape);
    return s ? [`| ${shape} | ${s.tp + s.fn + s.fp + s.tn} | ${s.tp} | ${s.fn} | ${s.fp} | ${s.tn} | ${ratio(s.precision)} | ${ratio(s.recall)} |`] : [];
  });
}

/** `diff` and `history` tell the same event with the same message, at the same read's file. */
export function agreement(outcomes: readonly CaseOutcome[]): { agree: number; total: number; differing: CaseOutcome[] } {
  const found = outcomes.filter((o) => o.verdict === "TP");
  const differing = found.filter((o) => {
    const finding = o.findings.find((f) => o.case.kinds.includes(String(f.data?.["kind"])));
    return !o.history || o.history.message !== finding?.message || o.history.file !== finding?.file;
  });
  return { agree: found.length - differing.length, total: found.length, differing };
}

/** What the report says about one run. */
export interface RunFacts {
  reportSeed: number;
  calibrationSeed: number;
  calibration: Calibration;
  /** The thresholds the engine uses. */
  engine: { similarity: number; kept: number };
  seconds: number;
}

/** The generated section of docs/flag-reuse-accuracy.md. */
export function accuracyMarkdown(outcomes: readonly CaseOutcome[], facts: RunFacts): string {
  const all: Score = scoreOf(outcomes);
  const reuse = outcomes.filter((o) => o.case.expected === "reuse").length;
  const wrong = outcomes.filter((o) => o.verdict === "FN" || o.verdict === "FP");
  const { agree, total, differing } = agreement(outcomes);
  const rightFile = outcomes.filter((o) => o.verdict === "TP" && o.rightFile).length;
  const lines = [
    `${outcomes.length} cases (${reuse} reuses, ${outcomes.length - reuse} benign edits), seed ${facts.reportSeed}; ` +
      `thresholds calibrated on the ${outcomes.length} cases of seed ${facts.calibrationSeed}: similarity ${facts.calibration.similarity}, ` +
      `kept share ${facts.calibration.kept} (${facts.calibration.errors} cases wrong there); the engine uses ${facts.engine.similarity} and ${facts.engine.kept}. ` +
      `Run in ${Math.round(facts.seconds)} s.`,
    "",
    `**Overall: precision ${ratio(all.precision)}, recall ${ratio(all.recall)}** (${all.tp} found, ${all.fn} missed, ${all.fp} false alarms, ${all.tn} left alone). ` +
      `Every finding names the read's file at the head: ${rightFile} of ${all.tp}. ` +
      `\`history\` reports the same event with the same message: ${agree} of ${total}.`,
    "",
    "### Per edit kind",
    "",
    "| edit | expected | cases | found | missed | false alarm | left alone | precision | recall |",
    "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ...kindRows(outcomes),
    "",
    "For a benign kind, precision is the share of its cases left alone; recall applies to reuse kinds only.",
    "",
    "### Per read shape",
    "",
    "| shape | cases | found | missed | false alarm | left alone | precision | recall |",
    "|---|---:|---:|---:|---:|---:|---:|---:|",
    ...shapeRows(outcomes),
    "",
    "### Cases judged wrong",
    "",
    ...(wrong.length === 0
      ? ["None."]
      : [
          "| case | shape | edit | expected | got | why |",
          "|---|---|---|---|---|---|",
          ...wrong.map(
            (o) =>
              `| ${o.case.id} | ${o.case.shape} | ${o.case.edit}: ${o.case.description.replace(/\|/g, "\\|")} | ${o.case.expected} | ${o.verdict} | ${(o.reason ?? "").replace(/\|/g, "\\|")}; closest similarity ${o.score.similarity.toFixed(2)}, kept ${o.score.kept.toFixed(2)} |`,
          ),
        ]),
    "",
    "### The calibration seed's cases no threshold separates",
    "",
    ...(facts.calibration.wrong.length === 0 ? ["None."] : facts.calibration.wrong.map((w) => `- ${w.replace(/\|/g, "\\|")}`)),
    "",
    "### Where `history` tells it differently",
    "",
    ...(differing.length === 0
      ? ["Nowhere."]
      : [
          "| case | edit | `diff` | `history` |",
          "|---|---|---|---|",
          ...differing.map((o) => {
            const finding = o.findings.find((f) => o.case.kinds.includes(String(f.data?.["kind"])));
            const cell = (text: string | undefined): string => (text ?? "no event").replace(/\|/g, "\\|");
            return `| ${o.case.id} | ${o.case.edit} | ${cell(finding ? `${finding.file}: ${finding.message}` : undefined)} | ${cell(o.history ? `${o.history.file ?? ""}: ${o.history.kind}: ${o.history.message}` : undefined)} |`;
          }),
        ]),
  ];
  return lines.join("\n");
}

/** The short table for the README: per edit kind, precision and recall. */
export function readmeMarkdown(outcomes: readonly CaseOutcome[], facts: RunFacts): string {
  const all = scoreOf(outcomes);
  return [
    `Generated corpus (${outcomes.length} cases from real rxjs and zod functions, seed ${facts.reportSeed}, thresholds calibrated on seed ${facts.calibrationSeed}): ` +
      `precision ${ratio(all.precision)}, recall ${ratio(all.recall)}; per edit kind and read shape in [docs/flag-reuse-accuracy.md](docs/flag-reuse-accuracy.md).`,
    "",
    "| edit | expected | cases | found | missed | false alarm | left alone | precision | recall |",
    "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ...kindRows(outcomes),
  ].join("\n");
}

/** Replaces the text between `<!-- generated:NAME:start -->` and `<!-- generated:NAME:end -->` in `file`. */
export function writeGeneratedSection(file: string, name: string, content: string): void {
  const text = readFileSync(file, "utf8");
  const start = `<!-- generated:${name}:start -->`;
  const end = `<!-- generated:${name}:end -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`${file}: no ${start} … ${end} section`);
  writeFileSync(file, `${text.slice(0, from + start.length)}\n${content}\n${text.slice(to)}`);
}
