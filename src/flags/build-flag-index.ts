// Builds the flag-reference index from linked facts: matches candidate calls against the enabled
// SDK presets and configured accessors, infers wrappers and flag handles to a fixpoint, resolves
// keys and defaults across files, and gathers environment-variable flags.
import picomatch from "picomatch";
import type { ResolvedFlagsConfig } from "../config/resolve-config.js";
import type { CallFact, ExprFact, GuardFact } from "../facts/file-facts.js";
import type { LinkedProject, LiteralValue, ResolvedOrigin } from "../graph/linked-project.js";
import { selectPath } from "../facts/select-path.js";
import { camelCaseKey } from "./camel-case.js";
import type {
  FlagDeclaration,
  FlagEntry,
  FlagIndex,
  FlagRead,
  KeyCollision,
  KeySource,
  RecognisedBy,
  UnresolvedRead,
} from "./flag-index.js";
import type { ArgPosition, FlagValueType, ReadShape, SdkPreset } from "./sdk-preset.js";
import { matchesPackage } from "./sdk-preset.js";
import { sdkPresets } from "./sdks/index.js";

/** The shapes of the enabled presets plus the configured accessors, ready for matching. */
interface ReadCatalog {
  presets: SdkPreset[];
  accessors: ReadShape[];
}

/** A call recognised as a read, with the shape that says where its key and default are. */
interface CallMatch {
  sdk: string;
  recognisedBy: RecognisedBy;
  shape: ReadShape;
}

/** A function that passes one of its parameters on as a flag key. */
interface Wrapper {
  file: string;
  name: string;
  key: { index: number; path: string[] };
  default?: { index: number; path: string[] } | { value: LiteralValue };
  sdk: string;
  valueType?: FlagValueType;
}

/** A function or `const` whose every call reads one flag (`isNewCheckout()`, Vercel's `flag()`). */
interface Handle {
  file: string;
  name: string;
  key: string;
  keySource: KeySource;
  default?: LiteralValue;
  sdk: string;
  valueType?: FlagValueType;
}

const maxWrapperRounds = 8;

/** The flag names (methods, functions, hooks, components) that the enabled presets and accessors read with. */
export function readNamesOf(flags: ResolvedFlagsConfig): Set<string> {
  const catalog = catalogOf(flags);
  const names = new Set<string>();
  for (const preset of catalog.presets) for (const shape of preset.reads) for (const n of shape.names) names.add(n);
  for (const shape of catalog.accessors) for (const n of shape.names) names.add(n);
  return names;
}

function catalogOf(flags: ResolvedFlagsConfig): ReadCatalog {
  const presets = flags.sdks.flatMap((name) => {
    const preset = sdkPresets[name];
    return preset ? [preset] : [];
  });
  const accessors: ReadShape[] = flags.accessors.map((accessor): ReadShape => {
    const names = [accessor.name];
    if (accessor.returns === "flag-map") return { kind: "flag-map", names, callee: accessor.kind };
    const key: ArgPosition = accessor.property ? { index: accessor.key, property: accessor.property } : accessor.key;
    const defaultIndex = accessor.default ?? (accessor.defaultProperty ? accessor.key : undefined);
    const defaultPosition: ArgPosition | undefined =
      defaultIndex === undefined || !accessor.defaultProperty ? defaultIndex : { index: defaultIndex, property: accessor.defaultProperty };
    return defaultPosition === undefined
      ? { kind: accessor.kind, names, key }
      : { kind: accessor.kind, names, key, default: defaultPosition };
  });
  return { presets, accessors };
}

/** Builds the index of every flag read in `linked`, plus the declarations from the registry. */
export function buildFlagIndex(
  linked: LinkedProject,
  flags: ResolvedFlagsConfig,
  declarations: readonly FlagDeclaration[] = [],
): FlagIndex {
  return new FlagIndexBuilder(linked, flags, catalogOf(flags)).build(declarations);
}

class FlagIndexBuilder {
  private readonly reads: FlagRead[] = [];
  private readonly camelReads: FlagRead[] = [];
  private readonly unresolved: UnresolvedRead[] = [];
  private readonly wrappers = new Map<string, Wrapper>();
  private readonly handles = new Map<string, Handle>();

