// The generated `no-flag-reuse` corpus: small projects, each a flag read in one of the SDK shapes
// the index knows, guarding real functions of rxjs and zod, and one edit of it, either benign (the
// flag keeps its meaning: no finding is due) or a reuse (the key now means something else: a
// finding is due). Every case has three states: c0, where the flag is introduced; c1, the base,
// long after (the flag is stable, so a reuse is an error); c2, the head, with the edit. Generated
// from a seed, so a seed always gives the same cases; nothing generated is committed.
import type { RealFunction } from "./real-functions.js";

/** How the flag is read and what decides the guarded code. */
export type ReadShape =
  | "call"
  | "variable"
  | "and"
  | "ternary"
  | "early-return"
  | "switch"
  | "jsx-and"
  | "jsx-ternary"
  | "jsx-if"
  | "wrapper"
  | "hook"
  | "env"
  | "constant";

/** Every read shape, in report order. */
export const readShapes: readonly ReadShape[] = [
  "call",
  "variable",
  "and",
  "ternary",
  "early-return",
  "switch",
  "jsx-and",
  "jsx-ternary",
  "jsx-if",
  "wrapper",
  "hook",
  "env",
  "constant",
];

/** Edits that keep the flag's meaning. */
export const benignEdits = [
  "rename",
  "move",
  "rename-move",
  "extract-helper",
  "inline-helper",
  "add-logging",
  "add-argument",
  "extend",
  "restyle",
  "read-into-variable",
  "read-into-function",
  "key-to-constant",
  "sdk-migration",
  "add-variant-case",
  "delete-flag",
  "restore-same",
] as const;

/** Edits that give the key another meaning. */
export const reuseEdits = [
  "swap-existing",
  "swap-new",
  "rewrite-in-place",
  "change-one-of-several",
  "invert",
  "swap-branches",
  "repurpose-case",
  "remove-readd",
  "retired-default",
] as const;

/** One edit of a case. */
export type EditKind = (typeof benignEdits)[number] | (typeof reuseEdits)[number];

/** A file's text, or null: the file does not exist at that commit. */
type Files = Record<string, string | null>;

/** One generated case. */
export interface CorpusCase {
  /** `c0042`: also the case's directory under `cases/`. */
  id: string;
  /** The flag key (for `env`, the variable's name). */
  key: string;
  shape: ReadShape;
  edit: EditKind;
  expected: "reuse" | "benign";
  /** The `no-flag-reuse` kinds that count as finding a reuse. */
  kinds: readonly string[];
  /** The case's files at c0, c1 and c2, relative to its directory. */
  commits: [Files, Files, Files];
  /** `flags.states` for the key, when the case needs one. */
  state?: "retired";
  /** The file (relative to the repository) of the read that a finding should name at the head. */
  siteFile: string;
  /** What the edit did, in words: for the list of missed cases. */
  description: string;
}

const expectedKinds: Record<(typeof reuseEdits)[number], readonly string[]> = {
  "swap-existing": ["repurposed"],
  "swap-new": ["repurposed"],
  "rewrite-in-place": ["repurposed"],
  "change-one-of-several": ["repurposed"],
  invert: ["inverted", "repurposed"],
  "swap-branches": ["inverted", "repurposed"],
  "repurpose-case": ["repurposed"],
  "remove-readd": ["resurrected"],
  "retired-default": ["default-changed"],
};

/** A real function in the case: its current name and module. */
interface Fn {
  name: string;
  /** The module file, without extension (`fn-bufferTime`). */
  module: string;
  real: RealFunction;
  /** Called from the case's other entry too. */
  elsewhere: boolean;
}

/** A React component that renders one function's result. */
interface Component {
  name: string;
  module: string;
  fn: string;
  elsewhere: boolean;
}

/** What one side of a read runs. */
interface Side {
  /** The function (or, in React cases, the component) it calls. */
  target: string;
  arg?: boolean;
  logging?: boolean;
  /** A second function (or component) the side calls after its target: the feature grew. */
  extra?: string;
  /** A local helper (a function, or a component in React cases) that holds the side's code. */
  helper?: string;
}

