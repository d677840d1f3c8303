// The flag rules of a scan: `no-dead-flag-branch` (a branch a fixed or retired flag never runs),
// `no-unknown-flag` (a read of a key the project does not declare) and `no-unused-flag` (a declared
// key nothing reads). Declared means `flags.states` or the registry; without either, the last two
// have nothing to compare with and stay silent.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Finding } from "../findings/finding.js";
import type { ScanContext } from "./scan-context.js";

/** One finding per dead branch, on the branch. */
export function deadBranchFindings(context: ScanContext): Finding[] {
  return context.deadBranches.map((dead) => {
    const { range } = dead.branch;
    const because =
      dead.state === "retired"
        ? `flag ${dead.flag} is retired, so ${dead.read.via} returns its default ${JSON.stringify(dead.value)}`
        : `flag ${dead.flag} is always ${dead.state}`;
    const what = dead.side === "case" ? "this case" : `the ${dead.side === "on" ? "flag-on" : "flag-off"} side of this ${dead.guard.kind}`;
    return {
      ruleId: "no-dead-flag-branch",
      severity: "error",
      message: `${what} never runs: ${because}`,
      file: dead.file,
      line: range.line,
      column: range.column,
      endLine: range.endLine,
      endColumn: range.endColumn,
      flag: dead.flag,
      data: {
        state: dead.state,
        value: dead.value,
        side: dead.side,
        guard: dead.guard.kind,
        read: { file: dead.read.file, line: dead.read.range.line, column: dead.read.range.column },
        lines: range.endLine - range.line + 1,
      },
    };
  });
}

/** Reads of undeclared keys and declared keys nobody reads, when the project declares its flags. */
export function flagDeclarationFindings(context: ScanContext): Finding[] {
  const states = context.config.flags.states;
  const declaredInRegistry = new Set(context.index.flags.filter((f) => f.declarations.length > 0).map((f) => f.key));
  const declared = new Set([...Object.keys(states), ...declaredInRegistry]);
  if (declared.size === 0) return [];
  const findings: Finding[] = [];
  const configText = readConfigText(context);
  for (const flag of context.index.flags) {
    if (!declared.has(flag.key)) {
      for (const read of flag.references) {
        findings.push({
          ruleId: "no-unknown-flag",
          severity: "error",
          message: `flag ${flag.key} is read here but not declared in flags.states or the registry`,
          file: read.file,
          line: read.range.line,
          column: read.range.column,
          endLine: read.range.endLine,
          endColumn: read.range.endColumn,
          flag: flag.key,
        });
      }
    } else if (flag.references.length === 0) {
      findings.push(unusedFlag(flag.key, context, configText, flag.declarations[0]));
    }
  }
  for (const key of Object.keys(states)) {
    if (!context.index.flags.some((f) => f.key === key)) findings.push(unusedFlag(key, context, configText, undefined));
  }
  return findings;
}

function unusedFlag(
  key: string,
  context: ScanContext,
  configText: string | undefined,
  declaration: { file: string; line?: number } | undefined,
): Finding {
  let file = declaration?.file;
  let line = declaration?.line ?? 1;
  if (!file && context.configFile) {
    file = path.relative(context.root, context.configFile).split(path.sep).join("/");
    line = lineOf(configText, JSON.stringify(key)) ?? 1;
  }
  return {
    ruleId: "no-unused-flag",
    severity: "warn",
    message: `flag ${key} is declared but nothing reads it`,
    file: file ?? ".",
    line,
    column: 1,
    endLine: line,
    endColumn: 1,
    flag: key,
  };
}

function readConfigText(context: ScanContext): string | undefined {
  if (!context.configFile) return undefined;
  try {
    return readFileSync(context.configFile, "utf8");
  } catch {
    return undefined;
  }
}

function lineOf(text: string | undefined, needle: string): number | undefined {
  if (text === undefined) return undefined;
  const at = text.indexOf(needle);
  return at < 0 ? undefined : text.slice(0, at).split("\n").length;
}
