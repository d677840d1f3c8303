// The flags' meanings in the working tree, read from disk: what `ledger update` records and what
// `scan` compares with the ledger. No git needed.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { OpenedProject } from "../engine/open-project.js";
import { indexFlags } from "../engine/index-flags.js";
import { CallGraph } from "../graph/call-graph.js";
import type { FlagMeaning } from "./flag-meaning.js";
import { computeMeanings } from "./flag-meaning.js";

/**
 * Every flag's meaning in an opened working tree; `texts` are files' unsaved texts (an editor's
 * buffers, by root-relative path), which the project was opened with and which win over the disk.
 */
export async function workingTreeMeanings(
  project: OpenedProject,
  texts?: ReadonlyMap<string, string>,
): Promise<Map<string, FlagMeaning>> {
  const { entries } = project;
  return computeMeanings({
    graph: new CallGraph(project.linked),
    index: indexFlags(project),
    entryFiles: [...entries.production, ...entries.tests],
    readText: async (file) => {
      const unsaved = texts?.get(file);
      if (unsaved !== undefined) return unsaved;
      try {
        return await readFile(path.join(project.root, file), "utf8");
      } catch {
        return undefined;
      }
    },
  });
}
