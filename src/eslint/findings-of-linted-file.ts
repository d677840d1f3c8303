// The bridge from one ESLint lint to the engine: which project the linted file is in, and that
// project's findings for it, computed against the text ESLint is linting (an editor's unsaved buffer
// counts). The project's graph lives in the engine's session; this file only asks it, once per lint.
import path from "node:path";
import type { Rule, SourceCode } from "eslint";
import { findProjectRoot } from "../engine/find-project-root.js";
import { projectSessionFor } from "../engine/project-session.js";
import type { SessionOptions } from "../engine/project-session.js";
import type { Finding } from "../findings/finding.js";

/** `settings.deadflag` of an ESLint config: where the project is and how to cache it. */
export interface DeadflagSettings {
  /** The project root, relative to ESLint's cwd (default: found from each linted file). */
  root?: string;
  /** A deadflag config file, relative to ESLint's cwd (default: looked up from the root). */
  configFile?: string;
  /** Keep per-file facts on disk (default true). */
  cache?: boolean;
  /** Where, relative to the root (default `node_modules/.cache/deadflag`). */
  cacheLocation?: string;
  /** Check the files not being linted at most once per this many milliseconds (default 1000; 0: every lint). */
  diskCheckIntervalMs?: number;
}

/**
 * How often, at most, a lint checks the disk for the files it is not linting (a whole-project run
 * lints hundreds of files a second; each check stats every file). Files the editor gave unsaved
 * texts are checked on every lint, so saving them shows at once; see docs/eslint.md.
 */
const defaultDiskCheckIntervalMs = 1000;

/** The findings of one lint, shared by the rules that run in it: the engine is asked once per file per lint. */
const findingsByLint = new WeakMap<SourceCode, Finding[]>();

/** Every finding the engine has for the file being linted, all rules together. */
export function findingsOfLintedFile(context: Rule.RuleContext): Finding[] {
  const { sourceCode } = context;
  const known = findingsByLint.get(sourceCode);
  if (known) return known;
  const findings = askEngine(context);
  findingsByLint.set(sourceCode, findings);
  return findings;
}

function askEngine(context: Rule.RuleContext): Finding[] {
  const target = lintTargetOf(context);
  if (!target) return [];
  return projectSessionFor(target.session).findingsOf(target.file, target.overrides);
}

/** The project a lint is part of, and what the engine is to be told about it. */
export interface LintTarget {
  session: SessionOptions;
  /** The linted file, root-relative POSIX. */
  file: string;
  /** The linted text, as the file's override. */
  overrides: ReadonlyMap<string, string>;
}

/** The project and file of a lint; undefined for text without a file or a file in no project. */
export function lintTargetOf(context: Rule.RuleContext): LintTarget | undefined {
  const file = context.filename;
  // Text without a file (`<input>`), or a code block a processor took out of another file: not project code.
  if (!path.isAbsolute(file) || file !== context.physicalFilename) return undefined;
  const settings = settingsOf(context.settings);
  const root = settings.root === undefined ? findProjectRoot(file) : path.resolve(context.cwd, settings.root);
  if (root === undefined) return undefined;
  const relative = path.relative(root, file).split(path.sep).join("/");
  if (relative.startsWith("../") || path.isAbsolute(relative)) return undefined;
  return {
    session: {
      root,
      diskCheckIntervalMs: settings.diskCheckIntervalMs ?? defaultDiskCheckIntervalMs,
      ...(settings.configFile === undefined ? {} : { configFile: path.resolve(context.cwd, settings.configFile) }),
      ...(settings.cache === undefined ? {} : { cache: settings.cache }),
      ...(settings.cacheLocation === undefined ? {} : { cacheLocation: settings.cacheLocation }),
    },
    file: relative,
    overrides: new Map([[relative, context.sourceCode.text]]),
  };
}

/** `settings.deadflag`, checked: a wrong type is a one-line error naming the setting. */
function settingsOf(settings: Rule.RuleContext["settings"]): DeadflagSettings {
  const raw: unknown = settings["deadflag"];
  if (raw === undefined) return {};
  if (typeof raw !== "object" || raw === null) throw new TypeError("settings.deadflag: expected an object");
  const result: DeadflagSettings = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key === "root" || key === "configFile" || key === "cacheLocation") {
      if (typeof value !== "string" || value === "") throw new TypeError(`settings.deadflag.${key}: expected a non-empty string`);
      result[key] = value;
    } else if (key === "diskCheckIntervalMs") {
      if (typeof value !== "number" || !(value >= 0)) throw new TypeError("settings.deadflag.diskCheckIntervalMs: expected a number of milliseconds, 0 or more");
      result.diskCheckIntervalMs = value;
    } else if (key === "cache") {
      if (typeof value !== "boolean") throw new TypeError("settings.deadflag.cache: expected true or false");
      result.cache = value;
    } else {
      throw new TypeError(`settings.deadflag.${key}: unknown setting (expected root, configFile, cache, cacheLocation or diskCheckIntervalMs)`);
    }
  }
  return result;
}
