// Compares deadflag's unused files and exports with knip's on the same staged projects (same files,
// same tsconfig, same entries; see corpora.mjs) and prints where they agree and disagree.
// Usage: node bench/compare-knip.mjs [corpus id …] [--json <file>]   (run `npm run build` first)
//
// What is compared:
// - files: deadflag `no-unused-file` against knip `files`;
// - exports (values and types): deadflag `no-unused-export`, plus `no-unreachable-code` on a
//   top-level declaration its file exports (deadflag keeps only the unreachable-code finding when an
//   export is both), against knip `exports`, `types`, `nsExports` and `nsTypes`.
// Each disagreement gets the reason the data shows (tests, a dead-code cascade, a type used in its
// own file); the rest is listed as "to investigate" and explained in docs/knip-comparison.md.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { corpora, deadflagArgs, engineModule, installCorpora, knipArgs, prepareCorpus } from "./corpora.mjs";

const { openProject } = await import(engineModule);

const args = process.argv.slice(2);
const jsonAt = args.indexOf("--json");
const jsonFile = jsonAt >= 0 ? args[jsonAt + 1] : undefined;
const wanted = args.filter((a, i) => !a.startsWith("--") && (jsonAt < 0 || i !== jsonAt + 1));
const selected = wanted.length > 0 ? corpora.filter((c) => wanted.includes(c.id)) : corpora;

/** Why a finding appears in one tool only, when the data says. */
const reasons = {
  testOnly: "definition: used only by tests (knip counts test files as entries)",
  cascade: "call graph: imported, but used only by unreachable code (knip sees only the import)",
  typeSelfUsed: "definition: exported type used in its own file (deadflag: part of its declarations' signatures)",
  investigate: "to investigate",
};

/** Runs a node script and returns its JSON stdout (exit 1 means "findings" for both tools). */
function runJson(argv, what) {
  const result = spawnSync(process.execPath, argv, { encoding: "utf8", maxBuffer: 512 * 1024 * 1024 });
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(`${what} exited with ${result.status}: ${result.stderr.slice(0, 2000)}`);
  }
  return JSON.parse(result.stdout);
}

/** For each file, its own exported declarations: local name → exported names. */
function exportedLocals(project) {
  const byFile = new Map();
  for (const [file, facts] of project.facts) {
    const locals = new Map();
    for (const fact of facts.exports) {
      if (fact.specifier !== undefined || fact.exported === "*" || fact.exported === "=") continue;
      const local = fact.local ?? fact.exported;
      locals.set(local, [...(locals.get(local) ?? []), { exported: fact.exported, typeOnly: fact.typeOnly }]);
    }
    byFile.set(file, locals);
  }
  return byFile;
}

/** deadflag's unused exports, `file#exported` → what the finding says. */
function deadflagExports(findings, locals) {
  const found = new Map();
  for (const f of findings) {
    if (f.ruleId === "no-unused-export") {
      found.set(`${f.file}#${f.symbol}`, { rule: f.ruleId, data: f.data ?? {}, line: f.line, message: f.message });
    } else if (f.ruleId === "no-unreachable-code" && f.symbol && !f.symbol.includes(".")) {
      for (const { exported } of locals.get(f.file)?.get(f.symbol) ?? []) {
        found.set(`${f.file}#${exported}`, { rule: f.ruleId, data: f.data ?? {}, line: f.line, message: f.message });
      }
    }
  }
  return found;
}

/** knip's unused exports and types, `file#name` → its issue type. */
function knipExports(report) {
  const found = new Map();
  const other = { enumMembers: 0, duplicates: 0 };
  for (const issue of report.issues) {
    for (const type of ["exports", "types", "nsExports", "nsTypes"]) {
      for (const item of issue[type] ?? []) found.set(`${issue.file}#${item.name}`, { type, line: item.line });
    }
    other.enumMembers += Object.values(issue.enumMembers ?? {}).flat().length;
    other.duplicates += (issue.duplicates ?? []).length;
  }
  return { found, other };
}

function knipFiles(report) {
  return new Set(report.issues.flatMap((issue) => (issue.files ?? []).map((f) => f.name ?? issue.file)));
}

function reasonForDeadflagOnly(entry) {
  if (entry.data.testOnly === true) return reasons.testOnly;
  if (entry.rule === "no-unreachable-code" && Array.isArray(entry.data.usedBy)) return reasons.cascade;
  return reasons.investigate;
}

