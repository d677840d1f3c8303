// The shape of a framework preset: which dependencies enable it, and the entries it adds in one
// package. A preset only adds entries (files the framework loads by convention); it never hides
// a finding.

/** What a preset sees of one package. */
export interface PresetContext {
  /** The package folder, relative to the analysed root ("" for the root). */
  directory: string;
  /** The package's project files (sources), relative to its folder. */
  files: readonly string[];
  /** Every file of the package's tree (not only sources), relative to its folder. */
  listed: readonly string[];
  /** The package's package.json. */
  manifest: Record<string, unknown>;
  /** Its dependency names (all kinds). */
  dependencies: ReadonlySet<string>;
  /** Every project file, relative to the analysed root (Storybook's `stories` may name other packages'). */
  projectFiles: readonly string[];
  /**
   * Reads a file of the package (relative to its folder); undefined when absent. Synchronous: over a
   * git tree a file not fetched yet also reads as undefined, and the preset runs again once it is,
   * so a preset must be a pure function of what it reads.
   */
  readText(file: string): string | undefined;
}

/** Files a preset adds, relative to the package folder (`../other/x.ts` for another package's file). */
export interface PresetEntries {
  /** Files the framework runs in production (routes, middleware, config). */
  production: string[];
  /** Files that only development tools run (tests, stories, test setup). */
  tests: string[];
}

/** One framework or tool, in one file under src/project/frameworks/. */
export interface FrameworkPreset {
  name: string;
  /** Where the convention is documented. */
  docs: string;
  /** Enabled when the package.json lists one of these (a trailing `*` matches a prefix); empty: always. */
  dependencies: readonly string[];
  entries(context: PresetContext): PresetEntries;
}
