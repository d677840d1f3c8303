// `no-unused-export`: exports no other module imports. An export used only inside its own file is
// its own category (the `export` keyword is what is unused), and so is one only tests import.
import type { ExportFact } from "../facts/file-facts.js";
import type { Finding } from "../findings/finding.js";
import type { ExportUsage } from "./export-usage.js";
import { FindingUncertainty } from "./finding-uncertainty.js";
import type { ScanContext } from "./scan-context.js";

/** The unused-export findings of a scan; in `files` only, when given. */
export function unusedExportFindings(context: ScanContext, usage: ExportUsage, files?: ReadonlySet<string>): Finding[] {
  const findings: Finding[] = [];
  const entries = new Set(context.entries.production);
  const uncertainty = new FindingUncertainty(context);
  const all = context.graph.linked.facts;
  const chosen = files ? [...files].flatMap((file) => { const facts = all.get(file); return facts ? [[file, facts] as const] : []; }) : all;
  for (const [file, facts] of chosen) {
    // A file no entry reaches (or only tests do) is reported once, as an unused file.
    if (entries.has(file) || context.testFiles.has(file) || !context.reachedFiles.has(file)) continue;
    for (const fact of facts.exports) {
      if (fact.exported === "*" || fact.exported === "=") continue;
      const users = [...(usage.get(file)?.get(fact.exported) ?? [])];
      if (users.some((user) => !context.testFiles.has(user))) continue;
      const selfUsed = usedInOwnFile(context, file, fact);
      // A type used by its own file's declarations is part of their signatures: exporting it is API.
      if (selfUsed && fact.typeOnly) continue;
      const found = finding(file, fact, users.length > 0, selfUsed);
      const uncertain = uncertainty.ofFile(file);
      if (uncertain !== undefined) found.data = { ...found.data, confidence: "uncertain", uncertainBecause: uncertain };
      findings.push(found);
    }
  }
  return findings;
}

function finding(file: string, fact: ExportFact, testOnly: boolean, selfUsed: boolean): Finding {
  const message = fact.commonJs === true ? commonJsMessage(fact, testOnly, selfUsed) : esmMessage(fact, testOnly, selfUsed);
  const data: Record<string, unknown> = { exported: fact.exported, type: fact.typeOnly };
  if (fact.commonJs === true) data["commonJs"] = true;
  // `export default class Foo`, `export { a as b }`: the declaration's own name, which other rules report.
  if (fact.local !== undefined && fact.local !== fact.exported) data["local"] = fact.local;
  if (testOnly) data["testOnly"] = true;
  if (selfUsed && !testOnly) data["selfOnly"] = true;
  return {
    ruleId: "no-unused-export",
    severity: "error",
    message,
    file,
    line: fact.range.line,
    column: fact.range.column,
    endLine: fact.range.endLine,
    endColumn: fact.range.endColumn,
    symbol: fact.exported,
    data,
  };
}

function esmMessage(fact: ExportFact, testOnly: boolean, selfUsed: boolean): string {
  const what = `${fact.typeOnly ? "type " : ""}${fact.exported}`;
  if (testOnly) return `export ${what} is imported only by tests`;
  if (selfUsed) return `export ${what} is used only in its own file: the export keyword is unused`;
  return `export ${what} is not imported by any other module`;
}

/** The same findings said of module.exports: what to remove is the property, not a keyword. */
function commonJsMessage(fact: ExportFact, testOnly: boolean, selfUsed: boolean): string {
  const what = fact.exported === "default" ? "module.exports" : `module.exports.${fact.exported}`;
  if (testOnly) return `${what} is required only by tests`;
  const advice = fact.exported === "default" ? "" : `: remove \`${fact.exported}\` from module.exports`;
  if (selfUsed) return `${what} is used only in its own file${advice}`;
  return `${what} is not required by any other module${advice}`;
}

/** Whether another declaration of the file uses the exported binding. */
function usedInOwnFile(context: ScanContext, file: string, fact: ExportFact): boolean {
  const local = fact.local ?? fact.exported;
  const { graph } = context;
  const own = graph.nodeOf(file, local);
  return graph.nodesOf(file).some((id) => {
    if (id === own || graph.nodes[id]?.owner === own) return false;
    const uses = graph.nodes[id]?.declaration.uses;
    if (uses === undefined) return false;
    return uses[`v:${local}`] !== undefined || uses[`t:${local}`] !== undefined || (fact.commonJs === true && uses[`x:${fact.exported}`] !== undefined);
  });
}
