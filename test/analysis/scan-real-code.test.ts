// `deadflag scan` on real code nobody here wrote: the TypeScript sources rxjs and zod ship on npm.
// Every finding below was checked by hand against the sources (grep for every use of the name);
// a new finding fails the test until someone has checked it too, and a finding that disappears
// fails it as well, so a regression either way shows. The reasons are in the comments.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openProject, scanProject } from "../../src/index.js";
import type { Finding, ScanResult } from "../../src/index.js";
import { tempProject } from "../helpers/temp-dir.js";

const rxjs = path.resolve("node_modules/rxjs");
const zod = path.resolve("node_modules/zod");

/** Scans `root`, with the config written to a file outside it when one is given. */
async function scan(root: string, config?: Record<string, unknown>): Promise<ScanResult> {
  const configFile = config === undefined ? undefined : path.join(tempProject({ "deadflag.config.json": JSON.stringify(config) }), "deadflag.config.json");
  const project = await openProject({ root, cache: false, ...(configFile === undefined ? {} : { configFile }) });
  expect(project.diagnostics).toEqual([]);
  return scanProject(project);
}

function brief(finding: Finding): string {
  return `${finding.ruleId} ${finding.file}:${finding.line}${finding.symbol === undefined ? "" : ` ${finding.symbol}`}`;
}

function findingsOf(result: ScanResult, ruleId: string): string[] {
  return result.findings.filter((f) => f.ruleId === ruleId).map(brief);
}

describe("scan on rxjs@7.8.2's sources", () => {
  it("maps package.json exports from dist/cjs, dist/esm5 … back to src, and publishes src/internal/* through its subpath pattern", async () => {
    const result = await scan(rxjs);
    const entries = result.context.entries;
    expect(entries.source).toBe("package.json");
    for (const index of ["src/index.ts", "src/operators/index.ts", "src/ajax/index.ts", "src/fetch/index.ts", "src/testing/index.ts", "src/webSocket/index.ts"]) {
      expect(entries.production).toContain(index);
    }
    // "./internal/*": every internal module is public API, so every file is an entry.
    expect(entries.production).toContain("src/internal/util/Immediate.ts");
    expect(entries.production).toHaveLength(result.context.graph.linked.facts.size);
    expect(result.findings.map(brief)).toEqual([]);
  });

  it("from the six public index files only, reports exactly the dead code, exports and files checked by hand", async () => {
    const result = await scan(rxjs, {
      entry: ["src/index.ts", "src/operators/index.ts", "src/ajax/index.ts", "src/fetch/index.ts", "src/testing/index.ts", "src/webSocket/index.ts"],
    });
    expect(result.context.graph.linked.facts.size).toBe(251);
    // "Used for internal testing purposes only. Do not export from library.": only rxjs's spec files
    // (not shipped) use it.
    expect(findingsOf(result, "no-unreachable-code")).toEqual(["no-unreachable-code src/internal/util/Immediate.ts:41 TestTools"]);
    expect(findingsOf(result, "no-unused-export")).toEqual([
      // Each is used in its own file and imported by no other module.
      "no-unused-export src/internal/NotificationFactories.ts:34 createNotification",
      "no-unused-export src/internal/Subscriber.ts:265 EMPTY_OBSERVER",
      "no-unused-export src/internal/ajax/ajax.ts:295 fromAjax",
      "no-unused-export src/internal/observable/innerFrom.ts:48 fromInteropObservable",
      "no-unused-export src/internal/observable/innerFrom.ts:66 fromArrayLike",
      "no-unused-export src/internal/observable/innerFrom.ts:84 fromPromise",
      "no-unused-export src/internal/observable/innerFrom.ts:100 fromIterable",
      "no-unused-export src/internal/observable/innerFrom.ts:112 fromAsyncIterable",
      "no-unused-export src/internal/observable/innerFrom.ts:118 fromReadableStreamLike",
      // The class; the interface of the same name that the API uses is in types.ts.
      "no-unused-export src/internal/operators/timeInterval.ts:62 TimeInterval",
      "no-unused-export src/internal/symbol/iterator.ts:1 getSymbolIterator",
      // A type nothing mentions.
      "no-unused-export src/internal/testing/TestScheduler.ts:36 observableToBeFn",
    ]);
    expect(findingsOf(result, "no-unused-file")).toEqual([
      // The UMD bundle's entry, which the build names, not package.json.
      "no-unused-file src/internal/umd.ts:1",
      // Imported by nothing.
      "no-unused-file src/internal/util/subscribeToArray.ts:1",
      "no-unused-file src/internal/util/workarounds.ts:1",
    ]);
    expect(result.findings).toHaveLength(16);
  });
});

describe("scan on zod's sources", () => {
  // zod ships its build next to src/ (index.js, v4/core/index.cjs …): leave that out, as a repository checkout would not have it.
  const config = { ignore: ["**/*.js", "**/*.cjs", "**/*.mjs"] };

  it("takes the entries from package.json's exports (the @zod/source condition, and ./index.js mapped to src/index.ts)", async () => {
    const { context } = await scan(zod, config);
    expect(context.entries.source).toBe("package.json");
    for (const entry of ["src/index.ts", "src/mini/index.ts", "src/v3/index.ts", "src/v4/index.ts", "src/v4/core/index.ts", "src/v4/mini/index.ts", "src/v4/locales/en.ts"]) {
      expect(context.entries.production).toContain(entry);
    }
    expect(context.entries.tests.length).toBeGreaterThan(100);
  });

  it("reports exactly the findings checked by hand", async () => {
    const result = await scan(zod, config);
    expect(result.context.graph.linked.facts.size).toBe(332);
    // `abstract class Class { constructor(..._: any[]) {} }` (src/v3/types.ts:5035,
    // src/v4/mini/schemas.ts:1921) is used only as `typeof Class` in the signature of instanceOfType
    // and _instanceof: no code that runs uses it, but deleting it breaks the build, so `typeof` in a
    // type counts as a use and it is not reported.
    expect(findingsOf(result, "no-unreachable-code")).toEqual([]);
    expect(findingsOf(result, "no-unused-export")).toEqual([
      // Only zod's own tests import it.
      "no-unused-export src/v4/core/standard-schema.ts:157 StandardSchemaWithJSON",
    ]);
    expect(findingsOf(result, "no-unused-file")).toEqual([
      // Benchmarks, run by a script: nothing imports src/v3/benchmarks/index.ts.
      "no-unused-file src/v3/benchmarks/datetime.ts:1",
      "no-unused-file src/v3/benchmarks/discriminatedUnion.ts:1",
      "no-unused-file src/v3/benchmarks/index.ts:1",
      "no-unused-file src/v3/benchmarks/ipv4.ts:1",
      "no-unused-file src/v3/benchmarks/object.ts:1",
      "no-unused-file src/v3/benchmarks/primitives.ts:1",
      "no-unused-file src/v3/benchmarks/realworld.ts:1",
      "no-unused-file src/v3/benchmarks/string.ts:1",
      "no-unused-file src/v3/benchmarks/union.ts:1",
      // Imported by tests (and the benchmarks): test-only, at warn.
      "no-unused-file src/v3/tests/Mocker.ts:1",
      // Its only import, in language-server.test.ts, is commented out.
      "no-unused-file src/v3/tests/language-server.source.ts:1",
      // Imported by nothing.
      "no-unused-file src/v4/core/zsf.ts:1",
    ]);
    expect(result.findings.find((f) => f.file === "src/v3/tests/Mocker.ts")).toMatchObject({ severity: "warn", data: { testOnly: true } });
    expect(result.findings).toHaveLength(13);
  });
});
