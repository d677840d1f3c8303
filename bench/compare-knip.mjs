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
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { corpora, deadflagArgs, engineModule, installCorpora, knipArgs, prepareCorpus } from "./corpora.mjs";

const { openProject } = await import(engineModule);

const args = process.argv.slice(2);
const jsonAt = args.indexOf("--json");
const jsonFile = jsonAt >= 0 ? args[jsonAt + 1] : undefined;
const wanted = args.filter((a, i) => !a.startsWith("--") && (jsonAt < 0 || i !== jsonAt + 1));
const selected = wanted.length > 0 ? corpora.filter((c) => wanted.includes(c.id)) : corpora;

/**
 * Why a finding appears in one tool only, when the data shows it. Categories named "deadflag bug"
 * are defects found by this comparison (docs/knip-comparison.md says where); they should shrink to
 * nothing as the defects are fixed. What no category explains is listed as "to investigate".
 */
const reasons = {
  testOnly: "definition: used only by tests (knip counts test files as entries)",
  selfOnly: "definition: used only in its own file (deadflag: the export keyword is unused; knip: used when it is in the type of a used export of the file)",
  cascade: "call graph: imported, but used only by unreachable code (knip sees only the import)",
  typeSelfUsed: "definition: exported type used in its own file (deadflag: part of its declarations' signatures)",
  typeFirst: "deadflag bug: a value declared after a type of the same name (interface X + const X) is never linked",
  typeFirstCascade: "deadflag bug: used only by code that the type-before-value bug leaves unlinked",
  typeNamespace: "deadflag bug: a namespace of types only is reported as code",
  wholeByType: "deadflag imprecision: a namespace import used in a type (NS.T, typeof NS.x) counts as used whole",
  wholeByValue: "deadflag imprecision: a namespace import counts as used whole (a local of the same name is not told apart)",
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

/** What the project's facts say about one exported name: its declarations, and whether the first is a type. */
function declarationsOf(project, file, name) {
  const declarations = project.facts.get(file)?.declarations ?? [];
  const same = declarations.filter((d) => d.name === name || (d.alsoNames ?? []).includes(name));
  return { same, typeFirst: same.length > 1 && typeKinds.has(same[0].kind) && same.some((d) => !typeKinds.has(d.kind)) };
}

const typeKinds = new Set(["interface", "type"]);

/** Names the type-before-value bug leaves unreachable, and those only they use (by name: `usedBy` gives names). */
function typeFirstVictims(findings, project) {
  const unreachable = findings.filter((f) => f.ruleId === "no-unreachable-code" && f.symbol);
  const names = new Set(unreachable.filter((f) => declarationsOf(project, f.file, f.symbol).typeFirst).map((f) => f.symbol));
  for (let changed = true; changed; ) {
    changed = false;
    for (const f of unreachable) {
      const users = f.data?.usedBy;
      if (!names.has(f.symbol) && Array.isArray(users) && users.every((u) => names.has(u))) (names.add(f.symbol), (changed = true));
    }
  }
  return names;
}

function reasonForDeadflagOnly(key, entry, project, typeFirstNames) {
  const [file, name] = splitKey(key);
  if (entry.data.testOnly === true) return reasons.testOnly;
  if (entry.data.selfOnly === true) return reasons.selfOnly;
  if (entry.rule === "no-unreachable-code") {
    const { same, typeFirst } = declarationsOf(project, file, name);
    if (typeFirst) return reasons.typeFirst;
    if (same.length === 1 && same[0].kind === "namespace" && onlyTypesInside(project, file, same[0])) return reasons.typeNamespace;
    if (Array.isArray(entry.data.usedBy)) {
      return entry.data.usedBy.every((user) => typeFirstNames.has(user)) ? reasons.typeFirstCascade : reasons.cascade;
    }
  }
  return reasons.investigate;
}

/** Whether a namespace declares no value (only interfaces, type aliases and such namespaces): TypeScript emits nothing for it. */
function onlyTypesInside(project, file, namespace) {
  const source = ts.createSourceFile(file, readFileSync(path.join(project.root, file), "utf8"), ts.ScriptTarget.Latest);
  const isTypesOnly = (declaration) =>
    declaration.body !== undefined &&
    ts.isModuleBlock(declaration.body) &&
    declaration.body.statements.every(
      (s) => ts.isInterfaceDeclaration(s) || ts.isTypeAliasDeclaration(s) || (ts.isModuleDeclaration(s) && isTypesOnly(s)),
    );
  return source.statements.some((s) => ts.isModuleDeclaration(s) && s.name.text === namespace.name && isTypesOnly(s));
}

function reasonForKnipOnly(key, project, namespaceUses) {
  const [file, name] = splitKey(key);
  const facts = project.facts.get(file);
  const fact = facts?.exports.find((e) => e.exported === name);
  if (fact?.typeOnly && usedInOwnFile(facts, fact.local ?? name)) return reasons.typeSelfUsed;
  const whole = namespaceUses.get(file);
  if (whole?.has("v")) return reasons.wholeByValue;
  if (whole?.has("t")) return reasons.wholeByType;
  return reasons.investigate;
}

/** For each file, how namespace imports of it are used whole: "v" (as a value) and/or "t" (in a type). */
function wholeNamespaceUses(project) {
  const uses = new Map();
  for (const [importer, facts] of project.facts) {
    const keys = new Set(facts.declarations.flatMap((d) => Object.keys(d.uses)));
    for (const fact of facts.imports) {
      if (fact.imported !== "*" || fact.kind !== "static") continue;
      const target = project.linked.resolver.resolve(importer, fact.specifier);
      if (target.kind !== "file") continue;
      const kinds = uses.get(target.file) ?? new Set();
      if (keys.has(`v:${fact.local}`)) kinds.add("v");
      if (keys.has(`t:${fact.local}`)) kinds.add("t");
      uses.set(target.file, kinds);
    }
  }
  // `export * from` passes the whole-use on to the re-exported module.
  for (let changed = true; changed; ) {
    changed = false;
    for (const [file, facts] of project.facts) {
      for (const fact of facts.exports) {
        if (fact.exported !== "*" || fact.specifier === undefined) continue;
        const target = project.linked.resolver.resolve(file, fact.specifier);
        if (target.kind !== "file") continue;
        const from = uses.get(file) ?? new Set();
        const to = uses.get(target.file) ?? new Set();
        for (const kind of from) if (!to.has(kind)) (to.add(kind), (changed = true));
        uses.set(target.file, to);
      }
    }
  }
  return uses;
}

/**
 * deadflag's unreachable-code findings that have no knip counterpart (knip reports neither
 * unexported declarations nor, since v6, class members), by what they are.
 */
function outsideComparison(findings, locals) {
  const groups = { "class members": [], "unexported, root": [], "unexported, only dead code uses it": [], "unexported, only types use it": [] };
  for (const f of findings) {
    if (f.ruleId !== "no-unreachable-code" || !f.symbol) continue;
    if (f.symbol.includes(".")) groups["class members"].push(f);
    else if (locals.get(f.file)?.has(f.symbol)) continue;
    else if (Array.isArray(f.data?.typeUsers) || /only types/.test(f.message)) groups["unexported, only types use it"].push(f);
    else if (Array.isArray(f.data?.usedBy)) groups["unexported, only dead code uses it"].push(f);
    else groups["unexported, root"].push(f);
  }
  return Object.fromEntries(Object.entries(groups).map(([k, list]) => [k, list.map((f) => `${f.file}:${f.line} ${f.symbol}${f.severity === "warn" ? " (warn)" : ""}`)]));
}

function splitKey(key) {
  const hash = key.lastIndexOf("#");
  return [key.slice(0, hash), key.slice(hash + 1)];
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
    const namespaceUses = wholeNamespaceUses(project);
    const typeFirstNames = typeFirstVictims(deadflag.findings, project);
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
        .map(([key, entry]) => ({ key, line: entry.line, rule: entry.rule, reason: reasonForDeadflagOnly(key, entry, project, typeFirstNames), message: entry.message })),
      knipOnly: [...kExports.entries()]
        .filter(([k]) => !dExports.has(k))
        .map(([key, entry]) => ({ key, line: entry.line, type: entry.type, reason: reasonForKnipOnly(key, project, namespaceUses) })),
    };
    const counts = {};
    for (const f of deadflag.findings) counts[f.ruleId] = (counts[f.ruleId] ?? 0) + 1;
    const outside = outsideComparison(deadflag.findings, locals);
    return { corpus: corpus.name, root: path.relative(process.cwd(), root), files: project.stats.files, deadflagCounts: counts, knipOther: other, outside, filesResult: files, exportsResult: exports };
  });
}

