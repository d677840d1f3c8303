// Extraction against plain parsing, in one fresh process: every source file of a staged corpus is
// read into memory first, then parsed (`parse`: TypeScript's createSourceFile as any tool calls it;
// `parse-nojsdoc`: without JSDoc, as deadflag parses) or extracted (`flags`: the flag index's facts;
// `scan`: with the call graph's too) once each. Prints the wall and CPU time (user + system) of that
// loop alone. Run the modes alternately and take medians (see README.md, Benchmarks).
// Usage: npm run build && node bench/extract.mjs <parse|parse-nojsdoc|flags|scan> [corpus, default effect]
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import { corpora, distDir, prepareCorpus } from "./corpora.mjs";

const [mode, id = "effect"] = process.argv.slice(2);
if (!["parse", "parse-nojsdoc", "flags", "scan"].includes(mode)) throw new Error("mode: parse, parse-nojsdoc, flags or scan");
const corpus = corpora.find((c) => c.id === id);
if (!corpus) throw new Error(`unknown corpus ${id}`);
const root = prepareCorpus(corpus);
const engine = (file) => import(pathToFileURL(path.join(distDir, "src", file)).href);
const { loadConfigSync } = await engine("config/load-config.js");
const { readNamesOf } = await engine("flags/build-flag-index.js");
const { discoverProjectSync } = await engine("project/discover-project.js");
const { diskFileSystem } = await engine("project/disk-file-system.js");
const { extractFileFacts } = await engine("facts/extract-file-facts.js");
const loaded = loadConfigSync(root);
const options = { readNames: readNamesOf(loaded.config.flags), ...(mode === "flags" ? { callGraph: false } : {}) };
const found = discoverProjectSync(diskFileSystem(root), { project: undefined, ignore: loaded.config.ignore }, []);
// Files over deadflag's 2 MiB limit are skipped, as deadflag skips them.
const files = found.files.map((file) => [file, readFileSync(path.join(root, file), "utf8")]).filter(([, text]) => Buffer.byteLength(text) <= 2 * 1024 * 1024);
const noJsDoc = { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone };
const cpuBefore = process.cpuUsage();
const started = performance.now();
for (const [file, text] of files) {
  if (mode === "parse") ts.createSourceFile(file, text, ts.ScriptTarget.Latest);
  else if (mode === "parse-nojsdoc") ts.createSourceFile(file, text, noJsDoc);
  else extractFileFacts(file, text, options);
}
const cpu = process.cpuUsage(cpuBefore);
process.stdout.write(`${JSON.stringify({ mode, files: files.length, ms: Math.round(performance.now() - started), cpuMs: Math.round((cpu.user + cpu.system) / 1000) })}\n`);