/** How the flag's value is obtained. */
type ReadKind = "sdk" | "wrapper" | "env" | "react";
/** What decides the guarded code. */
type GuardStyle = "if" | "and" | "ternary" | "early-return" | "switch" | "jsx-and" | "jsx-ternary" | "jsx-if";

/** One read of the flag. */
interface Site {
  /** `app` or `report`: the file (`.ts`, or `.tsx` in React cases). */
  file: string;
  /** The function it is in. */
  holder: string;
  read: ReadKind;
  style: GuardStyle;
  on: Side;
  off?: Side;
  /** `switch` only: values and what they run (`alpha` runs `on`). */
  cases?: Array<{ value: string; side: Side }>;
  negated: boolean;
  /** Where the read is: in the condition, in a variable tested later, or in a function (a hook) called there. */
  readIn: "inline" | "variable" | "function";
  /** The read is not there at this commit. */
  removed?: boolean;
  /** The flag was folded: the on side runs unconditionally. */
  folded?: boolean;
}

/** A case's project at one commit. */
interface Model {
  dir: string;
  key: string;
  keyConst: boolean;
  sdk: "openfeature" | "launchdarkly";
  defaultValue: boolean;
  react: boolean;
  fns: Fn[];
  components: Component[];
  sites: Site[];
}

/** The read, guard and place of each shape at c0. */
const shapeSetup: Record<ReadShape, { read: ReadKind; style: GuardStyle; readIn: Site["readIn"]; off: "always" | "never" | "maybe" }> = {
  call: { read: "sdk", style: "if", readIn: "inline", off: "maybe" },
  variable: { read: "sdk", style: "if", readIn: "variable", off: "maybe" },
  and: { read: "sdk", style: "and", readIn: "variable", off: "never" },
  ternary: { read: "sdk", style: "ternary", readIn: "inline", off: "always" },
  "early-return": { read: "sdk", style: "early-return", readIn: "inline", off: "maybe" },
  switch: { read: "sdk", style: "switch", readIn: "inline", off: "never" },
  "jsx-and": { read: "react", style: "jsx-and", readIn: "variable", off: "never" },
  "jsx-ternary": { read: "react", style: "jsx-ternary", readIn: "variable", off: "always" },
  "jsx-if": { read: "react", style: "jsx-if", readIn: "variable", off: "always" },
  wrapper: { read: "wrapper", style: "if", readIn: "inline", off: "maybe" },
  hook: { read: "react", style: "jsx-ternary", readIn: "function", off: "always" },
  env: { read: "env", style: "if", readIn: "inline", off: "maybe" },
  constant: { read: "sdk", style: "if", readIn: "inline", off: "maybe" },
};

/** Which edits apply to a case's c0. */
function applies(edit: EditKind, shape: ReadShape, model: Model): boolean {
  const site = model.sites[0] as Site;
  switch (edit) {
    case "swap-branches":
      return site.off !== undefined;
    case "invert":
      return site.style !== "switch";
    case "repurpose-case":
    case "add-variant-case":
      return site.style === "switch";
    case "restyle":
      return site.style !== "switch" && site.style !== "and";
    case "sdk-migration":
      return site.read === "sdk";
    case "key-to-constant":
      return site.read !== "env" && !model.keyConst;
    case "read-into-variable":
      return site.read !== "react" && site.read !== "env" && site.readIn === "inline";
    case "read-into-function":
      return (site.read === "sdk" || site.read === "react") && site.readIn !== "function";
    case "retired-default":
      return site.read !== "env" && site.style !== "switch";
    default:
      return shape.length > 0;
  }
}

/** mulberry32: a small deterministic PRNG. */
function randomOf(seed: number): { next(): number; int(n: number): number; pick<T>(list: readonly T[]): T } {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(next() * n);
  return { next, int, pick: <T>(list: readonly T[]): T => list[int(list.length)] as T };
}

type Random = ReturnType<typeof randomOf>;

const capital = (name: string): string => name.charAt(0).toUpperCase() + name.slice(1);
const renamePatterns: Array<(name: string) => string> = [
  (n) => `${n}Impl`,
  (n) => `run${capital(n)}`,
  (n) => `legacy${capital(n)}`,
  (n) => `${n}V2`,
  (n) => `apply${capital(n)}`,
];

/**
 * `count` cases from `seed`: the edit kinds in turn, each on a shape it applies to, with fresh
 * functions, so that every kind has about as many cases and any prefix of the list spans them all.
 */
