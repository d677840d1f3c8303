// A tsconfig read as the compiler reads it (`extends`, `include` globs with directory wildcards,
// `files`, `exclude`, `allowJs`, `references`), over a ProjectFileSystem instead of the disk: the
// same code reads the working tree and any git revision.
import path from "node:path";
import picomatch from "picomatch";
import type ts from "typescript";
import { typescript } from "../engine/typescript-module.js";
import type { EngineDiagnostic } from "../engine/engine-diagnostic.js";
import type { PrefetchedFiles } from "./prefetched-files.js";

/** One tsconfig: the project files it selects and the compiler options it gives them. */
export interface ParsedTsconfig {
  /** Absolute POSIX path of the tsconfig. */
  file: string;
  /** Absolute POSIX paths of the files it selects, in the compiler's order. */
  fileNames: string[];
  options: ts.CompilerOptions;
  /** Absolute POSIX paths of the tsconfigs it references. */
  references: string[];
}

const noInputsFound = 18003;

/**
 * Parses the tsconfig at `file` (absolute); `listed` holds every file of the tree (absolute,
 * POSIX), which `include` globs are matched against. Undefined, with a diagnostic naming
 * `display`, when the tsconfig is missing or is not JSON. Reads through `prefetched` without
 * awaiting: a file not fetched yet is noted as a miss, and the caller parses again once it is.
 */
export function readTsconfig(
  file: string,
  display: string,
  prefetched: PrefetchedFiles,
  listed: readonly string[],
  diagnostics: EngineDiagnostic[],
): ParsedTsconfig | undefined {
  const ts = typescript();
  const text = prefetched.textOf(file);
  if (text === undefined) {
    diagnostics.push({ file: display, message: "tsconfig not found; analysing every source file under the root instead" });
    return undefined;
  }
  const host: ts.ParseConfigHost = {
    useCaseSensitiveFileNames: true,
    fileExists: (f) => prefetched.exists(f),
    readFile: (f) => prefetched.textOf(f),
    readDirectory: (rootDir, extensions, excludes, includes) => matchIncludes(listed, rootDir, extensions, excludes ?? [], includes),
  };
  const read = ts.parseConfigFileTextToJson(file, text);
  if (read.error) {
    diagnostics.push({
      file: display,
      message: `${ts.flattenDiagnosticMessageText(read.error.messageText, " ")}; analysing every source file under the root instead`,
    });
    return undefined;
  }
  // A jsconfig.json is a tsconfig with `allowJs` on, as editors read it.
  const existing = path.posix.basename(file) === "jsconfig.json" ? { allowJs: true } : undefined;
  const parsed = ts.parseJsonConfigFileContent(read.config, host, path.posix.dirname(file), existing, file);
  for (const error of parsed.errors) {
    if (error.code === noInputsFound) continue;
    diagnostics.push({ file: display, message: ts.flattenDiagnosticMessageText(error.messageText, " ") });
  }
  return {
    file,
    fileNames: parsed.fileNames.map(toPosix),
    options: parsed.options,
    references: (parsed.projectReferences ?? []).map((reference) => toPosix(ts.resolveProjectReferencePath(reference))),
  };
}

/**
 * TypeScript's `readDirectory` over a listing: `include` and `exclude` specs are relative to
 * `rootDir`; a spec whose last part has neither a wildcard nor an extension is a folder, so
 * `packages/*\/src` selects everything under each package's `src`. Wildcards do not match names
 * that start with a dot, nor `*.min.js`, as in the compiler.
 */
function matchIncludes(
  listed: readonly string[],
  rootDir: string,
  extensions: readonly string[],
  excludes: readonly string[],
  includes: readonly string[] | undefined,
): string[] {
  const base = toPosix(path.resolve(rootDir));
  const includeGlobs = (includes ?? ["**/*"]).map((spec) => asGlob(base, spec));
  const excludeGlobs = excludes.map((spec) => asGlob(base, spec));
  const isIncluded = picomatch(includeGlobs, { dot: false });
  const isExcluded = excludeGlobs.length > 0 ? picomatch(excludeGlobs, { dot: true }) : () => false;
  const prefix = `${base}/`;
  return listed.filter(
    (file) =>
      file.startsWith(prefix) &&
      extensions.some((extension) => file.endsWith(extension)) &&
      !file.endsWith(".min.js") &&
      isIncluded(file) &&
      !isExcluded(file),
  );
}

/** A spec as an absolute glob; parts without a wildcard are escaped (`(group)`, `[id]`, `$slug`). */
function asGlob(base: string, spec: string): string {
  const absolute = toPosix(path.posix.resolve(base, toPosix(spec)));
  const parts = absolute.split("/");
  const last = parts.at(-1) ?? "";
  const glob = parts.map((part) => (/[*?]/.test(part) ? part : part.replace(/[()[\]{}!+@$^|\\]/g, "\\$&"))).join("/");
  if (/[*?]/.test(last) || path.posix.extname(last) !== "") return glob;
  return `${glob}/**/*`;
}

function toPosix(p: string): string {
  return p.split(path.sep).join("/");
}
