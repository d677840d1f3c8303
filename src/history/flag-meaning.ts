// A flag's meaning at one revision: what its reads switch. For each side (on, off, or a `switch`
// case) the code in its branches plus the code reachable *only* through the flag's branches (what
// stops being reachable when they are cut), as statements normalized so that layout and comments
// do not count, with the names of that code replaced by one placeholder and the glue between its
// parts (the header of a function, a bare call of it) left out. Content, not names: a renamed or
// moved function, a branch extracted into a helper, or an SDK migration keep the meaning.
import { computeReachability } from "../analysis/reachability.js";
import type { BranchFact, GuardFact, SourceRange } from "../facts/file-facts.js";
import type { FlagEntry, FlagIndex, FlagRead } from "../flags/flag-index.js";
import type { CallGraph } from "../graph/call-graph.js";
import type { LiteralValue } from "../graph/linked-project.js";

/** What one side of a flag switches. */
export interface SideMeaning {
  /**
   * Normalized statements of the switched code, sorted (a multiset): the side's branches and every
   * declaration only they reach, with the names of those declarations replaced by one placeholder.
   */
  lines: string[];
  /** The declarations the side's branches use directly, as `name (file)`, sorted. */
  symbols: string[];
  /** The first read with a branch on this side: where a change of this side is reported. */
  evidence?: Evidence;
  /** Each line's shape (arguments and literals elided), sorted: `notify(user)` and `notify(user, "sms")` share one. */
  shapes?: string[];
  /**
   * The switched declarations the branches reach only through other ones (helpers of helpers), each
   * as its sorted lines and shapes: one found unchanged on both sides of a comparison says nothing
   * about whether the branches do the same thing, so the comparison leaves it out.
   */
  deep?: Array<{ lines: string[]; shapes: string[] }>;
}

/** A flag's meaning at one revision. */
export interface FlagMeaning {
  key: string;
  /** `on`, `off`, and `case <value>` for `switch` cases. */
  sides: Record<string, SideMeaning>;
  /** How many reads test the flag negated (`if (!flag)`) and plainly. */
  polarity: { positive: number; negative: number };
  valueTypes: string[];
  /** Defaults written in the code and in the registry, as JSON text, sorted. */
  defaults: string[];
  /** The first read, as evidence in messages. */
  evidence: Evidence;
}

/** A read's place. */
export interface Evidence {
  file: string;
  line: number;
  column: number;
}

/** Reads a project file's text at the revision being described. */
export type TextReader = (file: string) => Promise<string | undefined>;

/** What computing meanings needs from an opened revision. */
export interface MeaningInput {
  graph: CallGraph;
  index: FlagIndex;
  /** Production and test entries: what is reachable at all. */
  entryFiles: readonly string[];
  readText: TextReader;
  /** Only these keys (all when undefined). */
  keys?: ReadonlySet<string>;
}

/** At most this many declarations per side: a flag in front of a whole subsystem is described by its first ones. */
const maxClosure = 400;

/** The meaning of every flag of the index (or of `keys`). */
export async function computeMeanings(input: MeaningInput): Promise<Map<string, FlagMeaning>> {
  const texts = new Map<string, Promise<string | undefined>>();
  const textOf = (file: string): Promise<string | undefined> => {
    let text = texts.get(file);
    if (!text) {
      text = input.readText(file);
      texts.set(file, text);
    }
    return text;
  };
  const meanings = new Map<string, FlagMeaning>();
  const hasGuards = input.index.flags.some((f) => f.references.some((r) => r.guards.length > 0));
  const everything = hasGuards ? computeReachability({ graph: input.graph, entryFiles: input.entryFiles }) : undefined;
  for (const flag of input.index.flags) {
    if (input.keys && !input.keys.has(flag.key)) continue;
    const first = flag.references[0];
    if (!first) continue;
    const defaults = [
      ...flag.references.flatMap((r) => (r.default === undefined ? [] : [r.default])),
      ...flag.declarations.flatMap((d) => (d.default === undefined ? [] : [d.default])),
    ];
    meanings.set(flag.key, {
      key: flag.key,
      sides: everything ? await sidesOf(flag, input, everything.live, textOf) : {},
      polarity: {
        positive: flag.references.filter((r) => r.polarity === "positive").length,
        negative: flag.references.filter((r) => r.polarity === "negative").length,
      },
      valueTypes: unique(flag.references.flatMap((r) => (r.valueType ? [r.valueType] : []))),
      defaults: unique(defaults.map((value) => JSON.stringify(value))),
      evidence: { file: first.file, line: first.range.line, column: first.range.column },
    });
  }
  return meanings;
}

