// Builds the git repository that `bench/history.mjs` measures `diff` and `history` on: rxjs@7.8.2's
// `src/` as the first commit, a small OpenFeature flag layer as the second, then a few hundred
// commits made by a seeded PRNG, so every run builds the same commits (same ids: fixed authors,
// dates and config). Each commit edits a few files inside functions (adds a statement, renames a
// local, changes a literal); about a fifth also change a flag: introduce a read guarding a call of
// a new helper, change the helper a little (benign), remove a flag with its code, bring a removed key
// back for other code (resurrected), give a key other code (repurposed), negate a read (inverted)
// or change its default. Every edit is checked with TypeScript's parser, so no commit has a syntax
// error. The manifest (written next to the repository) lists which commit did which flag change
// and each flag's state after every commit: the events `history` must report, and what `diff`
// between two commits must find.
//
// Usage: node bench/history-commits.mjs [dir] [--commits N] [--seed S] [--force]
//   dir defaults to bench/.corpus/history-repo (git-ignored); the manifest is <dir>.manifest.json.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { devNull } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { corpora, corpusDir, installCorpora, prepareCorpus } from "./corpora.mjs";

// TypeScript's parser (the one deadflag uses) checks every edit; loaded only to build.
let ts;

/** Bump when the generator changes what it commits: a repository built by another version is rebuilt. */
export const generatorVersion = 1;
export const defaultHistoryRepo = path.join(corpusDir, "history-repo");
export const defaultSeed = 20261125;
export const defaultCommits = 220;

export const manifestPathOf = (dir) => `${dir}.manifest.json`;

/** The flag layer's client: every read goes through it (the web SDK's reads are synchronous). */
const clientModule = `import { OpenFeature } from '@openfeature/web-sdk';

/** The one OpenFeature client of the library: flags are read through it. */
export const client = OpenFeature.getClient('rxjs');
`;

const authors = [
  { name: "Ada Park", email: "ada.park@example.com" },
  { name: "Bruno Silva", email: "bruno.silva@example.com" },
  { name: "Chen Wei", email: "chen.wei@example.com" },
  { name: "Dana Okafor", email: "dana.okafor@example.com" },
  { name: "Emil Novak", email: "emil.novak@example.com" },
];

/**
 * Bodies of flag helpers, each with its own calls (so two templates share no line and almost no
 * shape: code behind a key that switches from one to another is unrelated code). `key` is the flag
 * key, `fn` the operator the flag sits in.
 */
const templates = [
  (key, fn) => [`const startedAt = Date.now();`, `queueMicrotask(() => console.debug('${key}: ${fn} setup took', Date.now() - startedAt, 'ms'));`],
  (key, fn) => [`if (typeof performance !== 'undefined' && typeof performance.mark === 'function') {`, `  performance.mark('${key}:${fn}');`, `}`],
  (key, fn) => [`const message = '${fn} is deprecated behind ${key} and will be removed in v8';`, `console.warn(message);`],
  (key, fn) => [`const sample = Math.random();`, `if (sample < 0.01) {`, `  console.info('${key}: sampled ${fn} call', { sample });`, `}`],
  (key, fn) => [`const counts = ((globalThis as any).__rxjsFlagCounts ??= {}) as Record<string, number>;`, `counts['${fn}'] = (counts['${fn}'] ?? 0) + 1;`],
  (key, fn) => [`const stack = new Error('${key} in ${fn}').stack ?? '';`, `console.trace(stack.split('\\n').slice(1, 4).join('\\n'));`],
  (key, fn) => [`setTimeout(() => {`, `  console.log('${key}: ${fn} still subscribed after 1s');`, `}, 1000);`],
  (key, fn) => [`const detail = { operator: '${fn}', flag: '${key}', at: new Date().toISOString() };`, `globalThis.dispatchEvent?.(new CustomEvent('rxjs:flag', { detail }));`],
  (key, fn) => [`Promise.resolve().then(() => {`, `  console.error('${key}: ${fn} ran on the experimental path');`, `});`],
  (key, fn) => [`const seen = new WeakSet<object>();`, `seen.add(globalThis);`, `Reflect.set(globalThis, Symbol.for('${key}:${fn}'), seen);`],
  (key, fn) => [`const budget = 16;`, `const elapsed = performance.now() % budget;`, `if (elapsed > budget / 2) console.debug('${key}: ${fn} frame budget', elapsed);`],
  (key, fn) => [`const label = ['rxjs', '${fn}', '${key}'].join(':');`, `console.time(label);`, `queueMicrotask(() => console.timeEnd(label));`],
];