export function generateCases(functions: readonly RealFunction[], seed: number, count: number): CorpusCase[] {
  const random = randomOf(seed);
  const edits: EditKind[] = [...benignEdits, ...reuseEdits];
  const cases: CorpusCase[] = [];
  for (let attempt = 0; cases.length < count && attempt < count * 50; attempt++) {
    const edit = edits[cases.length % edits.length] as EditKind;
    const shapes = edit === "repurpose-case" || edit === "add-variant-case" ? (["switch"] as const) : readShapes;
    const built = buildCase(`c${String(cases.length).padStart(4, "0")}`, random.pick(shapes), edit, functions, random);
    if (built) cases.push(built);
  }
  return cases;
}

function buildCase(id: string, shape: ReadShape, edit: EditKind, pool: readonly RealFunction[], random: Random): CorpusCase | undefined {
  const setup = shapeSetup[shape];
  const react = setup.read === "react";
  const taken = new Set<string>();
  const fresh = (): RealFunction => {
    for (;;) {
      const fn = random.pick(pool);
      if (!taken.has(fn.name)) {
        taken.add(fn.name);
        return fn;
      }
    }
  };
  const topic = random.pick(["checkout", "routing", "search", "pricing", "onboarding", "export", "billing", "sync"]);
  const model: Model = {
    dir: `cases/${id}`,
    key: setup.read === "env" ? `FEATURE_${id.toUpperCase()}_${topic.toUpperCase()}` : `${id}-${topic}`,
    keyConst: shape === "constant",
    sdk: "openfeature",
    defaultValue: false,
    react,
    fns: [],
    components: [],
    sites: [],
  };
  /** A new function (and its component in React cases) in `into`; returns what a side calls. */
  const addTarget = (into: Model, elsewhere: boolean): string => {
    const real = fresh();
    into.fns.push({ name: real.name, module: `fn-${real.name}`, real, elsewhere });
    if (!react) return real.name;
    const component = `${capital(real.name)}View`;
    into.components.push({ name: component, module: `view-${real.name}`, fn: real.name, elsewhere });
    return component;
  };
  const side = (): Side => ({ target: addTarget(model, random.next() < 0.3) });
  const hasOff = setup.off === "always" || (setup.off === "maybe" && random.next() < 0.5);
  const newSite = (file: string, holder: string): Site => {
    const site: Site = { file, holder, read: setup.read, style: setup.style, on: side(), negated: false, readIn: setup.readIn };
    if (hasOff) site.off = side();
    if (setup.style === "switch") {
      site.cases = [
        { value: "alpha", side: site.on },
        { value: "beta", side: side() },
        { value: "default", side: side() },
      ];
    }
    return site;
  };
  model.sites.push(newSite("app", react ? "Panel" : "handle"));
  if (edit === "change-one-of-several" || random.next() < 0.2) model.sites.push(newSite("report", react ? "Summary" : "summarize"));
  // A function that exists all along and that the flag does not guard: what `swap-existing` points it at.
  const spare = addTarget(model, random.next() < 0.5);
  if (!applies(edit, shape, model)) return undefined;

  const c0 = clone(model);
  const base = clone(model);
  let head = clone(model);
  const first = (m: Model): Site => m.sites[0] as Site;
  const site = first(head);
  let reportSite = site;
  let description = "";
  let state: CorpusCase["state"];
  switch (edit) {
    case "rename": {
      const to = renamed(site.on.target, react, random);
      description = `${site.on.target} renamed ${to}`;
      rename(head, site.on.target, to);
      break;
    }
    case "move":
      moveTarget(head, site.on.target);
      description = `${site.on.target} moved to another folder`;
      break;
    case "rename-move": {
      const from = site.on.target;
      const to = renamed(from, react, random);
      moveTarget(head, from);
      rename(head, from, to);
      description = `${from} renamed ${to} and moved to another folder`;
      break;
    }
    case "extract-helper":
      site.on.helper = react ? "OnPath" : "onPath";
      description = "the on side extracted into a local helper";
      break;
    case "inline-helper":
      first(c0).on.helper = react ? "OnPath" : "onPath";
      first(base).on.helper = react ? "OnPath" : "onPath";
      description = "a local helper holding the on side inlined";
      break;
    case "add-logging":
      site.on.logging = true;
      description = "logging and a metric added to the on side";
      break;
    case "add-argument":
      site.on.arg = true;
      description = "an argument added to the guarded call";
      break;
    case "extend": {
      const added = addTarget(head, false);
      site.on.extra = added;
      retarget(site);
      description = `the on side grew: it also calls ${added}, new`;
      break;
    }
    case "restyle": {
      const to = restyled(site.style, random);
      description = `${site.style} rewritten as ${to}`;
      site.style = to;
      if ((to === "ternary" || to === "jsx-ternary") && !site.off) {
        // A ternary needs an else branch: the spare is that branch at every commit.
        for (const m of [c0, base, head]) first(m).off = { target: spare };
      }
      break;
    }
    case "read-into-variable":
      site.readIn = "variable";
      description = "the read moved into a variable";
      break;
    case "read-into-function":
      site.readIn = "function";
      description = react ? "the read moved into a custom hook" : "the read moved into a function";
      break;
    case "key-to-constant":
      head.keyConst = true;
      description = "the key moved into a constant";
      break;
    case "sdk-migration":
      head.sdk = "launchdarkly";
      description = "OpenFeature replaced by LaunchDarkly, same key";
      break;
    case "add-variant-case":
      site.cases?.splice(2, 0, { value: "gamma", side: { target: addTarget(head, false) } });
      description = "a variant case added, with new code";
      break;
    case "delete-flag":
      for (const s of head.sites) s.folded = true;
      description = "the flag folded: its on side kept, the read removed";
      break;
    case "restore-same":
      for (const s of base.sites) s.removed = true;
      description = "the read removed at the base, brought back with the same code";
      break;
    case "swap-existing":
      description = `the on side's ${site.on.target} → ${spare}, which existed before (${site.on.target} stays)`;
      site.on = { ...site.on, target: spare };
      retarget(site);
      break;
    case "swap-new": {
      const added = addTarget(head, false);
      description = `the on side's ${site.on.target} → ${added}, new (${site.on.target} stays)`;
      site.on = { ...site.on, target: added };
      retarget(site);
      break;
    }
    case "rewrite-in-place": {
      const fn = head.fns.find((f) => f.name === functionBehind(head, site.on.target));
      if (!fn) return undefined;
      // Rewritten means other code: a sibling of the same source file (zod's `_int32` and
      // `_float32` builders differ in one literal) is a tweak, not a rewrite.
      const file = fn.real.origin.slice(0, fn.real.origin.indexOf("#"));
      let other = fresh();
      while (other.origin.startsWith(`${file}#`)) other = fresh();
      description = `${fn.name}'s body replaced by that of ${other.origin}`;
      fn.real = { ...other, name: fn.real.name, text: other.text.replace(wordPattern(other.name), fn.real.name) };
      break;
    }
    case "change-one-of-several": {
      const second = head.sites[1] as Site;
      const added = addTarget(head, false);
      description = `the second read's ${second.on.target} → ${added}, new; the first read unchanged`;
      second.on = { ...second.on, target: added };
      retarget(second);
      reportSite = second;
      break;
    }
    case "invert":
      site.negated = true;
      description = "the condition negated";
      break;
    case "swap-branches": {
      const off = site.off as Side;
      site.off = site.on;
      site.on = off;
      description = "the on and off sides swapped";
      break;
    }
    case "repurpose-case": {
      const beta = site.cases?.[1];
      if (!beta) return undefined;
      const added = addTarget(head, false);
      description = `case "beta": ${beta.side.target} → ${added}, new`;
      beta.side = { target: added };
      break;
    }
    case "remove-readd": {
      // The read goes with the code only it used; it comes back guarding new code.
      for (const s of base.sites) s.removed = true;
      const onlyRead = (m: Model, name: string): boolean => !m.fns.find((f) => f.name === name)?.elsewhere;
      const gone = new Set([...sidesOf(first(c0)), ...(c0.sites[1] ? sidesOf(c0.sites[1]) : [])].map((sd) => functionBehind(c0, sd.target)));
      base.fns = base.fns.filter((f) => !gone.has(f.name) || !onlyRead(base, f.name));
      base.components = base.components.filter((c) => !gone.has(c.fn) || !onlyRead(base, c.fn));
      head = clone(base);
      head.sites = [first(head)];
      const readded = first(head);
      readded.removed = false;
      const added = addTarget(head, false);
      readded.on = { target: added };
      delete readded.off;
      if (readded.cases) readded.cases = [{ value: "alpha", side: readded.on }];
      description = `the read removed at the base, re-added guarding ${added}`;
      reportSite = readded;
      break;
    }
    case "retired-default":
      state = "retired";
      head.defaultValue = true;
      description = "default false → true on a retired flag";
      break;
  }
  const expected = (reuseEdits as readonly string[]).includes(edit) ? "reuse" : "benign";
  return {
    id,
    key: model.key,
    shape,
    edit,
    expected,
    kinds: expected === "reuse" ? expectedKinds[edit as (typeof reuseEdits)[number]] : [],
    commits: [render(c0), render(base), render(head)],
    ...(state ? { state } : {}),
    siteFile: `${model.dir}/${reportSite.file}.${react ? "tsx" : "ts"}`,
    description,
  };
}

