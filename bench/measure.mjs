// One measurement in a fresh process, so peak RSS belongs to that measurement alone.
// Usage: node bench/measure.mjs <parse|index-cold|index-warm> <root> [cacheDir]
// Prints one JSON line: { ms, rssMB, files, parsed }.
import { readFileSync } from "node:fs";
import path from "node:path";
import { ts } from "ts-morph";
import { indexFlags, openProject } from "../dist/src/index.js";
import { discoverFiles } from "../dist/src/project/discover-files.js";

const [mode, root, cacheDir] = process.argv.slice(2);

async function measure() {
  if (mode === "parse") {
    // The baseline: what any TypeScript tool pays to read and parse the same files.
    const { files } = await discoverFiles({ root, project: undefined, ignore: [] });
    const started = performance.now();
    for (const file of files) {
      ts.createSourceFile(file, readFileSync(path.join(root, file), "utf8"), ts.ScriptTarget.Latest);
    }
    return { ms: performance.now() - started, files: files.length, parsed: files.length };
  }
  const started = performance.now();
  const project = await openProject({
    root,
    cache: mode === "index-warm",
    ...(cacheDir ? { cacheLocation: cacheDir } : {}),
  });
  const index = indexFlags(project);
  const ms = performance.now() - started;
  return { ms, files: project.stats.files, parsed: project.stats.parsed, flags: index.flags.length };
}

const result = await measure();
const rssMB = process.resourceUsage().maxRSS / 1024;
process.stdout.write(`${JSON.stringify({ ...result, rssMB })}\n`);
