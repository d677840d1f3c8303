// `why --format json`: the explanation as a versioned document (a public contract, see
// docs/graph-json.md). Positions are 1-based; paths POSIX, relative to the analysed root.
import type { WhyExplanation } from "../analysis/explain-node.js";

/** Formats a `why` explanation as JSON (version 1). */
export default function formatWhyJson(explanation: WhyExplanation): string {
  return `${JSON.stringify({ version: 1, ...explanation }, null, 2)}\n`;
}