/** One branch of a flag: the code, the file it is in, and the read that decides it. */
interface FlagBranch {
  file: string;
  branch: BranchFact;
  read: FlagRead;
}

/** Branches of a flag, by side, in the order of its reads. */
function branchesOf(flag: FlagEntry): Map<string, FlagBranch[]> {
  const sides = new Map<string, FlagBranch[]>();
  for (const read of flag.references) {
    const add = (side: string, branch: BranchFact | undefined): void => {
      if (!branch) return;
      const list = sides.get(side) ?? [];
      list.push({ file: read.file, branch, read });
      sides.set(side, list);
    };
    for (const guard of read.guards) {
      add("on", guard.on);
      add("off", guard.off);
      for (const c of guard.cases ?? []) add(caseSide(c), c.branch);
    }
  }
  return sides;
}

function caseSide(c: NonNullable<GuardFact["cases"]>[number]): string {
  return c.isDefault ? "case default" : `case ${c.values.map((v: LiteralValue) => JSON.stringify(v)).join(",")}`;
}

/** A side before its names are replaced: its branches' code and the switched declarations they reach, by depth. */
interface RawSide {
  branchTexts: string[];
  /** Switched declarations: 1 for those a branch uses, 2 and more for what those reach. */
  reached: Map<number, number>;
  direct: Set<number>;
  evidence: Evidence | undefined;
}

async function sidesOf(
  flag: FlagEntry,
  input: MeaningInput,
  liveAll: ReadonlySet<number>,
  textOf: TextReader,
): Promise<Record<string, SideMeaning>> {
  const { graph } = input;
  const branches = branchesOf(flag);
  if (branches.size === 0) return {};
  // What only this flag's branches reach: live with them, dead without them.
  const cuts = new Map<number, Record<string, number>>();
  for (const list of branches.values()) {
    for (const { file, branch } of list) {
      const holder = graph.innermostNodeAt(file, branch.range.start, branch.range.end);
      if (holder === undefined) continue;
      const cut = cuts.get(holder) ?? {};
      for (const [key, count] of Object.entries(branch.uses)) cut[key] = (cut[key] ?? 0) + count;
      cuts.set(holder, cut);
    }
  }
  const without = computeReachability({ graph, entryFiles: input.entryFiles, cuts });
  const switched = new Set([...liveAll].filter((id) => !without.live.has(id)));
  const raw = new Map<string, RawSide>();
  for (const [side, list] of [...branches].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const branchTexts: string[] = [];
    const direct = new Set<number>();
    for (const { file, branch } of list) {
      const text = await textOf(file);
      if (text !== undefined) branchTexts.push(text.slice(branch.range.start, branch.range.end));
      for (const key of Object.keys(branch.uses)) {
        const target = graph.resolveUse(file, key);
        if (target.kind === "node" && switched.has(target.id)) direct.add(target.id);
      }
    }
    const read = list[0]?.read;
    const evidence = read && { file: read.file, line: read.range.line, column: read.range.column };
    raw.set(side, { branchTexts, direct, evidence, reached: closureWithin(graph, direct, switched) });
  }
  // The names of switched declarations are not their meaning: a renamed function is the same code.
  const renameable = new Set<string>();
  for (const { reached } of raw.values()) {
    for (const id of reached.keys()) {
      const declaration = graph.nodes[id]?.declaration;
      if (!declaration || !placeholderKinds.has(declaration.kind)) continue;
      for (const name of [declaration.name, ...(declaration.alsoNames ?? [])]) {
        if (/^[\p{L}_$][\p{L}\p{N}_$]*$/u.test(name) && name !== "default") renameable.add(name);
      }
    }
  }
  const rename = renamer(renameable);
  const sides: Record<string, SideMeaning> = {};
  for (const [side, { branchTexts, direct, reached, evidence }] of raw) {
    const lines = branchTexts.flatMap((text) => meaningfulLines(text, rename));
    const deep: Array<{ lines: string[]; shapes: string[] }> = [];
    const byFile = rangesByFile(graph, reached);
    for (const [id, depth] of reached) {
      const node = graph.nodes[id];
      if (!node || isNested(node.declaration.range, byFile.get(node.file) ?? [])) continue;
      const text = await textOf(node.file);
      if (text === undefined) continue;
      const own = meaningfulLines(text.slice(node.declaration.range.start, node.declaration.range.end), rename);
      lines.push(...own);
      if (depth > 1 && own.length > 0) deep.push({ lines: [...own].sort(), shapes: own.map(shapeOf).sort() });
    }
    const symbols = [...direct].flatMap((id) => {
      const node = graph.nodes[id];
      return node ? [`${node.declaration.name} (${node.file})`] : [];
    });
    sides[side] = {
      lines: [...lines].sort(),
      symbols: unique(symbols),
      shapes: lines.map(shapeOf).sort(),
      deep: deep.sort((a, b) => compareText(a.lines.join("\n"), b.lines.join("\n"))),
      ...(evidence ? { evidence } : {}),
    };
  }
  return sides;
}