const purposes = ["tracing", "fast-path", "strict-mode", "legacy-teardown", "sampling", "deprecation-warning", "metrics", "batching"];
const helperVerbs = ["record", "trace", "report", "measure", "audit", "observe", "log", "track"];
const helperNouns = ["Usage", "Subscription", "Setup", "Call", "Path", "Timing", "Hit", "Entry"];
const renamePrefixes = ["active", "current", "next", "pending", "inner", "local", "latest"];
const statementNames = ["startedAt", "retryCount", "pendingCount", "debugTag", "snapshotSize", "attempt", "deadline"];
const statementValues = ["Date.now()", "0", "'rxjs'", "-1", "[] as unknown[]", "new Map<string, number>()", "Number.MAX_SAFE_INTEGER"];

/** mulberry32: a small deterministic PRNG. */
function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  const pick = (list) => list[int(list.length)];
  const weighted = (entries) => {
    const total = entries.reduce((s, [, w]) => s + w, 0);
    let r = next() * total;
    for (const [value, w] of entries) if ((r -= w) < 0) return value;
    return entries[entries.length - 1][0];
  };
  return { next, int, pick, weighted };
}

const kebab = (name) => name.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();
const capital = (name) => name.charAt(0).toUpperCase() + name.slice(1);

function parse(file, text) {
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
}

function syntaxErrors(file, text) {
  return parse(file, text).parseDiagnostics.length;
}

function walk(node, visit) {
  visit(node);
  ts.forEachChild(node, (child) => walk(child, visit));
}

const isFunctionLike = (node) =>
  ts.isFunctionDeclaration(node) ||
  ts.isFunctionExpression(node) ||
  ts.isArrowFunction(node) ||
  ts.isMethodDeclaration(node) ||
  ts.isGetAccessorDeclaration(node) ||
  ts.isSetAccessorDeclaration(node);

/** The start of the line `pos` is on, and that line's indentation. */
function lineOf(text, pos) {
  const start = text.lastIndexOf("\n", pos - 1) + 1;
  const indent = /^[ \t]*/.exec(text.slice(start))[0];
  return { start, indent };
}

/** The range of whole lines covering [start, end), with one blank line before it when there is one. */
function wholeLines(text, start, end, blankBefore = false) {
  let from = text.lastIndexOf("\n", start - 1) + 1;
  let to = text.indexOf("\n", end);
  to = to === -1 ? text.length : to + 1;
  if (blankBefore && from >= 2 && text.slice(0, from).endsWith("\n\n")) from -= 1;
  return [from, to];
}

/** A flag guard: an `if` whose condition reads a flag through the client. */
const isFlagGuard = (node, sf) => ts.isIfStatement(node) && node.expression.getText(sf).includes("client.getBooleanValue(");