  constructor(
    private readonly linked: LinkedProject,
    private readonly flags: ResolvedFlagsConfig,
    private readonly catalog: ReadCatalog,
  ) {}

  build(declarations: readonly FlagDeclaration[]): FlagIndex {
    const done = new Set<CallFact>();
    for (const [file, facts] of this.linked.facts) {
      for (const call of facts.calls) {
        const match = this.matchDirect(file, call);
        if (match) {
          done.add(call);
          this.record(file, call, match);
        }
      }
    }
    // Wrappers and handles found in one round make more calls reads in the next.
    for (let round = 0; round < maxWrapperRounds; round++) {
      let found = false;
      for (const [file, facts] of this.linked.facts) {
        for (const call of facts.calls) {
          if (done.has(call)) continue;
          if (this.matchIndirect(file, call)) {
            done.add(call);
            found = true;
          }
        }
      }
      if (!found) break;
    }
    this.collectEnvReads();
    const collisions = this.resolveCamelCaseReads(declarations);
    return this.assemble(declarations, collisions);
  }

  /** A read by an SDK or a configured accessor, decided by the call alone. */
  private matchDirect(file: string, call: CallFact): CallMatch | undefined {
    const callee = call.callee;
    for (const shape of this.catalog.accessors) {
      const kindFits = shape.kind === "flag-map" ? shape.callee === callee.kind : shape.kind === callee.kind;
      if (kindFits && shape.names.includes(callee.name)) return { sdk: "accessor", recognisedBy: "accessor", shape };
    }
    const originFact =
      callee.kind === "method" ? callee.receiver.origin : callee.kind === "function" ? (callee.origin ?? callee.derivedFrom) : callee.origin;
    if (!originFact) return this.matchByName(call);
    if (callee.kind === "jsx" || (callee.kind === "function" && callee.origin)) {
      // The callee is the SDK's own export (`useFlags`, however it was re-exported or renamed)...
      const declared = this.linked.resolveOrigin(file, originFact, "declaration");
      if (declared?.kind === "package") {
        const name = declared.imported === "*" || declared.imported === "default" ? callee.name : declared.imported;
        return this.matchPackage(call, declared, name, "export");
      }
      // ...or the project's own function: calling it is not calling what it returns
      // (`function isOn(k) { return gb.isOn(k) }` returns an SDK value, but `isOn` is a wrapper).
      if (callee.kind === "function" && declared?.kind === "declaration" && this.isProjectCallable(declared)) return undefined;
    }
    // ...or a value taken from an SDK object: a receiver, or `const { checkGate } = useStatsigClient()`.
    const origin = this.linked.resolveOrigin(file, originFact);
    if (origin?.kind === "package") {
      const namespace = callee.kind === "method" && (origin.imported === "*" || origin.imported === "default");
      return this.matchPackage(call, origin, callee.name, namespace ? "namespace" : "member");
    }
    // A name that resolves inside the project is the project's own function, class or object;
    // a plain value nothing more is known about only matches names SDKs alone use.
    if (origin?.kind === "module" || (origin?.kind === "declaration" && this.isProjectCallable(origin))) return undefined;
    return this.matchByName(call);
  }

  private isProjectCallable(origin: ResolvedOrigin & { kind: "declaration" }): boolean {
    const facts = this.linked.getFacts(origin.file);
    if (!facts) return false;
    return (
      facts.constants[origin.name] !== undefined ||
      this.linked.functionsOf(origin.file).has(origin.name) ||
      classLike(origin.name, facts.functions)
    );
  }

