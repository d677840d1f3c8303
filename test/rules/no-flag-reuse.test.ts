// deadflag/no-flag-reuse under RuleTester, on the Knight Capital story replayed as a git repository
// (HEAD gives power-peg to the RLP code; HEAD~1 still has Power Peg behind it): against a base
// revision (the `base` option) it reports what `deadflag diff` reports, and against the ledger what
// `deadflag scan` reports; the text being linted counts in both.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import rule from "../../rules/no-flag-reuse.js";
import type { Finding } from "../../src/index.js";
import { runCli } from "../helpers/run-cli.js";
import { ruleTesters } from "./rule-tester.js";

const parent = mkdtempSync(path.join(os.tmpdir(), "deadflag-reuse-"));
afterAll(() => rmSync(parent, { recursive: true, force: true }));
const repo = path.join(parent, "knight");
const ledgerRepo = path.join(parent, "knight-ledger");
for (const target of [repo, ledgerRepo]) execFileSync(process.execPath, ["examples/knight-capital/build-history.mjs", target]);
const git = (root: string, ...args: string[]): string => execFileSync("git", ["-C", root, ...args], { encoding: "utf8" });

const router = path.join(repo, "src/router.ts");
const routerNow = readFileSync(router, "utf8");
const routerBefore = git(repo, "show", "HEAD~1:src/router.ts");

/** What `deadflag diff --base HEAD~1` says about the repository's working tree. */
const diffed = (JSON.parse(runCli(["diff", repo, "--base", "HEAD~1", "--format", "json", "--no-cache"]).stdout) as { findings: Finding[] }).findings.filter(
  (f) => f.severity !== "info",
);

// The ledger records HEAD~1's meanings; the working tree is then HEAD again.
git(ledgerRepo, "checkout", "-q", "HEAD~1");
runCli(["ledger", "update", ledgerRepo, "--no-cache"]);
const ledger = readFileSync(path.join(ledgerRepo, ".deadflag/ledger.json"), "utf8");
git(ledgerRepo, "checkout", "-q", "-");
writeFileSync(path.join(ledgerRepo, ".deadflag/ledger.json"), ledger);
const scanned = (JSON.parse(runCli(["scan", ledgerRepo, "--format", "json", "--no-cache"]).stdout) as { findings: Finding[] }).findings.filter(
  (f) => f.ruleId === "no-flag-reuse" && f.severity !== "info",
);

describe.each(ruleTesters)("no-flag-reuse on %s", (_, tester) => {
  tester.run("no-flag-reuse", rule, {
    valid: [
      // No ledger and no base: nothing to compare with.
      { name: "no ledger and no base", code: routerNow, filename: router },
      // The same meaning as the base.
      { name: "the same meaning as the base", code: routerNow, filename: router, options: [{ base: "HEAD" }] },
      // The buffer still has Power Peg behind the flag, as the ledger recorded.
      { name: "the buffer has the meaning the ledger recorded", code: routerBefore, filename: path.join(ledgerRepo, "src/router.ts") },
    ],
    invalid: [
      {
        name: "repurposed since the base revision",
        code: routerNow,
        filename: router,
        options: [{ base: "HEAD~1" }],
        errors: diffed.map((finding) => ({
          messageId: "repurposed",
          line: finding.line,
          column: finding.column,
          endLine: finding.endLine,
          endColumn: finding.endColumn,
          data: { message: finding.message, flag: "power-peg" },
        })),
      },
      {
        name: "repurposed since the ledger",
        code: routerNow,
        filename: path.join(ledgerRepo, "src/router.ts"),
        errors: scanned.map((finding) => ({
          messageId: "repurposed",
          line: finding.line,
          column: finding.column,
          data: { message: finding.message, flag: "power-peg" },
        })),
      },
    ],
  });
});

// A flag first read minutes ago is still in development: `deadflag diff` reports its
// new meaning as `info`, which informs and never fails a run. ESLint has only warnings and errors,
// and a warning fails `--max-warnings 0`, so the rule reports nothing for it (docs/eslint.md).
const young = path.join(parent, "young");
for (const [index, target] of ["legacyPath", "otherPath"].entries()) {
  // Committed now: the working tree's flags are judged young or old from today.
  const env = { ...process.env, GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1" };
  const run = (...args: string[]): void => {
    execFileSync("git", ["-C", young, "-c", "user.name=Deadflag Test", "-c", "user.email=test@deadflag.invalid", ...args], { env, stdio: "ignore" });
  };
  if (index === 0) {
    execFileSync("git", ["init", "-q", "-b", "main", young]);
    writeFileSync(path.join(young, "deadflag.config.json"), JSON.stringify({ entry: ["src/index.ts"] }));
    execFileSync("mkdir", ["-p", path.join(young, "src")]);
    writeFileSync(
      path.join(young, "src/paths.ts"),
      'export function legacyPath(): void {\n  void fetch("https://nyse.example/peg", { method: "POST" });\n}\nexport function otherPath(): void {\n  void fetch("https://rlp.example/quote", { method: "PUT" });\n}\n',
    );
  }
  writeFileSync(
    path.join(young, "src/index.ts"),
    `import { OpenFeature } from "@openfeature/server-sdk";\nimport { ${target} } from "./paths.js";\nconst client = OpenFeature.getClient();\n\nexport async function route(): Promise<void> {\n  if (await client.getBooleanValue("power-peg", false)) ${target}();\n}\n`,
  );
  run("add", "-A");
  run("commit", "-q", "-m", target);
}
const youngDiff = (JSON.parse(runCli(["diff", young, "--base", "HEAD~1", "--format", "json", "--no-cache"]).stdout) as { findings: Finding[] }).findings;

describe("an info finding (a flag still in development)", () => {
  it("is what deadflag diff reports here", () => {
    expect(youngDiff.map((f) => `${f.severity} ${f.ruleId} ${f.file}:${f.line}`)).toEqual(["info no-flag-reuse src/index.ts:6"]);
  });
});

describe.each(ruleTesters)("no-flag-reuse's info findings on %s", (_, tester) => {
  tester.run("no-flag-reuse", rule, {
    valid: [{ name: "a new meaning of a flag in development", code: readFileSync(path.join(young, "src/index.ts"), "utf8"), filename: path.join(young, "src/index.ts"), options: [{ base: "HEAD~1" }] }],
    invalid: [],
  });
});
