// deadflag/no-stale-flag under RuleTester, on a git repository whose flag was first read in 2024:
// it reports what `deadflag scan` reports with the rule set (same position, same message); enabling
// the ESLint rule is opt-in enough, while the deadflag config can still turn it off; the rule's
// `staleAfterDays` overrides the config's; and the text being linted counts.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import rule from "../../rules/no-stale-flag.js";
import type { Finding } from "../../src/index.js";
import { runCli } from "../helpers/run-cli.js";
import { ruleTesters } from "./rule-tester.js";

const parent = mkdtempSync(path.join(os.tmpdir(), "deadflag-stale-"));
afterAll(() => rmSync(parent, { recursive: true, force: true }));

const index = `import { OpenFeature } from "@openfeature/server-sdk";
const client = OpenFeature.getClient();
import { legacyPath } from "./paths.js";

export async function route(id: string): Promise<void> {
  if (await client.getBooleanValue("power-peg", false)) legacyPath(id);
}
`;
const paths = "export function legacyPath(id: string): void {\n  void id;\n}\n";

/** A repository whose flag is read since 2024-01-01, with two later commits 100 days apart. */
function oldFlag(name: string, config: Record<string, unknown>): string {
  const root = path.join(parent, name);
  mkdirSync(path.join(root, "src"), { recursive: true });
  const git = (args: string[], date: string): void => {
    const env = { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1" };
    execFileSync("git", ["-C", root, "-c", "user.name=Deadflag Test", "-c", "user.email=test@deadflag.invalid", ...args], { env, stdio: "ignore" });
  };
  git(["init", "-q", "-b", "main"], "2024-01-01T00:00:00Z");
  writeFileSync(path.join(root, "src/index.ts"), index);
  writeFileSync(path.join(root, "src/paths.ts"), paths);
  writeFileSync(path.join(root, "deadflag.config.json"), JSON.stringify({ entry: ["src/index.ts"], ...config }));
  git(["add", "-A"], "2024-01-01T00:00:00Z");
  git(["commit", "-q", "-m", "Power Peg"], "2024-01-01T00:00:00Z");
  for (const [day, text] of [["2024-04-10T00:00:00Z", "router\n"], ["2024-07-19T00:00:00Z", "router, again\n"]] as const) {
    writeFileSync(path.join(root, "README.md"), text);
    git(["add", "-A"], day);
    git(["commit", "-q", "-m", "Docs"], day);
  }
  return root;
}

const configured = oldFlag("configured", { rules: { "no-stale-flag": "warn" } });
const unset = oldFlag("unset", {});
const turnedOff = oldFlag("off", { rules: { "no-stale-flag": "off" } });

const scanned = (JSON.parse(runCli(["scan", configured, "--format", "json", "--no-cache"]).stdout) as { findings: Finding[] }).findings.filter(
  (f) => f.ruleId === "no-stale-flag",
);
const [stale] = scanned;

describe("the scan the rule is compared with", () => {
  it("finds the one stale flag", () => {
    expect(scanned).toHaveLength(1);
    expect(stale?.message).toMatch(/^power-peg has been read for more than 90 days \(already at [0-9a-f]{7}, 2024-07-19\)/);
  });
});

describe.each(ruleTesters)("no-stale-flag on %s", (_, tester) => {
  tester.run("no-stale-flag", rule, {
    valid: [
      { name: "a file without flag reads", code: paths, filename: path.join(configured, "src/paths.ts") },
      { name: "the read removed in the buffer", code: index.replace('await client.getBooleanValue("power-peg", false)', "true"), filename: path.join(configured, "src/index.ts") },
      { name: "younger than the rule's staleAfterDays", code: index, filename: path.join(configured, "src/index.ts"), options: [{ staleAfterDays: 36_500 }] },
      { name: "turned off in the deadflag config", code: index, filename: path.join(turnedOff, "src/index.ts") },
    ],
    invalid: [
      {
        name: "as deadflag scan reports it",
        code: index,
        filename: path.join(configured, "src/index.ts"),
        errors: [
          {
            messageId: "staleFlag",
            line: stale?.line ?? 0,
            column: stale?.column ?? 0,
            endLine: stale?.endLine ?? 0,
            endColumn: stale?.endColumn ?? 0,
            data: { message: stale?.message ?? "", flag: "power-peg" },
          },
        ],
      },
      {
        name: "enabled in ESLint while the deadflag config leaves the rule unset",
        code: index,
        filename: path.join(unset, "src/index.ts"),
        errors: [{ messageId: "staleFlag", line: stale?.line ?? 0, column: stale?.column ?? 0 }],
      },
      {
        name: "stale under the rule's own staleAfterDays",
        code: index,
        filename: path.join(configured, "src/index.ts"),
        options: [{ staleAfterDays: 30 }],
        errors: [{ messageId: "staleFlag", line: stale?.line ?? 0 }],
      },
    ],
  });
});