  /**
   * Matches a call against the presets that own `origin`'s package. `export`: the callee is a
   * function the package exports; `member`: a method (or destructured member) of an SDK object;
   * `namespace`: a member of the package's namespace or default export, which may be either.
   */
  private matchPackage(
    call: CallFact,
    origin: ResolvedOrigin & { kind: "package" },
    name: string,
    access: "export" | "member" | "namespace",
  ): CallMatch | undefined {
    for (const preset of this.catalog.presets) {
      if (!matchesPackage(origin.specifier, preset.packages)) continue;
      for (const shape of preset.reads) {
        if (shape.packages && !matchesPackage(origin.specifier, shape.packages)) continue;
        if (!shape.names.includes(name) || !shapeFitsAccess(shape, call, access)) continue;
        return { sdk: preset.name, recognisedBy: origin.viaType ? "sdk-type" : "sdk-import", shape };
      }
    }
    return undefined;
  }

  /**
   * Untraceable receivers: only names that flag SDKs alone use. Where flavours differ in argument
   * positions (Statsig server `checkGate(user, name)` and client `checkGate(name)`; LaunchDarkly
   * server `variation(key, ctx, default)` and client `variation(key, default)`), the shape whose
   * key position holds a key wins, then the one whose default position the call fills.
   */
  private matchByName(call: CallFact): CallMatch | undefined {
    let best: { match: CallMatch; score: number[] } | undefined;
    for (const preset of this.catalog.presets) {
      for (const shape of preset.reads) {
        if (shape.kind !== "method" && shape.kind !== "function" && shape.kind !== "jsx") continue;
        if (shape.kind !== "jsx" && !shape.distinctive) continue;
        if (!shape.names.includes(call.callee.name) || !shapeFitsAccess(shape, call, "namespace")) continue;
        const defaultIndex = shape.kind === "jsx" || shape.default === undefined ? -1 : positionIndex(shape.default);
        const keyExpr = shape.kind === "jsx" ? undefined : argAt(call, shape.key);
        const score = [keyLikeness(keyExpr), defaultIndex < call.args.length ? 1 : 0, defaultIndex];
        if (!best || compareScores(score, best.score) > 0) {
          best = { match: { sdk: preset.name, recognisedBy: "sdk-method-name", shape }, score };
        }
      }
    }
    return best?.match;
  }

  /** A call of a wrapper or a handle found so far. */
  private matchIndirect(file: string, call: CallFact): boolean {
    const target = this.calleeTarget(file, call);
    if (!target) return false;
    const handle = this.handles.get(target);
    if (handle) {
      const read = this.newRead(file, call, {
        key: handle.key,
        keySource: handle.keySource,
        sdk: handle.sdk,
        recognisedBy: "wrapper",
        guards: call.guards,
      });
      if (handle.default !== undefined) read.default = handle.default;
      if (handle.valueType) read.valueType = handle.valueType;
      read.wrapper = { file: handle.file, name: handle.name };
      this.addRead(file, call, read);
      return true;
    }
    const wrapper = this.wrappers.get(target);
    if (!wrapper) return false;
    const keyArg = call.args[wrapper.key.index];
    const resolved = keyArg ? this.resolveKey(file, selectPath(keyArg, wrapper.key.path)) : undefined;
    if (!resolved) return false;
    if ("param" in resolved) {
      this.addWrapper(file, resolved.param, wrapper.sdk, wrapper.valueType, this.wrapperDefault(file, call, wrapper));
      return true;
    }
    if ("unresolved" in resolved) {
      this.unresolved.push({ file, range: call.range, sdk: wrapper.sdk, via: viaOf(call), keyText: resolved.unresolved });
      return true;
    }
    const read = this.newRead(file, call, { ...resolved, sdk: wrapper.sdk, recognisedBy: "wrapper", guards: call.guards });
    const defaultValue = this.wrapperDefault(file, call, wrapper);
    if (defaultValue && "value" in defaultValue) read.default = defaultValue.value;
    if (wrapper.valueType) read.valueType = wrapper.valueType;
    read.wrapper = { file: wrapper.file, name: wrapper.name };
    this.addRead(file, call, read);
    return true;
  }

  private wrapperDefault(file: string, call: CallFact, wrapper: Wrapper): Wrapper["default"] {
    const spec = wrapper.default;
    if (!spec || "value" in spec) return spec;
    const arg = call.args[spec.index];
    if (!arg) return undefined;
    const expr = selectPath(arg, spec.path);
    if (expr.kind === "param") return { index: expr.index, path: expr.path };
    const value = this.linked.resolveLiteral(file, expr);
    return value === undefined ? undefined : { value };
  }

