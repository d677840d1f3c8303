// A finding's identity that survives unrelated edits: its file, rule, symbol or flag, and the text
// of its line with whitespace normalised, never its line number. Findings alike in all of these get
// an occurrence number, as GitHub's own line hashes do.
import { createHash } from "node:crypto";
import type { Finding } from "../findings/finding.js";

/** One fingerprint per finding, in the order given: `<hash>:<occurrence>`. */
export function findingFingerprints(findings: readonly Finding[], readSource: (file: string) => string | undefined): string[] {
  const linesOf = new Map<string, string[] | undefined>();
  const seen = new Map<string, number>();
  return findings.map((f) => {
    if (!linesOf.has(f.file)) linesOf.set(f.file, readSource(f.file)?.split(/\r?\n/));
    const text = (linesOf.get(f.file)?.[f.line - 1] ?? "").trim().replace(/\s+/g, " ");
    const hash = createHash("sha256")
      .update([f.file, f.ruleId, f.symbol ?? "", f.flag ?? "", text].join("\0"))
      .digest("hex")
      .slice(0, 32);
    const occurrence = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, occurrence);
    return `${hash}:${occurrence}`;
  });
}
