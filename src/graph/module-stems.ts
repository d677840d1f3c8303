// The names an import specifier and a file answer to when matched by their last path segment: what
// decides which resolutions an added or deleted file can change (see CarriedResolver, FlagFootprint).
import path from "node:path";

/** The names a specifier may stand for: its last segment, with and without its extension. */
export function specifierStems(specifier: string): string[] {
  const base = path.posix.basename(specifier);
  const bare = base.replace(/\.[^.]*$/, "");
  return bare === base || bare === "" ? [base] : [base, bare];
}

/** The names a file answers to as an import target: its name without extension, and its folder's for an index file. */
export function fileStems(file: string): string[] {
  const bare = path.posix.basename(file).replace(/\.[^.]*$/, "");
  return bare === "index" ? [bare, path.posix.basename(path.posix.dirname(file))] : [bare];
}
