// TypeScript's compiler, loaded with a V8 code cache. Compiling TypeScript's 9 MB file is most of
// what requiring it costs (about 0.2 s of CPU on every run that parses a file); from the code a
// previous run compiled, V8 starts in about a quarter of that. The cache is one file per
// TypeScript file, TypeScript and Node version, in a folder of the OS's temporary directory that
// only this user can write; V8 checks it against the source and its own flags and rejects a stale
// one, which this run then replaces. It is written at exit, so it holds the functions the run used
// (the parser), not only those compiled at load. Anything wrong with the cache falls back to a
// plain require. Plain JavaScript (with its types in load-typescript.d.ts): the build copies it.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import Module, { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import vm from "node:vm";

const require = createRequire(import.meta.url);

/** The `typescript` module, loaded once per process (shared with any other `require("typescript")`). */
export function loadTypeScript() {
  const file = require.resolve("typescript");
  const known = require.cache[file];
  if (known) return known.exports;
  const cacheFile = codeCachePath(file);
  if (cacheFile === undefined) return require("typescript");
  try {
    return loadWithCodeCache(file, cacheFile);
  } catch {
    delete require.cache[file];
    return require("typescript");
  }
}

/** Runs TypeScript's file as Node's CommonJS loader would, compiled from the code cache when V8 accepts it. */
function loadWithCodeCache(file, cacheFile) {
  const source = readFileSync(file, "utf8");
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(source), { filename: file, ...(cachedData ? { cachedData } : {}) });
  if (cachedData === undefined || script.cachedDataRejected === true) process.once("exit", () => writeCodeCache(script, cacheFile));
  const module = new Module(file, undefined);
  module.filename = file;
  module.paths = createRequire(file).resolve.paths("typescript") ?? [];
  require.cache[file] = module;
  script.runInThisContext().call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file));
  module.loaded = true;
  return module.exports;
}

/** Writes the code V8 compiled for `script` so far, through a temporary name so that no reader sees half a file. */
function writeCodeCache(script, cacheFile) {
  const temporary = `${cacheFile}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`;
  try {
    writeFileSync(temporary, script.createCachedData());
    renameSync(temporary, cacheFile);
  } catch {
    try {
      unlinkSync(temporary);
    } catch {
      // Nothing was written.
    }
  }
}

/** Where the code cache of `file` lives, or undefined when there is no folder only this user can write. */
function codeCachePath(file) {
  try {
    const uid = process.getuid?.();
    const directory = path.join(os.tmpdir(), `deadflag-compile-cache-${uid ?? "user"}`);
    mkdirSync(directory, { recursive: true, mode: 0o700 });
    const folder = statSync(directory);
    // Code another user could have written is not run: V8 checks only that it fits the source.
    if (uid !== undefined && (folder.uid !== uid || (folder.mode & 0o022) !== 0)) return undefined;
    const { size, mtimeMs } = statSync(file);
    const id = createHash("sha1").update(JSON.stringify([file, size, mtimeMs, process.version, process.arch])).digest("hex").slice(0, 16);
    return path.join(directory, `typescript-${id}.v8cache`);
  } catch {
    return undefined;
  }
}