/** Builds the repository. Returns the manifest (also written to `<dir>.manifest.json`). */
export async function buildHistoryRepo({ dir = defaultHistoryRepo, seed = defaultSeed, commits: wanted = defaultCommits } = {}) {
  ts ??= (await import("typescript")).default;
  installCorpora();
  const sourceRoot = prepareCorpus(corpora.find((c) => c.id === "rxjs"));
  rmSync(dir, { recursive: true, force: true });
  rmSync(manifestPathOf(dir), { force: true });
  mkdirSync(dir, { recursive: true });
  const random = prng(seed);

  // The tree, in memory; written to disk before each commit.
  const files = new Map();
  const dirty = new Set();
  const readTree = (from, prefix) => {
    for (const entry of readdirSync(path.join(from, prefix)).sort()) {
      const rel = path.posix.join(prefix, entry);
      if (statSync(path.join(from, rel)).isDirectory()) readTree(from, rel);
      else files.set(rel, readFileSync(path.join(from, rel), "utf8"));
    }
  };
  readTree(sourceRoot, "src");
  const setFile = (rel, text) => {
    if (text === undefined) files.delete(rel);
    else files.set(rel, text);
    dirty.add(rel);
  };
  for (const rel of files.keys()) dirty.add(rel);
  setFile("tsconfig.json", readFileSync(path.join(sourceRoot, "tsconfig.json"), "utf8"));
  setFile("deadflag.config.json", readFileSync(path.join(sourceRoot, "deadflag.config.json"), "utf8"));
  setFile("package.json", `${JSON.stringify({ name: "rxjs-history-bench", version: "7.8.2", private: true, type: "module" }, null, 2)}\n`);
  setFile(".gitignore", "node_modules/\n");

  // Git, with no config of the caller's (no hooks, no signing, no templates), fixed identities and dates.
  const baseEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("GIT_")));
  const git = (args, env = {}) =>
    execFileSync(
      "git",
      ["-C", dir, "-c", "commit.gpgsign=false", "-c", "core.autocrlf=false", "-c", "core.hooksPath=/dev/null", "-c", "init.defaultBranch=main", ...args],
      { env: { ...baseEnv, GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: devNull, ...env }, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
    ).trim();
  git(["init", "-q"]);
  const startDate = Date.UTC(2025, 0, 6, 9, 0, 0) / 1000;
  const log = [];
  const committed = new Map();
  /** Whether the tree differs from the last commit's. */
  const changed = () => [...dirty].some((rel) => files.get(rel) !== committed.get(rel));
  const commit = (subject, details) => {
    for (const rel of dirty) {
      if (files.has(rel)) committed.set(rel, files.get(rel));
      else committed.delete(rel);
      const target = path.join(dir, rel);
      if (files.has(rel)) {
        mkdirSync(path.dirname(target), { recursive: true });
        writeFileSync(target, files.get(rel));
      } else rmSync(target, { force: true });
    }
    dirty.clear();
    const author = authors[log.length === 0 ? 0 : random.int(authors.length)];
    // Three to five commits a working day, a few hours apart.
    const date = `${startDate + log.length * 4 * 3600 + random.int(3600)} +0000`;
    const env = {
      GIT_AUTHOR_NAME: author.name,
      GIT_AUTHOR_EMAIL: author.email,
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_NAME: author.name,
      GIT_COMMITTER_EMAIL: author.email,
      GIT_COMMITTER_DATE: date,
    };
    git(["add", "-A"], env);
    git(["commit", "-q", "--no-verify", "-m", subject], env);
    const hash = git(["rev-parse", "HEAD"]);
    log.push({ index: log.length, hash, subject, ...details, flags: snapshot() });
  };

  // The flag model: what the repository's flags are after each commit.
  const flags = new Map(); // key -> { key, active, file, fn, helper, template, negated, defaultValue, used: Set }
  const snapshot = () =>
    Object.fromEntries(
      [...flags.values()].map((f) => [f.key, { active: f.active, file: f.file, fn: f.fn, template: f.template, negated: f.negated, default: f.defaultValue }]),
    );

  commit("Import rxjs 7.8.2 sources", { files: [...files.keys()].length });
  setFile("src/flags/client.ts", clientModule);
  setFile("package.json", `${JSON.stringify({ name: "rxjs-history-bench", version: "7.8.2", private: true, type: "module", dependencies: { "@openfeature/web-sdk": "^1.6.0" } }, null, 2)}\n`);
  commit("Add the OpenFeature client for feature flags", {});

  const sourceFiles = () => [...files.keys()].filter((f) => f.startsWith("src/") && f.endsWith(".ts") && !f.startsWith("src/flags/"));
  const helpersOf = (file) => new Set([...flags.values()].filter((f) => f.active && f.file === file).map((f) => f.helper));

  // ---- Code edits (not flags) ----

  /** Function bodies of `sf` that edits may touch: not flag helpers, not constructors. */
  function editableBodies(sf, file) {
    const helpers = helpersOf(file);
    const bodies = [];
    walk(sf, (node) => {
      if (!isFunctionLike(node) || !node.body || !ts.isBlock(node.body)) return;
      if (ts.isFunctionDeclaration(node) && node.name && helpers.has(node.name.text)) return;
      bodies.push(node);
    });
    return bodies;
  }
  const insideFlagCode = (node, sf, file) => {
    const helpers = helpersOf(file);
    for (let n = node; n; n = n.parent) {
      if (isFlagGuard(n, sf)) return true;
      if (ts.isFunctionDeclaration(n) && n.name && helpers.has(n.name.text)) return true;
    }
    return false;
  };
  const enclosingName = (node) => {
    for (let n = node.parent; n; n = n.parent) {
      if ((ts.isFunctionDeclaration(n) || ts.isMethodDeclaration(n) || ts.isClassDeclaration(n)) && n.name) return n.name.text;
      if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name)) return n.name.text;
    }
    return path.posix.basename(sf0name, ".ts");
  };
  let sf0name = "";
  let statementCounter = 0;

  /** Adds a statement before a statement of a function body. */
  function addStatement(file, text, sf) {
    const bodies = editableBodies(sf, file).filter((f) => f.body.statements.length > 0 && !insideFlagCode(f, sf, file));
    if (bodies.length === 0) return undefined;
    const fn = random.pick(bodies);
    const before = fn.body.statements[random.int(fn.body.statements.length)];
    const { start, indent } = lineOf(text, before.getStart(sf));
    if (text.slice(start, before.getStart(sf)).trim() !== "") return undefined; // not at the start of its line
    const name = `${random.pick(statementNames)}${++statementCounter}`;
    const line = `${indent}const ${name} = ${random.pick(statementValues)};\n`;
    return { text: text.slice(0, start) + line + text.slice(start), what: `add ${name} to ${enclosingName(before)}` };
  }

  const renamed = new RegExp(`^(?:${renamePrefixes.join("|")})[A-Z]`);
  /** Renames a local variable of one function, everywhere in that function. */
  function renameLocal(file, text, sf) {
    const candidates = [];
    for (const fn of editableBodies(sf, file)) {
      walk(fn.body, (node) => {
        // Locals of the code base (not the ones earlier commits added, whose names end in a number).
        if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && /^[A-Za-z_$]+$/.test(node.name.text) && !renamed.test(node.name.text) && node.name.text.length > 1 && !insideFlagCode(node, sf, file)) {
          candidates.push({ fn, name: node.name.text });
        }
      });
    }
    if (candidates.length === 0) return undefined;
    const { fn, name } = random.pick(candidates);
    const newName = `${random.pick(renamePrefixes)}${capital(name)}`;
    if (new RegExp(`\\b${newName}\\b`).test(text)) return undefined;
    // Every identifier named `name`: inside the function (renamed), or outside it (then it may be another binding: skip).
    const occurrences = [];
    let outside = false;
    walk(sf, (node) => {
      if (!ts.isIdentifier(node) || node.text !== name) return;
      const p = node.parent;
      const isPropertyName =
        (ts.isPropertyAccessExpression(p) && p.name === node) ||
        ((ts.isPropertyAssignment(p) || ts.isMethodDeclaration(p) || ts.isPropertyDeclaration(p) || ts.isPropertySignature(p) ||
          ts.isMethodSignature(p) || ts.isGetAccessorDeclaration(p) || ts.isSetAccessorDeclaration(p) || ts.isEnumMember(p)) &&
          p.name === node) ||
        ts.isQualifiedName(p) ||
        ts.isImportSpecifier(p) ||
        ts.isExportSpecifier(p) ||
        (ts.isBindingElement(p) && p.propertyName === node);
      if (isPropertyName) return;
      const start = node.getStart(sf);
      if (start < fn.body.getStart(sf) || start >= fn.body.end) {
        outside = true;
        return;
      }
      if (insideFlagCode(node, sf, file)) outside = true;
      occurrences.push({ start, end: node.end, shorthand: ts.isShorthandPropertyAssignment(p) || (ts.isBindingElement(p) && !p.propertyName && ts.isObjectBindingPattern(p.parent)) });
    });
    if (outside || occurrences.length === 0) return undefined;
    let result = text;
    for (const o of occurrences.sort((a, b) => b.start - a.start)) {
      result = result.slice(0, o.start) + (o.shorthand ? `${name}: ${newName}` : newName) + result.slice(o.end);
    }
    return { text: result, what: `rename ${name} to ${newName} in ${enclosingName(fn.body)}` };
  }

  /** Changes a number or string literal inside a function body. */
  function changeLiteral(file, text, sf) {
    const numbers = [];
    const strings = [];
    for (const fn of editableBodies(sf, file)) {
      walk(fn.body, (node) => {
        if (insideFlagCode(node, sf, file)) return;
        const p = node.parent;
        if (ts.isVariableDeclaration(p) && ts.isIdentifier(p.name) && /\d$/.test(p.name.text)) return; // added by an earlier commit
        if (ts.isLiteralTypeNode(p) || ts.isCaseClause(p) || ts.isPropertyAssignment(p) && p.name === node || ts.isElementAccessExpression(p)) return;
        if (ts.isNumericLiteral(node) && /^\d+$/.test(node.getText(sf))) numbers.push(node);
        if (ts.isStringLiteral(node) && node.text.length > 3 && !ts.isImportDeclaration(p) && !ts.isExportDeclaration(p)) strings.push(node);
      });
    }
    const useNumber = numbers.length > 0 && (strings.length === 0 || random.next() < 0.6);
    if (useNumber) {
      const node = random.pick(numbers);
      const value = Number(node.getText(sf));
      const next = String(value + (value > 1 && random.next() < 0.5 ? -1 : 1));
      return { text: text.slice(0, node.getStart(sf)) + next + text.slice(node.end), what: `change ${value} to ${next} in ${enclosingName(node)}` };
    }
    if (strings.length === 0) return undefined;
    const node = random.pick(strings);
    const raw = node.getText(sf);
    const quote = raw[0];
    const body = raw.slice(1, -1);
    const changed = body.endsWith(".") ? body.slice(0, -1) : `${body}.`;
    return { text: text.slice(0, node.getStart(sf)) + quote + changed + quote + text.slice(node.end), what: `reword a message in ${enclosingName(node)}` };
  }

  const editKinds = [
    [addStatement, 3],
    [renameLocal, 3],
    [changeLiteral, 3],
  ];

  /** One random edit of one random file; the file stays free of syntax errors. Returns what was done. */
  function editSomeFile(excluded = new Set()) {
    const candidates = sourceFiles().filter((f) => !excluded.has(f));
    for (let attempt = 0; attempt < 50; attempt++) {
      const file = random.pick(candidates);
      const text = files.get(file);
      const sf = parse(file, text);
      sf0name = file;
      const edit = random.weighted(editKinds)(file, text, sf);
      if (!edit || edit.text === text || syntaxErrors(file, edit.text) > 0) continue;
      setFile(file, edit.text);
      return { file, what: edit.what };
    }
    throw new Error("no edit found in 50 attempts");
  }

  // ---- Flag changes ----

  /** Exported function implementations in operators and creation functions: where flags go. */
  function flagSites() {
    const taken = new Set([...flags.values()].filter((f) => f.active).map((f) => `${f.file}#${f.fn}`));
    const sites = [];
    for (const file of sourceFiles()) {
      if (!/^src\/internal\/(operators|observable)\/[^/]+\.ts$/.test(file)) continue;
      const sf = parse(file, files.get(file));
      for (const statement of sf.statements) {
        if (!ts.isFunctionDeclaration(statement) || !statement.body || !statement.name || statement.body.statements.length === 0) continue;
        if (!statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
        if (taken.has(`${file}#${statement.name.text}`)) continue;
        sites.push({ file, fn: statement.name.text });
      }
    }
    return sites;
  }

  const importLineOf = (file) => {
    let rel = path.posix.relative(path.posix.dirname(file), "src/flags/client");
    if (!rel.startsWith(".")) rel = `./${rel}`;
    return `import { client } from '${rel}';\n`;
  };

  /** Adds or removes the client import as the file's reads need it. */
  function syncImport(file, text) {
    const line = importLineOf(file);
    const has = text.includes(line);
    const needs = text.includes("client.getBooleanValue(");
    if (has && !needs) return text.replace(line, "");
    if (!has && needs) {
      const sf = parse(file, text);
      const imports = sf.statements.filter((s) => ts.isImportDeclaration(s));
      const at = imports.length > 0 ? wholeLines(text, imports[imports.length - 1].getStart(sf), imports[imports.length - 1].end)[1] : 0;
      return text.slice(0, at) + line + text.slice(at);
    }
    return text;
  }

  const guardText = (flag, indent) =>
    `${indent}if (${flag.negated ? "!" : ""}client.getBooleanValue('${flag.key}', ${flag.defaultValue})) {\n${indent}  ${flag.helper}();\n${indent}}\n`;
  const helperText = (flag) =>
    `\nfunction ${flag.helper}(): void {\n${templates[flag.template](flag.key, flag.fn).map((l) => `  ${l}`).join("\n")}\n}\n`;

  /** Puts `flag` (its site, helper and template already chosen) into its file. */
  function placeFlag(flag) {
    let text = files.get(flag.file);
    const sf = parse(flag.file, text);
    const fn = sf.statements.find((s) => ts.isFunctionDeclaration(s) && s.body && s.name?.text === flag.fn);
    const first = fn.body.statements[0];
    const { start, indent } = lineOf(text, first.getStart(sf));
    text = text.slice(0, start) + guardText(flag, indent) + text.slice(start);
    text = `${text.replace(/\n*$/, "\n")}${helperText(flag)}`;
    setFile(flag.file, syncImport(flag.file, text));
  }

  /** Finds the flag's guard and helper in its file. */
  function locate(flag, text) {
    const sf = parse(flag.file, text);
    let guard;
    let helper;
    walk(sf, (node) => {
      if (isFlagGuard(node, sf) && node.expression.getText(sf).includes(`'${flag.key}'`)) guard = node;
      if (ts.isFunctionDeclaration(node) && node.name?.text === flag.helper) helper = node;
    });
    if (!guard || !helper) throw new Error(`flag ${flag.key} not found in ${flag.file}`);
    return { sf, guard, helper };
  }

  /** Removes the flag's guard and helper from its file. */
  function unplaceFlag(flag) {
    let text = files.get(flag.file);
    const { sf, guard, helper } = locate(flag, text);
    const [hFrom, hTo] = wholeLines(text, helper.getStart(sf), helper.end, true);
    text = text.slice(0, hFrom) + text.slice(hTo);
    const [gFrom, gTo] = wholeLines(text, guard.getStart(sf), guard.end);
    text = text.slice(0, gFrom) + text.slice(gTo);
    setFile(flag.file, syncImport(flag.file, text));
  }

  function rewriteGuard(flag) {
    const text = files.get(flag.file);
    const { sf, guard } = locate(flag, text);
    const { start, indent } = lineOf(text, guard.getStart(sf));
    const [, to] = wholeLines(text, guard.getStart(sf), guard.end);
    setFile(flag.file, text.slice(0, start) + guardText(flag, indent) + text.slice(to));
  }

  let keyCounter = 0;
  const newHelperName = (fn) => `${random.pick(helperVerbs)}${capital(fn)}${random.pick(helperNouns)}${++keyCounter}`;
  const unusedTemplate = (flag) => {
    const free = templates.map((_, i) => i).filter((i) => !flag.used.has(i));
    return random.pick(free.length > 0 ? free : templates.map((_, i) => i).filter((i) => i !== flag.template));
  };

  const flagOps = {
    introduce() {
      const site = random.pick(flagSites());
      let key;
      do key = `${kebab(site.fn)}-${random.pick(purposes)}`;
      while (flags.has(key));
      const template = random.int(templates.length);
      const flag = { key, active: true, ...site, helper: newHelperName(site.fn), template, negated: false, defaultValue: false, used: new Set([template]) };
      flags.set(key, flag);
      placeFlag(flag);
      return { key, expect: "introduced", subject: `Add ${key} flag around ${site.fn}` };
    },
    benign(flag) {
      let text = files.get(flag.file);
      const { sf, helper } = locate(flag, text);
      const kind = random.pick(["add-line", "rename-helper", "reword"]);
      if (kind === "add-line") {
        const close = text.lastIndexOf("}", helper.end);
        const line = `  console.debug('${flag.key}: done in ${flag.fn}');\n`;
        text = text.slice(0, close) + line + text.slice(close);
      } else if (kind === "rename-helper") {
        const renamed = newHelperName(flag.fn);
        text = text.replace(new RegExp(`\\b${flag.helper}\\b`, "g"), renamed);
        flag.helper = renamed;
      } else {
        // One string literal of the helper, reworded.
        const strings = [];
        walk(helper, (node) => ts.isStringLiteral(node) && node.text.includes(" ") && strings.push(node));
        if (strings.length === 0) return flagOps.benign(flag);
        const node = random.pick(strings);
        text = `${text.slice(0, node.getStart(sf))}'${node.text.replace(/'/g, "\\'")} (revised)'${text.slice(node.end)}`;
      }
      setFile(flag.file, text);
      const subject = { "add-line": `Log when the ${flag.key} code is done`, "rename-helper": `Rename the ${flag.key} helper`, reword: `Reword the ${flag.key} message` }[kind];
      return { key: flag.key, expect: "none", change: kind, subject };
    },
    remove(flag) {
      unplaceFlag(flag);
      flag.active = false;
      return { key: flag.key, expect: "removed", subject: `Remove the ${flag.key} flag and its code` };
    },
    resurrect(flag) {
      // The old key comes back guarding other code, maybe elsewhere.
      const sites = flagSites();
      const same = sites.find((s) => s.file === flag.file && s.fn === flag.fn);
      const site = same && random.next() < 0.5 ? same : random.pick(sites);
      Object.assign(flag, site, { active: true, helper: newHelperName(site.fn), template: unusedTemplate(flag), negated: false, defaultValue: false });
      flag.used.add(flag.template);
      placeFlag(flag);
      return { key: flag.key, expect: "resurrected", subject: `Use ${flag.key} for ${site.fn}` };
    },
    repurpose(flag) {
      unplaceFlag(flag);
      const site = random.next() < 0.5 ? { file: flag.file, fn: flag.fn } : random.pick(flagSites());
      Object.assign(flag, site, { helper: newHelperName(site.fn), template: unusedTemplate(flag) });
      flag.used.add(flag.template);
      placeFlag(flag);
      return { key: flag.key, expect: "repurposed", subject: `Reuse ${flag.key} for ${site.fn}` };
    },
    invert(flag) {
      flag.negated = !flag.negated;
      rewriteGuard(flag);
      return { key: flag.key, expect: "inverted", subject: `${flag.negated ? "Negate" : "Un-negate"} the ${flag.key} check` };
    },
    default(flag) {
      flag.defaultValue = !flag.defaultValue;
      rewriteGuard(flag);
      return { key: flag.key, expect: "default-changed", subject: `Default ${flag.key} to ${flag.defaultValue}` };
    },
  };

  // The share of flag changes each kind should have; each change is drawn with weights that favour
  // the kinds furthest behind their share, so every kind occurs several times in any history.
  const shares = { introduce: 0.25, benign: 0.17, remove: 0.12, resurrect: 0.1, repurpose: 0.12, invert: 0.12, default: 0.12 };
  const done = Object.fromEntries(Object.keys(shares).map((op) => [op, 0]));
  function flagChange() {
    const active = [...flags.values()].filter((f) => f.active);
    const removed = [...flags.values()].filter((f) => !f.active);
    const total = Object.values(done).reduce((a, b) => a + b, 0) + 1;
    const possible = {
      introduce: flagSites().length > 0,
      benign: active.length > 0,
      remove: active.length > 2,
      resurrect: removed.length > 0,
      repurpose: active.length > 0,
      invert: active.length > 0,
      default: active.length > 0,
    };
    const weights = Object.entries(shares).map(([op, share]) => [op, possible[op] ? Math.max(0.05, share * total - done[op]) : 0]);
    const op = random.weighted(weights);
    done[op]++;
    const target = op === "introduce" ? undefined : random.pick(op === "resurrect" ? removed : active);
    const result = flagOps[op](target);
    for (const f of flags.values()) if (f.active && syntaxErrors(f.file, files.get(f.file)) > 0) throw new Error(`${op} ${result.key} broke ${f.file}`);
    return { op, ...result };
  }

  const areaOf = (file) => (file.split("/").length > 3 ? file.split("/")[2] : "core");
  while (log.length < wanted) {
    const isFlagCommit = random.next() < 0.2;
    const edits = [];
    let flag;
    if (isFlagCommit) {
      flag = flagChange();
      if (random.next() < 0.3) edits.push(editSomeFile(new Set([...flags.values()].map((f) => f.file))));
    } else {
      const fileCount = 1 + random.int(3);
      const touched = new Set();
      for (let i = 0; i < fileCount; i++) {
        const perFile = 1 + random.int(2);
        const first = editSomeFile(touched);
        edits.push(first);
        touched.add(first.file);
        for (let j = 1; j < perFile; j++) {
          // Another edit in the same file.
          const text = files.get(first.file);
          sf0name = first.file;
          const edit = random.weighted(editKinds)(first.file, text, parse(first.file, text));
          if (edit && edit.text !== text && syntaxErrors(first.file, edit.text) === 0) {
            setFile(first.file, edit.text);
            edits.push({ file: first.file, what: edit.what });
          }
        }
      }
    }
    // Two edits may cancel out (a literal changed up and back down): then one more.
    while (!changed()) edits.push(editSomeFile());
    const subject = flag
      ? flag.subject
      : `${areaOf(edits[0].file)}: ${edits[0].what}${edits.length > 1 ? ` (+${edits.length - 1} more)` : ""}`;
    const { subject: _, ...flagRecord } = flag ?? {};
    commit(subject, { edits, ...(flag ? { flag: flagRecord } : {}) });
  }

  const manifest = { generatorVersion, seed, commits: log.length, head: log[log.length - 1].hash, log };
  writeFileSync(manifestPathOf(dir), `${JSON.stringify(manifest, null, 1)}\n`);
  return manifest;
}

