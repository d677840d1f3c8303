// `scan`: the flag index, the call graph, three reachability walks (production with dead flag
// branches cut, production plus tests, production ignoring flags) and the findings of every rule,
// with each rule's severity from the config.
import type { RuleId } from "../config/config-schema.js";
import type { OpenedProject } from "../engine/open-project.js";
import { indexFlags } from "../engine/index-flags.js";
import type { Finding } from "../findings/finding.js";
import { sortFindings } from "../findings/finding.js";
import { ruleRegistry } from "../findings/rule-registry.js";
import { FlagFootprint } from "../flags/flag-footprint.js";
import type { FlagIndex } from "../flags/flag-index.js";
import { CallGraph } from "../graph/call-graph.js";
import { withPackageNames } from "../project/package-of-file.js";
import { findDeadBranches } from "./dead-branches.js";
import { exportUsageOf, findImporterUsage } from "./export-usage.js";
import type { ImporterUsage } from "./export-usage.js";
import { FindingUncertainty } from "./finding-uncertainty.js";
import { cutDeadBranches } from "./flag-cuts.js";
import { deadBranchFindings, flagDeclarationFindings } from "./flag-findings.js";
import { importClosure, sameImportEdges } from "./import-closure.js";
import { computeReachability, computeReachabilityWithMore, resumeReachability } from "./reachability.js";
import type { Reachability, ReachabilityInput } from "./reachability.js";
import type { ScanContext } from "./scan-context.js";
import { unreachableCodeFindings } from "./unreachable-code-findings.js";
import { unusedExportFindings } from "./unused-export-findings.js";

/** A scan's findings and the state they came from (for `why` and `graph`). */
export interface ScanResult {
  findings: Finding[];
  context: ScanContext;
  /** Milliseconds per phase of the scan itself. */
  timings: Record<string, number>;
  /** What each importer marks as used, for the next scan of the same project (see {@link EarlierScan}). */
  importerUsage: ImporterUsage;
  /** What the flag index depended on, when the scan was asked to keep it (see {@link ScanOptions}). */
  footprint?: FlagFootprint;
}

/** How a scan that is one of a series (an editor session's) prepares for the next. */
export interface ScanOptions {
  /**
   * Record what the flag index depends on, so that the next scan, given this one as `earlier`,
   * indexes only the files a change can affect (recording makes that first index about a quarter
   * dearer: 70 → 90 ms on effect's 571 files, against 1–15 ms for each later edit).
   */
  keepFootprint?: boolean;
}

/**
 * A scan's analysis before its findings: the graph, the walks and what each importer uses, with the
 * findings of any files asked for. An editor asks for the file it lints; the rules over every file
 * are what a whole scan pays for.
 */
export interface ProjectAnalysis {
  context: ScanContext;
  /** Milliseconds per phase (the findings' own when asked for every file: see {@link scanProject}). */
  timings: Record<string, number>;
  importerUsage: ImporterUsage;
  footprint?: FlagFootprint;
  /** The findings in `files` (root-relative POSIX paths; every file's when undefined), sorted: those a whole scan has there. */
  findingsOf(files?: ReadonlySet<string>): Finding[];
}

/** An earlier scan of the same project, and the files whose facts changed since. */
export interface EarlierScan {
  result: Pick<ScanResult, "context" | "importerUsage" | "footprint">;
  changed: ReadonlySet<string>;
}

/**
 * Scans an opened project with every rule its config leaves on. With `earlier`, the links and the
 * export uses that read no changed file are kept (the same as found again; a different file list
 * keeps nothing), and reachability and the rules run again over the linked graph.
 */
export function scanProject(project: OpenedProject, earlier?: EarlierScan, options: ScanOptions = {}): ScanResult {
  const analysis = analyseProject(project, earlier, options);
  const started = performance.now();
  const findings = analysis.findingsOf();
  const timings = { ...analysis.timings, rules: (analysis.timings["rules"] ?? 0) + performance.now() - started };
  return { findings, context: analysis.context, timings, importerUsage: analysis.importerUsage, ...(analysis.footprint ? { footprint: analysis.footprint } : {}) };
}