function print(result) {
  const lines = [`## ${result.corpus} (${result.files} files, ${result.root})`, ""];
  lines.push(`deadflag findings: ${Object.entries(result.deadflagCounts).map(([r, n]) => `${r} ${n}`).join(", ")}`);
  lines.push(`knip, not compared: ${result.knipOther.enumMembers} unused enum members, ${result.knipOther.duplicates} duplicate exports`);
  lines.push(
    `deadflag, no knip counterpart (unreachable code): ${Object.entries(result.outside).map(([k, list]) => `${k} ${list.length}`).join(", ")}`,
  );
  for (const [k, list] of Object.entries(result.outside)) for (const item of list) lines.push(`    ${k}: ${item}`);
  lines.push("");
  for (const [title, part] of [["unused files", result.filesResult], ["unused exports", result.exportsResult]]) {
    lines.push(`### ${title}: ${part.agreed.length} agreed, ${part.deadflagOnly.length} only deadflag, ${part.knipOnly.length} only knip`);
    for (const [side, items] of [["only deadflag", part.deadflagOnly], ["only knip", part.knipOnly]]) {
      for (const [reason, group_] of group(items)) {
        lines.push(`- ${side}, ${reason} (${group_.length}):`);
        for (const item of [...group_].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))) lines.push(`    ${item.key}${item.line ? `:${item.line}` : ""}${item.type ? ` [${item.type}]` : ""}${item.rule ? ` [${item.rule}]` : ""}`);
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
