// `--threads`: worker threads parse part of the files, and nothing else changes: the same findings
// as one thread, and facts they made that a later run reads back from the cache.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";
import { tempProject } from "../helpers/temp-dir.js";

// rxjs's 251 sources: enough files that a worker has loaded TypeScript before this thread is done.
const rxjs = path.resolve("node_modules/rxjs");

describe("--threads", () => {
  it("parses part of the files on worker threads, with the findings of one thread, and caches what they parsed", () => {
    const cache = tempProject({});
    const two = runCli(["scan", rxjs, "--threads", "2", "--cache-location", cache, "--format", "json", "--timing"]);
    expect(two.stderr).toMatch(/files +\d+ \(\d+ parsed, [1-9]\d* of them on worker threads,/);
    const one = runCli(["scan", rxjs, "--threads", "1", "--no-cache", "--format", "json", "--timing"]);
    expect(one.stderr).not.toContain("worker threads");
    expect(two.status).toBe(one.status);
    expect(JSON.parse(two.stdout)).toEqual(JSON.parse(one.stdout));
    // `flags` reads every file's facts from the cache the workers wrote into: nothing to parse again.
    const flags = runCli(["flags", rxjs, "--cache-location", cache, "--format", "json", "--timing"]);
    expect(flags.status).toBe(0);
    expect(flags.stderr).toMatch(/files +\d+ \(0 parsed, \d+ from cache/);
    expect(flags.stdout).toBe(runCli(["flags", rxjs, "--no-cache", "--format", "json"]).stdout);
  });

  it("exits 2 with a usage error for a count that is not 1 or more", () => {
    const result = runCli(["scan", rxjs, "--threads", "0"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("option '--threads <count>' argument '0' is invalid. expected a whole number of 1 or more");
    expect(result.stdout).toBe("");
  });
});