/** A scan up to its findings, which it gives by file when asked (see {@link ProjectAnalysis}). */
export function analyseProject(project: OpenedProject, earlier?: EarlierScan, options: ScanOptions = {}): ProjectAnalysis {
  const timings: Record<string, number> = {};
  const time = <T>(phase: string, work: () => T): T => {
    const started = performance.now();
    const result = work();
    timings[phase] = performance.now() - started;
    return result;
  };
  const { index, footprint } = time("index", () => indexOf(project, earlier, options.keepFootprint === true));
  const context = time("graph", () => buildContext(project, index, earlier));
  const sameLinks = earlier !== undefined && earlier.result.context.graph.linked.resolver === project.linked.resolver;
  // What each importer uses is kept for the next scan, so it is found for every file, once.
  const importerUsage = time("rules", () =>
    findImporterUsage(context.graph, context.entries.production, sameLinks ? { byImporter: earlier.result.importerUsage, changed: earlier.changed } : undefined),
  );
  return { context, timings, importerUsage, findingsOf: findingsFinder(project, context, importerUsage), ...(footprint ? { footprint } : {}) };
}

/**
 * The findings of any files of an analysis. Made outside analyseProject: a closure made there would
 * hold its whole scope, the earlier scan included, and an editor session would keep every analysis
 * it ever made.
 */
function findingsFinder(project: OpenedProject, context: ScanContext, importerUsage: ImporterUsage): ProjectAnalysis["findingsOf"] {
  return (files) => {
    const inFiles = (finding: Finding): boolean => files === undefined || files.has(finding.file);
    const found = [
      ...unreachableCodeFindings(context, files),
      ...deadBranchFindings(context).filter(inFiles),
      ...unusedExportFindings(context, exportUsageOf(importerUsage, files), files),
      ...unusedFileFindings(context, files),
      ...flagDeclarationFindings(context).filter(inFiles),
    ];
    const sorted = sortFindings(withoutRepeats(applySeverities(found, project)).map(statingUncertainty));
    return withPackageNames(sorted, project.packages);
  };
}

/**
 * The flag index; with `keep`, also what it depends on. An earlier scan's footprint, for the same
 * file list and config, is checked against the changed files: when it holds, only the files a change
 * can affect are indexed again (the result is the full index); otherwise every file is.
 */
function indexOf(project: OpenedProject, earlier: EarlierScan | undefined, keep: boolean): { index: FlagIndex; footprint?: FlagFootprint } {
  if (!keep) return { index: indexFlags(project) };
  const { linked } = project;
  const known = earlier?.result.footprint;
  if (known && earlier.result.context.graph.linked.resolver === linked.resolver && earlier.result.context.config === project.config) {
    const checked = known.check(linked.facts, linked.resolver, { changed: earlier.changed, addedOrDeleted: new Set() });
    if (checked) return { index: checked.index, footprint: known };
  }
  return FlagFootprint.full(linked.facts, linked.resolver, (recording) => indexFlags({ ...project, linked: recording }));
}

/** An unreachable export is also unimported; the unreachable-code finding says more, so it stays alone. */
function withoutRepeats(findings: readonly Finding[]): Finding[] {
  const unreachable = new Set(
    findings.filter((f) => f.ruleId === "no-unreachable-code").map((f) => `${f.file}#${f.symbol ?? ""}`),
  );
  return findings.filter((f) => {
    if (f.ruleId !== "no-unused-export") return true;
    const local = f.data?.["local"];
    return !unreachable.has(`${f.file}#${typeof local === "string" ? local : (f.symbol ?? "")}`);
  });
}

/**
 * The graph and the walks over it. With an earlier scan, the graph is carried from its graph, and
 * the walks with and without tests resume from its walks when they can (see
 * {@link resumeReachability}); the walk ignoring flags is walked anew, as its reasons name the flag
 * that keeps code dead, and a resumed walk's reasons are not always those a walk anew finds first.
 */