/** A new name for a function, or for a component (which JSX needs capitalised). */
function renamed(name: string, react: boolean, random: Random): string {
  const to = random.pick(renamePatterns)(name);
  return react ? capital(to) : to;
}

function restyled(style: GuardStyle, random: Random): GuardStyle {
  switch (style) {
    case "ternary":
      return random.pick(["if", "early-return"] as const);
    case "early-return":
      return random.pick(["if", "ternary"] as const);
    case "jsx-and":
    case "jsx-ternary":
      return "jsx-if";
    case "jsx-if":
      return "jsx-ternary";
    default:
      return random.pick(["ternary", "early-return"] as const);
  }
}

/** A `switch`'s `alpha` case runs the on side: keep it so after the on side was replaced. */
function retarget(site: Site): void {
  const alpha = site.cases?.[0];
  if (alpha) alpha.side = site.on;
}

function rename(model: Model, from: string, to: string): void {
  for (const fn of model.fns) if (fn.name === from) fn.name = to;
  for (const c of model.components) {
    if (c.name === from) c.name = to;
    if (c.fn === from) c.fn = to;
  }
  for (const s of model.sites) for (const sd of sidesOf(s)) if (sd.target === from) sd.target = to;
}

function moveTarget(model: Model, target: string): void {
  const holder = model.components.find((c) => c.name === target) ?? model.fns.find((f) => f.name === target);
  if (holder) holder.module = `moved/${holder.module}`;
}

