// The Knight Capital example: its history replay builds the four SMARS stages, and its sources parse.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const exampleDir = fileURLToPath(new URL("../../examples/knight-capital/", import.meta.url));
const script = join(exampleDir, "build-history.mjs");

const STAGES = [
  { subject: "Add Power Peg behind the power-peg flag", date: "2003-03-01T10:00:00-05:00" },
  { subject: "Move cumulative quantity check out of Power Peg", date: "2005-06-01T10:00:00-04:00" },
  { subject: "Retire Power Peg (code left in place)", date: "2011-01-01T10:00:00-05:00" },
  { subject: "Route retail orders through RLP", date: "2012-07-27T10:00:00-04:00" },
];

// A GIT_DIR inherited from a hook would point these commands at the wrong repository.
const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("GIT_")));

function git(repo: string, args: string[]): string {
  return execFileSync("git", ["-C", repo, ...args], { env, encoding: "utf8" });
}

function buildHistory(target: string): string {
  return execFileSync(process.execPath, [script, target], { env, encoding: "utf8" });
}

/** POSIX paths of every file under `dir`, relative to `root`, sorted. */
function listFiles(root: string, dir: string = root): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory()
        ? listFiles(root, join(dir, entry.name))
        : [relative(root, join(dir, entry.name)).split(sep).join("/")],
    )
    .sort();
}

/** The example's analysed project, which stage 3 must reproduce exactly. */
function workingTreeFiles(): string[] {
  return [...listFiles(exampleDir, join(exampleDir, "src")), "deadflag.config.json", "package.json", "tsconfig.json"].sort();
}

function treeFiles(repo: string, rev: string): string[] {
  return git(repo, ["ls-tree", "-r", "--name-only", rev]).split("\n").filter(Boolean).sort();
}

/** The then-branch of every `if` whose condition mentions the flag key, as source text. */
function flagBranches(source: string, key: string): string[] {
  const file = ts.createSourceFile("router.ts", source, ts.ScriptTarget.Latest, true);
  const branches: string[] = [];
  const mentionsKey = (node: ts.Node): boolean =>
    (ts.isStringLiteral(node) && node.text === key) || (ts.forEachChild(node, mentionsKey) ?? false);
  const visit = (node: ts.Node): void => {
    if (ts.isIfStatement(node) && mentionsKey(node.expression)) branches.push(node.thenStatement.getText(file));
    ts.forEachChild(node, visit);
  };
  visit(file);
  return branches;
}

describe("examples/knight-capital/build-history.mjs", () => {
  let scratch = "";
  let repo = "";
  let stdout = "";
  let revs: string[] = [];

  const rev = (stage: number): string => {
    const id = revs[stage - 1];
    if (id === undefined) throw new Error(`no commit for stage ${stage}`);
    return id;
  };

  beforeAll(() => {
    scratch = mkdtempSync(join(tmpdir(), "deadflag-knight-"));
    repo = join(scratch, "smars");
    stdout = buildHistory(repo);
    revs = git(repo, ["rev-list", "--reverse", "HEAD"]).split("\n").filter(Boolean);
  });

  afterAll(() => {
    if (scratch !== "") rmSync(scratch, { recursive: true, force: true });
  });

  it("commits the four stages in order with their subjects and dates", () => {
    const log = git(repo, ["log", "--reverse", "--format=%s%x09%aI%x09%cI"]).trim().split("\n");
    expect(log).toEqual(STAGES.map(({ subject, date }) => `${subject}\t${date}\t${date}`));
  });

  it("prints each commit's short id and subject", () => {
    const lines = stdout.trim().split("\n");
    expect(lines).toHaveLength(STAGES.length);
    lines.forEach((line, index) => {
      const match = /^([0-9a-f]{7,40}) (.+)$/.exec(line);
      expect(match?.[2]).toBe(STAGES[index]?.subject);
      expect(rev(index + 1).startsWith(match?.[1] ?? "-")).toBe(true);
    });
  });

  it("makes stage 3 exactly the example's working tree", () => {
    const files = workingTreeFiles();
    expect(treeFiles(repo, rev(3))).toEqual(files);
    for (const path of files) {
      expect(git(repo, ["show", `${rev(3)}:${path}`]), path).toBe(readFileSync(join(exampleDir, path), "utf8"));
    }
  });

  it("has no deadflag config before the retirement, then retired, then active", () => {
    expect(treeFiles(repo, rev(1))).not.toContain("deadflag.config.json");
    expect(treeFiles(repo, rev(2))).not.toContain("deadflag.config.json");
    const state = (stage: number): unknown =>
      JSON.parse(git(repo, ["show", `${rev(stage)}:deadflag.config.json`])).flags.states["power-peg"];
    expect(state(3)).toBe("retired");
    expect(state(4)).toBe("active");
  });

  it("moves the cumulative-quantity check out of Power Peg in stage 2 and touches nothing else", () => {
    expect(git(repo, ["diff", "--name-only", rev(1), rev(2)]).trim()).toBe("src/legacy/powerPeg.ts");
    const powerPeg = (stage: number): string => git(repo, ["show", `${rev(stage)}:src/legacy/powerPeg.ts`]);
    expect(powerPeg(1)).toContain("while (filled.total < this.parent.quantity)");
    expect(powerPeg(2)).toContain("while (this.parent.isWorking())");
  });

  it("switches the power-peg branch from PowerPeg to RLP in stage 4, leaving Power Peg's files in place", () => {
    const router = (stage: number): string => git(repo, ["show", `${rev(stage)}:src/router.ts`]);

    const [before] = flagBranches(router(3), "power-peg");
    expect(before).toContain("new PowerPeg(");

    const after = flagBranches(router(4), "power-peg");
    expect(after).toHaveLength(1);
    expect(after[0]).toContain("routeToRetailLiquidityProgram(");
    expect(after[0]).not.toContain("PowerPeg");
    expect(router(4)).not.toContain("./legacy/powerPeg.js");

    expect(treeFiles(repo, rev(4))).toEqual(
      expect.arrayContaining(["src/rlp.ts", "src/legacy/powerPeg.ts", "src/legacy/cumulativeQuantity.ts"]),
    );
  });

  it("gives the same commit ids on every run", () => {
    const again = join(scratch, "smars-again");
    buildHistory(again);
    expect(git(again, ["rev-list", "--reverse", "HEAD"]).split("\n").filter(Boolean)).toEqual(revs);
  });

  it("refuses a non-empty target with one line on stderr and exit code 2", () => {
    const target = join(scratch, "occupied");
    mkdirSync(target);
    writeFileSync(join(target, "keep.txt"), "mine\n");

    const result = spawnSync(process.execPath, [script, target], { env, encoding: "utf8" });

    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^build-history: .*not empty\n$/);
    expect(readdirSync(target)).toEqual(["keep.txt"]);
  });
});

describe("examples/knight-capital sources", () => {
  const sources = listFiles(exampleDir).filter((path) => path.endsWith(".ts"));

  it("includes the router, Power Peg and the stage overlays", () => {
    expect(sources).toEqual(
      expect.arrayContaining([
        "src/router.ts",
        "src/legacy/powerPeg.ts",
        "history/1-add-power-peg/src/legacy/powerPeg.ts",
        "history/4-route-retail-orders-through-rlp/src/rlp.ts",
      ]),
    );
  });

  it.each(sources)("%s parses without syntax errors", (path) => {
    const { diagnostics = [] } = ts.transpileModule(readFileSync(join(exampleDir, path), "utf8"), {
      fileName: path,
      reportDiagnostics: true,
    });
    expect(diagnostics.map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"))).toEqual([]);
  });
});
