// Builds the flag-reference index from linked facts: matches candidate calls against the enabled
// SDK presets and configured accessors, infers wrappers and flag handles to a fixpoint, resolves
// keys and defaults across files, and gathers environment-variable flags.
import picomatch from "picomatch";
import type { ResolvedFlagsConfig } from "../config/resolve-config.js";
import type { Accessor } from "../config/resolve-config.js";
import type {
  CalleeFact,
  CallFact,
  ExprFact,
  GuardFact,
  PropertyReadFact,
  SourceRange,
  ValueFlowFact,
  ValueOrigin,
} from "../facts/file-facts.js";
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
import type { ArgPosition, FlagValueType, FunctionReadShape, ReadShape, SdkPreset } from "./sdk-preset.js";
import { matchesPackage } from "./sdk-preset.js";
import { sdkPresets } from "./sdks/index.js";

/** The shapes of the enabled presets plus the configured accessors, ready for matching. */
interface ReadCatalog {
  presets: SdkPreset[];
  accessors: ReadShape[];
  /** Configured factories: a call of what one returns reads a flag as `shape` says. */
  factories: Map<string, FunctionReadShape>;
  /** Configured object keys (`featureFlag` in `{ path, featureFlag: "x" }`). */
  objectKeys: Map<string, { keyCase?: "camel" }>;
  /** Configured members holding flag maps (`session.user.featureFlags`), by their dotted path. */
  members: Map<string, { keyCase?: "camel"; env?: boolean }>;
}

/** Where a map of flags came from, and how its properties are read as keys. */
interface MapSource {
  sdk: string;
  recognisedBy: RecognisedBy;
  /** The map is this property of the value (`useWorkspace().flags`). */
  property?: string;
  keyCase?: "camel";
  env?: boolean;
  /** How the map is reached, for `via`: `getFeatureFlags()`, `.featureFlags`. */
  via: string;
  /** The map was passed into a parameter: what the function returns is a map only for that call. */
  fromParameter?: boolean;
}

