// The size of a fix: the lines deleting a finding's code removes, its own plus the cascade that only
// it keeps alive. Ranks `scan --sort-by-size` and the audit's dead code, biggest wins first.
import type { Finding } from "../findings/finding.js";

/** The lines a finding's fix removes: its own, plus those of the dead code only it uses. */
export function deletableLines(finding: Finding, all: readonly Finding[]): number {
  const own = numberOf(finding.data?.["lines"]);
  if (finding.ruleId !== "no-unreachable-code" || finding.symbol === undefined) return own;
  const symbol = finding.symbol;
  const cascade = all.filter((f) => {
    const users = f.data?.["usedBy"];
    return Array.isArray(users) && users.length === 1 && users[0] === symbol;
  });
  return own + cascade.reduce((sum, f) => sum + numberOf(f.data?.["lines"]), 0);
}

function numberOf(value: unknown): number {
  return typeof value === "number" ? value : 0;
}
