// Runs the built `deadflag` binary the way a user does, with colours off.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../dist/src/cli/main.js");

/** The outcome of one CLI run. */
export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `deadflag ...args` in `cwd` and waits for it. */
export function runCli(args: readonly string[], cwd = process.cwd()): CliResult {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    encoding: "utf8",
    env: cliEnv(),
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function cliEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1", CI: "1" };
  delete env["FORCE_COLOR"];
  return env;
}
