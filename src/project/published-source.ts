// From a path a package publishes (`main`, `bin`, an `exports` target, `types`) back to the source
// file it is built from: through the package's tsconfig `outDir`/`rootDir` when it has them, else
// by the usual layouts (`dist/cjs/index.js` → `src/index.ts`).
import path from "node:path";
import { sourceExtensions } from "./source-extensions.js";

/** Where to look for the sources of one package. */
export interface PublishedSourceContext {
  /** The package's folder, relative to the analysed root ("" for the root). */
  packageDirectory: string;
  /** The project's files, relative to the root. */
  files: readonly string[];
  fileSet: ReadonlySet<string>;
  /** The package tsconfig's `outDir` and `rootDir`, relative to the analysed root. */
  outDir?: string | undefined;
  rootDir?: string | undefined;
  /** Map declaration files (`types`) too; entries skip them, imports follow them. */
  declarations?: boolean;
}

const buildDirectories = ["dist/", "build/", "lib/", "out/", "esm/", "cjs/"];
/** Per-format folders inside a build directory: `dist/cjs/index.js`, `dist/esm5/index.js` (rxjs). */
const formatDirectories = ["cjs/", "esm/", "esm5/", "esm2015/", "es2015/", "es5/", "es6/", "mjs/", "umd/", "types/", "node/", "browser/", "module/", "commonjs/"];
const declarationPattern = /\.d\.[cm]?ts$/;

/**
 * The source files behind `published` (relative to the package folder): itself when it is a
 * source file of the project, else the same path with the output folder swapped for the source
 * folder and `.js` for `.ts`. A subpath pattern (`./internal/*`) publishes every file it matches,
 * `*` standing for any part of a path as in Node's `exports`.
 */
export function publishedSources(published: string, context: PublishedSourceContext): string[] {
  const { packageDirectory, files, fileSet } = context;
  const inPackage = path.posix.normalize(published.replace(/^\.\//, ""));
  if (inPackage.startsWith("../")) return [];
  const isDeclaration = declarationPattern.test(inPackage);
  if (inPackage.endsWith(".json") || (isDeclaration && context.declarations !== true)) return [];
  const normal = packageDirectory === "" ? inPackage : `${packageDirectory}/${inPackage}`;
  if (fileSet.has(normal) && !isDeclaration) return [normal];
  const stem = stripExtension(normal);
  const stems = [stem];
  const relativeStem = stripExtension(inPackage);
  const within = (p: string): string => (packageDirectory === "" ? p : `${packageDirectory}/${p}`);
  if (context.outDir !== undefined && (stem === context.outDir || stem.startsWith(`${context.outDir}/`))) {
    const rest = stem.slice(context.outDir.length + 1);
    const sourceRoots = context.rootDir === undefined ? [within("src"), packageDirectory] : [context.rootDir];
    for (const sourceRoot of sourceRoots) stems.push(sourceRoot === "" ? rest : `${sourceRoot}/${rest}`);
  }
  for (const dir of buildDirectories) {
    if (!relativeStem.startsWith(dir)) continue;
    const rest = relativeStem.slice(dir.length);
    const unformatted = formatDirectories.filter((format) => rest.startsWith(format)).map((format) => rest.slice(format.length));
    for (const inner of [rest, ...unformatted]) stems.push(within(inner), within(`src/${inner}`), within(`src/${inner.replace(/^src\//, "")}`));
  }
  if (!relativeStem.startsWith("src/")) stems.push(within(`src/${relativeStem}`));
  if (!normal.includes("*")) {
    for (const candidate of stems) {
      for (const ext of sourceExtensions) {
        if (fileSet.has(candidate + ext)) return [candidate + ext];
        if (fileSet.has(`${candidate}/index${ext}`)) return [`${candidate}/index${ext}`];
      }
    }
    return [];
  }
  for (const candidate of stems) {
    const pattern = new RegExp(`^${candidate.split("*").map(escapeRegExp).join(".+")}(?:\\.[cm]?[jt]sx?)$`);
    const matched = files.filter((file) => pattern.test(file) && !declarationPattern.test(file));
    if (matched.length > 0) return matched;
  }
  return [];
}

function stripExtension(file: string): string {
  return file.replace(/\.d\.[cm]?ts$|\.(c|m)?jsx?$|\.(c|m)?tsx?$/, "");
}

function escapeRegExp(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/g, "\\$&");
}