/** An environment variable read, kept until the registry says which names are declared. */
interface EnvCandidate {
  read: FlagRead;
  tested: boolean;
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
  /** Keys passed to it are camelCased (a wrapper over LaunchDarkly's `useFlags()`: `useFeature("liveChat")`). */
  keyCase?: "camel";
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
/** How many calls deep a map is followed through the parameters it is passed to. */
const maxPassDepth = 4;
const emptyRange: SourceRange = { start: 0, end: 0, line: 0, column: 0, endLine: 0, endColumn: 0 };

/**
 * The names extraction must look for: what the enabled presets and accessors call (methods,
 * functions, hooks, components), and the configured factories (`makeFlag()`), members
 * (`.featureFlags`) and object keys (`featureFlag:`), written so that extraction tells them apart.
 */
export function readNamesOf(flags: ResolvedFlagsConfig): Set<string> {
  const catalog = catalogOf(flags);
  const names = new Set<string>();
  for (const preset of catalog.presets) for (const shape of preset.reads) for (const n of shape.names) names.add(n);
  for (const shape of catalog.accessors) for (const n of shape.names) names.add(n);
  for (const name of catalog.factories.keys()) names.add(`${name}()`);
  for (const name of catalog.objectKeys.keys()) names.add(`${name}:`);
  for (const path of catalog.members.keys()) names.add(`.${path}`);
  return names;
}

function catalogOf(flags: ResolvedFlagsConfig): ReadCatalog {
  const presets = flags.sdks.flatMap((name) => {
    const preset = sdkPresets[name];
    return preset ? [preset] : [];
  });
  const catalog: ReadCatalog = { presets, accessors: [], factories: new Map(), objectKeys: new Map(), members: new Map() };
  for (const accessor of flags.accessors) addAccessor(catalog, accessor);
  return catalog;
}

function addAccessor(catalog: ReadCatalog, accessor: Accessor): void {
  const options = { ...(accessor.keyCase ? { keyCase: accessor.keyCase } : {}), ...("env" in accessor && accessor.env ? { env: true } : {}) };
  switch (accessor.kind) {
    case "jsx":
      catalog.accessors.push({ kind: "jsx", names: [accessor.name], keyProp: accessor.keyProp, ...options });
      return;
    case "object-key":
      catalog.objectKeys.set(accessor.name, options);
      return;
    case "member":
      catalog.members.set(accessor.path.join("."), options);
      return;
    case "function":
    case "method":
    case "factory": {
      const names = [accessor.name];
      if (accessor.returns === "flag-map") {
        const callee = accessor.kind === "method" ? "method" : "function";
        catalog.accessors.push({ kind: "flag-map", names, callee, ...options, ...(accessor.property ? { property: accessor.property } : {}) });
        return;
      }
      const key: ArgPosition = accessor.property ? { index: accessor.key, property: accessor.property } : accessor.key;
      const defaultIndex = accessor.default ?? (accessor.defaultProperty ? accessor.key : undefined);
      const defaultPosition: ArgPosition | undefined =
        defaultIndex === undefined || !accessor.defaultProperty ? defaultIndex : { index: defaultIndex, property: accessor.defaultProperty };
      const positions = defaultPosition === undefined ? { key } : { key, default: defaultPosition };
      if (accessor.kind === "factory") catalog.factories.set(accessor.name, { kind: "function", names, ...positions, ...options });
      else catalog.accessors.push({ kind: accessor.kind, names, ...positions, ...options });
    }
  }
}

/**
 * Per read that its own call makes (an SDK or configured accessor called with a key, found in the
 * first pass over each file's calls, not through a wrapper, handle or flag map): every file whose
 * facts matching the call and resolving its key read. While those files are the same, and their
 * imports answer alike, that call is that read in any revision.
 */
export type ReadSources = Map<FlagRead, ReadonlySet<string>>;

/**
 * Builds the index of every flag read in `linked`, plus the declarations from the registry; with
 * `sources`, also records what each read made by its own call depended on (see ReadSources).
 */
export function buildFlagIndex(
  linked: LinkedProject,
  flags: ResolvedFlagsConfig,
  declarations: readonly FlagDeclaration[] = [],
  sources?: ReadSources,
): FlagIndex {
  return new FlagIndexBuilder(linked, flags, catalogOf(flags), sources).build(declarations);
}

class FlagIndexBuilder {
  private readonly reads: FlagRead[] = [];
  private readonly camelReads: FlagRead[] = [];
  private readonly unresolved: UnresolvedRead[] = [];
  private readonly wrappers = new Map<string, Wrapper>();
  private readonly handles = new Map<string, Handle>();
  private readonly envCandidates: EnvCandidate[] = [];
  /** Parameters a map was followed into, so that recursion through passes ends. */
  private readonly followedParams = new Set<string>();
  /** Functions that return a map, by `file#name`, with how their calls' values hold it. */
  private readonly mapFunctions = new Map<string, { source: MapSource; depth: number }>();
  /** Files a flag map was passed on from, and files with environment reads that may be flags, for the footprint. */
  private readonly footprintFiles = new Set<string>();

  constructor(
    private readonly linked: LinkedProject,
    private readonly flags: ResolvedFlagsConfig,
    private readonly catalog: ReadCatalog,
    private readonly sources?: ReadSources,
  ) {}

  build(declarations: readonly FlagDeclaration[]): FlagIndex {
    const done = new Set<CallFact>();
    const matchCall = (file: string, call: CallFact): void => {
      const match = this.matchDirect(file, call);
      if (match) {
        done.add(call);
        this.record(file, call, match);
      }
    };
    for (const [file, facts] of this.linked.facts) {
      for (const call of facts.calls) {
        if (!this.sources) {
          matchCall(file, call);
          continue;
        }
        const first = this.reads.length;
        const { reads } = this.linked.track(() => matchCall(file, call));
        // The call's own reads carry its range; a flag map's are its properties' (and may lie in other files).
        for (const read of this.reads.slice(first)) if (read.range === call.range) this.sources.set(read, reads);
      }
      this.recordMembers(file);
      this.recordKeyProperties(file);
    }
    this.recordMapFunctionCalls(done);
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
    this.collectEnvReads(declarations);
    const collisions = this.resolveCamelCaseReads(declarations);
    return this.assemble(declarations, collisions);
  }