  /** `file#name` of the function (or handle) a call calls, when it is declared in the project. */
  private calleeTarget(file: string, call: CallFact): string | undefined {
    const callee = call.callee;
    if (callee.kind === "function") {
      const origin = callee.origin && this.linked.resolveOrigin(file, callee.origin, "declaration");
      return origin?.kind === "declaration" ? `${origin.file}#${origin.name}` : undefined;
    }
    if (callee.kind === "method" && callee.receiver.origin) {
      const origin = this.linked.resolveOrigin(file, callee.receiver.origin);
      if (origin?.kind === "declaration") return `${origin.file}#${origin.name}.${callee.name}`;
      if (origin?.kind === "module") {
        const member = this.linked.resolveExport(origin.file, callee.name, "declaration");
        return member?.kind === "declaration" ? `${member.file}#${member.name}` : undefined;
      }
    }
    return undefined;
  }

  /** Turns a direct match into reads (and wrappers or handles when its key is a parameter). */
  private record(file: string, call: CallFact, match: CallMatch): void {
    const { shape } = match;
    switch (shape.kind) {
      case "flag-map":
        for (const property of call.propertyReads ?? []) {
          const read = this.newRead(file, call, {
            key: property.property,
            keySource: shape.keyCase === "camel" ? "camel-case" : "property",
            sdk: match.sdk,
            recognisedBy: match.recognisedBy,
            guards: property.guards,
          });
          read.range = property.range;
          read.via = `${call.callee.name}().${property.property}${property.member ? `.${property.member}` : ""}`;
          if (shape.keyCase === "camel") this.camelReads.push(read);
          else this.reads.push(read);
        }
        return;
      case "jsx": {
        const attributes = call.args[0];
        const keyExpr = attributes?.kind === "object" ? attributes.properties[shape.keyProp] : undefined;
        this.recordKeyed(file, call, match, keyExpr, undefined, call.guards);
        return;
      }
      case "definition":
      case "function":
      case "method": {
        const read =
          shape.kind !== "definition" && shape.valueProperty
            ? (call.propertyReads ?? []).filter((p) => p.property === shape.valueProperty).flatMap((p) => p.guards)
            : call.guards;
        const guards = shape.kind !== "definition" && shape.inverted ? read.map(invertGuard) : read;
        const keyExpr = argAt(call, shape.key);
        const defaultExpr = shape.default === undefined ? undefined : argAt(call, shape.default);
        this.recordKeyed(file, call, match, keyExpr, defaultExpr, guards);
        return;
      }
    }
  }

  private recordKeyed(
    file: string,
    call: CallFact,
    match: CallMatch,
    keyExpr: ExprFact | undefined,
    defaultExpr: ExprFact | undefined,
    guards: GuardFact[],
  ): void {
    const valueType = match.shape.kind === "method" || match.shape.kind === "function" ? match.shape.valueType : undefined;
    const resolved = keyExpr ? this.resolveKey(file, keyExpr) : { unresolved: "(no key argument)" };
    let defaultValue: Wrapper["default"];
    if (defaultExpr?.kind === "param") defaultValue = { index: defaultExpr.index, path: defaultExpr.path };
    else if (defaultExpr) {
      const value = this.linked.resolveLiteral(file, defaultExpr);
      if (value !== undefined) defaultValue = { value };
    }
    if ("param" in resolved) {
      this.addWrapper(file, resolved.param, match.sdk, valueType, defaultValue);
      return;
    }
    if ("unresolved" in resolved) {
      this.unresolved.push({ file, range: call.range, sdk: match.sdk, via: viaOf(call), keyText: resolved.unresolved });
      return;
    }
    const read = this.newRead(file, call, { ...resolved, sdk: match.sdk, recognisedBy: match.recognisedBy, guards });
    if (defaultValue && "value" in defaultValue) read.default = defaultValue.value;
    if (valueType) read.valueType = valueType;
    this.addRead(file, call, read);
    if (match.shape.kind === "definition" && call.assignedTo !== undefined) {
      this.addHandle(file, call.assignedTo, read);
    }
  }

