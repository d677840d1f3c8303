// TypeScript loaded from a V8 code cache: written by the first process, reused by the next, replaced
// when V8 rejects it, never taken from a folder others can write; TypeScript works the same either way.
import { spawnSync } from "node:child_process";
import { chmodSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { tempProject } from "../helpers/temp-dir.js";

const loader = path.resolve("src/engine/load-typescript.js");
// Parses a statement with the loaded compiler, and checks that a later require gets the same module.
const program = `
import { createRequire } from "node:module";
import { loadTypeScript } from ${JSON.stringify(loader)};
const ts = loadTypeScript();
const statements = ts.createSourceFile("a.ts", "let a = 1; a++;", ts.ScriptTarget.Latest).statements.length;
console.log(JSON.stringify({ statements, shared: createRequire(${JSON.stringify(loader)})("typescript") === ts }));
`;

/** Loads TypeScript in a fresh process whose temporary directory is `tmp`. */
function load(tmp: string): unknown {
  const result = spawnSync(process.execPath, ["--input-type=module", "-e", program], { encoding: "utf8", env: { ...process.env, TMPDIR: tmp } });
  expect(result.stderr).toBe("");
  return JSON.parse(result.stdout);
}

describe("loading TypeScript with a code cache", () => {
  it("writes the cache once, reuses it, and replaces one V8 rejects", () => {
    const tmp = tempProject({});
    const folder = path.join(tmp, `deadflag-compile-cache-${process.getuid?.() ?? "user"}`);
    const works = { statements: 2, shared: true };
    expect(load(tmp)).toEqual(works);
    const [name] = readdirSync(folder);
    const cache = path.join(folder, name ?? "");
    expect(name).toMatch(/^typescript-\w+\.v8cache$/);
    expect(statSync(cache).size).toBeGreaterThan(100_000);
    const written = statSync(cache).mtimeMs;

    expect(load(tmp)).toEqual(works);
    expect(statSync(cache).mtimeMs).toBe(written);

    writeFileSync(cache, "not code");
    expect(load(tmp)).toEqual(works);
    expect(readFileSync(cache).length).toBeGreaterThan(100_000);
    expect(readdirSync(folder)).toEqual([name]);
  }, 60_000);

  it("does not use a cache folder that other users can write", () => {
    if (process.getuid === undefined) return;
    const tmp = tempProject({});
    const folder = path.join(tmp, `deadflag-compile-cache-${process.getuid()}`);
    expect(load(tmp)).toEqual({ statements: 2, shared: true });
    const [name] = readdirSync(folder);
    rmSync(path.join(folder, name ?? ""));
    chmodSync(folder, 0o777);
    expect(load(tmp)).toEqual({ statements: 2, shared: true });
    expect(readdirSync(folder)).toEqual([]);
  }, 60_000);
});
