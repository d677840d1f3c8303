// `retire`'s engine: every edit that retiring a flag makes, computed in memory, nothing written.
// The project is analysed with the key's state set to the value it retires at; each read of the key
// is folded through the dead-flag-branch fix (a read that guards no dead branch through a finding on
// the read itself), the imports the folded code used go, and the rewritten texts are analysed
// again; then the code and files that are dead now but were not dead with the flag left free (a
// baseline with the key `active`) are deleted, round after round, until nothing changes. Code dead
// for other reasons is never deleted: it is reported, as are reads that cannot be folded safely.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { FlagState } from "../config/config-schema.js";
import { analyseProject } from "../analysis/scan-project.js";
import type { ProjectAnalysis } from "../analysis/scan-project.js";
import { deadBranchFindings } from "../analysis/flag-findings.js";
import type { EngineDiagnostic } from "../engine/engine-diagnostic.js";
import { InputError } from "../engine/input-error.js";
import { extractPrepared, prepareProject } from "../engine/open-project.js";
import type { OpenedProject, OpenMemory, OpenProjectOptions } from "../engine/open-project.js";
import { loadExtractor } from "../facts/extract-sources.js";
import type { Finding } from "../findings/finding.js";
import { deleteDeclaration } from "../fix/delete-declaration.js";
import { foldFlagBranch } from "../fix/fold-flag-branch.js";
import { removeExport } from "../fix/remove-export.js";
import type { TextEdit } from "../fix/text-edit.js";
import { applyEdits } from "../fix/text-edit.js";
import type { FlagRead } from "../flags/flag-index.js";
import type { LinkedProject, LiteralValue } from "../graph/linked-project.js";
import type { Ledger } from "../history/ledger.js";
import { workingTreeMeanings } from "../history/working-tree-meanings.js";
import { configWithoutState } from "./config-without-state.js";
import { removeOrphanedPrivateMembers } from "./remove-orphaned-private-members.js";
import { removeUnusedImports } from "./remove-unused-imports.js";
import { tidyBlankLines } from "./tidy-blank-lines.js";
import { tombstonedLedger } from "./tombstoned-ledger.js";

/** What every read of the key returns once it is retired: `default` is each read's in-code default. */
export type RetireValue = "on" | "off" | "default";

/** What to retire, in which project. */
export interface RetirementRequest {
  open: OpenProjectOptions;
  key: string;
  value: RetireValue;
}

/** One file retire changes: its text before and after (undefined: the file is deleted). */
export interface FileChange {
  file: string;
  before: string;
  after: string | undefined;
}

/** A place retire leaves to a person, and why. */
export interface LeftPlace {
  file: string;
  line: number;
  column: number;
  /** The declaration, for dead code. */
  symbol?: string;
  reason: string;
}

/** Everything retiring a key changes, and what it leaves. */
export interface RetirementPlan {
  root: string;
  key: string;
  value: RetireValue;
  /** Changed and deleted files, sorted by path. */
  changes: FileChange[];
  /** Reads of the key that could not be folded safely, at their places in the texts as retire leaves them. */
  byHand: LeftPlace[];
  /** Code dead because of the fold that could not be deleted safely. */
  leftDead: LeftPlace[];
  /** Code in the changed files that was dead before, for other reasons: kept. */
  alreadyDead: LeftPlace[];
  /** The ledger with the key's tombstone, when every read is gone and the key had a meaning. */
  ledger: Ledger | undefined;
  /** The project before any change (for `--verify`'s compiler options and file list). */
  project: OpenedProject;
  diagnostics: EngineDiagnostic[];
}

/** Rounds of fold-and-delete at most: each round deletes what the last one left dead. */
const maxRounds = 24;

const deadCodeRules = new Set(["no-unreachable-code", "no-unused-file", "no-unused-export"]);