function sidesOf(site: Site): Side[] {
  const sides = [site.on, ...(site.off ? [site.off] : [])];
  for (const c of site.cases ?? []) if (!sides.includes(c.side)) sides.push(c.side);
  return sides;
}

function functionBehind(model: Model, target: string): string {
  return model.components.find((c) => c.name === target)?.fn ?? target;
}

function clone(model: Model): Model {
  return {
    ...model,
    fns: model.fns.map((f) => ({ ...f })),
    components: model.components.map((c) => ({ ...c })),
    sites: model.sites.map((s) => {
      const on = { ...s.on };
      const off = s.off ? { ...s.off } : undefined;
      const copy: Site = { ...s, on };
      if (off) copy.off = off;
      if (s.cases) copy.cases = s.cases.map((c) => ({ value: c.value, side: c.side === s.on ? on : { ...c.side } }));
      return copy;
    }),
  };
}

function wordPattern(name: string): RegExp {
  return new RegExp(`(?<![\\w$])${name.replace(/\$/g, "\\$")}(?![\\w$])`, "g");
}

// Rendering: a case's model as files.

/** The case's files at one commit, relative to the repository root. */
function render(model: Model): Files {
  const files: Files = {};
  const ext = model.react ? "tsx" : "ts";
  for (const fn of model.fns) {
    const text = fn.real.text.replace(wordPattern(fn.real.name), fn.name);
    files[`${model.dir}/${fn.module}.ts`] = `${fn.real.imports.join("\n")}\n\n${text}\n`;
  }
  for (const c of model.components) {
    const fn = model.fns.find((f) => f.name === c.fn);
    if (!fn) continue;
    files[`${model.dir}/${c.module}.tsx`] =
      `import { ${fn.name} } from "${relativeModule(c.module, fn.module)}";\n\n` +
      `export function ${c.name}({ input, retries }: { input: unknown; retries?: number }) {\n` +
      `  const value = ${fn.name}(input as never);\n` +
      `  return <div className="${c.name}">{String(value)}{retries}</div>;\n}\n`;
  }
  const flags = flagsModule(model);
  if (flags) files[`${model.dir}/flags.ts`] = flags;
  for (const site of model.sites) files[`${model.dir}/${site.file}.${ext}`] = siteFile(model, site);
  files[`${model.dir}/other.${ext}`] = otherEntry(model);
  return files;
}

