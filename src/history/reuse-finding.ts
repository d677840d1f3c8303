// `no-flag-reuse` findings: a flag whose meaning changed, reported at the head's read and naming
// the base's evidence. Repurposed, resurrected and inverted flags are errors (two builds that
// disagree turn one flip into two behaviours); a changed value type or default is a warning, and
// a changed default an error when the flag is retired, because then the default is the live value.
import type { ResolvedConfig } from "../config/resolve-config.js";
import type { Finding, FindingSeverity } from "../findings/finding.js";
import type { MeaningChange, ReuseKind } from "./compare-meanings.js";
import type { FlagMeaning } from "./flag-meaning.js";

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
  const at = `${base.evidence.file}:${base.evidence.line}`;
  const side = changes.find((c) => c.side !== undefined)?.side ?? "on";
  let message: string;
  switch (kind) {
    case "repurposed":
    case "resurrected":
      message =
        `${head.key} ${kind === "resurrected" ? "was removed and comes back: it " : ""}switched ${describeSide(base, side)} at ${short}; ` +
        `now switches ${describeSide(head, side)}. Use a new key.`;
      break;
    case "inverted":
      message = `${head.key} is inverted: the code it switched on at ${short} (${at}) now runs when it is off. Use a new key, or keep the polarity.`;
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
    file: head.evidence.file,
    line: head.evidence.line,
    column: head.evidence.column,
    endLine: head.evidence.line,
    endColumn: head.evidence.column,
    flag: head.key,
    data: {
      kind,
      base: { revision: baseRevision, file: base.evidence.file, line: base.evidence.line },
      ...(kind === "repurposed" || kind === "resurrected" ? { side, before: base.sides[side]?.symbols ?? [], after: head.sides[side]?.symbols ?? [] } : {}),
      ...(changes[0]?.overlap === undefined ? {} : { overlap: Math.round(changes[0].overlap * 100) / 100 }),
    },
  };
}

/** `PowerPeg.execute (src/legacy/powerPeg.ts)`, or the read's place when the side uses no declaration. */
function describeSide(meaning: FlagMeaning, side: string): string {
  const symbols = meaning.sides[side]?.symbols ?? [];
  if (symbols.length === 0) return `the code in its ${side} branch at ${meaning.evidence.file}:${meaning.evidence.line}`;
  const shown = symbols.slice(0, 2).join(", ");
  return symbols.length > 2 ? `${shown} and ${symbols.length - 2} more` : shown;
}