/** Plans the retirement of `request.key` (see the file comment); throws InputError for a key the project does not know. */
export async function planRetirement(request: RetirementRequest): Promise<RetirementPlan> {
  const { key, value } = request;
  const options = request.open;
  const root = path.resolve(options.root);
  await loadExtractor();
  const memory: OpenMemory = { stats: new Map() };
  /** Current texts of changed files (`""` for a deleted file, which keeps the file list as it is). */
  const texts = new Map<string, string>();
  const originals = new Map<string, string>();
  const deleted = new Set<string>();
  const open = (): OpenedProject => extractPrepared(prepareProject(options, { memory, overrides: texts }), options, memory).link();
  const textOf = (file: string): string => texts.get(file) ?? readFileSync(path.join(root, file), "utf8");
  const setText = (file: string, text: string): void => {
    if (!originals.has(file)) originals.set(file, textOf(file));
    texts.set(file, text);
  };

  const original = open();
  const baselineAnalysis = analyseProject(withKeyState(original, key, "active"));
  const known = baselineAnalysis.context.index.flags.find((f) => f.key === key);
  if (!known || (known.references.length === 0 && known.declarations.length === 0)) {
    throw new InputError(`unknown flag ${key}: it is not read anywhere and not declared in the registry`);
  }
  const wasDead = new Set(baselineAnalysis.findingsOf().filter((f) => deadCodeRules.has(f.ruleId)).map(deadCodeId));
  const state: FlagState = value === "on" ? "on" : value === "off" ? "off" : "retired";
  const cleanImports = (): void => {
    for (const [file, text] of texts) {
      if (deleted.has(file)) continue;
      const before = originals.get(file) ?? text;
      setText(file, tidyBlankLines(before, removeUnusedImports(file, before, removeOrphanedPrivateMembers(file, before, text))));
    }
  };

  // Folding sees the key in its retired state; deleting sees it `active`, as the baseline did, so
  // that the branches of a read left to a person, and the code they use, stay live.
  let folding = analyseProject(withKeyState(original, key, state));
  let settled: ProjectAnalysis | undefined;
  const failures = new Map<string, string>();
  for (let round = 1; round <= maxRounds; round++) {
    failures.clear();
    settled = undefined;
    let changed = foldReads(folding, key, value, textOf, setText, failures);
    if (!changed) {
      settled = texts.size === 0 ? baselineAnalysis : analyseProject(withKeyState(open(), key, "active"));
      changed = deleteDead(settled, wasDead, deleted, textOf, setText);
    }
    if (!changed) break;
    settled = undefined;
    cleanImports();
    folding = analyseProject(withKeyState(open(), key, state));
  }
  const analysis = settled ?? analyseProject(withKeyState(open(), key, "active"));
  const findings = analysis.findingsOf();
  const remaining = analysis.context.index.flags.find((f) => f.key === key)?.references ?? [];
  const byHand = remaining.map((read) => ({
    file: read.file,
    line: read.range.line,
    column: read.range.column,
    reason: failures.get(readId(read)) ?? whyNotFoldable(read, value),
  }));
  const changedFiles = new Set(originals.keys());
  const leftDead = findings
    .filter((f) => deadCodeRules.has(f.ruleId) && !wasDead.has(deadCodeId(f)) && !deleted.has(f.file) && f.ruleId !== "no-unused-export")
    .map((f) => placeOf(f, leftDeadReason(f)));
  const alreadyDead = findings
    .filter((f) => deadCodeRules.has(f.ruleId) && f.ruleId !== "no-unused-export" && wasDead.has(deadCodeId(f)) && changedFiles.has(f.file) && !deleted.has(f.file))
    .map((f) => placeOf(f, "dead before the fold, for other reasons: kept"));
  const everyReadGone = known.references.length > 0 && remaining.length === 0;
  const meaning = everyReadGone ? (await workingTreeMeanings(original)).get(key) : undefined;
  const ledger = meaning ? await tombstonedLedger(root, key, meaning) : undefined;
  const changes = [...originals]
    .map(([file, before]): FileChange => ({ file, before, after: deleted.has(file) ? undefined : textOf(file) }))
    .filter((change) => change.after !== change.before);
  const configChange = everyReadGone ? stateRemoval(original, key) : undefined;
  if (configChange) changes.push(configChange);
  changes.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { root, key, value, changes, byHand, leftDead, alreadyDead, ledger, project: original, diagnostics: original.diagnostics };
}

/** The config file without the key's entry in `flags.states`, when it is JSON inside the root and has one. */
function stateRemoval(project: OpenedProject, key: string): FileChange | undefined {
  if (!project.configFile || !(key in project.config.flags.states)) return undefined;
  const file = path.relative(project.root, project.configFile).split(path.sep).join("/");
  if (file.startsWith("../") || path.isAbsolute(file)) return undefined;
  const before = readFileSync(project.configFile, "utf8");
  const after = configWithoutState(project.configFile, before, key);
  return after === undefined ? undefined : { file, before, after };
}

/** The project with the key in `state` and the dead-code and dead-branch rules on, whatever the config says. */
function withKeyState(project: OpenedProject, key: string, state: FlagState): OpenedProject {
  const config = project.config;
  return {
    ...project,
    config: {
      ...config,
      rules: {
        ...config.rules,
        "no-dead-flag-branch": "error",
        "no-unreachable-code": "error",
        "no-unused-export": "error",
        "no-unused-file": "error",
      },
      flags: { ...config.flags, states: { ...config.flags.states, [key]: state } },
    },
  };
}