function relativeModule(from: string, to: string): string {
  const depth = from.split("/").length - 1;
  return `${depth === 0 ? "./" : "../".repeat(depth)}${to}`;
}

function keyExpression(model: Model): string {
  return model.keyConst ? "FLAGS.feature" : JSON.stringify(model.key);
}

/** The SDK's read of the key, as an expression (the string variant for a `switch`). */
function sdkRead(model: Model, variant: boolean, key = keyExpression(model)): string {
  const fallback = variant ? `"control"` : String(model.defaultValue);
  if (model.sdk === "launchdarkly") return `ldClient.variation(${key}, { kind: "user", key: "anonymous" }, ${fallback})`;
  return `client.${variant ? "getStringValue" : "getBooleanValue"}(${key}, ${fallback})`;
}

/** The read where it is evaluated: awaited in server code. */
function directRead(model: Model, site: Site): string {
  switch (site.read) {
    case "env":
      return `process.env.${model.key} === "true"`;
    case "wrapper":
      return `await isEnabled(${keyExpression(model)})`;
    case "react":
      return `useBooleanFlagValue(${keyExpression(model)}, ${model.defaultValue})`;
    default:
      return `await ${sdkRead(model, site.style === "switch")}`;
  }
}

function functionReadName(site: Site): string {
  return site.read === "react" ? `useFeature${capital(site.holder)}` : `isFeatureOn${capital(site.holder)}`;
}

/** flags.ts: the key constant, the wrapper, the functions reads moved into; undefined when nothing is needed. */
function flagsModule(model: Model): string | undefined {
  const live = model.sites.filter((s) => !s.removed && !s.folded);
  const imports = new Set<string>();
  const parts: string[] = [];
  if (model.keyConst) parts.push(`export const FLAGS = { feature: ${JSON.stringify(model.key)} } as const;`);
  const serverReads = live.filter((s) => s.read === "wrapper" || (s.read === "sdk" && s.readIn === "function"));
  if (serverReads.length > 0) {
    if (model.sdk === "launchdarkly") {
      imports.add(`import { init } from "@launchdarkly/node-server-sdk";`);
      parts.push(`const ldClient = init("sdk-key");`);
    } else {
      imports.add(`import { OpenFeature } from "@openfeature/server-sdk";`);
      parts.push("const client = OpenFeature.getClient();");
    }
  }
  if (live.some((s) => s.read === "wrapper")) {
    parts.push(`export async function isEnabled(key: string): Promise<boolean> {\n  return ${sdkRead(model, false, "key")};\n}`);
  }
  for (const site of live.filter((s) => s.readIn === "function")) {
    if (site.read === "react") {
      imports.add(`import { useBooleanFlagValue } from "@openfeature/react-sdk";`);
      parts.push(`export function ${functionReadName(site)}(): boolean {\n  return ${directRead(model, site)};\n}`);
    } else {
      const variant = site.style === "switch";
      parts.push(`export async function ${functionReadName(site)}(): Promise<${variant ? "string" : "boolean"}> {\n  return ${sdkRead(model, variant)};\n}`);
    }
  }
  if (parts.length === 0) return undefined;
  return `${[...imports].join("\n")}${imports.size > 0 ? "\n\n" : ""}${parts.join("\n\n")}\n`;
}

