// The walk with the tests goes on from where production's ended (computeReachabilityWithMore): it
// must reach exactly what a walk from every entry at once reaches. Checked on zod's sources (196
// test files, classes opened by its public surface, members reached by name) and on a project where
// a test's export opens a class production reached closed, next to a retired flag's cut branch.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openProject, scanProject } from "../../src/index.js";
import { computeReachability } from "../../src/analysis/reachability.js";
import type { Reachability } from "../../src/analysis/reachability.js";
import { tempProject } from "../helpers/temp-dir.js";

/** A class production reaches closed and a test export opens; code only a retired flag's branch and a test reach. */
const opened = (): string =>
  tempProject({
  "package.json": '{ "name": "opened", "private": true }',
  "deadflag.config.json": JSON.stringify({ entry: ["src/index.ts"], flags: { states: { "old-path": "retired" } } }),
  "src/box.ts": [
    "export class Box {",
    "  used(): number {",
    "    return 1;",
    "  }",
    "  spare(): number {",
    "    return helper();",
    "  }",
    "}",
    "export function helper(): number {",
    "  return 2;",
    "}",
    "",
  ].join("\n"),
  "src/legacy.ts": "export function legacy(): number {\n  return 3;\n}\n",
  "src/index.ts": [
    'import { OpenFeature } from "@openfeature/server-sdk";',
    'import { Box } from "./box";',
    'import { legacy } from "./legacy";',
    // Not exported: the entry's surface does not name Box through it.
    "function measure(): number {",
    "  return new Box().used();",
    "}",
    "export async function run(): Promise<number> {",
    '  if (await OpenFeature.getClient().getBooleanValue("old-path", false)) return legacy();',
    "  return measure();",
    "}",
    "",
  ].join("\n"),
  "src/box.test.ts": 'export { Box } from "./box";\nimport { legacy } from "./legacy";\nlegacy();\n',
});

/** What a walk reaches, reasons aside (any first-found reason is a reason). */
function reached(walk: Reachability): { live: number[]; loaded: string[]; unknowable: Array<[string, string[]]> } {
  return {
    live: [...walk.live].sort((a, b) => a - b),
    loaded: [...walk.loaded].sort(),
    unknowable: [...walk.unknowable].map(([reason, files]): [string, string[]] => [reason, [...files].sort()]).sort(),
  };
}

describe("the walk with tests, continued from production's", () => {
  const projects: Array<[string, () => string]> = [
    ["zod's sources", () => path.resolve("node_modules/zod")],
    ["a class a test's export opens", opened],
  ];
  for (const [name, rootOf] of projects) {
    it(`reaches what a walk from every entry at once reaches: ${name}`, async () => {
      const root = rootOf();
      const { context } = scanProject(await openProject({ root, cache: false }));
      const { graph, entries, cuts } = context;
      expect(entries.tests.length).toBeGreaterThan(0);
      const cold = computeReachability({ graph, entryFiles: [...entries.production, ...entries.tests], cuts: cuts.counts });
      expect(reached(context.withTests)).toEqual(reached(cold));
      // Production's own result is left as its walk ended.
      expect(reached(context.production)).toEqual(reached(computeReachability({ graph, entryFiles: entries.production, cuts: cuts.counts })));
      expect(context.withTests.live.size).toBeGreaterThan(context.production.live.size);
      const spare = graph.nodeOf("src/box.ts", "Box.spare");
      if (spare !== undefined) {
        expect(context.production.live.has(spare)).toBe(false);
        expect(context.withTests.live.has(spare)).toBe(true);
      }
    }, 120_000);
  }
});
