// Start-up: `deadflag --help` lists the commands without loading them (main.ts keeps a list of their
// usage terms and descriptions, which must stay equal to the commands' own), and TypeScript loads
// only when a file must be parsed or a project linked.
import { spawnSync } from "node:child_process";
import { readFileSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";
import { tempProject } from "../helpers/temp-dir.js";

const bin = path.resolve("dist/src/cli/main.js");

/** Runs the CLI with Node's module debugging on; true when TypeScript's compiler was loaded. */
function loadsTypeScript(args: readonly string[]): { loaded: boolean; status: number | null } {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_DEBUG: "module", NO_COLOR: "1", CI: "1" };
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", env });
  return { loaded: result.stderr.includes("typescript/lib/typescript.js"), status: result.status };
}

describe("deadflag --help", () => {
  it("lists each command with the usage and description of its own --help", () => {
    const help = runCli(["--help"]).stdout;
    const listed = help.slice(help.indexOf("Commands:")).split("\n").slice(1);
    const names = ["flags", "scan", "why", "entries", "graph", "diff", "history", "ledger", "retire", "manifest", "preflight", "audit"];
    for (const name of names) {
      const own = runCli([name, "--help"]).stdout.split("\n\n");
      // A command with subcommands is listed by its name and arguments alone, as commander lists it.
      const usage = (own[0] ?? "").replace(/^Usage: deadflag /, "").replace(/ \[options\] \[command\]$/, "");
      const description = (own[1] ?? "").replace(/\s+/g, " ").trim();
      const at = listed.findIndex((line) => line.trimStart().startsWith(`${usage} `) || line.trim() === usage);
      expect(at, `${name} is listed as "${usage}"`).toBeGreaterThanOrEqual(0);
      const entry = [listed[at] ?? ""];
      for (let next = at + 1; next < listed.length && /^\s{4,}/.test(listed[next] ?? ""); next++) entry.push(listed[next] ?? "");
      expect(entry.join(" ").replace(usage, "").replace(/\s+/g, " ").trim(), name).toBe(description);
    }
    expect(listed.filter((line) => /^ {2}\S/.test(line)).map((line) => line.trim().split(" ")[0])).toEqual([...names, "help"]);
  }, 60_000);
});

describe("loading TypeScript on demand", () => {
  it("never loads it for --version, --help, a config error or a scan answered from the record", () => {
    expect(loadsTypeScript(["--version"])).toEqual({ loaded: false, status: 0 });
    expect(loadsTypeScript(["--help"])).toEqual({ loaded: false, status: 0 });
    const broken = tempProject({ "deadflag.config.json": '{ "entry": 3 }', "src/index.ts": "export {};\n" });
    expect(loadsTypeScript(["scan", broken])).toEqual({ loaded: false, status: 2 });
    expect(loadsTypeScript(["flags", broken])).toEqual({ loaded: false, status: 2 });

    const root = projectWithOldTimes();
    expect(loadsTypeScript(["scan", root])).toEqual({ loaded: true, status: 1 });
    expect(loadsTypeScript(["scan", root])).toEqual({ loaded: false, status: 1 });
  }, 60_000);

  it("reads and hashes a file whose stat changed but whose bytes did not, and answers from the record", () => {
    const root = projectWithOldTimes();
    expect(loadsTypeScript(["scan", root])).toEqual({ loaded: true, status: 1 });
    const file = path.join(root, "src/a.ts");
    // Saved again unchanged: new mtime and ctime, same bytes (and written too recently to be trusted by its stat).
    writeFileSync(file, readFileSync(file));
    expect(loadsTypeScript(["scan", root])).toEqual({ loaded: false, status: 1 });
    expect(JSON.parse(runCli(["scan", root, "--format", "json"]).stdout).findings).toEqual(
      JSON.parse(runCli(["scan", root, "--format", "json", "--no-cache"]).stdout).findings,
    );
    writeFileSync(file, "export function a(): void {}\n");
    expect(loadsTypeScript(["scan", root])).toEqual({ loaded: true, status: 0 });
  }, 60_000);
});

/** A project whose files and folders were last changed an hour ago, so the stat fast path trusts what it records. */
function projectWithOldTimes(): string {
  const root = tempProject({
    "package.json": '{ "name": "p", "private": true }',
    "deadflag.config.json": JSON.stringify({ entry: ["src/index.ts"] }),
    "src/index.ts": 'import { a } from "./a";\na();\n',
    "src/a.ts": "export function a(): void {}\nexport function b(): void {}\n",
    ".deadflag/cache/.gitignore": "*\n",
  });
  const past = Date.now() / 1000 - 3600;
  const entries = [".", "src", "src/index.ts", "src/a.ts", "package.json", "deadflag.config.json", ".deadflag", ".deadflag/cache"];
  for (const entry of entries) utimesSync(path.join(root, entry), past, past);
  return root;
}
