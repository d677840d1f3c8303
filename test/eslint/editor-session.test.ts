// An editor session through the real ESLint class: lint two files, edit one (unsaved, then saved),
// lint again. The edited file's findings follow its unsaved text at once; the file that depends on
// it follows once the edit is on disk; each re-lint re-extracts only what changed.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ESLint } from "eslint";
import tseslint from "typescript-eslint";
import { afterAll, describe, expect, it } from "vitest";
import plugin from "../../rules/index.js";
import { projectSessionFor } from "../../src/engine/project-session.js";

const project = mkdtempSync(path.join(os.tmpdir(), "deadflag-editor-"));
cpSync(path.resolve("test/fixtures/eslint-project"), project, { recursive: true });
afterAll(() => rmSync(project, { recursive: true, force: true }));

const eslint = new ESLint({
  cwd: project,
  overrideConfigFile: true,
  overrideConfig: [{ files: ["**/*.ts"], languageOptions: { parser: tseslint.parser } }, plugin.configs.recommended],
});

async function lint(file: string, text: string): Promise<string[]> {
  const [result] = await eslint.lintText(text, { filePath: path.join(project, file) });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? "fatal"} ${m.line}:${m.column} ${m.message}`);
}

const checkout = `import { client } from "./client.js";
import { FLAGS } from "./flags.js";
import { legacyCheckout } from "./legacy.js";
import { format } from "./format.js";

export async function checkout(): Promise<string> {
  if (await client.getBooleanValue(FLAGS.newCheckout, false)) {
    // the one-page checkout
    return format("new");
  } else {
    return legacyCheckout();
  }
}
`;
const legacy = `import { format } from "./format.js";

/** The checkout before the one-page one. */
export function legacyCheckout(): string {
  return format("legacy");
}
`;
const checkoutEdited = `import { format } from "./format.js";

export async function checkout(): Promise<string> {
  return format("new");
}
`;

describe("an editor session", () => {
  it("updates the edited file from its unsaved text, and the file that depends on it once saved", async () => {
    expect(await lint("src/checkout.ts", checkout)).toEqual([
      "deadflag/no-dead-flag-branch 10:10 the flag-off side of this if never runs: flag new-checkout is always on",
    ]);
    expect(await lint("src/legacy.ts", legacy)).toEqual([
      "deadflag/no-unreachable-code 4:17 function legacyCheckout is reachable only behind flag new-checkout, which is on (reads return true): the branch at src/checkout.ts:10 never runs",
    ]);

    // Typed, not saved: the edited file is linted from the buffer.
    expect(await lint("src/checkout.ts", checkoutEdited)).toEqual([]);
    const session = projectSessionFor({ root: project });
    expect(session.scan(new Map([["src/checkout.ts", checkoutEdited]])).project.stats.parsed).toBe(0);
    // Another file is linted against the disk, where the edit is not yet.
    expect(await lint("src/legacy.ts", legacy)).toHaveLength(1);

    // Saved: the file that imported legacyCheckout's only user now has an unused file.
    writeFileSync(path.join(project, "src/checkout.ts"), checkoutEdited);
    expect(await lint("src/legacy.ts", legacy)).toEqual([
      "deadflag/no-unused-file 1:1 file is not imported by any entry (directly or indirectly)",
    ]);
    expect(session.scan().project.stats.parsed).toBe(0);
    expect(await lint("src/checkout.ts", checkoutEdited)).toEqual([]);
  });
});
