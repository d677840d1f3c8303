// The per-file facts: plain, JSON-serialisable data produced by `extractFileFacts` from one file's text.
// Everything after extraction (linking, the flag index, later the call graph) reads these facts and
// never the AST, so the facts can be cached by content hash and shared between revisions.

/** A span of source text: offsets (0-based, UTF-16) plus 1-based line and column of both ends. */
export interface SourceRange {
  start: number;
  end: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/**
 * Where a value comes from, as far as one file can tell. Linking follows `local` through the file's
 * bindings and `import` into other modules until it reaches a package import or gives up.
 */
export type ValueOrigin =
  | { kind: "import"; specifier: string; imported: string }
  | { kind: "type"; specifier: string; imported: string }
  | { kind: "local"; name: string };

/** A summarised expression: enough to resolve a flag key or a default value without the AST. */
export type ExprFact =
  | { kind: "string"; value: string }
  | { kind: "number"; value: number }
  | { kind: "boolean"; value: boolean }
  | { kind: "null" }
  | { kind: "ref"; name: string; path: string[]; origin?: ValueOrigin }
  | { kind: "param"; fn: string; index: number; path: string[] }
  | { kind: "object"; properties: Record<string, ExprFact>; spreads?: ExprFact[] }
  | { kind: "array"; elements: ExprFact[] }
  /** `...x` in an array: the elements of `x` go here. */
  | { kind: "spread"; value: ExprFact }
  | { kind: "other"; text: string };

/** The code one side of a flag check runs, with the names it refers to (for meanings and dead code). */
export interface BranchFact {
  range: SourceRange;
  /** Names the branch mentions, for people: identifiers, and `.name` for member accesses. */
  refs: string[];
  /** The branch's uses, counted like a declaration's `uses`: cutting a dead branch subtracts them. */
  uses: Record<string, number>;
}

/** How a flag read's value decides which code runs. */
export type GuardKind =
  | "if"
  | "ternary"
  | "and"
  | "or"
  | "nullish"
  | "early-exit"
  | "switch"
  | "jsx-children";

/**
 * One place where a flag read's value decides what runs. `on` is the code that can run only when
 * the flag is on (truthy, or equal to `compare`), `off` the code that can run only when it is off;
 * either is absent when the construct does not make it exclusive (`if (flag && x) A else B`: B also
 * runs when the flag is on). `polarity` is `negative` when the read appears negated in the test.
 */
export interface GuardFact {
  kind: GuardKind;
  polarity: "positive" | "negative";
  range: SourceRange;
  on?: BranchFact;
  off?: BranchFact;
  compare?: string | number | boolean | null;
  cases?: { values: Array<string | number | boolean | null>; isDefault: boolean; branch: BranchFact }[];
  via?: string;
}

/** What a candidate read calls: a plain function, a method on a receiver, or a JSX component. */
export type CalleeFact =
  | {
      kind: "function";
      name: string;
      /** What the name is bound to: an import or a module-level declaration. */
      origin?: ValueOrigin;
      /** For a local variable or parameter: where its value comes from. */
      derivedFrom?: ValueOrigin;
    }
  | { kind: "method"; name: string; receiver: ReceiverFact }
  | { kind: "jsx"; name: string; origin?: ValueOrigin };

/** The object a method is called on: its text and, when traceable, where it comes from. */
export interface ReceiverFact {
  text: string;
  origin?: ValueOrigin;
  /** True when the receiver is `process.env` or `import.meta.env`. */
  env?: boolean;
}

/**
 * A property read on a value that may hold flags (what a call returns, a member, a parameter),
 * wherever the value flows in the file: `useFlags().newCheckout`, `const { a } = useFlags()`,
 * `const f = useFlags(); f?.[FLAG.a]`, `const { flags } = useWorkspace(); flags.a` (property
 * `flags`, member `a`).
 */
export interface PropertyReadFact {
  /** The property read; for a computed one (`flags[key]`), the text of `keyExpr`. */
  property: string;
  /** Set when the property is computed: `flags[FLAG.a]`, `flags[key]` with `key` a parameter. */
  keyExpr?: ExprFact;
  range: SourceRange;
  guards: GuardFact[];
  /** `flags.font_size.enabled`: the member read after the first property. */
  member?: string;
  /** Set when the member is computed. */
  memberKeyExpr?: ExprFact;
  /**
   * The first property was read where it was destructured (`const { a } = flags`, recorded
   * there); this read of `a.b` adds the member only.
   */
  bound?: boolean;
}

/**
 * A value that may hold flags handed to a function or component (`check(flags)`, `<Nav flags={f} />`,
 * `render({ flags })`): the callee's parameter `index` at `path` then holds the value's part at `from`.
 */
export interface ValuePassFact {
  callee: CalleeFact;
  index: number;
  /** Where the value sits in the argument: `[]` for the argument itself, `["flags"]` in `{ flags }`. */
  path: string[];
  /** The part of the value passed: `[]` for the whole value, `["flags"]` for `useWorkspace().flags`. */
  from: string[];
  range: SourceRange;
}

/** A value that may hold flags returned by a named function (`return flags`, `return { flags }`). */
export interface ValueReturnFact {
  /** The function's name, as in `functions`. */
  fn: string;
  /** Where the value sits in what the function returns: `["flags"]` for `return { flags }`. */
  path: string[];
  /** The part of the value returned. */
  from: string[];
}

/** Where a value that may hold flags goes, besides the property reads: calls it is passed to, functions that return it. */
export interface ValueFlowFact {
  passes?: ValuePassFact[];
  returns?: ValueReturnFact[];
}

/** The reads and flows of one parameter of a function (a flag map may be passed to it). */
export interface ParamFlowFact extends ValueFlowFact {
  index: number;
  reads: PropertyReadFact[];
}

/**
 * A call (or JSX element) that may read a flag: its callee has a known SDK or accessor name, or it
 * calls an imported or top-level function with a key-like argument (a possible wrapper), or it
 * passes a parameter of its enclosing function on (that function may be a wrapper).
 */
export interface CallFact {
  callee: CalleeFact;
  args: ExprFact[];
  range: SourceRange;
  /** The declaration the call sits in (`Router.route`, `isOn`), for wrappers and meanings. */
  enclosing?: string;
  guards: GuardFact[];
  propertyReads?: PropertyReadFact[];
  /** Where the call's value goes besides property reads (for calls whose value may hold flags). */
  flow?: ValueFlowFact;
  /** The call's value is tested as a boolean: `=== "true"`, `!x`, `Boolean(x)`, a condition. */
  tested?: boolean;
  /** Set when the call initialises a module-level `const` (`export const banner = flag({ … })`). */
  assignedTo?: string;
}

/** A read of an environment variable: `process.env.X`, `process.env["X"]`, `import.meta.env.X`. */
export interface EnvReadFact {
  name: string;
  object: "process.env" | "import.meta.env";
  range: SourceRange;
  guards: GuardFact[];
  enclosing?: string;
  /** The value is tested as a boolean: `=== "true"`, `!!x`, a condition; settings are not. */
  tested?: boolean;
}

/** A member that holds flags by key on any object (`session.user.featureFlags`), for `member` accessors. */
export interface MemberMapFact {
  /** The member path as configured, e.g. `["user", "featureFlags"]`. */
  path: string[];
  range: SourceRange;
  reads: PropertyReadFact[];
  flow?: ValueFlowFact;
  enclosing?: string;
}

/** A property whose value is a flag key (`{ path: "/beta", featureFlag: "beta" }`), for `objectKey` accessors. */
export interface KeyPropertyFact {
  name: string;
  value: ExprFact;
  range: SourceRange;
  enclosing?: string;
}

/** A function (or method) whose parameters reach calls: possibly a flag accessor wrapper. */
export interface FunctionFact {
  name: string;
  /** Names of its parameters, by index; destructured parameters are `undefined`. */
  params: Array<string | undefined>;
  range: SourceRange;
  exported: boolean;
  /** When the function returns the value of a call directly: the index of that call in `calls`. */
  returnsCall?: number;
  /** Where the value it returns comes from (`return LD.init(key)`): factories of SDK clients. */
  returns?: ValueOrigin;
  /** What it reads of its parameters and where it passes them: a flag map may be handed to it. */
  paramFlows?: ParamFlowFact[];
  /** Default values of its parameters (`fallback = false`), for wrappers called without them. */
  paramDefaults?: { index: number; value: ExprFact }[];
  /**
   * An object of literal values it returns (`return { tokens: false, ai: false }`, or a local
   * `const` holding one): the flags and defaults of a function used as a registry.
   */
  returnsLiterals?: ExprFact;
}

/** One import binding (or a side-effect import when `imported` is undefined). */
export interface ImportFact {
  specifier: string;
  /** `default`, `*` for a namespace, or the exported name; undefined for `import "x"`. */
  imported?: string;
  local?: string;
  typeOnly: boolean;
  kind: "static" | "dynamic" | "require";
  range: SourceRange;
}

/** One export: a local binding exported under a name, or a re-export from another module. */
export interface ExportFact {
  exported: string;
  /** The local binding (`export { a as b }` → `a`; `export default expr` → `default`). */
  local?: string;
  /** Set for `export { x } from "m"` and `export * from "m"` (then `exported` is `*`). */
  specifier?: string;
  /** The name in the other module for a re-export (`*` for `export * as ns from`). */
  imported?: string;
  typeOnly: boolean;
  /** Set for a CommonJS export (`module.exports = …`, `exports.a = …`): advice names module.exports. */
  commonJs?: boolean;
  range: SourceRange;
}

/** A syntax error found while parsing; the rest of the file is still extracted. */
export interface ParseErrorFact {
  message: string;
  line: number;
  column: number;
}

/** What kind of node of the call graph a declaration is. */
export type DeclarationKind =
  | "function"
  | "class"
  | "method"
  | "getter"
  | "setter"
  | "constructor"
  | "property"
  | "variable"
  | "enum"
  | "namespace"
  | "interface"
  | "type"
  | "module";

/** How code uses a name: calls it, instantiates it, renders it as JSX, imports it, or refers to it. */
export type UseKind = "call" | "new" | "jsx" | "import" | "reference";

/**
 * A node of the call graph: a module-level declaration, a class member, or `(module)`, the
 * module's top-level statements. `uses` counts what its code mentions, by key:
 * `v:Name` a module-scope value (an import or top-level name), `v:ns.name` a member of a
 * namespace import, `t:Name` a module-scope name in a type, `m:name` a member name (`x.name`,
 * `x["name"]`, `{ name } = x`), `x:name` the module's own CommonJS export (`exports.name` read in
 * its file), `p:Class.#name` a private member of a class of the file, `k:KEY`
 * and `q:KEY` a member named by a module-level constant (called; read), `i:specifier` a dynamic
 * import, and `?:computed`, `?:eval`, `?:import` for what static analysis cannot follow.
 */
export interface DeclarationFact {
  name: string;
  kind: DeclarationKind;
  /** Further names a destructuring declaration binds (`const { a, b } = …`: name `a`, also `b`). */
  alsoNames?: string[];
  range: SourceRange;
  /** Where the declaration's name is (the whole range for `(module)`). */
  nameRange: SourceRange;
  uses: Record<string, number>;
  /** Where each key is first used, and how: for `why` paths and the graph's edge positions. */
  firstUse: Record<string, [line: number, column: number, kind: UseKind]>;
  /** It runs code when its module loads (a call in a variable's initializer, a class decorator). */
  evaluated?: boolean;
  static?: boolean;
  decorated?: boolean;
  /**
   * A member named by a module-level constant (`[KEY]() {}`, `[Keys.load]() {}`): the constant's
   * dotted name. Linking resolves its value, the name the member answers to.
   */
  computedKey?: string;
  /** The `extends` expression's name of a class, and the names it `implements`. */
  extends?: string;
  implements?: string[];
}

/**
 * A module-level type that can list flag keys: a union of string literals (`"a" | "b"`) or an
 * object type or interface whose property names are keys (`{ "new-checkout": boolean }`).
 */
export interface KeyTypeFact {
  literals?: string[];
  properties?: string[];
}

/** Everything deadflag needs from one file. Plain data: `JSON.parse(JSON.stringify(f))` equals `f`. */
export interface FileFacts {
  imports: ImportFact[];
  exports: ExportFact[];
  /** Module-level `const`s, enums and `as const` objects: name → value, for key resolution. */
  constants: Record<string, ExprFact>;
  /** Module-level bindings whose value derives from another binding or an import (SDK receivers). */
  bindings: Record<string, ValueOrigin>;
  /** Module-level types that list keys, by name (flag registries such as GrowthBook's `AppFeatures`). */
  keyTypes: Record<string, KeyTypeFact>;
  functions: FunctionFact[];
  calls: CallFact[];
  envReads: EnvReadFact[];
  /** Members named by `member` accessors (absent when none is configured). */
  memberMaps?: MemberMapFact[];
  /** Properties named by `objectKey` accessors (absent when none is configured). */
  keyProperties?: KeyPropertyFact[];
  /** The call graph's nodes declared in this file (empty when `callGraph` is false). */
  declarations: DeclarationFact[];
  /**
   * Whether declarations and uses were collected: the flag index alone does without them, which
   * makes its extraction a quarter cheaper; facts with them serve both.
   */
  callGraph: boolean;
  parseErrors: ParseErrorFact[];
}
