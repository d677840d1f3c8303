// `--format junit`: JUnit XML for CI systems that read test reports (GitLab, Jenkins): one test
// suite per file, one failing test case per finding, as ESLint's junit formatter does; a clean run
// is one passing test case, so the CI still sees that the check ran.
import type { Finding } from "../findings/finding.js";
import type { FindingsReportContext } from "./findings-report-context.js";

/** Formats findings as a JUnit XML document. */
export default function formatFindingsJunit(findings: readonly Finding[], context: FindingsReportContext): string {
  const seconds = (context.durationMs / 1000).toFixed(3);
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  out.push(`<testsuites name="deadflag ${context.command}" tests="${Math.max(1, findings.length)}" failures="${findings.length}" errors="0" time="${seconds}">`);
  if (findings.length === 0) {
    out.push(`  <testsuite name="deadflag ${context.command}" tests="1" failures="0" errors="0" skipped="0">`);
    out.push(`    <testcase classname="deadflag" name="${attribute(`deadflag ${context.command}: no problems`)}" time="${seconds}"/>`);
    out.push("  </testsuite>");
  }
  const byFile = new Map<string, Finding[]>();
  for (const f of findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  for (const [file, list] of byFile) {
    const path = attribute(`${context.pathPrefix}${file}`);
    out.push(`  <testsuite name="${path}" tests="${list.length}" failures="${list.length}" errors="0" skipped="0">`);
    for (const f of list) {
      const name = attribute(`${f.ruleId} at ${f.line}:${f.column}`);
      const severity = f.severity === "error" ? "Error" : f.severity === "info" ? "Info" : "Warning";
      out.push(`    <testcase classname="${path}" name="${name}" file="${path}" line="${f.line}" time="0">`);
      out.push(`      <failure type="${f.ruleId}" message="${attribute(f.message)}">${text(`${severity} at ${file}:${f.line}:${f.column}: ${f.message} (${f.ruleId})`)}</failure>`);
      out.push("    </testcase>");
    }
    out.push("  </testsuite>");
  }
  out.push("</testsuites>");
  return `${out.join("\n")}\n`;
}

/** Text XML can hold: control characters and lone surrogates are not allowed even escaped. */
function xmlSafe(value: string): string {
  return value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
}

function text(value: string): string {
  return xmlSafe(value).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function attribute(value: string): string {
  return text(value).replace(/"/g, "&quot;").replace(/\n/g, "&#10;").replace(/\r/g, "&#13;").replace(/\t/g, "&#9;");
}
