// The default output of `why`: one sentence saying whether the target is live or dead and why,
// then the path (or the users) one hop per line: the symbol, where the use that reaches it is
// written, and how it reaches it.
import pc from "picocolors";
import type { DeadBranchAt, DeadReason, EntrySource, NodeUse, PathStep, WhyExplanation } from "../analysis/explain-node.js";
import type { ReportContext } from "./report-context.js";

type Colors = ReturnType<typeof pc.createColors>;

/** Formats a `why` explanation for people. */
export default function formatWhyText(explanation: WhyExplanation, context: ReportContext): string {
  const colors = pc.createColors(context.color);
  const { target } = explanation;
  const name = `${colors.bold(target.symbol)} (${target.kind}, ${target.file}:${target.line}:${target.column})`;
  const lines: string[] = [];
  const branch = explanation.deadBranch;
  if (branch) lines.push(`${branch.file}:${branch.line}-${branch.endLine} is a dead branch: ${branchSentence(branch)}.`, "");
  if (explanation.live) {
    const path = explanation.path ?? [];
    const hops = path.length - 1;
    lines.push(`${name} is ${colors.green("live")}, ${hops} ${hops === 1 ? "hop" : "hops"} from ${path[0]?.symbol ?? "an entry"}:`);
    lines.push(...table(path.map((step) => stepRow(step, colors)), colors));
  } else {
    lines.push(...deadLines(name, target.symbol, explanation.reason ?? { kind: "no-uses", fileImported: true }, colors));
  }
  return `${lines.join("\n")}\n`;
}

/** The sentence (and rows) for a dead node; `name` is how to print it, `symbol` its bare name. */
function deadLines(name: string, symbol: string, reason: DeadReason, colors: Colors): string[] {
  const dead = colors.red("dead");
  switch (reason.kind) {
    case "no-uses":
      return [`${name} is ${dead}: no uses at all${reason.fileImported ? "" : ", and no entry imports its file"}.`];
    case "type":
      return [`${name} is a type: types have no runtime uses, and the call graph follows values only.`];
    case "dead-users":
      return [`${name} is ${dead}: used only by unreachable code:`, ...table(reason.users.map((use) => userRow(use, symbol)), colors)];
    case "test-only":
      return [
        `${name} is ${dead} in production: used only by tests, through:`,
        ...table(reason.path.map((step) => stepRow(step, colors)), colors),
      ];
    case "behind-flag": {
      const { flag, file, line } = reason.branch;
      return [
        `${name} is ${dead}: reachable only behind flag ${flag} (${flagValue(reason.branch)}): the branch at ${file}:${line} never runs.`,
        "If the flag could flip, it would be live through:",
        ...table(reason.path.map((step) => stepRow(step, colors)), colors),
      ];
    }
    case "dead-class": {
      const owner = `${colors.bold(reason.class.symbol)} (class, ${reason.class.file}:${reason.class.line}:${reason.class.column})`;
      return [`${name} is ${dead}: its class is dead.`, ...deadLines(owner, reason.class.symbol, reason.reason, colors)];
    }
  }
}

/** A path step as a row: symbol, where the use that reaches it is written, how. */
function stepRow(step: PathStep, colors: Colors): string[] {
  const where = step.use ?? (step.kind === "file" ? undefined : step);
  const cut = step.guard ? `  ${colors.red(`✗ cut: flag ${step.guard.flag} is ${step.guard.state}`)}` : "";
  return [step.symbol, where ? `${where.file}:${where.line}:${where.column}` : "", `${how(step)}${cut}`];
}

const userVerbs: Partial<Record<NodeUse["via"], string>> = {
  call: "calls it",
  new: "instantiates it",
  jsx: "renders it",
  import: "imports it",
};

/** A user as a row: its symbol, where it uses the target, how. */
function userRow(use: NodeUse, target: string): string[] {
  const text = use.via === "member" ? `names .${target.slice(target.indexOf(".") + 1)}` : (userVerbs[use.via] ?? "refers to it");
  return [use.symbol, `${use.file}:${use.line}:${use.column}`, text];
}

function how(step: PathStep): string {
  const owner = step.symbol.slice(0, Math.max(0, step.symbol.indexOf(".")));
  switch (step.via) {
    case "module-load":
      return step.entry ? entryWord(step.entry) : "top-level code, runs when its file loads";
    case "entry-export":
      return "exported by the entry";
    case "evaluated":
      return "initialised when its file loads";
    case "escaped-class":
      return step.kind === "constructor" ? `runs on new ${owner}` : `${owner} escapes, so outside code may call it`;
    case "member":
      return `.${step.symbol.slice(step.symbol.indexOf(".") + 1)} on a live ${owner}`;
    case "import":
      return step.kind === "file" ? "imported" : "imported dynamically";
    default:
      return useWord(step.via, step.symbol);
  }
}

function useWord(via: PathStep["via"], symbol: string): string {
  switch (via) {
    case "call":
      return "called";
    case "new":
      return "instantiated";
    case "jsx":
      return `rendered as <${symbol}>`;
    default:
      return "referenced";
  }
}

function entryWord(entry: EntrySource): string {
  switch (entry) {
    case "config":
      return "entry (config)";
    case "package.json":
      return "entry (package.json)";
    case "conventional":
      return "entry (conventional name)";
    case "test":
      return "test file";
  }
}

/** `flag power-peg is retired (reads return false), so the flag-on side of its early-exit never runs`. */
function branchSentence(branch: DeadBranchAt): string {
  const side = branch.side === "case" ? "this case of its switch" : `the flag-${branch.side} side of its ${branch.guard}`;
  return `flag ${branch.flag} is ${branch.state} (reads return ${JSON.stringify(branch.value)}), so ${side} never runs`;
}

/** `retired: reads return false`. */
function flagValue(branch: DeadBranchAt): string {
  return `${branch.state}: reads return ${JSON.stringify(branch.value)}`;
}

/** Rows as aligned columns, indented under the sentence. */
function table(rows: readonly string[][], colors: Colors): string[] {
  const widths = [0, 0];
  for (const row of rows) for (const column of [0, 1]) widths[column] = Math.max(widths[column] ?? 0, row[column]?.length ?? 0);
  return rows.map(([symbol = "", where = "", text = ""]) =>
    `  ${symbol.padEnd(widths[0] ?? 0)}  ${colors.dim(where.padEnd(widths[1] ?? 0))}  ${text}`.trimEnd(),
  );
}