/** Declarations whose name is replaced in the lines: module-level ones (members keep theirs: `x.send()` names no declaration). */
const placeholderKinds = new Set(["function", "class", "variable", "enum", "namespace"]);
const placeholder = "ƒ";

function renamer(names: ReadonlySet<string>): (line: string) => string {
  if (names.size === 0) return (line) => line;
  const alternatives = [...names].sort((a, b) => b.length - a.length).map((name) => name.replace(/\$/g, "\\$"));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}_$.])(?:${alternatives.join("|")})(?![\\p{L}\\p{N}_$])`, "gu");
  return (line) => line.replace(pattern, placeholder);
}

/**
 * Statements that carry meaning, with switched names replaced: the headers of switched declarations
 * and bare calls of them (`ƒ(order)`, `return await ƒ()`) are glue that a rename, a move or an
 * extracted helper adds or removes, and `break`, `continue` and a bare `return` close any branch.
 */
function meaningfulLines(text: string, rename: (line: string) => string): string[] {
  return normalizedLines(text)
    .map(rename)
    .filter((line) => !glue.some((pattern) => pattern.test(line)));
}

const glue = [
  /^(?:export )?(?:default )?(?:declare )?(?:abstract )?(?:async )?(?:function\*?|class) ?ƒ(?![\p{L}\p{N}_$])/u,
  /^ƒ(?::[^=]+)?=(?:async ?)?(?:<.*>)?(?:\(.*\)|[\p{L}\p{N}_$]+)(?::.+)?=>$/u,
  /^(?:(?:return|await|void|yield) )*(?:new )?(?:[\p{L}\p{N}_$]+\.)*ƒ(?:<.*>)?\(.*\)$/u,
  /^(?:break|continue|return)$/,
];

/**
 * The shape of a line: literals and argument lists elided, so that `notify(user)` and
 * `notify(user, "sms")`, or `limit = 100` and `limit = 200`, share one.
 */
function shapeOf(line: string): string {
  let shape = line
    .replace(/"(?:[^"\\]|\\.)*"|`(?:[^`\\]|\\.)*`/g, '""')
    .replace(/(?<![\p{L}\p{N}_$.])\d[\w.]*/gu, "0");
  // Innermost argument lists first, until none is left.
  for (let previous = ""; previous !== shape; ) {
    previous = shape;
    shape = shape.replace(/\(([^()]+)\)/g, "\u27e8…\u27e9");
  }
  return shape.replace(/\u27e8/g, "(").replace(/\u27e9/g, ")");
}

