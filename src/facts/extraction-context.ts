// State shared by the pieces of one file's extraction: the parsed file and the module-level names
// that every lookup needs, computed once before the walk.
import type ts from "typescript";
import type { ValueOrigin } from "./file-facts.js";

/** The origin of a name bound by an import. */
export type ImportOrigin = Extract<ValueOrigin, { kind: "import" }>;

/** Options that change what extraction records; they are part of the facts cache key. */
export interface ExtractOptions {
  /**
   * Function, method, hook and component names that SDK presets and configured accessors read flags
   * with. Entries of configured accessors that are not called names say what they are by their
   * form: `makeFlag()` a factory (what it returns reads flags), `.featureFlags` or
   * `.user.featureFlags` a member holding flags, `featureFlag:` an object key whose value is a key.
   */
  readNames: ReadonlySet<string>;
  /** Collect the call graph's declarations and uses too (default true). Not part of the cache key: facts with them serve either. */
  callGraph?: boolean;
}

/** What the extraction walkers share for one file. */
export interface ExtractionContext {
  sourceFile: ts.SourceFile;
  options: ExtractOptions;
  /** Local name → where the import binds it from. */
  imports: Map<string, ImportOrigin>;
  /** Names declared at module level (functions, classes, variables, enums), with their declaration. */
  topLevel: Map<string, ts.Node>;
  /** Factories named in `readNames` (`makeFlag()`): locals they initialise read flags when called. */
  factories?: ReadonlySet<string>;
  /** Member paths named in `readNames` (`.user.featureFlags`), as steps. */
  memberPaths?: readonly (readonly string[])[];
  /** Object keys named in `readNames` (`featureFlag:`). */
  objectKeys?: ReadonlySet<string>;
  /** Named function-like nodes → the name deadflag gives them (`isOn`, `Router.route`, `flags.isOn`). */
  functionNames: Map<ts.Node, string>;
  /** Identifiers by text, built by the extraction walk; following variables to their uses needs it. */
  identifierIndex?: Map<string, ts.Identifier[]>;
  /** The use key (see DeclarationFact.uses) each using node counted for, so branches count alike. */
  useKeys?: Map<ts.Node, string>;
}