function buildContext(project: OpenedProject, index: ReturnType<typeof indexFlags>, earlier: EarlierScan | undefined): ScanContext {
  const { entries } = project;
  const before = earlier?.result.context;
  const graph = new CallGraph(project.linked, before && { graph: before.graph, changed: earlier.changed });
  const deadBranches = findDeadBranches(index);
  const cuts = cutDeadBranches(graph, deadBranches);
  const withTestEntries = [...entries.production, ...entries.tests];
  // Without test files, or without dead branches, two of the three walks equal the first: reuse it.
  // With tests, the walk with them goes on from where production's ended.
  const noTests = entries.tests.length === 0;
  const productionInput = { graph, entryFiles: entries.production, cuts: cuts.counts };
  const [production, withTests] = (before && resumedWalks(before, productionInput, noTests ? undefined : entries.tests)) ??
    (noTests ? [computeReachability(productionInput), undefined] : computeReachabilityWithMore(productionInput, entries.tests));
  // The files entries import stay those of the earlier scan while no changed file imports otherwise.
  const sameClosures =
    earlier !== undefined &&
    before !== undefined &&
    sameList(before.entries.production, entries.production) &&
    sameList(before.entries.tests, entries.tests) &&
    sameImportEdges(before.graph.linked, project.linked, earlier.changed);
  const reachedFiles = sameClosures ? before.reachedFiles : importClosure(project.linked, entries.production);
  return {
    root: project.root,
    config: project.config,
    configFile: project.configFile,
    graph,
    index,
    entries,
    testFiles: new Set(entries.tests),
    deadBranches,
    cuts,
    production,
    withTests: withTests ?? production,
    ignoringFlags: cuts.counts.size === 0 ? production : computeReachability({ graph, entryFiles: entries.production }),
    reachedFiles,
    reachedFilesWithTests: sameClosures ? before.reachedFilesWithTests : noTests ? reachedFiles : importClosure(project.linked, withTestEntries),
    filesWithErrors: new Set(project.files.filter((f) => (project.facts.get(f)?.parseErrors.length ?? 0) > 0)),
    skipped: project.skipped,
  };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

/** An earlier scan's walks resumed over a graph carried from its graph: both, or undefined (walk anew). */
function resumedWalks(
  before: ScanContext,
  input: ReachabilityInput,
  tests: readonly string[] | undefined,
): [Reachability, Reachability | undefined] | undefined {
  const hadTests = before.withTests !== before.production;
  if (hadTests !== (tests !== undefined)) return undefined;
  const production = resumeReachability(before.production, input);
  if (!production || !tests) return production && [production, undefined];
  const withTests = resumeReachability(before.withTests, input, tests);
  return withTests && [production, withTests];
}

/** `no-unused-file`: files no entry reaches through imports (or only tests do); in `files` only, when given. */
function unusedFileFindings(context: ScanContext, files: ReadonlySet<string> | undefined): Finding[] {
  const findings: Finding[] = [];
  const uncertainty = new FindingUncertainty(context);
  const facts = context.graph.linked.facts;
  for (const file of files ? [...files].filter((f) => facts.has(f)) : facts.keys()) {
    if (context.reachedFiles.has(file) || context.testFiles.has(file)) continue;
    const testOnly = context.reachedFilesWithTests.has(file);
    const nodes = context.graph.nodesOf(file).map((id) => context.graph.nodes[id]?.declaration.range.endLine ?? 0);
    const declarations = nodes.length;
    findings.push({
      ruleId: "no-unused-file",
      severity: "error",
      message: testOnly ? "file is imported only by tests" : "file is not imported by any entry (directly or indirectly)",
      file,
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 1,
      data: {
        ...(testOnly ? { testOnly: true } : {}),
        declarations,
        lines: Math.max(1, ...nodes),
        ...uncertainData(uncertainty.ofFile(file)),
      },
    });
  }
  return findings;
}

/**
 * An uncertain finding says so in its message, with the reason: the text output shows only the
 * message, and a warning that reads like a certain one invites a deletion that breaks what static
 * analysis could not see (`import(path.join(dir, name))` loading the file).
 */
function statingUncertainty(finding: Finding): Finding {
  const reason = finding.data?.["uncertainBecause"];
  if (finding.data?.["confidence"] !== "uncertain" || typeof reason !== "string") return finding;
  return { ...finding, message: `${finding.message}; uncertain: ${reason}` };
}

function uncertainData(reason: string | undefined): Record<string, string> {
  return reason === undefined ? {} : { confidence: "uncertain", uncertainBecause: reason };
}

/**
 * Each rule's severity from the config (or its default); `off` drops its findings. Findings kept
 * alive only by tests, or resting on what static analysis cannot see, are warnings at most: they
 * inform, and must not fail a build.
 */
function applySeverities(findings: readonly Finding[], project: OpenedProject): Finding[] {
  const configured: Partial<Record<RuleId, string>> = project.config.rules;
  const kept: Finding[] = [];
  for (const finding of findings) {
    const severity = configured[finding.ruleId] ?? ruleRegistry[finding.ruleId].defaultSeverity;
    if (severity === "off") continue;
    const softened = finding.data?.["testOnly"] === true || finding.data?.["confidence"] === "uncertain";
    kept.push({ ...finding, severity: softened || severity === "warn" ? "warn" : "error" });
  }
  return kept;
}