function reasonForKnipOnly(key, locals, project) {
  const hash = key.lastIndexOf("#");
  const file = key.slice(0, hash);
  const name = key.slice(hash + 1);
  const facts = project.facts.get(file);
  const fact = facts?.exports.find((e) => e.exported === name);
  if (fact?.typeOnly && usedInOwnFile(facts, fact.local ?? name)) return reasons.typeSelfUsed;
  return reasons.investigate;
}

/** Whether some declaration of the file, other than the type itself, uses the name (as deadflag's rule checks). */
function usedInOwnFile(facts, local) {
  return facts.declarations.some(
    (d) => d.name !== local && !d.name.startsWith(`${local}.`) && (d.uses[`t:${local}`] !== undefined || d.uses[`v:${local}`] !== undefined),
  );
}

function group(items) {
  const groups = new Map();
  for (const item of items) groups.set(item.reason, [...(groups.get(item.reason) ?? []), item]);
  return [...groups.entries()].sort((a, b) => b[1].length - a[1].length);
}

function compare(corpus) {
  const root = prepareCorpus(corpus);
  const deadflag = runJson(deadflagArgs(root), "deadflag");
  const knip = runJson(knipArgs(root), "knip");
  return openProject({ root, cache: true, cacheLocation: path.join(root, "..", "..", "cache", corpus.id) }).then((project) => {
    const locals = exportedLocals(project);
    const dFiles = new Map(deadflag.findings.filter((f) => f.ruleId === "no-unused-file").map((f) => [f.file, f]));
    const kFiles = knipFiles(knip);
    const dExports = deadflagExports(deadflag.findings, locals);
    const { found: kExports, other } = knipExports(knip);
    const files = {
      agreed: [...dFiles.keys()].filter((f) => kFiles.has(f)).sort(),
      deadflagOnly: [...dFiles.entries()]
        .filter(([f]) => !kFiles.has(f))
        .map(([file, f]) => ({ key: file, reason: f.data?.testOnly ? reasons.testOnly : reasons.investigate, message: f.message })),
      knipOnly: [...kFiles].filter((f) => !dFiles.has(f)).map((key) => ({ key, reason: reasons.investigate })),
    };
    const exports = {
      agreed: [...dExports.keys()].filter((k) => kExports.has(k)).sort(),
      deadflagOnly: [...dExports.entries()]
        .filter(([k]) => !kExports.has(k))
        .map(([key, entry]) => ({ key, line: entry.line, rule: entry.rule, reason: reasonForDeadflagOnly(entry), message: entry.message })),
      knipOnly: [...kExports.entries()]
        .filter(([k]) => !dExports.has(k))
        .map(([key, entry]) => ({ key, line: entry.line, type: entry.type, reason: reasonForKnipOnly(key, locals, project) })),
    };
    const counts = {};
    for (const f of deadflag.findings) counts[f.ruleId] = (counts[f.ruleId] ?? 0) + 1;
    return { corpus: corpus.name, root: path.relative(process.cwd(), root), files: project.stats.files, deadflagCounts: counts, knipOther: other, filesResult: files, exportsResult: exports };
  });
}

function print(result) {
  const lines = [`## ${result.corpus} (${result.files} files, ${result.root})`, ""];
  lines.push(`deadflag findings: ${Object.entries(result.deadflagCounts).map(([r, n]) => `${r} ${n}`).join(", ")}`);
  lines.push(`knip, not compared: ${result.knipOther.enumMembers} unused enum members, ${result.knipOther.duplicates} duplicate exports`, "");
  for (const [title, part] of [["unused files", result.filesResult], ["unused exports", result.exportsResult]]) {
    lines.push(`### ${title}: ${part.agreed.length} agreed, ${part.deadflagOnly.length} only deadflag, ${part.knipOnly.length} only knip`);
    for (const [side, items] of [["only deadflag", part.deadflagOnly], ["only knip", part.knipOnly]]) {
      for (const [reason, group_] of group(items)) {
        lines.push(`- ${side}, ${reason} (${group_.length}):`);
        for (const item of group_) lines.push(`    ${item.key}${item.line ? `:${item.line}` : ""}${item.type ? ` [${item.type}]` : ""}${item.rule ? ` [${item.rule}]` : ""}`);
      }
    }
    lines.push("");
  }
  return lines.join("\n");
}

installCorpora();
const results = [];
for (const corpus of selected) {
  process.stderr.write(`comparing on ${corpus.name}\n`);
  const result = await compare(corpus);
  results.push(result);
  console.log(print(result));
}
if (jsonFile) writeFileSync(jsonFile, `${JSON.stringify(results, null, 2)}\n`);