  /** A read by an SDK or a configured accessor, decided by the call alone. */
  private matchDirect(file: string, call: CallFact): CallMatch | undefined {
    const callee = call.callee;
    if (this.catalog.factories.size > 0 && callee.kind === "function") {
      const factory = this.factoryOf(file, callee.derivedFrom ?? callee.origin);
      const shape = factory === undefined ? undefined : this.catalog.factories.get(factory);
      if (shape) return { sdk: "accessor", recognisedBy: "accessor", shape };
    }
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
      // A path alias that did not resolve (`@/lib/flags`) says nothing about the receiver: as for an
      // untyped one, names only SDKs use still count.
      if (isUnresolvedAlias(origin.specifier)) return this.matchByName(call);
      return this.matchPackage(call, origin, callee.name, namespace ? "namespace" : "member");
    }
    // A name that resolves inside the project is the project's own function, class or object;
    // a plain value nothing more is known about only matches names SDKs alone use.
    if (origin?.kind === "module" || (origin?.kind === "declaration" && this.isProjectCallable(origin))) return undefined;
    return this.matchByName(call);
  }

  /**
   * The configured factory a function value was made by: `const flag = makeFlag()` (or the same at
   * module level, or imported), followed through the bindings that hold it.
   */
  private factoryOf(file: string, origin: ValueOrigin | undefined): string | undefined {
    let current = origin;
    let currentFile = file;
    for (let depth = 0; current && depth < 6; depth++) {
      const resolved = this.linked.resolveOrigin(currentFile, current, "declaration");
      if (!resolved || resolved.kind === "module") return undefined;
      const name = resolved.kind === "package" ? resolved.imported : resolved.name;
      if (this.catalog.factories.has(name)) return name;
      if (resolved.kind === "package") return undefined;
      current = this.linked.getFacts(resolved.file)?.bindings[resolved.name];
      currentFile = resolved.file;
    }
    return undefined;
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
    // `withWorkspace(handler, { requiredPlan })` of a wrapper whose key is an optional option: no flag read.
    if (keyArg && leavesOutOption(keyArg, wrapper.key.path)) return true;
    const resolved = keyArg ? this.resolveKey(file, selectPath(keyArg, wrapper.key.path)) : undefined;
    if (!resolved) return false;
    if ("param" in resolved) {
      this.addWrapper(file, resolved.param, wrapper.sdk, wrapper.valueType, this.wrapperDefault(file, call, wrapper), wrapper.keyCase);
      return true;
    }
    if ("unresolved" in resolved) {
      this.unresolved.push({ file, range: call.range, sdk: wrapper.sdk, via: viaOf(call), keyText: resolved.unresolved });
      return true;
    }
    if (wrapper.sdk === "env") {
      const read = this.newRead(file, call, { key: resolved.key, keySource: "env-name", sdk: "env", recognisedBy: "wrapper", guards: call.guards });
      read.wrapper = { file: wrapper.file, name: wrapper.name };
      this.envCandidates.push({ read, tested: call.tested === true });
      return true;
    }
    const keySource = wrapper.keyCase === "camel" ? "camel-case" : resolved.keySource;
    const read = this.newRead(file, call, { ...resolved, keySource, sdk: wrapper.sdk, recognisedBy: "wrapper", guards: call.guards });
    const defaultValue = this.wrapperDefault(file, call, wrapper);
    if (defaultValue && "value" in defaultValue) read.default = defaultValue.value;
    if (wrapper.valueType) read.valueType = wrapper.valueType;
    read.wrapper = { file: wrapper.file, name: wrapper.name };
    if (wrapper.keyCase === "camel") this.camelReads.push(read);
    else this.addRead(file, call, read);
    return true;
  }

  private wrapperDefault(file: string, call: CallFact, wrapper: Wrapper): Wrapper["default"] {
    const spec = wrapper.default;
    if (!spec || "value" in spec) return spec;
    const arg = call.args[spec.index];
    // `isOn("x")` of `function isOn(key, fallback = false)`: the parameter's own default.
    if (!arg || (arg.kind === "null" && spec.path.length === 0)) return this.parameterDefault(wrapper, spec.index, spec.path);
    const expr = selectPath(arg, spec.path);
    if (expr.kind === "param") return { index: expr.index, path: expr.path };
    const value = this.linked.resolveLiteral(file, expr);
    return value === undefined ? undefined : { value };
  }

