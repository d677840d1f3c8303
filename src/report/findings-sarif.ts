// `--format sarif`: SARIF 2.1.0 for GitHub code scanning and other SARIF consumers. Rules come from
// the rule registry; each result has a region and `partialFingerprints` that do not depend on line
// numbers, so a finding keeps its identity (and its dismissal) when unrelated lines move.
// https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html
import { engineVersion } from "../engine-version.js";
import type { Finding } from "../findings/finding.js";
import { ruleRegistry } from "../findings/rule-registry.js";
import { findingFingerprints } from "./finding-fingerprint.js";
import type { FindingsReportContext } from "./findings-report-context.js";

const informationUri = "https://github.com/deadflag/deadflag";
const sarifSchema = "https://json.schemastore.org/sarif-2.1.0.json";
/** The base every artifact URI is relative to: the repository's top, where code scanning resolves paths. */
const sourceRoot = "%SRCROOT%";

/** Formats findings as a SARIF 2.1.0 log with one run. */
export default function formatFindingsSarif(findings: readonly Finding[], context: FindingsReportContext): string {
  const rules = Object.values(ruleRegistry).map((rule) => ({
    id: rule.id,
    name: rule.id,
    shortDescription: { text: rule.description },
    fullDescription: { text: `${rule.description}.` },
    helpUri: rule.docsUrl,
    help: { text: `${rule.description}: ${rule.docsUrl}`, markdown: `${rule.description}. [Documentation](${rule.docsUrl})` },
    defaultConfiguration: { level: levelOf(rule.defaultSeverity) },
  }));
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const fingerprints = findingFingerprints(findings, context.readSource);
  const results = findings.map((f, index) => ({
    ruleId: f.ruleId,
    ruleIndex: ruleIndex.get(f.ruleId) ?? -1,
    level: levelOf(f.severity),
    message: { text: f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: encodeUri(`${context.pathPrefix}${f.file}`), uriBaseId: sourceRoot },
          region: regionOf(f),
        },
      },
    ],
    partialFingerprints: { "deadflagFinding/v1": fingerprints[index] ?? "" },
    properties: {
      ...(f.flag === undefined ? {} : { flag: f.flag }),
      ...(f.symbol === undefined ? {} : { symbol: f.symbol }),
      ...(f.data === undefined ? {} : { data: f.data }),
    },
  }));
  const log = {
    $schema: sarifSchema,
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "deadflag", version: engineVersion, semanticVersion: engineVersion, informationUri, rules } },
        columnKind: "utf16CodeUnits",
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function levelOf(severity: Finding["severity"]): "error" | "warning" | "note" {
  return severity === "error" ? "error" : severity === "info" ? "note" : "warning";
}

/** A SARIF region: 1-based; the end column is exclusive, as deadflag's is. */
function regionOf(f: Finding): Record<string, number> {
  const endLine = Math.max(f.endLine, f.line);
  const endColumn = endLine === f.line ? Math.max(f.endColumn, f.column) : Math.max(1, f.endColumn);
  return { startLine: f.line, startColumn: f.column, endLine, endColumn };
}

/** A relative URI reference for a POSIX path: each segment percent-encoded, slashes kept. */
function encodeUri(file: string): string {
  return file.split("/").map(encodeURIComponent).join("/");
}