/**
 * The switched declarations reachable from `seeds` through switched declarations only (members of
 * reached classes included), each with its depth: 1 for a seed.
 */
function closureWithin(graph: CallGraph, seeds: ReadonlySet<number>, switched: ReadonlySet<number>): Map<number, number> {
  const reached = new Map<number, number>();
  let frontier = [...seeds].sort((a, b) => a - b);
  for (let depth = 1; frontier.length > 0 && reached.size < maxClosure; depth++) {
    const next: number[] = [];
    for (const id of frontier) {
      if (reached.has(id) || reached.size >= maxClosure) continue;
      reached.set(id, depth);
      const node = graph.nodes[id];
      if (!node) continue;
      for (const member of graph.membersOf(id)) if (switched.has(member) && !reached.has(member)) next.push(member);
      for (const key of Object.keys(node.declaration.uses)) {
        const target = graph.resolveUse(node.file, key);
        if (target.kind === "node" && switched.has(target.id) && !reached.has(target.id)) next.push(target.id);
      }
    }
    frontier = next;
  }
  return reached;
}

/** The ranges of the reached declarations, by file. */
function rangesByFile(graph: CallGraph, reached: ReadonlyMap<number, number>): Map<string, SourceRange[]> {
  const byFile = new Map<string, SourceRange[]>();
  for (const id of reached.keys()) {
    const node = graph.nodes[id];
    if (!node) continue;
    const list = byFile.get(node.file) ?? [];
    list.push(node.declaration.range);
    byFile.set(node.file, list);
  }
  return byFile;
}

/** A member whose class is reached too: its text is already in the class's. */
function isNested(range: SourceRange, others: readonly SourceRange[]): boolean {
  return others.some((r) => r.start <= range.start && range.end <= r.end && (r.start < range.start || range.end < r.end));
}

const wordChar = /[\p{L}\p{N}_$]/u;
/** A line that ends with one of these continues on the next (`a =`, `x &&`, `f(a,`). */
const continuesAfter = /(?:[=*/%&|^?:,.<>]|(?<!\+)\+|(?<!-)-)$/;
/** A line that starts with one of these continues the previous one (`.then(…)`, `? a`, `&& b`). */
const continuesBefore = /^(?:\.(?!\.\.)|\?(?!\?)|\?\?|:|&&|\|\||[+*%] |- |=(?!>)|as |satisfies )/;
/** Before a `/` that starts a regular expression rather than a division. */
const regexAfter = /(?:^|[(,=:[!&|?{};+\-*%<>~^]|\b(?:return|typeof|case|do|else|in|of|new|delete|void|throw|yield|await))$/;

/** Before a `{` that opens a function body inside parentheses (a callback, `function (x): T {`), not an object or a type. */
const blockAfter = /(?:\)|=>|\):[^(){}?]+)$/;
/** Before a `{` that opens an object type at statement level (`Array<{`, `A & {`). */
const typeBefore = /[<|&]$/;

/**
 * The statements of a piece of code, in a form that layout cannot change: comments dropped,
 * whitespace only between two word characters, quotes made double, trailing commas dropped, and the
 * code split at `;`, block braces, commas between the properties of an object at statement level,
 * and line ends that end a statement (never inside parentheses, brackets or an object in them), so
 * reformatting, rewrapping and comments never change a meaning. Punctuation-only pieces are dropped.
 */
