// ESLint results and deadflag findings in one comparable shape: rule, file, range and message.
import path from "node:path";
import type { ESLint } from "eslint";
import type { Finding } from "../../src/index.js";

/** One problem, as both fronts can say it. */
export interface Problem {
  ruleId: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}

/** The deadflag problems of ESLint results, with paths relative to `root`, sorted. */
export function problemsOfResults(results: readonly ESLint.LintResult[], root: string): Problem[] {
  const problems: Problem[] = [];
  for (const result of results) {
    for (const message of result.messages) {
      if (!message.ruleId?.startsWith("deadflag/")) throw new Error(`${result.filePath}: ${message.ruleId ?? "fatal"}: ${message.message}`);
      problems.push({
        ruleId: message.ruleId.slice("deadflag/".length),
        file: path.relative(root, result.filePath).split(path.sep).join("/"),
        line: message.line,
        column: message.column,
        endLine: message.endLine ?? message.line,
        endColumn: message.endColumn ?? message.column,
        message: message.message,
      });
    }
  }
  return sortProblems(problems);
}

/** The same shape for engine findings. */
export function problemsOfFindings(findings: readonly Finding[]): Problem[] {
  return sortProblems(
    findings.map((f) => ({ ruleId: f.ruleId, file: f.file, line: f.line, column: f.column, endLine: f.endLine, endColumn: f.endColumn, message: f.message })),
  );
}

/** `rule file:line:column-endLine:endColumn`, for readable diffs. */
export function brief(problem: Problem): string {
  return `${problem.ruleId} ${problem.file}:${problem.line}:${problem.column}-${problem.endLine}:${problem.endColumn}`;
}

function sortProblems(problems: Problem[]): Problem[] {
  return problems.sort((a, b) => brief(a).localeCompare(brief(b)) || a.message.localeCompare(b.message));
}