/**
 * Folds the reads of the key the analysis found, last first in each file so that the places of the
 * reads before each fold still hold; a read whose places a fold in its file moved waits for the next
 * round. Returns whether anything was folded; `failures` gets why a read could not be.
 */
function foldReads(
  analysis: ProjectAnalysis,
  key: string,
  value: RetireValue,
  textOf: (file: string) => string,
  setText: (file: string, text: string) => void,
  failures: Map<string, string>,
): boolean {
  const entry = analysis.context.index.flags.find((f) => f.key === key);
  if (!entry) return false;
  const branches = new Map<string, Finding[]>();
  const dead = deadBranchFindings(analysis.context);
  analysis.context.deadBranches.forEach((branch, i) => {
    const finding = dead[i];
    if (branch.flag !== key || !finding) return;
    const id = readId(branch.read);
    branches.set(id, [...(branches.get(id) ?? []), { ...finding, data: { ...finding.data, end: branch.branch.range.end } }]);
  });
  const byFile = new Map<string, FlagRead[]>();
  for (const read of entry.references) byFile.set(read.file, [...(byFile.get(read.file) ?? []), read]);
  let folded = false;
  for (const [file, reads] of byFile) {
    let text = textOf(file);
    let editedFrom = Number.POSITIVE_INFINITY;
    for (const read of [...reads].sort((a, b) => b.range.start - a.range.start)) {
      const readValue = valueOf(read, value, entry.declarations.find((d) => d.default !== undefined)?.default);
      if (readValue === undefined) {
        failures.set(readId(read), whyNotFoldable(read, value));
        continue;
      }
      // A read that guards no dead branch is folded only when its value is tested in a condition:
      // otherwise the call may not return the flag's value at all (`withWorkspace(handler, {
      // featureFlag })` returns a handler).
      const candidates = branches.get(readId(read)) ?? (read.guards.length > 0 ? [readFinding(read, key, readValue)] : []);
      let edit: TextEdit | undefined;
      for (const candidate of candidates) {
        const end = Math.max(read.range.end, Number(candidate.data?.["end"] ?? read.range.end));
        if (end > editedFrom) break;
        // A flag map's member (`flags.x`) is the flag's value; an environment variable's is text.
        edit = foldFlagBranch(file, text, candidate, read.recognisedBy === "env" ? {} : { memberReadEnd: read.range.end });
        if (edit) break;
      }
      if (!edit) {
        failures.set(readId(read), whyNotFoldable(read, value));
        continue;
      }
      text = applyEdits(text, [edit]);
      editedFrom = Math.min(editedFrom, edit.start);
      folded = true;
    }
    if (text !== textOf(file)) setText(file, text);
  }
  return folded;
}

/**
 * A finding on the read itself, for a read whose guards have no dead side (`if (on) run()` retired
 * `on`): the fold must make the read go.
 */
function readFinding(read: FlagRead, key: string, value: LiteralValue): Finding {
  const { range } = read;
  return {
    ruleId: "no-dead-flag-branch",
    severity: "error",
    message: "",
    file: read.file,
    line: range.line,
    column: range.column,
    endLine: range.endLine,
    endColumn: range.endColumn,
    flag: key,
    data: {
      value,
      read: { file: read.file, line: range.line, column: range.column },
      ...(read.guards.some((g) => g.kind === "switch") ? { guard: "switch" } : {}),
      end: range.end,
    },
  };
}

/** The value a read returns once retired, or undefined when that is not known. */
function valueOf(read: FlagRead, value: RetireValue, registryDefault: LiteralValue | undefined): LiteralValue | undefined {
  if (value === "default") return read.default ?? registryDefault;
  // `on`/`off` say what a boolean flag returns, not which variant a string or number flag serves.
  if (read.valueType !== undefined && read.valueType !== "boolean") return undefined;
  return value === "on";
}

/** Why a read is left to a person, as far as its facts tell. */
function whyNotFoldable(read: FlagRead, value: RetireValue): string {
  if (read.recognisedBy === "env") return "an environment variable: its value is text, not known here";
  if (value === "default" && read.default === undefined) return "the read has no default in the code";
  if (value !== "default" && read.valueType !== undefined && read.valueType !== "boolean") {
    return `a ${read.valueType} flag: on/off does not say which value it returns (use --value default)`;
  }
  if (read.guards.some((g) => g.kind === "switch")) return "a switch on the flag's value";
  if (read.guards.length === 0) return "its value is not tested in a condition here (passed on, returned or stored): fold it by hand";
  return "the fold is not safe here (a call with side effects, a variable written again or exported, or a shape the fold does not know)";
}

