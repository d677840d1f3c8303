// The end of every findings command: format the findings, write them (to stdout, or to --output
// with a one-line summary on stdout), give GitHub's job summary the full list, and set the exit
// code of the gate: 1 for findings at error level or more warnings than --max-warnings.
import { appendFileSync } from "node:fs";
import type { Finding } from "../findings/finding.js";
import { findingsFormatNames, loadFindingsFormatter } from "../report/findings-formats.js";
import type { FindingsFormatName } from "../report/findings-formats.js";
import type { FindingsReportContext } from "../report/findings-report-context.js";
import { formatFindingsMarkdownWithin } from "../report/findings-markdown.js";
import { countFindings, leftOutPhrase, problemsPhrase } from "../report/findings-summary.js";
import { stdoutColor, writeResult } from "./cli-io.js";
import type { FindingsOptions } from "./findings-options.js";
import { repositoryPrefix } from "./repository-prefix.js";
import type { SourceOrigin } from "./source-reader.js";
import { sourceReader } from "./source-reader.js";

/** What a findings command found and how it got there. */
export interface FindingsRun {
  command: string;
  /** The analysed root (absolute). */
  root: string;
  /** The findings to report: after suppressions and narrowing to changes. */
  findings: readonly Finding[];
  filesAnalysed: number;
  durationMs: number;
  origin: SourceOrigin;
  sortBySize?: boolean;
  suppressed?: number;
  outsideChanges?: number;
}

/** GitHub's job summary takes at most 1 MiB per step. */
const stepSummaryLength = 1_000_000;

/** Formats, writes and gates one run's findings. */
export async function reportFindings(run: FindingsRun, options: FindingsOptions): Promise<void> {
  const format = formatName(options.format);
  const context: FindingsReportContext = {
    color: format === "text" && stdoutColor() && !options.output,
    command: run.command,
    filesAnalysed: run.filesAnalysed,
    durationMs: run.durationMs,
    sortBySize: run.sortBySize === true,
    readSource: sourceReader(run.root, run.origin),
    pathPrefix: format === "sarif" || format === "github" ? repositoryPrefix(run.root) : "",
    suppressed: run.suppressed ?? 0,
    outsideChanges: run.outsideChanges ?? 0,
  };
  const formatter = await loadFindingsFormatter(format);
  writeResult(formatter(run.findings, context), options.output);
  if (options.output) {
    const leftOut = leftOutPhrase(context);
    process.stdout.write(`deadflag ${run.command}: ${problemsPhrase(run.findings)}${leftOut === "" ? "" : `, ${leftOut}`}; ${format} report written to ${options.output}\n`);
  }
  const stepSummary = process.env["GITHUB_STEP_SUMMARY"];
  if (format === "github" && stepSummary) appendFileSync(stepSummary, formatFindingsMarkdownWithin(run.findings, context, stepSummaryLength));
  const { errors, warnings } = countFindings(run.findings);
  if (errors > 0 || (options.maxWarnings !== undefined && warnings > options.maxWarnings)) process.exitCode = 1;
}

function formatName(format: string): FindingsFormatName {
  const known = findingsFormatNames.find((name) => name === format);
  if (!known) throw new Error(`unknown findings format ${format}`);
  return known;
}
