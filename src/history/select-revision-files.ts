// Which files of a revision's tree are the project: the revision's own tsconfig `files`, `include`,
// `exclude` and `allowJs` (as globs over the tree listing), or every source file outside build and
// vendor folders. The working tree, compared against a revision, goes through the same selection so that
// both sides of a diff see the project the same way.
import path from "node:path";
import picomatch from "picomatch";
import { ts } from "ts-morph";

/** The files and compiler options of a project at one revision. */
export interface RevisionFiles {
  files: string[];
  compilerOptions: ts.CompilerOptions;
}

const sourcePattern = /\.(?:[cm]?tsx?|[cm]?jsx?)$/;
const javascriptPattern = /\.[cm]?jsx?$/;
const declarationPattern = /\.d\.[cm]?ts$/;
const alwaysExcluded = ["**/node_modules/**", "**/.git/**"];
const excludedWithoutTsconfig = ["**/dist/**", "**/build/**", "**/coverage/**", "**/*.min.js"];

/**
 * Selects the project's files among `paths` (POSIX, relative to the analysed root). `tsconfigText`
 * is the revision's tsconfig.json, if it has one; `ignore` the config's ignore globs.
 */
export function selectRevisionFiles(
  paths: readonly string[],
  tsconfigText: string | undefined,
  ignore: readonly string[],
): RevisionFiles {
  const sources = paths.filter((p) => sourcePattern.test(p) && !declarationPattern.test(p));
  const isIgnored = picomatch([...alwaysExcluded, ...ignore], { dot: true });
  const parsed = tsconfigText === undefined ? undefined : ts.parseConfigFileTextToJson("tsconfig.json", tsconfigText);
  const json: unknown = parsed?.error ? undefined : parsed?.config;
  if (!isRecord(json)) {
    const isExcluded = picomatch(excludedWithoutTsconfig, { dot: true });
    return { files: sources.filter((p) => !isIgnored(p) && !isExcluded(p)).sort(), compilerOptions: {} };
  }
  const options = ts.convertCompilerOptionsFromJson(json["compilerOptions"], "/").options;
  const explicit = new Set(stringsOf(json["files"]).map(normalize));
  const include = stringsOf(json["include"]);
  const includeGlobs = (include.length > 0 || explicit.size > 0 ? include : ["**/*"]).map(asGlob);
  const excludeGlobs = (json["exclude"] === undefined ? defaultExcludes(options) : stringsOf(json["exclude"])).map(asGlob);
  const isIncluded = includeGlobs.length > 0 ? picomatch(includeGlobs, { dot: false }) : () => false;
  const isExcluded = excludeGlobs.length > 0 ? picomatch(excludeGlobs, { dot: true }) : () => false;
  // As the compiler does: JavaScript only with `allowJs`, unless `files` names it.
  const isLanguage = (p: string): boolean => options.allowJs === true || !javascriptPattern.test(p);
  const files = sources.filter((p) => !isIgnored(p) && (explicit.has(p) || (isIncluded(p) && isLanguage(p) && !isExcluded(p))));
  return { files: files.sort(), compilerOptions: options };
}

/** tsconfig's default `exclude`: the package folders and the output directory. */
function defaultExcludes(options: ts.CompilerOptions): string[] {
  const excludes = ["node_modules", "bower_components", "jspm_packages"];
  if (options.outDir) excludes.push(path.posix.relative("/", options.outDir.split(path.sep).join("/")));
  return excludes;
}

/** A tsconfig include/exclude entry as a glob: a bare directory means everything under it. */
function asGlob(entry: string): string {
  const normal = normalize(entry);
  if (normal === "" || normal === ".") return "**/*";
  if (normal.includes("*") || path.posix.extname(normal) !== "") return normal;
  return `${normal}/**/*`;
}

function normalize(entry: string): string {
  return path.posix.normalize(entry.replace(/\\/g, "/")).replace(/^\.\//, "").replace(/\/$/, "");
}

function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
