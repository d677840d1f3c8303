// The engine's version: part of every cache key, so a new engine never reads an old engine's facts.
// A meta-test keeps it equal to package.json's version.

/** The version of deadflag's engine (equal to the package version). */
export const engineVersion = "0.1.0";

/** Bumped whenever the shape or meaning of FileFacts changes, within one package version too. */
export const factsSchemaVersion = 18;