  private parameterDefault(wrapper: Wrapper, index: number, path: readonly string[]): Wrapper["default"] {
    if (path.length > 0) return undefined;
    const declared = this.linked.functionsOf(wrapper.file).get(wrapper.name)?.paramDefaults?.find((d) => d.index === index);
    const value = declared && this.linked.resolveLiteral(wrapper.file, declared.value);
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
        this.recordMap(file, call.propertyReads ?? [], call.flow, {
          sdk: match.sdk,
          recognisedBy: match.recognisedBy,
          via: `${call.callee.name}()`,
          ...(shape.property ? { property: shape.property } : {}),
          ...(shape.keyCase ? { keyCase: shape.keyCase } : {}),
          ...(shape.env ? { env: true } : {}),
        });
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
      this.addWrapper(file, resolved.param, match.shape.env ? "env" : match.sdk, valueType, defaultValue, match.shape.keyCase);
      return;
    }
    if ("unresolved" in resolved) {
      this.unresolved.push({ file, range: call.range, sdk: match.sdk, via: viaOf(call), keyText: resolved.unresolved });
      return;
    }
    if (match.shape.env) {
      const read = this.newRead(file, call, { key: resolved.key, keySource: "env-name", sdk: "env", recognisedBy: "env", guards });
      this.envCandidates.push({ read, tested: call.tested === true });
      return;
    }
    const keySource = match.shape.keyCase === "camel" ? "camel-case" : resolved.keySource;
    const read = this.newRead(file, call, { ...resolved, keySource, sdk: match.sdk, recognisedBy: match.recognisedBy, guards });
    if (defaultValue && "value" in defaultValue) read.default = defaultValue.value;
    if (valueType) read.valueType = valueType;
    if (match.shape.keyCase === "camel") {
      this.camelReads.push(read);
      return;
    }
    this.addRead(file, call, read);
    if (match.shape.kind === "definition" && call.assignedTo !== undefined) {
      this.addHandle(file, call.assignedTo, read);
    }
  }

  /**
   * The reads of a map of flags: each property read is a flag (or, with `source.property`, each
   * member of that property); a computed key is resolved like a call's (a parameter makes the
   * enclosing function a wrapper); and the map is followed into the parameters it is passed to.
   */
  private recordMap(file: string, reads: readonly PropertyReadFact[], flow: ValueFlowFact | undefined, source: MapSource, depth = 0): void {
    for (const property of reads) {
      const step = source.property === undefined ? keyStepOf(property) : memberStepOf(property, source.property);
      if (!step) continue;
      const resolved = step.keyExpr ? this.resolveKey(file, step.keyExpr) : { key: step.name, keySource: "property" as const };
      const fact = { range: property.range, via: `${source.via}.${[property.property, property.member].filter((p) => p !== undefined).join(".")}` };
      if ("param" in resolved) {
        this.addWrapper(file, resolved.param, source.env ? "env" : source.sdk, undefined, undefined, source.keyCase);
        continue;
      }
      if ("unresolved" in resolved) {
        this.unresolved.push({ file, range: property.range, sdk: source.sdk, via: fact.via, keyText: resolved.unresolved });
        continue;
      }
      const read: FlagRead = {
        key: resolved.key,
        file,
        range: property.range,
        sdk: source.env ? "env" : source.sdk,
        recognisedBy: source.env ? "env" : source.recognisedBy,
        via: fact.via,
        keySource: source.env ? "env-name" : source.keyCase === "camel" ? "camel-case" : resolved.keySource,
        polarity: property.guards[0]?.polarity ?? "positive",
        guards: property.guards,
      };
      const enclosing = this.enclosingAt(file, property.range);
      if (enclosing !== undefined) read.enclosing = enclosing;
      if (source.env) this.envCandidates.push({ read, tested: property.guards.length > 0 });
      else if (source.keyCase === "camel") this.camelReads.push(read);
      else this.reads.push(read);
    }
    for (const pass of flow?.passes ?? []) {
      // Only the map itself (or, for a map held in a property, that property) is followed on.
      const part = source.property === undefined ? pass.from : pass.from[0] === source.property ? pass.from.slice(1) : undefined;
      if (part === undefined || part.length > 0 || depth >= maxPassDepth) continue;
      const target = this.passTarget(file, pass.callee);
      const paramFlow = target && this.linked.functionsOf(target.file).get(target.name)?.paramFlows?.find((p) => p.index === pass.index);
      if (!target || !paramFlow) continue;
      const id = `${target.file}#${target.name}#${pass.index}#${pass.path.join(".")}`;
      if (this.followedParams.has(id)) continue;
      this.followedParams.add(id);
      this.footprintFiles.add(file);
      const [property] = pass.path;
      const inner: MapSource = { ...source, via: `${target.name}(${source.via})` };
      if (property === undefined) delete inner.property;
      else inner.property = property;
      this.recordMap(target.file, paramFlow.reads, paramFlow, { ...inner, fromParameter: true }, depth + 1);
    }
    // A function returning the map (`const loadFlags = async () => getFeatureFlags()`) is a flag-map
    // accessor too; not one returning a parameter it was given a map in (`identity(x)`), which
    // returns a map only then.
    for (const returned of source.fromParameter ? [] : (flow?.returns ?? [])) {
      const part = source.property === undefined ? returned.from : returned.from[0] === source.property ? returned.from.slice(1) : undefined;
      const id = `${file}#${returned.fn}`;
      if (part === undefined || part.length > 0 || depth >= maxPassDepth || this.mapFunctions.has(id)) continue;
      const [property] = returned.path;
      const inner: MapSource = { ...source, via: `${returned.fn}()` };
      if (property === undefined) delete inner.property;
      else inner.property = property;
      this.mapFunctions.set(id, { source: inner, depth: depth + 1 });
    }
  }

  /** Calls of the functions found returning a map: their reads are the map's, round after round. */
  private recordMapFunctionCalls(done: Set<CallFact>): void {
    const followed = new Set<string>();
    for (let round = 0; round < maxPassDepth && followed.size < this.mapFunctions.size; round++) {
      const pending = [...this.mapFunctions].filter(([id]) => !followed.has(id));
      for (const [id] of pending) followed.add(id);
      const byTarget = new Map(pending);
      for (const [file, facts] of this.linked.facts) {
        for (const call of facts.calls) {
          if (done.has(call) || (!call.propertyReads && !call.flow)) continue;
          const target = this.calleeTarget(file, call);
          const found = target === undefined ? undefined : byTarget.get(target);
          if (!found) continue;
          done.add(call);
          this.recordMap(file, call.propertyReads ?? [], call.flow, found.source, found.depth);
        }
      }
    }
  }

  /** The project function (or component) a value is passed to. */
  private passTarget(file: string, callee: CalleeFact): { file: string; name: string } | undefined {
    const origin = callee.kind === "method" ? undefined : callee.origin;
    if (origin) {
      const resolved = this.linked.resolveOrigin(file, origin, "declaration");
      return resolved?.kind === "declaration" ? { file: resolved.file, name: resolved.name } : undefined;
    }
    if (callee.kind !== "method") return undefined;
    const target = this.calleeTarget(file, { callee, args: [], range: emptyRange, guards: [] });
    if (!target) return undefined;
    const hash = target.indexOf("#");
    return { file: target.slice(0, hash), name: target.slice(hash + 1) };
  }

  /** The innermost named function whose range holds `range`. */
  private enclosingAt(file: string, range: SourceRange): string | undefined {
    let best: { name: string; size: number } | undefined;
    for (const fn of this.linked.getFacts(file)?.functions ?? []) {
      if (fn.range.start > range.start || fn.range.end < range.end) continue;
      const size = fn.range.end - fn.range.start;
      if (!best || size < best.size) best = { name: fn.name, size };
    }
    return best?.name;
  }

  /** Configured members (`session.user.featureFlags`): what is read of them is a flag. */
  private recordMembers(file: string): void {
    for (const member of this.linked.getFacts(file)?.memberMaps ?? []) {
      const path = member.path.join(".");
      const options = this.catalog.members.get(path);
      if (!options) continue;
      this.recordMap(file, member.reads, member.flow, {
        sdk: "accessor",
        recognisedBy: "accessor",
        via: `.${path}`,
        ...options,
      });
    }
  }

  /** Configured object keys (`{ path, featureFlag: "x" }`): the value is a flag key. */
  private recordKeyProperties(file: string): void {
    for (const property of this.linked.getFacts(file)?.keyProperties ?? []) {
      const options = this.catalog.objectKeys.get(property.name);
      if (!options) continue;
      const resolved = this.resolveKey(file, property.value);
      const via = `{ ${property.name} }`;
      if ("param" in resolved) {
        this.addWrapper(file, resolved.param, "accessor", undefined, undefined);
        continue;
      }
      if ("unresolved" in resolved) {
        this.unresolved.push({ file, range: property.range, sdk: "accessor", via, keyText: resolved.unresolved });
        continue;
      }
      const read: FlagRead = {
        key: resolved.key,
        file,
        range: property.range,
        sdk: "accessor",
        recognisedBy: "accessor",
        via,
        keySource: options.keyCase === "camel" ? "camel-case" : resolved.keySource,
        polarity: "positive",
        guards: [],
      };
      if (property.enclosing !== undefined) read.enclosing = property.enclosing;
      if (options.keyCase === "camel") this.camelReads.push(read);
      else this.reads.push(read);
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
    keyCase?: "camel",
  ): void {
    const id = `${file}#${param.fn}`;
    if (this.wrappers.has(id)) return;
    const wrapper: Wrapper = { file, name: param.fn, key: { index: param.index, path: param.path }, sdk };
    if (defaultValue) wrapper.default = defaultValue;
    if (valueType) wrapper.valueType = valueType;
    if (keyCase) wrapper.keyCase = keyCase;
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

  /**
   * Environment variables that are flags: every name `flags.env` matches when the config sets it;
   * with the default globs, a matching name only where some read tests it as a boolean (a setting
   * such as `WORKER_ENABLED` is passed on, not tested); and any name the project declares.
   */
  private collectEnvReads(declarations: readonly FlagDeclaration[]): void {
    if (!this.flags.sdks.includes("env")) return;
    const matches = this.flags.env.length === 0 ? () => false : picomatch(this.flags.env);
    for (const [file, facts] of this.linked.facts) {
      for (const env of facts.envReads) {
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
        this.envCandidates.push({ read, tested: env.tested === true });
      }
    }
    const declared = new Set([...declarations.map((d) => d.key), ...Object.keys(this.flags.states)]);
    const tested = new Set(this.envCandidates.filter((c) => c.tested).map((c) => c.read.key));
    for (const { read } of this.envCandidates) {
      const name = read.key;
      const isFlag = declared.has(name) || (matches(name) && (this.flags.envConfigured || tested.has(name)));
      if (isFlag) this.reads.push(read);
      // A read of a name that matches is a flag as soon as another read tests it.
      else if (matches(name)) this.footprintFiles.add(read.file);
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
    const index: FlagIndex = {
      flags: [...entries.values()].sort((a, b) => compareText(a.key, b.key)),
      unresolved: this.unresolved,
      collisions,
    };
    const footprint = this.footprint();
    if (footprint.files.length > 0 || footprint.inferred.length > 0) index.footprint = footprint;
    return index;
  }

  private footprint(): { files: string[]; inferred: string[] } {
    const inferred = new Set([...this.wrappers.keys(), ...this.handles.keys(), ...this.mapFunctions.keys()]);
    for (const id of this.followedParams) inferred.add(id.split("#").slice(0, 2).join("#"));
    const files = new Set([
      ...this.reads.map((r) => r.file),
      ...this.unresolved.map((u) => u.file),
      ...this.footprintFiles,
    ]);
    for (const id of inferred) files.add(id.slice(0, id.indexOf("#")));
    return { files: [...files].sort(), inferred: [...inferred].sort() };
  }
}

/**
 * A specifier no npm package can have (`@/lib/flags`, `~/flags`, `#flags`): a path alias or
 * subpath import the resolver could not follow, which the resolver reports as a package.
 */
function isUnresolvedAlias(specifier: string): boolean {
  return /^(?:@\/|~|#)/.test(specifier);
}

/** An object literal argument without the option the key would be in (and no spread that might hold it). */
function leavesOutOption(arg: ExprFact, path: readonly string[]): boolean {
  const [option] = path;
  return option !== undefined && arg.kind === "object" && !arg.spreads && arg.properties[option] === undefined;
}

/** The step of a map read that names the flag: the first property read. */
function keyStepOf(read: PropertyReadFact): { name: string; keyExpr?: ExprFact } | undefined {
  if (read.bound) return undefined;
  return read.keyExpr ? { name: read.property, keyExpr: read.keyExpr } : { name: read.property };
}

/** For a map held in `property` of a value: the member read below it (`workspace.flags.a` → `a`). */
function memberStepOf(read: PropertyReadFact, property: string): { name: string; keyExpr?: ExprFact } | undefined {
  if (read.property !== property || read.keyExpr || read.member === undefined) return undefined;
  return read.memberKeyExpr ? { name: read.member, keyExpr: read.memberKeyExpr } : { name: read.member };
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
