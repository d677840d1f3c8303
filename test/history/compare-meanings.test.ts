// Comparing meanings directly, read by read and side by side: identity first, content second.
import { describe, expect, it } from "vitest";
import { compareMeanings } from "../../src/history/compare-meanings.js";
import type { FlagMeaning, SideMeaning, SiteMeaning } from "../../src/history/flag-meaning.js";

/** A side whose code is `tokens` and whose branch uses `direct` (identities `file#name`). */
function side(tokens: string[], direct: string[] = [], reaches: string[] = direct): SideMeaning {
  return { tokens, segments: [{ id: "branch", depth: 0, from: 0, to: tokens.length }], direct, reaches };
}

function site(sides: Record<string, SideMeaning>, holder = "route", line = 5): SiteMeaning {
  return { evidence: { file: "src/a.ts", line, column: 7 }, holder, ordinal: 0, polarity: "positive", sides };
}

function meaning(...sites: SiteMeaning[]): FlagMeaning {
  return {
    key: "k",
    sites,
    polarity: { positive: sites.length, negative: 0 },
    valueTypes: ["boolean"],
    defaults: ["false"],
    evidence: sites[0]?.evidence ?? { file: "src/a.ts", line: 1, column: 1 },
  };
}

const peg = ["ƒ", "order", "peg", "execute", "for", "$", "<", "100", "send", '"NYSE"'];
const rlp = ["ƒ", "order", "rlp", "quote", "await", "fetch", '"https://rlp.example"'];

describe("compareMeanings", () => {
  it("calls unrelated code behind the opposite polarity a repurposing (`if (flag) A` → `if (!flag) B`)", () => {
    const changes = compareMeanings(meaning(site({ on: side(peg) })), meaning(site({ off: side(rlp) })));
    expect(changes).toEqual([expect.objectContaining({ kind: "repurposed", side: "on", headSide: "off", reason: "content" })]);
  });

  it("calls the same code behind the opposite polarity an inversion, not a repurposing", () => {
    const changes = compareMeanings(meaning(site({ on: side(peg) })), meaning(site({ off: side(peg) })));
    expect(changes).toEqual([expect.objectContaining({ kind: "inverted", side: "on", headSide: "off" })]);
  });

  it("calls a side that now uses another declaration that existed all along repurposed, however alike the code", () => {
    const base = meaning(site({ on: side(["ƒ", "order"], ["src/legacy.ts#legacyPath"]) }));
    const head = meaning(site({ on: side(["ƒ", "order"], ["src/other.ts#otherPath"]) }));
    const changes = compareMeanings(base, head, { base: () => true, head: () => true });
    expect(changes).toEqual([
      expect.objectContaining({ kind: "repurposed", side: "on", reason: "identity", lost: ["src/legacy.ts#legacyPath"], kept: ["src/legacy.ts#legacyPath"] }),
    ]);
  });

  it("calls a declaration renamed with the same body the same code", () => {
    const body = ["for", "$", "of", "order", "lots", "send", "$"];
    const before: SideMeaning = {
      tokens: ["ƒ", "order", ...body],
      segments: [
        { id: "branch", depth: 0, from: 0, to: 2 },
        { id: "src/a.ts#sendLots", depth: 1, from: 2, to: 9 },
      ],
      direct: ["src/a.ts#sendLots"],
      reaches: ["src/a.ts#sendLots"],
    };
    const after: SideMeaning = { ...before, direct: ["src/b.ts#routeLots"], reaches: ["src/b.ts#routeLots"], segments: [before.segments[0] as never, { id: "src/b.ts#routeLots", depth: 1, from: 2, to: 9 }] };
    const exists = (has: string) => (id: string) => id === has;
    expect(compareMeanings(meaning(site({ on: before })), meaning(site({ on: after })), { base: exists("src/a.ts#sendLots"), head: exists("src/b.ts#routeLots") })).toEqual([]);
  });

  it("compares each read with its own counterpart: one read of two changed is found", () => {
    const kept = site({ on: side(peg) }, "route", 5);
    const base = meaning(kept, site({ on: side(peg) }, "report", 20));
    const head = meaning(kept, site({ on: side(rlp) }, "report", 21));
    expect(compareMeanings(base, head)).toEqual([
      expect.objectContaining({ kind: "repurposed", base: base.sites[1], head: head.sites[1], side: "on" }),
    ]);
  });
  it("calls a switched component that starts calling a shared hook it reached deeper before the same code, not a repurposing", () => {
    // A settings section behind the flag used a store hook, which uses the workspace hook; the
    // section now calls the workspace hook itself and a permission check. The walk reaches the
    // workspace hook a layer earlier, so its code comes before the store hook's: nothing of either
    // changed, and the section kept all of its code.
    const code = (name: string, length: number): string[] => Array.from({ length }, (_, i) => `${name}${i}`);
    const branch = ["<", "ƒ", "/>"];
    const section = code("section", 30);
    const storeHook = code("store", 14);
    const workspaceHook = code("workspace", 30);
    const check = code("check", 10);
    const roles = code("role", 20);
    const withSegments = (parts: Array<[string, string[]]>, direct: string[]): SideMeaning => {
      const tokens: string[] = [];
      const segments = parts.map(([id, part], depth) => {
        const from = tokens.length;
        tokens.push(...part);
        return { id, depth, from, to: tokens.length };
      });
      return { tokens, segments, direct, reaches: parts.map(([id]) => id).filter((id) => id !== "branch") };
    };
    const sectionId = "ui/section.tsx#Section";
    const base = withSegments(
      [["branch", branch], [sectionId, section], ["lib/store.ts#useStore", storeHook], ["lib/workspace.ts#useWorkspace", workspaceHook]],
      [sectionId],
    );
    const head = withSegments(
      [
        ["branch", branch],
        [sectionId, [...section.slice(0, 10), "ƒ", "role", ...section.slice(10), "ƒ", "action", "role", "error"]],
        ["lib/workspace.ts#useWorkspace", workspaceHook],
        ["lib/store.ts#useStore", storeHook],
        ["lib/access.ts#accessCheck", check],
        ["lib/roles.ts#ROLES", roles],
      ],
      [sectionId],
    );
    const all = () => true;
    expect(compareMeanings(meaning(site({ on: base })), meaning(site({ on: head })), { base: all, head: all })).toEqual([]);
  });
});
