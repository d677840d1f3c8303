// The editor simulation of the ESLint bench, in a fresh process: ESLint (the API an editor
// integration uses) with deadflag's recommended config on a staged corpus; one lint builds the
// graph, then 20 files, spread over the project, are each edited (a new function added, unsaved) and
// re-linted with `ESLint.lintText`, one at a time. Prints one JSON line: the first lint's time, per
// edit its wall and CPU time and the RSS after it, and the heap after a forced full GC once the graph
// is built and again after the last edit (memory flat across the edits: the two are close).
// A forced GC is not forced between edits: V8's forced (memory-reducing) GC throws away the
// optimised code and type feedback of what ran, and the next re-analysis then runs in the
// interpreter at about 2.5 times the cost; with --gc-between, a full GC is forced after every
// edit anyway, as an editor process that goes idle between keystrokes may get one.
// With --parser-only, the same lints without deadflag's rules: what ESLint itself costs per re-lint.
// Usage: node --expose-gc bench/eslint-editor.mjs <staged project root> [--parser-only] [--gc-between]
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { distDir } from "./corpora.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, "..");
const root = path.resolve(process.argv[2]);
const parserOnly = process.argv.includes("--parser-only");
const gcBetween = process.argv.includes("--gc-between");
const { ESLint } = await import(pathToFileURL(path.join(repoRoot, "node_modules", "eslint", "lib", "api.js")).href);
const { default: tseslint } = await import(pathToFileURL(path.join(repoRoot, "node_modules", "typescript-eslint", "dist", "index.js")).href);
const { default: deadflag } = await import(pathToFileURL(path.join(distDir, "rules", "index.js")).href);

const eslint = new ESLint({
  cwd: root,
  overrideConfigFile: true,
  overrideConfig: [
    { files: ["**/*.ts"], languageOptions: { parser: tseslint.parser } },
    { linterOptions: { reportUnusedDisableDirectives: "off" } },
    ...(parserOnly ? [] : [deadflag.configs.recommended]),
    // An editor's first lint after opening a project: the facts cache is cold, as on a fresh clone.
    { settings: { deadflag: { cache: false } } },
  ],
});

/** The corpus's TypeScript files under src/, as root-relative paths (those over deadflag's 2 MiB limit left out). */
function sourceFiles(directory) {
  return readdirSync(path.join(root, directory), { withFileTypes: true }).flatMap((entry) => {
    const file = `${directory}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(file);
    return file.endsWith(".ts") && statSync(path.join(root, file)).size <= 2 * 1024 * 1024 ? [file] : [];
  });
}

const sources = sourceFiles("src").sort();
const step = Math.floor(sources.length / 20);
const edited = Array.from({ length: 20 }, (_, i) => sources[i * step]);

/** One lint: wall time, and the process's CPU time (user + system; on a shared machine it stretches less than wall time). */
const lint = async (file, text) => {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const [result] = await eslint.lintText(text, { filePath: path.join(root, file) });
  const used = process.cpuUsage(cpu);
  const fatal = result.messages.find((m) => m.fatal || !m.ruleId?.startsWith("deadflag/"));
  if (fatal) throw new Error(`${file}: ${fatal.message}`);
  return { ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
};

const heapAfterGc = () => {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
};

const first = await lint(edited[0], readFileSync(path.join(root, edited[0]), "utf8"));
const heapBeforeMB = heapAfterGc();
const edits = [];
for (const [index, file] of edited.entries()) {
  const text = readFileSync(path.join(root, file), "utf8");
  const { ms, cpuMs } = await lint(file, `${text}\nexport function benchEdit${index}(): number {\n  return ${index};\n}\n`);
  if (gcBetween) globalThis.gc?.();
  edits.push({ file, ms, cpuMs, rssMB: process.memoryUsage().rss / 1024 / 1024 });
}
const heapAfterMB = heapAfterGc();
process.stdout.write(`${JSON.stringify({ files: sources.length, gcBetween, firstMs: first.ms, firstCpuMs: first.cpuMs, heapBeforeMB, heapAfterMB, edits })}\n`);