/**
 * Deletes what is dead now and was not in the baseline: declarations (roots of dead code, through
 * the unreachable-code fix), exports no module imports any more (the export only), and files no
 * entry reaches any more when no kept file imports them and they hold no code that was dead before.
 * Returns whether anything changed.
 */
function deleteDead(
  analysis: ProjectAnalysis,
  wasDead: ReadonlySet<string>,
  deleted: Set<string>,
  textOf: (file: string) => string,
  setText: (file: string, text: string) => void,
): boolean {
  const findings = analysis.findingsOf().filter((f) => deadCodeRules.has(f.ruleId) && !wasDead.has(deadCodeId(f)) && !deleted.has(f.file));
  const certain = (f: Finding): boolean => f.data?.["testOnly"] !== true && f.data?.["confidence"] !== "uncertain";
  const heldDead = new Set([...wasDead].filter((id) => id.startsWith("no-unreachable-code|")).map((id) => id.split("|")[1]));
  const unusedFiles = new Set(findings.filter((f) => f.ruleId === "no-unused-file" && certain(f) && !heldDead.has(f.file)).map((f) => f.file));
  const importers = importersOf(analysis.context.graph.linked, deleted);
  const goingFiles = new Set([...unusedFiles].filter((file) => [...(importers.get(file) ?? [])].every((by) => unusedFiles.has(by))));
  let changed = false;
  for (const file of goingFiles) {
    setText(file, "");
    deleted.add(file);
    changed = true;
  }
  const editsByFile = new Map<string, TextEdit[]>();
  for (const finding of findings) {
    if (goingFiles.has(finding.file) || !certain(finding)) continue;
    const text = textOf(finding.file);
    let edits: readonly TextEdit[] | undefined;
    if (finding.ruleId === "no-unreachable-code") edits = deleteDeclaration(finding.file, text, finding);
    else if (finding.ruleId === "no-unused-export") edits = [removeExport(finding.file, text, finding)].filter((e) => e !== undefined);
    if (!edits || edits.length === 0) continue;
    const list = editsByFile.get(finding.file) ?? [];
    if (edits.some((e) => list.some((o) => e.start < o.end && o.start < e.end))) continue;
    editsByFile.set(finding.file, [...list, ...edits]);
  }
  for (const [file, edits] of editsByFile) {
    setText(file, applyEdits(textOf(file), edits));
    changed = true;
  }
  return changed;
}

/** Each file's importers among the files not deleted. */
function importersOf(linked: LinkedProject, deleted: ReadonlySet<string>): Map<string, Set<string>> {
  const importers = new Map<string, Set<string>>();
  for (const [file, facts] of linked.facts) {
    if (deleted.has(file)) continue;
    const specifiers = [...facts.imports.map((i) => i.specifier), ...facts.exports.flatMap((e) => (e.specifier === undefined ? [] : [e.specifier]))];
    for (const specifier of specifiers) {
      const target = linked.resolver.resolve(file, specifier);
      if (target.kind !== "file") continue;
      const set = importers.get(target.file) ?? new Set<string>();
      set.add(file);
      importers.set(target.file, set);
    }
  }
  return importers;
}

/** Dead code's identity across edits: lines move, the rule, file and declaration stay. */
function deadCodeId(finding: Finding): string {
  return `${finding.ruleId}|${finding.file}|${finding.symbol ?? ""}`;
}

function readId(read: { file: string; range: { start: number } }): string {
  return `${read.file}#${read.range.start}`;
}

function placeOf(finding: Finding, reason: string): LeftPlace {
  return { file: finding.file, line: finding.line, column: finding.column, ...(finding.symbol ? { symbol: finding.symbol } : {}), reason };
}

function leftDeadReason(finding: Finding): string {
  const data = finding.data ?? {};
  if (data["testOnly"] === true) return "now used only by tests: kept";
  if (data["confidence"] === "uncertain") return `dead now, but uncertain (${String(data["uncertainBecause"] ?? "")}): kept`;
  if (finding.ruleId === "no-unused-file") return "no entry imports it now, but it holds code that was dead before, or a kept file imports it: delete by hand";
  if (data["cycle"] === true) return "dead now, in a cycle: delete the cycle by hand";
  if (data["typeUsers"] !== undefined) return "dead now, but types still name it: delete by hand";
  return "dead now, but not safe to delete alone: delete by hand";
}
