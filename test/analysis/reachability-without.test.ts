// A flag's meaning needs what is live without the flag's branches: the whole walk with those uses
// cut. reachabilityWithout makes it from the walk without the cuts, taking out what rested on the
// cut uses and finding it again by any other way. Checked against walks anew on rxjs's sources,
// with cut sets made by a seeded generator from the uses live code makes (calls, member names,
// types; whole and in part).
import { describe, expect, it } from "vitest";
import { computeReachability, reachabilityWithout } from "../../src/analysis/reachability.js";
import type { Reachability } from "../../src/analysis/reachability.js";
import { openProject, scanProject } from "../../src/index.js";
import { rxjsProject } from "../helpers/rxjs-project.js";
import { seededRandom as random } from "../helpers/seeded-random.js";
import { tempProject } from "../helpers/temp-dir.js";

type Cuts = Map<number, Record<string, number>>;

function sorted(set: ReadonlySet<number> | ReadonlySet<string>): string[] {
  return [...set].map(String).sort();
}

describe("a walk without some uses, made from the walk with them", () => {
  it("reaches what a walk anew with those uses cut reaches, and is often made without walking anew", async () => {
    const root = rxjsProject();
    const { context } = scanProject(await openProject({ root, cache: false }));
    const { graph } = context;
    const entryFiles = [...context.entries.production, ...context.entries.tests];
    const full = computeReachability({ graph, entryFiles });
    const next = random(20261202);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
    const live = [...full.live].sort((a, b) => a - b);
    const withMemberUses = live.filter((id) => graph.usesOf(id).some((use) => use.target.kind === "member"));
    // Uses that made something live first: cutting one takes code out (found again or not).
    const firstUses = [...full.reasons.values()].flatMap((reason) => (reason.kind === "use" ? [reason] : []));
    /**
     * Some uses of 1-3 live nodes (a third of the time one that names members, a third one whose use
     * made something live first), each cut whole or by one, and that first use whole.
     */
    const cutSet = (): Cuts => {
      const cuts: Cuts = new Map();
      const holders = 1 + Math.floor(next() * 3);
      for (let i = 0; i < holders; i++) {
        const kind = next();
        const first = kind < 0.33 ? pick(firstUses) : undefined;
        const id = first ? first.from : kind < 0.66 ? pick(withMemberUses) : pick(live);
        const cut = cuts.get(id) ?? {};
        const firstCount = first && graph.usesOf(id).find((use) => use.key === first.key)?.count;
        if (first && firstCount !== undefined) cut[first.key] = firstCount;
        for (const use of graph.usesOf(id)) {
          if (next() < 0.5) continue;
          cut[use.key] = use.count > 1 && next() < 0.3 ? 1 : use.count;
        }
        cuts.set(id, cut);
      }
      return cuts;
    };
    const same = (made: Reachability, anew: Reachability, step: string): void => {
      expect(sorted(made.live), step).toEqual(sorted(anew.live));
      expect(sorted(made.loaded), step).toEqual(sorted(anew.loaded));
    };
    let resumed = 0;
    let changed = 0;
    let memberCuts = 0;
    let resumedChanged = 0;
    const steps = 100;
    for (let step = 0; step < steps; step++) {
      const cuts = cutSet();
      const made = reachabilityWithout(full, { graph, entryFiles, cuts });
      const anew = computeReachability({ graph, entryFiles, cuts });
      same(made.reachability, anew, `cut set ${step}: ${JSON.stringify([...cuts])}`);
      if (made.resumed) resumed++;
      if (anew.live.size < full.live.size) changed++;
      if (made.resumed && anew.live.size < full.live.size) resumedChanged++;
      if (made.resumed && [...cuts].some(([id, cut]) => graph.usesOf(id).some((use) => use.target.kind === "member" && cut[use.key] === use.count))) memberCuts++;
      // Cutting more from a walk that had cuts already goes on the same way.
      const more = cutSet();
      const both: Cuts = new Map(cuts);
      for (const [id, cut] of more) {
        const merged = { ...(both.get(id) ?? {}) };
        for (const [key, count] of Object.entries(cut)) merged[key] = Math.max(merged[key] ?? 0, count);
        both.set(id, merged);
      }
      same(reachabilityWithout(made.reachability, { graph, entryFiles, cuts: both }).reachability, computeReachability({ graph, entryFiles, cuts: both }), `cut set ${step} and more`);
      // Cutting less is no loss: walked anew, and right.
      const less = reachabilityWithout(anew, { graph, entryFiles });
      if ([...cuts.values()].some((cut) => Object.values(cut).some((count) => count > 0))) expect(less.resumed).toBe(false);
      same(less.reachability, full, `cut set ${step} put back`);
    }
    // The generated cut sets take code away (else equality proves nothing), also where the walk was
    // not made anew, and member names' uses among them; and a good share is not made anew (a class
    // or a module load taken out is walked anew).
    expect(changed).toBeGreaterThanOrEqual(steps / 4);
    expect(resumedChanged).toBeGreaterThanOrEqual(steps / 20);
    expect(memberCuts).toBeGreaterThan(0);
    expect(resumed).toBeGreaterThanOrEqual(steps / 3);
  }, 120_000);

  it("finds again what the cut uses reached first when other live code reaches it too, member names included", async () => {
    const root = tempProject({
      "package.json": '{ "name": "small", "private": true }',
      "deadflag.config.json": JSON.stringify({ entry: ["src/index.ts"], flags: { states: {} } }),
      "src/index.ts": 'import { a, b, c } from "./work";\na();\nb();\nc();\n',
      // The walk visits c, then b, then a: b uses `helper` and the member name `open` first.
      "src/work.ts": [
        'import { helper, only, single } from "./helper";',
        "class Box {",
        "  open(): number {",
        "    return 2;",
        "  }",
        "}",
        "const box = new Box();",
        "export function a(): number {",
        "  only();",
        "  box.open();",
        "  return helper();",
        "}",
        "export function b(): number {",
        "  single();",
        "  return helper() + box.open();",
        "}",
        "export function c(): number {",
        "  return new Lid().shut();",
        "}",
        "class Lid {",
        "  shut(): number {",
        "    return 3;",
        "  }",
        "}",
        "",
      ].join("\n"),
      "src/helper.ts": [
        "export function helper(): number {",
        "  return deep();",
        "}",
        "function deep(): number {",
        "  return 1;",
        "}",
        "export function only(): number {",
        "  return deep() + 1;",
        "}",
        "export function single(): number {",
        "  return 4;",
        "}",
        "",
      ].join("\n"),
    });
    const { context } = scanProject(await openProject({ root, cache: false }));
    const { graph } = context;
    const entryFiles = context.entries.production;
    const idOf = (name: string): number => {
      const node = graph.nodes.find((n) => n.file === "src/work.ts" && n.declaration.name === name);
      if (!node) throw new Error(`no ${name}`);
      return node.id;
    };
    const cutAll = (name: string): [number, Record<string, number>] => [idOf(name), Object.fromEntries(graph.usesOf(idOf(name)).map((use) => [use.key, use.count]))];
    const full = computeReachability({ graph, entryFiles });
    const names = (reachability: Reachability): string[] => [...reachability.live].map((id) => graph.nodes[id]?.declaration.name ?? "").sort();
    expect(names(full)).toEqual(expect.arrayContaining(["helper", "deep", "only", "single", "Box.open", "Lid", "Lid.shut"]));
    // Per cut: whether the walk is made from the full one, what stays live, what goes.
    const cases: Array<[Array<[number, Record<string, number>]>, boolean, string[], string[]]> = [
      // helper, deep and Box.open (through the name `open`) rested on b's uses: found again through a's.
      [[cutAll("b")], true, ["helper", "deep", "Box.open", "only"], ["single"]],
      [[cutAll("a")], true, ["helper", "deep", "Box.open", "single"], ["only"]],
      [[cutAll("a"), cutAll("b")], true, ["Box", "box"], ["helper", "deep", "only", "single", "Box.open"]],
      // A class taken out is not taken out exactly (what it opened is not all recorded): walked anew.
      [[cutAll("c")], false, ["helper"], ["Lid", "Lid.shut"]],
    ];
    for (const [cut, resumed, kept, gone] of cases) {
      const cuts = new Map(cut);
      const made = reachabilityWithout(full, { graph, entryFiles, cuts });
      const anew = computeReachability({ graph, entryFiles, cuts });
      const step = JSON.stringify(cut);
      expect(made.resumed, step).toBe(resumed);
      expect(names(made.reachability), step).toEqual(names(anew));
      expect(names(made.reachability), step).toEqual(expect.arrayContaining(kept));
      for (const name of gone) expect(names(made.reachability), step).not.toContain(name);
    }
  });
});
