// `manifest` and `preflight` on the Knight Capital example's history: the build of stage 3 (Power Peg
// still behind the power-peg flag) and that of stage 4 (the same flag now routes orders through RLP)
// disagree, which is what the eighth server and the seven others did on 1 August 2012.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { useKnightHistory } from "../helpers/knight-history.js";
import { runCli } from "../helpers/run-cli.js";
import { tempProject } from "../helpers/temp-dir.js";

describe("manifest and preflight", () => {
  const history = useKnightHistory("deadflag-preflight-");
  /** A checkout of one stage, and its manifest written there. */
  const build = (stage: number, name: string): string => {
    const tree = path.join(path.dirname(history.repo), name);
    execFileSync("git", ["-C", history.repo, "worktree", "add", "--quiet", "--detach", tree, history.stages[stage] ?? ""]);
    const manifest = path.join(path.dirname(history.repo), `${name}.json`);
    const written = runCli(["manifest", tree, "--out", manifest, "--no-cache"]);
    expect(written.stderr).toBe("");
    expect(written.status).toBe(0);
    expect(written.stdout).toMatch(new RegExp(`flags? at ${(history.stages[stage] ?? "").slice(0, 12)}`));
    return manifest;
  };

  it("refuses a flip when one deployment runs an older meaning of the flag, and allows it when all run the same", () => {
    const eighth = build(2, "server-8");
    const seventh = build(3, "server-7");
    const first = build(3, "server-1");
    const refused = runCli(["preflight", "--flag", "power-peg", seventh, first, eighth]);
    expect(refused.status).toBe(1);
    expect(refused.stdout).toContain("do not flip");
    expect(refused.stdout).toContain(`${eighth} switches other code with power-peg than in ${seventh}`);
    // The manifest holds hashes of the code, not the code (Power Peg's log line is not in it).
    expect(readFileSync(path.join(path.dirname(history.repo), "server-8", "src", "legacy", "powerPeg.ts"), "utf8")).toContain("power peg ");
    expect(readFileSync(eighth, "utf8")).not.toContain("power peg ");

    const json = JSON.parse(runCli(["preflight", "--flag", "power-peg", "--format", "json", seventh, eighth]).stdout);
    expect(json.agree).toBe(false);
    expect(json.disagreements.map((d: { kind: string }) => d.kind)).toContain("repurposed");

    const allowed = runCli(["preflight", "--flag", "power-peg", seventh, first]);
    expect(allowed.status).toBe(0);
    expect(allowed.stdout).toContain("safe to flip");
  });

  it("agrees across builds whose code around the flag was only reformatted, and refuses where one build does not read it", () => {
    const files = {
      "package.json": '{ "name": "fmt", "private": true }',
      "deadflag.config.json": JSON.stringify({ entry: ["src/index.ts"], flags: { env: ["FAST_*"] } }),
      "src/index.ts": 'import { route } from "./route";\nroute(1);\n',
      "src/route.ts": 'export function route(n: number): void {\n  if (process.env.FAST_PATH) fast(n);\n}\nfunction fast(n: number): void {\n  console.log("fast", n);\n}\n',
    };
    const one = tempProject(files);
    // Reformatted, and the guarded function gained a line: other tokens, the same meaning.
    const two = tempProject({
      ...files,
      "src/route.ts": 'export function route(n: number): void {\n  if (process.env.FAST_PATH) {\n    fast(n);\n  }\n}\n\nfunction fast(n: number): void {\n  console.log("fast", n);\n  console.log("fast path taken");\n}\n',
    });
    const none = tempProject({ ...files, "src/route.ts": "export function route(n: number): void {\n  void n;\n}\n" });
    for (const root of [one, two, none]) expect(runCli(["manifest", root, "--out", path.join(root, "m.json"), "--no-cache"]).status).toBe(0);
    const fingerprint = (root: string): string => JSON.parse(readFileSync(path.join(root, "m.json"), "utf8")).flags.FAST_PATH.fingerprint;
    expect(fingerprint(one)).not.toBe(fingerprint(two));
    const same = runCli(["preflight", "--flag", "FAST_PATH", path.join(one, "m.json"), path.join(two, "m.json")]);
    expect(same.status).toBe(0);
    const missing = runCli(["preflight", "--flag", "FAST_PATH", path.join(one, "m.json"), path.join(none, "m.json")]);
    expect(missing.status).toBe(1);
    expect(missing.stdout).toContain(`${path.join(none, "m.json")} does not read FAST_PATH`);
  });

  it("says in one line which manifest it cannot use, with exit code 2", () => {
    const root = tempProject({ "bad.json": "{ nope", "other.json": '{ "version": 1, "flags": {} }' });
    for (const [file, message] of [
      ["absent.json", "no such manifest"],
      ["bad.json", "not JSON"],
      ["other.json", "not a deadflag manifest"],
    ] as const) {
      const result = runCli(["preflight", "--flag", "x", path.join(root, file)]);
      expect(result.status).toBe(2);
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
      expect(result.stderr).toContain(`${path.join(root, file)}: ${message}`);
    }
    writeFileSync(path.join(root, "empty.json"), JSON.stringify({ version: 1, kind: "deadflag-manifest", revision: null, flags: {} }));
    const unknown = runCli(["preflight", "--flag", "x", path.join(root, "empty.json")]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("flag x is read in none of the 1 manifests given");
  });
});
