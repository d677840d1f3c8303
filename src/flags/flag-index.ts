// The flag-reference index: every read of every flag, with where it is, how deadflag recognised
// it, its default, and the code it guards. `deadflag flags` prints it; later stages build on it.
import type { FlagState } from "../config/config-schema.js";
import type { GuardFact, SourceRange } from "../facts/file-facts.js";
import type { LiteralValue } from "../graph/linked-project.js";
import type { FlagValueType } from "./sdk-preset.js";

/**
 * How a read was recognised: through an import of the SDK (`sdk-import`), a type annotation naming
 * an SDK type (`sdk-type`), a method name only SDKs use (`sdk-method-name`), a configured accessor,
 * an inferred wrapper, an environment variable, or a JSX component of the SDK.
 */
export type RecognisedBy = "sdk-import" | "sdk-type" | "sdk-method-name" | "accessor" | "wrapper" | "env";

/** Where the key's text came from. */
export type KeySource = "literal" | "constant" | "camel-case" | "property" | "env-name";

/** One read of a flag. */
export interface FlagRead {
  key: string;
  file: string;
  range: SourceRange;
  /** The SDK preset (or `env`, `accessor`) behind the read; for a wrapper, the SDK it wraps. */
  sdk: string;
  recognisedBy: RecognisedBy;
  /** What the code calls: `client.getBooleanValue`, `isOn`, `useFlags().newCheckout`, `process.env.X`. */
  via: string;
  keySource: KeySource;
  default?: LiteralValue;
  valueType?: FlagValueType;
  polarity: "positive" | "negative";
  guards: GuardFact[];
  /** The declaration the read sits in. */
  enclosing?: string;
  /** For reads through wrappers: the wrapper's file and name. */
  wrapper?: { file: string; name: string };
}

/** A flag declared in a registry (an enum, a union type, a constant object or a JSON file). */
export interface FlagDeclaration {
  key: string;
  /** The registry file, POSIX and relative to the analysed root. */
  file: string;
  /** The line of the registry's declaration (TypeScript registries only). */
  line?: number;
  /** The registry entry as configured: `src/flags.ts#FLAGS` or `flags.json`. */
  source: string;
  default?: LiteralValue;
}

/** A read whose key deadflag could not resolve to a constant. */
export interface UnresolvedRead {
  file: string;
  range: SourceRange;
  sdk: string;
  via: string;
  keyText: string;
}

/** Keys that read the same under LaunchDarkly's camelCase conversion (`my-flag`, `my_flag`). */
export interface KeyCollision {
  camelCase: string;
  keys: string[];
}

/** One flag of the index. */
export interface FlagEntry {
  key: string;
  state: FlagState | null;
  references: FlagRead[];
  declarations: FlagDeclaration[];
  sdks: string[];
}

/** The whole index: flags sorted by key, their reads sorted by file, line and column. */
export interface FlagIndex {
  flags: FlagEntry[];
  unresolved: UnresolvedRead[];
  collisions: KeyCollision[];
  /**
   * What the index was built from besides the candidate calls' own text, for callers that update it
   * incrementally (`history`): the files whose facts yielded anything (reads, unresolved reads,
   * wrappers, handles, maps followed into parameters or returned, environment reads), and the
   * project declarations inferred as readers (`file#name`). Absent when there are none.
   */
  footprint?: { files: string[]; inferred: string[] };
}

/** The keys a revision reads: flags with at least one read (a registry entry alone reads nothing), in index order. */
export function keysRead(index: FlagIndex): string[] {
  return index.flags.filter((flag) => flag.references.length > 0).map((flag) => flag.key);
}
