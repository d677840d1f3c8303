// `retire --verify`: the project type-checked before and after the retirement, the rewritten texts
// in memory, so that a retirement that breaks the build is refused before anything is written. Only
// errors the retirement adds count: a project that does not type-check as it is (missing types of an
// uninstalled package) can still be checked for what retire changes.
import path from "node:path";
import ts from "../engine/typescript-api.js";
import type { FileChange } from "./plan-retirement.js";

/** A type error, at a root-relative POSIX path and 1-based line and column. */
export interface CompileError {
  file: string;
  line: number;
  column: number;
  message: string;
}

/**
 * The first type error that the changes add to the project's program (its tsconfig's files and
 * options, else `files` with default options), or undefined when they add none. An error counts as
 * the same before and after by file, code and message, not by line (lines move).
 */
export function firstNewCompileError(
  root: string,
  tsconfig: string | undefined,
  files: readonly string[],
  changes: readonly FileChange[],
): CompileError | undefined {
  const absoluteRoot = path.resolve(root);
  const { rootNames, options } = programInput(absoluteRoot, tsconfig, files);
  const before = errorsOf(absoluteRoot, rootNames, options, new Map(), undefined);
  const changed = new Map(changes.map((change) => [path.join(absoluteRoot, change.file), change.after]));
  const kept = rootNames.filter((name) => changed.get(path.resolve(name)) !== undefined || !changed.has(path.resolve(name)));
  // The program after reuses the unchanged files of the program before (the default library above all).
  const after = errorsOf(absoluteRoot, kept, options, changed, before.program);
  const seen = new Map<string, number>();
  for (const error of before.errors) seen.set(identity(error), (seen.get(identity(error)) ?? 0) + 1);
  for (const error of after.errors) {
    const left = seen.get(identity(error)) ?? 0;
    if (left === 0) return error;
    seen.set(identity(error), left - 1);
  }
  return undefined;
}

function identity(error: CompileError & { code: number }): string {
  return `${error.file}\0${error.code}\0${error.message}`;
}

function programInput(root: string, tsconfig: string | undefined, files: readonly string[]): { rootNames: string[]; options: ts.CompilerOptions } {
  if (tsconfig) {
    const parsed = ts.getParsedCommandLineOfConfigFile(path.resolve(root, tsconfig), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
    if (parsed) return { rootNames: parsed.fileNames, options: { ...parsed.options, noEmit: true } };
  }
  return { rootNames: files.map((file) => path.join(root, file)), options: { allowJs: true, noEmit: true, strict: true, skipLibCheck: true } };
}

/** The program and its errors, sorted by file and position; `texts` replace files (undefined: deleted). */
function errorsOf(
  root: string,
  rootNames: readonly string[],
  options: ts.CompilerOptions,
  texts: ReadonlyMap<string, string | undefined>,
  oldProgram: ts.Program | undefined,
): { program: ts.Program; errors: Array<CompileError & { code: number }> } {
  const host = ts.createCompilerHost(options, true);
  const changedText = (fileName: string): string | undefined => texts.get(path.resolve(fileName));
  const isChanged = (fileName: string): boolean => texts.has(path.resolve(fileName));
  const { fileExists, readFile, getSourceFile } = host;
  host.fileExists = (fileName) => (isChanged(fileName) ? changedText(fileName) !== undefined : fileExists.call(host, fileName));
  host.readFile = (fileName) => (isChanged(fileName) ? changedText(fileName) : readFile.call(host, fileName));
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    if (!isChanged(fileName)) return getSourceFile.call(host, fileName, languageVersion, onError, shouldCreate);
    const text = changedText(fileName);
    return text === undefined ? undefined : ts.createSourceFile(fileName, text, languageVersion, true);
  };
  const program = ts.createProgram({ rootNames, options, host, ...(oldProgram ? { oldProgram } : {}) });
  const errors: Array<CompileError & { code: number; start: number }> = [];
  // The project's own files only: retire changes no installed package, and checking their
  // declarations costs most of a check (@types/node alone is 50,000 lines), twice.
  const own = program.getSourceFiles().filter((file) => !program.isSourceFileFromExternalLibrary(file) && !program.isSourceFileDefaultLibrary(file));
  const diagnostics = [
    ...program.getOptionsDiagnostics(),
    ...program.getGlobalDiagnostics(),
    ...own.flatMap((file) => [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)]),
  ];
  for (const diagnostic of diagnostics) {
    if (diagnostic.category !== ts.DiagnosticCategory.Error) continue;
    const message = (ts.flattenDiagnosticMessageText(diagnostic.messageText, " ").split("\n")[0] ?? "").replace(/\.$/, "");
    const source = diagnostic.file;
    const start = diagnostic.start ?? 0;
    const position = source ? source.getLineAndCharacterOfPosition(start) : { line: 0, character: 0 };
    const file = source ? path.relative(root, source.fileName).split(path.sep).join("/") : "(project)";
    errors.push({ file, line: position.line + 1, column: position.character + 1, message, code: diagnostic.code, start });
  }
  return { program, errors: errors.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.start - b.start)) };
}