/** The other entry: what calls the functions that are used outside the flag too. */
function otherEntry(model: Model): string {
  const imports: string[] = [];
  const calls: string[] = [];
  for (const fn of model.fns.filter((f) => f.elsewhere && !model.components.some((c) => c.fn === f.name))) {
    imports.push(`import { ${fn.name} } from "./${fn.module}";`);
    calls.push(`${fn.name}(input as never)`);
  }
  const views = model.components.filter((c) => c.elsewhere);
  for (const c of views) imports.push(`import { ${c.name} } from "./${c.module}";`);
  const body = model.react
    ? `export function Other({ input }: { input: unknown }) {\n  return <main>${views.map((c) => `<${c.name} input={input} />`).join("")}{String([${calls.join(", ")}])}</main>;\n}\n`
    : `export function other(input: unknown): unknown[] {\n  return [${calls.join(", ")}];\n}\n`;
  return `${imports.join("\n")}${imports.length > 0 ? "\n\n" : ""}${body}`;
}

/** The file holding one read. */
function siteFile(model: Model, site: Site): string {
  const imports = new Set<string>();
  const helpers: string[] = [];
  const importTarget = (target: string): void => {
    const holder = model.components.find((c) => c.name === target) ?? model.fns.find((f) => f.name === target);
    if (holder) imports.add(`import { ${target} } from "./${holder.module}";`);
  };
  const live = !site.removed;
  const reading = live && !site.folded;
  if (live) {
    for (const side of site.folded ? [site.on] : sidesOf(site)) {
      importTarget(side.target);
      if (side.extra) importTarget(side.extra);
    }
  }
  let prelude = "";
  if (reading) {
    if (site.readIn === "function") imports.add(`import { ${functionReadName(site)} } from "./flags";`);
    else if (site.read === "wrapper") imports.add(`import { isEnabled } from "./flags";`);
    else if (site.read === "react") imports.add(`import { useBooleanFlagValue } from "@openfeature/react-sdk";`);
    else if (site.read === "sdk") {
      imports.add(model.sdk === "launchdarkly" ? `import { init } from "@launchdarkly/node-server-sdk";` : `import { OpenFeature } from "@openfeature/server-sdk";`);
      prelude = model.sdk === "launchdarkly" ? `const ldClient = init("sdk-key");\n\n` : "const client = OpenFeature.getClient();\n\n";
    }
    if (model.keyConst && site.readIn !== "function") imports.add(`import { FLAGS } from "./flags";`);
  }
  if ((site.folded ? [site.on] : sidesOf(site)).some((s) => s.logging)) imports.add(`import { metrics, traced, Tracked } from "@acme/telemetry";`);
  const statementsOf = (side: Side): string[] => {
    if (!side.helper) return sideStatements(model, side);
    helpers.push(`function ${side.helper}(input: unknown, output: unknown[]): void {\n${indent(sideStatements(model, side)).join("\n")}\n}`);
    return [`${side.helper}(input, output);`];
  };
  const expressionOf = (side: Side): string => {
    if (!side.helper) return sideExpression(model, side);
    helpers.push(`function ${side.helper}(input: unknown): unknown {\n  return ${sideExpression(model, side)};\n}`);
    return `${side.helper}(input)`;
  };
  const jsxOf = (side: Side): string => {
    if (!side.helper) return sideJsx(model, side);
    helpers.push(`function ${side.helper}({ input }: { input: unknown }) {\n  return ${sideJsx(model, side)};\n}`);
    return `<${side.helper} input={input} />`;
  };
  let body: string[];
  if (model.react) {
    const section = (inner: string): string => `<section className="${site.holder}">${inner}<footer>done</footer></section>`;
    body = !live ? [`return ${section("")};`] : site.folded ? [`return ${section(jsxOf(site.on))};`] : jsxBody(model, site, jsxOf, section);
  } else {
    body = !live ? [] : site.folded ? statementsOf(site.on) : serverBody(model, site, statementsOf, expressionOf);
  }
  const text = model.react
    ? `export function ${site.holder}({ input }: { input: unknown }) {\n${indent(body).join("\n")}\n}\n`
    : `export async function ${site.holder}(input: unknown, output: unknown[]): Promise<void> {\n${indent([...body, `output.push("${site.holder} done");`]).join("\n")}\n}\n`;
  return `${[...imports].sort().join("\n")}\n\n${prelude}${text}${helpers.length > 0 ? `\n${[...new Set(helpers)].join("\n\n")}\n` : ""}`;
}

