// The incremental engine behind the ESLint rules, through the real ESLint class: a sequence of edits
// as an editor makes them (an import changed in an unsaved buffer, then saved; a file added, renamed
// and deleted on disk; a flag state flipped in the config), each followed by a lint of every file.
// After every step each file's problems are those a cold `scan --no-cache` finds in the same texts.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ESLint } from "eslint";
import tseslint from "typescript-eslint";
import { afterAll, describe, expect, it } from "vitest";
import plugin from "../../rules/index.js";
import { openProject, scanProject } from "../../src/index.js";
import { problemsOfFindings, problemsOfResults } from "./lint-results.js";
import type { Problem } from "./lint-results.js";

const scratch = mkdtempSync(path.join(os.tmpdir(), "deadflag-sequence-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const project = path.join(scratch, "project");
cpSync(path.resolve("test/fixtures/eslint-project"), project, { recursive: true });

const eslint = new ESLint({
  cwd: project,
  overrideConfigFile: true,
  overrideConfig: [
    { files: ["**/*.ts"], languageOptions: { parser: tseslint.parser } },
    plugin.configs.recommended,
    // Every lint checks the disk, so that a change on disk shows at the next lint (not a second later).
    { settings: { deadflag: { cache: false, diskCheckIntervalMs: 0 } } },
  ],
});

const sourceFiles = (): string[] => readdirSync(path.join(project, "src")).map((name) => `src/${name}`).sort();
const read = (file: string): string => readFileSync(path.join(project, file), "utf8");
const write = (file: string, text: string): void => writeFileSync(path.join(project, file), text);

/** ESLint's problems for `file`, linted with `text` (an unsaved buffer) or its text on disk. */
async function lint(file: string, text = read(file)): Promise<Problem[]> {
  return problemsOfResults(await eslint.lintText(text, { filePath: path.join(project, file) }), project);
}

let copies = 0;

/** What a cold scan finds in `file` when the tree is the disk's with `buffers` saved. */
async function cold(file: string, buffers: Record<string, string> = {}): Promise<Problem[]> {
  const copy = path.join(scratch, `cold-${copies++}`);
  cpSync(project, copy, { recursive: true });
  for (const [name, text] of Object.entries(buffers)) writeFileSync(path.join(copy, name), text);
  const findings = scanProject(await openProject({ root: copy, cache: false })).findings;
  return problemsOfFindings(findings.filter((f) => f.file === file && f.severity !== "info"));
}

/** Lints every file (one of them from an unsaved buffer) and compares each with a cold scan. */
async function checkEveryFile(step: string, buffer?: { file: string; text: string }): Promise<void> {
  for (const file of sourceFiles()) {
    const text = buffer?.file === file ? buffer.text : undefined;
    expect(await lint(file, text), `${step}: ${file}`).toEqual(await cold(file, text === undefined ? {} : { [file]: text }));
  }
}

describe("an editor's sequence of edits, linted with ESLint", () => {
  it("gives what a cold scan gives after each: an import changed, a file added, renamed and deleted, a flag flipped", async () => {
    await checkEveryFile("initial");
    const initial = await lint("src/legacy.ts");
    expect(initial.map((p) => p.ruleId)).toEqual(["no-unreachable-code"]);

    // An import changed in an unsaved buffer: checkout no longer reads the flag nor calls legacy.
    const checkout = 'import { format } from "./format.js";\n\nexport async function checkout(): Promise<string> {\n  return format("new");\n}\n';
    await checkEveryFile("import changed, unsaved", { file: "src/checkout.ts", text: checkout });
    expect(await lint("src/checkout.ts", checkout)).toEqual([]);
    write("src/checkout.ts", checkout);
    await checkEveryFile("import changed, saved");
    expect((await lint("src/legacy.ts")).map((p) => p.ruleId)).toEqual(["no-unused-file"]);

    // A file added, and imported by the entry.
    write("src/tax.ts", "export function tax(amount: number): number {\n  return amount * 0.2;\n}\nexport const rate = 0.2;\n");
    write("src/index.ts", read("src/index.ts").replace('import { price } from "./pricing.js";', 'import { price } from "./pricing.js";\nimport { tax } from "./tax.js";\nvoid tax;'));
    await checkEveryFile("file added");
    expect((await lint("src/tax.ts")).map((p) => `${p.ruleId} ${p.line}`)).toEqual(["no-unreachable-code 4"]);

    // Renamed on disk while the entry still imports the old name: the import no longer resolves.
    renameSync(path.join(project, "src/tax.ts"), path.join(project, "src/taxes.ts"));
    await checkEveryFile("file renamed");
    expect((await lint("src/taxes.ts")).map((p) => p.ruleId)).toEqual(["no-unused-file"]);
    write("src/index.ts", read("src/index.ts").replace('"./tax.js"', '"./taxes.js"'));
    await checkEveryFile("import of the renamed file fixed");

    // A file deleted.
    rmSync(path.join(project, "src/orphan.ts"));
    await checkEveryFile("file deleted");
    expect(existsSync(path.join(project, "src/orphan.ts"))).toBe(false);

    // A flag state flipped in the deadflag config: the legacy pricing branch is live again.
    const pricingBefore = await lint("src/pricing.ts");
    const config = JSON.parse(read("deadflag.config.json")) as { flags: { states: Record<string, string> } };
    config.flags.states["legacy-pricing"] = "on";
    write("deadflag.config.json", JSON.stringify(config));
    await checkEveryFile("flag flipped");
    expect(await lint("src/pricing.ts")).not.toEqual(pricingBefore);
  }, 60_000);
});
