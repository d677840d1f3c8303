// `history` brings the project forward over commits that cannot change which flags are read, and
// opens only the others whole. Its timeline must be the one that opening every commit gives: here on
// a small history with every kind of change the walk treats apart (files added, deleted and edited
// away from the flags, a read added through a wrapper in a new file, a wrapper changed in a file
// without reads, a barrel re-export retargeted, a config change, a syntax error), and on the
// commits in between.
import { describe, expect, it } from "vitest";
import { flagHistory } from "../../src/history/flag-history.js";
import type { FileChanges } from "../helpers/git-repo.js";
import { createGitRepo } from "../helpers/git-repo.js";

const sdk = `import { OpenFeature } from "@openfeature/server-sdk";\nexport const client = OpenFeature.getClient();\n`;
const wrapper = (body: string): string => `import { client } from "./client.js";\nexport function isOn(key: string): boolean {\n  ${body}\n}\n`;
const util = (n: number): string => `export function format(x: number): string {\n  return (x * ${n}).toFixed(2);\n}\n`;
const page = (flag: string, call: string): string =>
  `import { isOn } from "./lib/index.js";\nimport { ${call} } from "./features.js";\nexport function render(): void {\n  if (isOn("${flag}")) ${call}();\n}\n`;
const features = `export function legacyCheckout(): void { console.log("legacy"); }\nexport function newCheckout(): void { console.log("new"); }\nexport function promo(): void { console.log("promo"); }\n`;

const steps: FileChanges[] = [
  {
    "package.json": `{ "name": "shop", "main": "src/index.ts" }\n`,
    "src/index.ts": `export { render } from "./page.js";\nexport { render as other } from "./other.js";\n`,
    "src/lib/client.ts": sdk,
    "src/lib/wrapper.ts": wrapper(`return client.getBooleanValue(key, false) as unknown as boolean;`),
    "src/lib/index.ts": `export { isOn } from "./wrapper.js";\n`,
    "src/features.ts": features,
    "src/page.ts": page("checkout", "legacyCheckout"),
    "src/other.ts": `export function render(): void {}\n`,
    "src/util.ts": util(1),
    // Calls that read nothing yet: through a barrel that re-exports a plain function, and through an import of a missing file.
    "src/lib/plain.ts": `export function isOn2(key: string): boolean {\n  return key === "x";\n}\n`,
    "src/lib/index2.ts": `export { isOn2 } from "./plain.js";\n`,
    "src/third.ts": `import { isOn2 } from "./lib/index2.js";\nimport { promo } from "./features.js";\nexport function third(): void {\n  if (isOn2("third-flag")) promo();\n}\n`,
    "src/fourth.ts": `import { isOn3 } from "./lib/later.js";\nimport { promo } from "./features.js";\nexport function fourth(): void {\n  if (isOn3("fourth-flag")) promo();\n}\n`,
  },
  // Edits, an added and a deleted file, away from every flag.
  { "src/util.ts": util(2), "src/extra.ts": `export const extra = 1;\n` },
  { "src/extra.ts": null, "src/util.ts": util(3) },
  // A new read of a new key through the wrapper, in an existing file without reads.
  { "src/other.ts": `import { isOn } from "./lib/index.js";\nimport { promo } from "./features.js";\nexport function render(): void {\n  if (isOn("promo-banner")) promo();\n}\n` },
  { "src/util.ts": util(4) },
  // The barrel now re-exports the wrapper: the unchanged file's call becomes a read.
  { "src/lib/index2.ts": `export { isOn as isOn2 } from "./wrapper.js";\n` },
  { "src/util.ts": util(41) },
  // A dependency added: discovery reads package.json again, resolution's inputs are the same.
  { "package.json": `{ "name": "shop", "main": "src/index.ts", "dependencies": { "left-pad": "1.3.0" } }\n`, "src/util.ts": util(42) },
  // The missing file is added: the import resolves, and the call reads a flag.
  { "src/lib/later.ts": `export { isOn as isOn3 } from "./wrapper.js";\n` },
  // The flag pointed at other code.
  { "src/page.ts": page("checkout", "newCheckout") },
  // The wrapper's file changes (no read in it): its reads stay reads.
  { "src/lib/wrapper.ts": wrapper(`const on = client.getBooleanValue(key, false) as unknown as boolean;\n  return on;`) },
  // The barrel stops re-exporting the wrapper: no read is left.
  { "src/lib/index.ts": `export const isOn = (key: string): boolean => key.length > 100;\n` },
  { "src/util.ts": util(5) },
  // Back again, and a new file reading a key through it.
  { "src/lib/index.ts": `export { isOn } from "./wrapper.js";\n`, "src/late.ts": page("late-flag", "promo") },
  // A syntax error in a file away from the flags, then fixed.
  { "src/util.ts": `export function format(x: number): string {\n  return (x * 6.toFixed(2);\n}\n` },
  { "src/util.ts": util(7) },
  // A config change: the flag is declared retired.
  { "deadflag.config.json": `{ "flags": { "states": { "checkout": "retired" } } }\n` },
  { "src/util.ts": util(8) },
  { "src/page.ts": page("checkout", "legacyCheckout") },
  { "src/late.ts": null },
];

describe("history brought forward commit by commit", () => {
  it("gives the timeline of opening every commit whole", async () => {
    const repo = createGitRepo({ daysBetweenCommits: 60 });
    steps.forEach((changes, i) => repo.commit(`step ${i}`, changes));
    const incremental = await flagHistory({ root: repo.root, cache: false });
    const whole = await flagHistory({ root: repo.root, cache: false, analyseEveryCommit: true });
    expect(incremental).toEqual(whole);
    // The history has the events the steps make, so that agreeing on nothing cannot pass.
    const kinds = whole.flags.map((f) => `${f.key}: ${f.events.map((e) => e.kind).join(", ")}`);
    expect(kinds).toEqual([
      "checkout: introduced, repurposed, removed, restored, state, repurposed",
      "fourth-flag: introduced",
      "late-flag: introduced, removed",
      "promo-banner: introduced, removed, restored",
      "third-flag: introduced",
    ]);
    expect(whole.diagnostics.some((d) => d.file === "src/util.ts" && d.message.startsWith("syntax error"))).toBe(true);
  });

  it("gives each flag's timeline with --flag, following that flag alone", async () => {
    const repo = createGitRepo({ daysBetweenCommits: 60 });
    steps.forEach((changes, i) => repo.commit(`step ${i}`, changes));
    const whole = await flagHistory({ root: repo.root, cache: false, analyseEveryCommit: true });
    expect(whole.flags.length).toBeGreaterThan(3);
    for (const timeline of whole.flags) {
      const one = await flagHistory({ root: repo.root, cache: false, flag: timeline.key });
      expect(one.flags).toEqual([timeline]);
    }
  });
});
