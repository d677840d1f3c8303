// Comparing meanings directly: the cases whose sides do not line up.
import { describe, expect, it } from "vitest";
import { compareMeanings } from "../../src/history/compare-meanings.js";
import type { FlagMeaning } from "../../src/history/flag-meaning.js";

function meaning(sides: Record<string, string[]>): FlagMeaning {
  return {
    key: "k",
    sides: Object.fromEntries(Object.entries(sides).map(([side, lines]) => [side, { lines: [...lines].sort(), symbols: [] }])),
    polarity: { positive: 1, negative: 0 },
    valueTypes: ["boolean"],
    defaults: ["false"],
    evidence: { file: "src/a.ts", line: 1, column: 1 },
  };
}

describe("compareMeanings when no side is shared", () => {
  it("calls unrelated code behind the opposite polarity a repurposing (`if (flag) A` → `if (!flag) B`)", () => {
    const base = meaning({ on: ["startPowerPeg(order);", "peg.execute();"] });
    const head = meaning({ off: ["routeToRlp(order);", "rlp.quote(order);"] });
    expect(compareMeanings(base, head)).toEqual([{ kind: "repurposed", side: "on", overlap: 0 }]);
  });

  it("calls the same code behind the opposite polarity an inversion, not a repurposing", () => {
    const base = meaning({ on: ["startPowerPeg(order);", "peg.execute();"] });
    const head = meaning({ off: ["startPowerPeg(order);", "peg.execute();"] });
    expect(compareMeanings(base, head).map((c) => c.kind)).toEqual(["inverted"]);
  });
});
