// The shape of an SDK preset: which packages identify the SDK and which calls, hooks, components
// and flag maps read a flag. Adding an SDK is adding one file under src/flags/sdks/.

/** Where in a call the key (or default) is: an argument index, or a property of an object argument. */
export type ArgPosition = number | { index: number; property: string };

/** The type of value a read returns, when the SDK method says it. */
export type FlagValueType = "boolean" | "string" | "number" | "object" | "variant";

/** Fields every read shape has. */
interface ReadShapeBase {
  /** Called names (method, function, hook or component names). */
  names: readonly string[];
  /** Restricts the shape to these packages of the preset (argument positions differ between SDKs' flavours). */
  packages?: readonly string[];
  /** Keys are written camelCased (LaunchDarkly's React SDK: `new-checkout` is read as `newCheckout`). */
  keyCase?: "camel";
  /** Keys are environment variable names, which count as `flags.env` says (configured `env` accessors). */
  env?: boolean;
}

/** `client.boolVariation(key, context, default)`: a method on an object traced to the SDK. */
export interface MethodReadShape extends ReadShapeBase {
  kind: "method";
  key: ArgPosition;
  default?: ArgPosition;
  valueType?: FlagValueType;
  /** The flag's value is this property of the result (`getBooleanDetails(…).value`). */
  valueProperty?: string;
  /** The call returns true when the flag is off (GrowthBook's `isOff`). */
  inverted?: boolean;
  /**
   * True when the name is used by flag SDKs only (`boolVariation`, `getBooleanValue`), so a call on a
   * receiver that cannot be traced (an untyped parameter) is still a read. Generic names
   * (`isEnabled`, `get`) need the receiver traced to the SDK.
   */
  distinctive?: boolean;
}

/** `useFeatureIsOn(key)`: a function or hook imported from the SDK. */
export interface FunctionReadShape extends ReadShapeBase {
  kind: "function";
  key: ArgPosition;
  default?: ArgPosition;
  valueType?: FlagValueType;
  /** The flag's value is this property of the result (`useFlag(key, false).value`). */
  valueProperty?: string;
  /** The call returns true when the flag is off. */
  inverted?: boolean;
  distinctive?: boolean;
}

/** `useFlags()` then `flags.newCheckout`: a call whose result's properties are flags. */
export interface FlagMapReadShape extends ReadShapeBase {
  kind: "flag-map";
  /** The flag's value is this member of each property (`flags.font_size.enabled`). */
  valueMember?: string;
  /** Whether the name is a function/hook (`useFlags()`) or a method (`client.allFlags()`). */
  callee: "function" | "method";
  /** The map is this property of the result (`const { flags } = useWorkspace()`), not the result itself. */
  property?: string;
}

/** `<IfFeatureEnabled feature="x">`: a component whose children render only when the flag is on. */
export interface JsxReadShape extends ReadShapeBase {
  kind: "jsx";
  keyProp: string;
}

/**
 * `export const banner = flag({ key: "banner", decide })`: a declaration that returns a handle; the
 * declaration is a reference, and every call of the handle (`await banner()`) reads the flag.
 */
export interface DefinitionReadShape extends ReadShapeBase {
  kind: "definition";
  key: ArgPosition;
  default?: ArgPosition;
}

/** One way an SDK reads a flag. */
export type ReadShape = MethodReadShape | FunctionReadShape | FlagMapReadShape | JsxReadShape | DefinitionReadShape;

/** A built-in SDK preset. */
export interface SdkPreset {
  name: string;
  /** The documentation the shapes were checked against. */
  docs: string;
  /** Import specifiers that belong to the SDK (a trailing `/` matches a scope or subpath prefix). */
  packages: readonly string[];
  reads: readonly ReadShape[];
}

/** True when `specifier` is one of `packages` (or under a prefix entry ending in `/`). */
export function matchesPackage(specifier: string, packages: readonly string[]): boolean {
  return packages.some((p) => (p.endsWith("/") ? specifier.startsWith(p) : specifier === p || specifier.startsWith(`${p}/`)));
}