  /** Adds a read, and makes its enclosing function a handle when it returns the read's value. */
  private addRead(file: string, call: CallFact, read: FlagRead): void {
    this.reads.push(read);
    const facts = this.linked.getFacts(file);
    const index = facts?.calls.indexOf(call) ?? -1;
    const returning = facts?.functions.find((fn) => fn.returnsCall === index && fn.params.length === 0);
    if (returning) this.addHandle(file, returning.name, read);
  }

  private addHandle(file: string, name: string, read: FlagRead): void {
    const handle: Handle = { file, name, key: read.key, keySource: read.keySource, sdk: read.sdk };
    if (read.default !== undefined) handle.default = read.default;
    if (read.valueType) handle.valueType = read.valueType;
    this.handles.set(`${file}#${name}`, handle);
  }

  private addWrapper(
    file: string,
    param: ExprFact & { kind: "param" },
    sdk: string,
    valueType: FlagValueType | undefined,
    defaultValue: Wrapper["default"],
  ): void {
    const id = `${file}#${param.fn}`;
    if (this.wrappers.has(id)) return;
    const wrapper: Wrapper = { file, name: param.fn, key: { index: param.index, path: param.path }, sdk };
    if (defaultValue) wrapper.default = defaultValue;
    if (valueType) wrapper.valueType = valueType;
    this.wrappers.set(id, wrapper);
  }

  private resolveKey(
    file: string,
    expr: ExprFact,
  ): { key: string; keySource: KeySource } | { param: ExprFact & { kind: "param" } } | { unresolved: string } {
    if (expr.kind === "param") return { param: expr };
    if (expr.kind === "string") return { key: expr.value, keySource: "literal" };
    const value = this.linked.resolveLiteral(file, expr);
    if (typeof value === "string" || typeof value === "number") return { key: String(value), keySource: "constant" };
    return { unresolved: describeExpr(expr) };
  }

  private newRead(
    file: string,
    call: CallFact,
    fields: { key: string; keySource: KeySource; sdk: string; recognisedBy: RecognisedBy; guards: GuardFact[] },
  ): FlagRead {
    const read: FlagRead = {
      key: fields.key,
      file,
      range: call.range,
      sdk: fields.sdk,
      recognisedBy: fields.recognisedBy,
      via: viaOf(call),
      keySource: fields.keySource,
      polarity: fields.guards[0]?.polarity ?? "positive",
      guards: fields.guards,
    };
    if (call.enclosing !== undefined) read.enclosing = call.enclosing;
    return read;
  }

  private collectEnvReads(): void {
    if (!this.flags.sdks.includes("env") || this.flags.env.length === 0) return;
    const isFlagName = picomatch(this.flags.env);
    for (const [file, facts] of this.linked.facts) {
      for (const env of facts.envReads) {
        if (!isFlagName(env.name)) continue;
        const read: FlagRead = {
          key: env.name,
          file,
          range: env.range,
          sdk: "env",
          recognisedBy: "env",
          via: `${env.object}.${env.name}`,
          keySource: "env-name",
          polarity: env.guards[0]?.polarity ?? "positive",
          guards: env.guards,
        };
        if (env.enclosing !== undefined) read.enclosing = env.enclosing;
        this.reads.push(read);
      }
    }
  }

  /**
   * LaunchDarkly's `useFlags()` hides the original key: `newCheckout` may be `new-checkout` or
   * `new_checkout`. Link it to the one known key (from other reads, the registry or the configured
   * states) that camelCases to it; report keys that collide.
   */
  private resolveCamelCaseReads(declarations: readonly FlagDeclaration[]): KeyCollision[] {
    const known = new Set<string>([
      ...this.reads.map((r) => r.key),
      ...declarations.map((d) => d.key),
      ...Object.keys(this.flags.states),
    ]);
    const byCamel = new Map<string, Set<string>>();
    for (const key of known) {
      const camel = camelCaseKey(key);
      const keys = byCamel.get(camel) ?? new Set<string>();
      keys.add(key);
      byCamel.set(camel, keys);
    }
    for (const read of this.camelReads) {
      const candidates = byCamel.get(read.key);
      if (candidates?.size === 1) {
        const [original] = candidates;
        if (original !== undefined) read.key = original;
      }
      this.reads.push(read);
    }
    return [...byCamel]
      .filter(([, keys]) => keys.size > 1)
      .map(([camelCase, keys]) => ({ camelCase, keys: [...keys].sort() }))
      .sort((a, b) => compareText(a.camelCase, b.camelCase));
  }

