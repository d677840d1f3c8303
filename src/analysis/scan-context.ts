// What every finding builder of a scan reads: the graph, the three walks, the cuts and the files.
import type { ResolvedConfig } from "../config/resolve-config.js";
import type { FlagIndex } from "../flags/flag-index.js";
import type { CallGraph, GraphNode } from "../graph/call-graph.js";
import type { Entries } from "../project/find-entries.js";
import type { SkippedSource } from "../project/read-source-files.js";
import type { DeadBranch } from "./dead-branches.js";
import type { FlagCuts } from "./flag-cuts.js";
import type { Reachability } from "./reachability.js";

/** The computed state of one scan. */
export interface ScanContext {
  root: string;
  config: ResolvedConfig;
  configFile: string | undefined;
  graph: CallGraph;
  index: FlagIndex;
  entries: Entries;
  testFiles: ReadonlySet<string>;
  deadBranches: DeadBranch[];
  cuts: FlagCuts;
  /** From production entries, with dead flag branches cut. */
  production: Reachability;
  /** From production entries and test files, with dead flag branches cut. */
  withTests: Reachability;
  /** From production entries, ignoring flag states: what would be live if every flag could flip. */
  ignoringFlags: Reachability;
  /** Files production entries reach through imports; and with test files too. */
  reachedFiles: ReadonlySet<string>;
  reachedFilesWithTests: ReadonlySet<string>;
  /** Files with syntax errors: findings there rest on partial facts. */
  filesWithErrors: ReadonlySet<string>;
  /** Files that could not be analysed (see SkippedSource). */
  skipped: readonly SkippedSource[];
}

/** How a node reads in a message: `class PowerPeg`, `method Router.route`. */
export function describeNode(node: GraphNode): string {
  return `${node.declaration.kind} ${node.declaration.name}`;
}