function indent(lines: readonly string[]): string[] {
  return lines.map((l) => `  ${l}`);
}

/** The value tested: the read itself, its variable, or the function that holds it. */
function tested(model: Model, site: Site): string {
  if (site.readIn === "variable") return "enabled";
  if (site.readIn === "function") return site.read === "react" ? `${functionReadName(site)}()` : `await ${functionReadName(site)}()`;
  return directRead(model, site);
}

function condition(model: Model, site: Site, negated = site.negated): string {
  const value = tested(model, site);
  if (!negated) return value;
  if (value.endsWith(`=== "true"`)) return value.replace(`=== "true"`, `!== "true"`);
  return value === "enabled" ? "!enabled" : `!(${value})`;
}

function variableLines(model: Model, site: Site): string[] {
  if (site.readIn !== "variable") return [];
  if (site.read === "react") return [`const enabled = ${directRead(model, site)};`];
  return [`const enabled = ${directRead(model, site)};`, `output.push("${site.holder} start");`];
}

function serverBody(model: Model, site: Site, statementsOf: (side: Side) => string[], expressionOf: (side: Side) => string): string[] {
  const lines = variableLines(model, site);
  switch (site.style) {
    case "switch":
      lines.push(`switch (${tested(model, site)}) {`);
      for (const c of site.cases ?? []) {
        lines.push(c.value === "default" ? "  default: {" : `  case ${JSON.stringify(c.value)}: {`);
        lines.push(...indent(indent([...statementsOf(c.side), "break;"])), "  }");
      }
      lines.push("}");
      return lines;
    case "ternary":
      lines.push(`output.push(${condition(model, site)} ? ${expressionOf(site.on)} : ${site.off ? expressionOf(site.off) : "undefined"});`);
      return lines;
    case "early-return":
      lines.push(`if (${condition(model, site, !site.negated)}) {`, ...indent(site.off ? statementsOf(site.off) : []), "  return;", "}", ...statementsOf(site.on));
      return lines;
    case "and":
      lines.push(`if (${condition(model, site)} && output.length < 10) {`, ...indent(statementsOf(site.on)), "}");
      return lines;
    default:
      lines.push(`if (${condition(model, site)}) {`, ...indent(statementsOf(site.on)));
      if (site.off) lines.push("} else {", ...indent(statementsOf(site.off)));
      lines.push("}");
      return lines;
  }
}

function jsxBody(model: Model, site: Site, jsxOf: (side: Side) => string, section: (inner: string) => string): string[] {
  const lines = variableLines(model, site);
  const cond = condition(model, site);
  switch (site.style) {
    case "jsx-and":
      lines.push(`return ${section(`{${cond} && ${jsxOf(site.on)}}`)};`);
      return lines;
    case "jsx-if":
      lines.push(`if (${cond}) {`, `  return ${section(jsxOf(site.on))};`, "}", `return ${section(site.off ? jsxOf(site.off) : "")};`);
      return lines;
    default:
      lines.push(`return ${section(`{${cond} ? ${jsxOf(site.on)} : ${site.off ? jsxOf(site.off) : "null"}}`)};`);
      return lines;
  }
}

function sideStatements(model: Model, side: Side): string[] {
  const call = `${side.target}(input as never${side.arg ? ", { retries: 3 } as never" : ""})`;
  return [
    `const value = ${call};`,
    ...(side.logging ? [`console.info(${JSON.stringify(`${model.key} path`)}, value);`, `metrics.increment(${JSON.stringify(model.key)});`] : []),
    "output.push(value);",
    ...(side.extra ? [`output.push(${side.extra}(value as never));`] : []),
  ];
}

function sideExpression(model: Model, side: Side): string {
  let call = `${side.target}(input as never${side.arg ? ", { retries: 3 } as never" : ""})`;
  if (side.extra) call = `${side.extra}(${call} as never)`;
  return side.logging ? `traced(${JSON.stringify(model.key)}, ${call})` : call;
}

function sideJsx(model: Model, side: Side): string {
  let element = `<${side.target} input={input}${side.arg ? " retries={3}" : ""} />`;
  if (side.extra) element = `<>${element}<${side.extra} input={input} /></>`;
  return side.logging ? `<Tracked name=${JSON.stringify(model.key)}>${element}</Tracked>` : element;
}
