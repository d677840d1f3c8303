// Problems the engine meets and works around (a file that does not parse, a broken tsconfig, a
// binary file): collected for the fronts to show, never printed by the engine.

/** One problem with the input that did not stop the analysis. */
export interface EngineDiagnostic {
  /** POSIX path relative to the analysed root, when the problem is in one file. */
  file?: string;
  message: string;
}