function normalizedLines(text: string): string[] {
  const pieces: string[] = [];
  // "(" and "[", "{" a block (or an object at statement level: split too), "o" an object or type inside an expression.
  const open: string[] = [];
  let current = "";
  let space = false;
  const emit = (): void => {
    const piece = current.trim();
    if (piece !== "" && !/^[\s()[\];,.]*$/.test(piece)) pieces.push(piece);
    current = "";
    space = false;
  };
  const append = (chunk: string): void => {
    if (space && wordChar.test(current.slice(-1)) && wordChar.test(chunk.charAt(0))) current += " ";
    space = false;
    current += chunk;
  };
  const inner = (): string | undefined => open[open.length - 1];
  const inline = (): boolean => inner() === "(" || inner() === "[" || inner() === "o";
  let i = 0;
  while (i < text.length) {
    const c = text.charAt(i);
    const next = text.charAt(i + 1);
    if (c === "/" && next === "/") {
      while (i < text.length && text.charAt(i) !== "\n") i++;
      continue;
    }
    if (c === "/" && next === "*") {
      const close = text.indexOf("*/", i + 2);
      i = close < 0 ? text.length : close + 2;
      space = true;
      continue;
    }
    if (c === "\n") {
      if (inline() || continuesAfter.test(current) || continuesBefore.test(text.slice(i + 1).trimStart())) space = true;
      else emit();
      i++;
      continue;
    }
    if (/\s/.test(c)) {
      space = true;
      i++;
      continue;
    }
    if (c === '"' || c === "'") {
      const end = stringEnd(text, i, c);
      const body = text.slice(i + 1, end);
      append(c === "'" && !body.includes('"') ? `"${body.replace(/\\'/g, "'")}"` : text.slice(i, end + 1));
      i = end + 1;
      continue;
    }
    if (c === "`") {
      const end = templateEnd(text, i);
      append(text.slice(i, end + 1));
      i = end + 1;
      continue;
    }
    if (c === "/" && regexAfter.test(current)) {
      const end = regexEnd(text, i);
      append(text.slice(i, end));
      i = end;
      continue;
    }
    if (c === "{" && ((inline() && !blockAfter.test(current)) || typeBefore.test(current))) {
      open.push("o");
      append(c);
      i++;
      continue;
    }
    if (c === "}" && inner() === "o") {
      open.pop();
      current = current.replace(/,$/, "");
      space = false;
      append(c);
      i++;
      continue;
    }
    if (c === "{" || c === "}") {
      if (c === "{") open.push("{");
      else open.pop();
      emit();
      i++;
      continue;
    }
    if ((c === ";" || c === ",") && !inline()) {
      emit();
      i++;
      continue;
    }
    if (c === "(" || c === "[") open.push(c);
    if (c === ")" || c === "]") {
      open.pop();
      current = current.replace(/,$/, "");
      space = false;
    }
    if (c === "," || c === ")" || c === "]" || c === "." || c === ";") space = false;
    append(c);
    if (c === "(" || c === "[" || c === "," || c === "{") space = false;
    i++;
  }
  emit();
  return pieces;
}

/** The index of the quote that closes the string opened at `start` (or of the line's end: an unclosed string stops there). */
function stringEnd(text: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < text.length) {
    const c = text.charAt(i);
    if (c === "\\") i += 2;
    else if (c === quote || c === "\n") return c === quote ? i : i - 1;
    else i++;
  }
  return text.length - 1;
}

/** The index of the backtick that closes the template opened at `start`, past nested `${…}`. */
function templateEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const c = text.charAt(i);
    if (c === "\\") i += 2;
    else if (c === "`") return i;
    else if (c === "$" && text.charAt(i + 1) === "{") {
      let depth = 1;
      i += 2;
      while (i < text.length && depth > 0) {
        const d = text.charAt(i);
        if (d === "{") depth++;
        else if (d === "}") depth--;
        else if (d === "`") i = templateEnd(text, i);
        else if (d === '"' || d === "'") i = stringEnd(text, i, d);
        i++;
      }
    } else i++;
  }
  return text.length - 1;
}

/** The index just past the regular expression literal that starts at `start`, flags included. */
function regexEnd(text: string, start: number): number {
  let i = start + 1;
  let inClass = false;
  while (i < text.length) {
    const c = text.charAt(i);
    if (c === "\\") i += 2;
    else if (c === "\n") return i;
    else if (c === "[") (inClass = true), i++;
    else if (c === "]") (inClass = false), i++;
    else if (c === "/" && !inClass) {
      i++;
      while (i < text.length && /[a-z]/i.test(text.charAt(i))) i++;
      return i;
    } else i++;
  }
  return i;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)].sort();
}
