// `--debug`: which framework presets fired in which package, why, and how many entries each added.
import type { Entries } from "../project/find-entries.js";

/** One line per preset that fired: `preset in package ("dependency" in package.json): n production, m test entries`. */
export function describePresets(entries: Entries): string[] {
  return entries.presets.map((p) => {
    const where = p.package === "" ? "." : p.package;
    return `${p.preset} in ${where} (${p.reason}): ${p.production.length} production, ${p.tests.length} test entries`;
  });
}

/** Prints {@link describePresets} to stderr, each line prefixed `debug`. */
export function printEntryPresets(entries: Entries): void {
  for (const line of describePresets(entries)) process.stderr.write(`debug preset ${line}\n`);
}
