// `--format json` for commands that report findings: a versioned document (a public contract,
// see docs/json-output.md). Sorted (file, line, column, rule), so two runs give the same bytes.
import type { Finding } from "../findings/finding.js";

/** Formats findings as JSON (version 1). */
export default function formatFindingsJson(findings: readonly Finding[]): string {
  return `${JSON.stringify({ version: 1, findings }, null, 2)}\n`;
}
