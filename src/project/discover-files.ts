// Which files make up the project: the tsconfig's file list when there is a usable tsconfig (so
// deadflag sees what the compiler sees), else every JS/TS source under the root. `ignore` globs
// apply to both.
import { statSync } from "node:fs";
import path from "node:path";
import picomatch from "picomatch";
import { glob } from "tinyglobby";
import { ts } from "ts-morph";
import type { EngineDiagnostic } from "../engine/engine-diagnostic.js";
import { InputError } from "../engine/input-error.js";

/** The project's source files and the compiler options that resolve its imports. */
export interface DiscoveredFiles {
  /** POSIX paths relative to the root, sorted. */
  files: string[];
  compilerOptions: ts.CompilerOptions;
  /** The tsconfig used, relative to the root; undefined when the files were globbed. */
  tsconfig: string | undefined;
  diagnostics: EngineDiagnostic[];
}

/** What to look for, all paths absolute. */
export interface DiscoverOptions {
  root: string;
  /** The tsconfig the config names (absolute); without it, `<root>/tsconfig.json` if present. */
  project: string | undefined;
  ignore: readonly string[];
}

/** Extensions deadflag analyses. */
const sourceExtensions = ["ts", "tsx", "mts", "cts", "js", "jsx", "mjs", "cjs"] as const;

const alwaysIgnored = ["**/node_modules/**", "**/.git/**", "**/*.d.ts", "**/*.d.mts", "**/*.d.cts"];
const fallbackIgnored = [...alwaysIgnored, "**/dist/**", "**/build/**", "**/coverage/**", "**/*.min.js"];
const noInputsFound = 18003;

/** Finds the project's files; throws InputError when the root is not a directory. */
export async function discoverFiles(options: DiscoverOptions): Promise<DiscoveredFiles> {
  const root = path.resolve(options.root);
  assertDirectory(root);
  const diagnostics: EngineDiagnostic[] = [];
  const tsconfigPath = options.project ?? existingFile(path.join(root, "tsconfig.json"));
  let files: string[] | undefined;
  let compilerOptions: ts.CompilerOptions = {};
  let tsconfig: string | undefined;
  if (tsconfigPath) {
    const parsed = readTsconfig(tsconfigPath, root, diagnostics);
    if (parsed) {
      files = parsed.files;
      compilerOptions = parsed.options;
      tsconfig = toPosix(path.relative(root, tsconfigPath));
    }
  }
  files ??= await globSources(root);
  const isIgnored = picomatch([...alwaysIgnored, ...options.ignore], { dot: true });
  const kept = files.filter((file) => !isIgnored(file));
  return { files: [...new Set(kept)].sort(), compilerOptions, tsconfig, diagnostics };
}

function assertDirectory(root: string): void {
  let stats;
  try {
    stats = statSync(root);
  } catch {
    throw new InputError(`${root}: no such file or directory`);
  }
  if (!stats.isDirectory()) throw new InputError(`${root}: not a directory`);
}

function existingFile(file: string): string | undefined {
  try {
    return statSync(file).isFile() ? file : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The files a tsconfig includes, following solution-style `references`; undefined (with a
 * diagnostic) when the tsconfig is missing or broken, so the caller falls back to globbing.
 */
function readTsconfig(
  tsconfigPath: string,
  root: string,
  diagnostics: EngineDiagnostic[],
  seen = new Set<string>(),
): { files: string[]; options: ts.CompilerOptions } | undefined {
  const display = toPosix(path.relative(root, tsconfigPath)) || tsconfigPath;
  if (seen.has(tsconfigPath)) return { files: [], options: {} };
  seen.add(tsconfigPath);
  if (!existingFile(tsconfigPath)) {
    diagnostics.push({ file: display, message: "tsconfig not found; analysing every source file under the root instead" });
    return undefined;
  }
  const read = ts.readConfigFile(tsconfigPath, ts.sys.readFile);
  if (read.error) {
    diagnostics.push({
      file: display,
      message: `${ts.flattenDiagnosticMessageText(read.error.messageText, " ")}; analysing every source file under the root instead`,
    });
    return undefined;
  }
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, path.dirname(tsconfigPath), undefined, tsconfigPath);
  const errors = parsed.errors.filter((e) => e.code !== noInputsFound);
  for (const error of errors) {
    diagnostics.push({ file: display, message: ts.flattenDiagnosticMessageText(error.messageText, " ") });
  }
  const files = parsed.fileNames.flatMap((file) => {
    const relative = toPosix(path.relative(root, file));
    return relative.startsWith("../") || path.isAbsolute(relative) ? [] : [relative];
  });
  for (const reference of parsed.projectReferences ?? []) {
    const referenced = ts.resolveProjectReferencePath(reference);
    const inner = readTsconfig(referenced, root, diagnostics, seen);
    if (inner) files.push(...inner.files);
  }
  return { files, options: parsed.options };
}

async function globSources(root: string): Promise<string[]> {
  return glob([`**/*.{${sourceExtensions.join(",")}}`], {
    cwd: root,
    ignore: fallbackIgnored,
    followSymbolicLinks: false,
    dot: false,
  });
}

function toPosix(p: string): string {
  return p.split(path.sep).join("/");
}