  private assemble(declarations: readonly FlagDeclaration[], collisions: KeyCollision[]): FlagIndex {
    const entries = new Map<string, FlagEntry>();
    const entryOf = (key: string): FlagEntry => {
      let entry = entries.get(key);
      if (!entry) {
        entry = { key, state: this.flags.states[key] ?? null, references: [], declarations: [], sdks: [] };
        entries.set(key, entry);
      }
      return entry;
    };
    for (const read of this.reads) entryOf(read.key).references.push(read);
    for (const declaration of declarations) entryOf(declaration.key).declarations.push(declaration);
    for (const entry of entries.values()) {
      entry.references.sort(compareReads);
      entry.sdks = [...new Set(entry.references.map((r) => r.sdk))].sort();
    }
    this.unresolved.sort((a, b) => compareText(a.file, b.file) || a.range.start - b.range.start);
    return {
      flags: [...entries.values()].sort((a, b) => compareText(a.key, b.key)),
      unresolved: this.unresolved,
      collisions,
    };
  }
}

/** Whether a shape can describe a call reached this way (see `matchPackage`). */
function shapeFitsAccess(shape: ReadShape, call: CallFact, access: "export" | "member" | "namespace"): boolean {
  if (call.callee.kind === "jsx" || shape.kind === "jsx") return call.callee.kind === "jsx" && shape.kind === "jsx";
  const asMethod = shape.kind === "method" || (shape.kind === "flag-map" && shape.callee === "method");
  if (access === "namespace") return true;
  return access === "member" ? asMethod : !asMethod;
}

/** How much an argument looks like a flag key: a literal or constant 3, a parameter 1, else 0. */
function keyLikeness(expr: ExprFact | undefined): number {
  if (!expr) return 0;
  if (expr.kind === "string" || expr.kind === "ref") return 3;
  return expr.kind === "param" ? 1 : 0;
}

function compareScores(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

/** The guard of a read whose value means the opposite (GrowthBook's `isOff`). */
function invertGuard(guard: GuardFact): GuardFact {
  const inverted: GuardFact = { ...guard, polarity: guard.polarity === "positive" ? "negative" : "positive" };
  delete inverted.on;
  delete inverted.off;
  if (guard.off) inverted.on = guard.off;
  if (guard.on) inverted.off = guard.on;
  return inverted;
}

function classLike(name: string, functions: readonly { name: string }[]): boolean {
  const prefix = `${name}.`;
  return functions.some((f) => f.name.startsWith(prefix));
}

function positionIndex(position: ArgPosition): number {
  return typeof position === "number" ? position : position.index;
}

function argAt(call: CallFact, position: ArgPosition): ExprFact | undefined {
  if (typeof position === "number") return call.args[position];
  const arg = call.args[position.index];
  return arg ? selectPath(arg, [position.property]) : undefined;
}

function viaOf(call: CallFact): string {
  const callee = call.callee;
  if (callee.kind === "method") return `${callee.receiver.text}.${callee.name}`;
  if (callee.kind === "jsx") return `<${callee.name}>`;
  return callee.name;
}

function describeExpr(expr: ExprFact): string {
  switch (expr.kind) {
    case "ref":
      return [expr.name, ...expr.path].join(".");
    case "other":
      return expr.text;
    default:
      return expr.kind;
  }
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareReads(a: FlagRead, b: FlagRead): number {
  return compareText(a.file, b.file) || a.range.line - b.range.line || a.range.column - b.range.column;
}
