// deadflag/no-flag-reuse under RuleTester, on the Knight Capital story replayed as a git repository
// (HEAD gives power-peg to the RLP code; HEAD~1 still has Power Peg behind it): against a base
// revision (the `base` option) it reports what `deadflag diff` reports, and against the ledger what
// `deadflag scan` reports; the text being linted counts in both.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe } from "vitest";
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
