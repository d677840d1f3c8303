// `no-flag-reuse` findings: a flag whose meaning changed, reported at the head's read and naming
// the base's evidence. Repurposed, resurrected and inverted flags are errors (two builds that
// disagree turn one flip into two behaviours); a changed value type or default is a warning, and
// a changed default an error when the flag is retired, because then the default is the live value.
import type { ResolvedConfig } from "../config/resolve-config.js";
import type { Finding, FindingSeverity } from "../findings/finding.js";
import type { MeaningChange, ReuseKind } from "./compare-meanings.js";
import type { Evidence, FlagMeaning } from "./flag-meaning.js";

/** One `no-flag-reuse` finding of kind `kind`. */
export function reuseFinding(
  kind: ReuseKind,
  head: FlagMeaning,
  base: FlagMeaning,
  baseRevision: string,
  config: ResolvedConfig,
  changes: readonly MeaningChange[],
): Finding {
  const state = config.flags.states[head.key];
  const short = baseRevision.length === 40 ? baseRevision.slice(0, 7) : baseRevision;
  const change = changes.find((c) => c.kind === "repurposed" || c.kind === "inverted") ?? changes[0];
  const side = change?.side ?? "on";
  const inverted = change?.kind === "inverted";
  const opposite = side === "off" ? "on" : "off";
  // Where the change shows: the first read on the changed side at each revision (for an inversion,
  // the side the code moved to at the head); a meaning without sides falls back to its first read.
  const sideKinds: readonly ReuseKind[] = ["repurposed", "resurrected", "inverted"];
  const bySide = sideKinds.includes(kind);
  const was: Evidence = (bySide ? base.sides[side]?.evidence : undefined) ?? base.evidence;
  const now: Evidence = (bySide ? head.sides[inverted ? opposite : side]?.evidence : undefined) ?? head.evidence;
  // A ledger's evidence has no line (lines move with every edit): then the file alone.
  const at = was.line > 0 ? `${was.file}:${was.line}` : was.file;
  let message: string;
  switch (kind) {
    case "repurposed":
    case "resurrected": {
      const returns = kind === "resurrected" ? "was removed and comes back" : "";
      message = inverted
        ? `${head.key} ${returns} inverted: the code it switched ${side} at ${short} (${at}) now runs when it is ${opposite}. Use a new key.`
        : `${head.key} ${returns === "" ? "" : `${returns}: it `}switched ${describeSide(base, side, "the code")} at ${short} (${at}); ` +
          `now switches ${describeSide(head, side, "other code")}. Use a new key.`;
      break;
    }
    case "inverted":
      message = `${head.key} is inverted: the code it switched ${side} at ${short} (${at}) now runs when it is ${opposite}. Use a new key, or keep the polarity.`;
      break;
    case "type-changed":
      message = `${head.key} was read as ${base.valueTypes.join(" or ")} at ${short} (${at}); now as ${head.valueTypes.join(" or ")}`;
      break;
    case "default-changed":
      message =
        `${head.key}'s default changed from ${base.defaults.join(" or ")} at ${short} (${at}) to ${head.defaults.join(" or ")}` +
        (state === "retired" ? ": the flag is retired, so the default is the value every read returns" : "");
      break;
  }
  const configured = config.rules["no-flag-reuse"];
  const severity: FindingSeverity =
    configured === "warn" ? "warn" : kind === "type-changed" || (kind === "default-changed" && state !== "retired") ? "warn" : "error";
  return {
    ruleId: "no-flag-reuse",
    severity,
    message,
    file: now.file,
    line: now.line,
    column: now.column,
    endLine: now.line,
    endColumn: now.column,
    flag: head.key,
    data: {
      kind,
      base: { revision: baseRevision, file: was.file, line: was.line },
      ...(bySide ? { side } : {}),
      ...(kind === "repurposed" || kind === "resurrected"
        ? { before: base.sides[side]?.symbols ?? [], after: head.sides[inverted ? opposite : side]?.symbols ?? [] }
        : {}),
      ...(change?.overlap === undefined ? {} : { overlap: Math.round(change.overlap * 100) / 100 }),
    },
  };
}

/** `PowerPeg (src/legacy/powerPeg.ts)`, or `fallback in its on branch` when the side uses no declaration. */
function describeSide(meaning: FlagMeaning, side: string, fallback: string): string {
  const symbols = meaning.sides[side]?.symbols ?? [];
  if (symbols.length === 0) return `${fallback} in its ${side} branch`;
  const shown = symbols.slice(0, 2).join(", ");
  return symbols.length > 2 ? `${shown} and ${symbols.length - 2} more` : shown;
}
