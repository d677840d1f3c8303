// One in-process measurement in a fresh process, so that peak RSS belongs to that measurement alone.
// Usage: node bench/measure.mjs <mode> <root> [cacheDir]
//   parse       read + `ts.createSourceFile` of the project's files (the files deadflag analyses)
//   index-cold  openProject (no cache) + indexFlags
//   index-warm  openProject (cache in cacheDir) + indexFlags
//   scan-cold   openProject (no cache) + scanProject
//   scan-warm   openProject (cache in cacheDir) + scanProject
// The time is from just before the work to just after it: Node's start-up and the loading of
// deadflag's and TypeScript's modules are not in it (the `deadflag-cli` mode of run.mjs times those).
// Prints one JSON line: { ms, cpuMs, rssMB, files, parsed, findings? }; rssMB is the process's peak
// RSS, cpuMs its user + system CPU time over the work (a cross-check when the machine is busy).
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import { distDir, engineModule } from "./corpora.mjs";

const [mode, root, cacheDir] = process.argv.slice(2);
const maxSourceBytes = 2 * 1024 * 1024;
const { indexFlags, openProject, scanProject } = await import(engineModule);
const { discoverProjectSync } = await import(pathToFileURL(path.join(distDir, "src", "project", "discover-project.js")).href);
const { diskFileSystem } = await import(pathToFileURL(path.join(distDir, "src", "project", "disk-file-system.js")).href);

async function measure() {
  if (mode === "parse") {
    // The baseline: what any TypeScript tool pays to read and parse the same files.
    // Files over deadflag's size limit (src/project/read-source-files.ts) are left out, as deadflag does.
    const { files } = discoverProjectSync(diskFileSystem(root), { project: undefined, ignore: [] }, []);
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    let parsed = 0;
    for (const file of files) {
      const text = readFileSync(path.join(root, file), "utf8");
      if (Buffer.byteLength(text) > maxSourceBytes) continue;
      ts.createSourceFile(file, text, ts.ScriptTarget.Latest);
      parsed++;
    }
    return { ms: performance.now() - started, cpuMs: cpuSince(cpuBefore), files: parsed, parsed };
  }
  const [what, temperature] = mode.split("-");
  if (!["index", "scan"].includes(what) || !["cold", "warm"].includes(temperature)) {
    throw new Error(`unknown mode ${mode}`);
  }
  const warm = temperature === "warm";
  if (warm && !cacheDir) throw new Error(`${mode} needs a cache directory`);
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  // `flags` (the index alone) skips the call graph's facts, as the CLI's flags command does.
  const project = await openProject({
    root,
    cache: warm,
    callGraph: what === "scan",
    ...(warm ? { cacheLocation: cacheDir } : {}),
  });
  const result = what === "index" ? { flags: indexFlags(project).flags.length } : { findings: scanProject(project).findings.length };
  const ms = performance.now() - started;
  return { ms, cpuMs: cpuSince(cpuBefore), files: project.stats.files, parsed: project.stats.parsed, ...result };
}

function cpuSince(before) {
  const cpu = process.cpuUsage(before);
  return (cpu.user + cpu.system) / 1000;
}

const result = await measure();
const rssMB = process.resourceUsage().maxRSS / 1024;
process.stdout.write(`${JSON.stringify({ ...result, rssMB })}\n`);