/** The manifest of the repository at `dir`, building it first when it is missing or was built by other settings. */
export async function ensureHistoryRepo({ dir = defaultHistoryRepo, seed = defaultSeed, commits = defaultCommits } = {}) {
  const manifestPath = manifestPathOf(dir);
  if (existsSync(manifestPath) && existsSync(path.join(dir, ".git"))) {
    const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
    if (manifest.generatorVersion === generatorVersion && manifest.seed === seed && manifest.commits === commits) return manifest;
  }
  process.stderr.write(`building ${commits} commits into ${path.relative(process.cwd(), dir) || dir}\n`);
  return buildHistoryRepo({ dir, seed, commits });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const at = args.indexOf(name);
    if (at === -1) return fallback;
    const value = args[at + 1];
    args.splice(at, 2);
    return Number(value);
  };
  const force = args.includes("--force");
  const seed = option("--seed", defaultSeed);
  const commits = option("--commits", defaultCommits);
  const dir = path.resolve(args.find((a) => a !== "--force") ?? defaultHistoryRepo);
  const started = performance.now();
  const manifest = await (force ? buildHistoryRepo({ dir, seed, commits }) : ensureHistoryRepo({ dir, seed, commits }));
  const ops = {};
  for (const entry of manifest.log) if (entry.flag) ops[entry.flag.op] = (ops[entry.flag.op] ?? 0) + 1;
  process.stderr.write(
    `${manifest.commits} commits in ${dir} (HEAD ${manifest.head.slice(0, 12)}), in ${((performance.now() - started) / 1000).toFixed(1)} s; ` +
      `flag changes: ${Object.entries(ops).map(([op, n]) => `${op} ${n}`).join(", ")}\n`,
  );
}
