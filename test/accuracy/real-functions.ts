// Real functions for the generated `no-flag-reuse` corpus: module-level functions with a body, as
// rxjs@7 and zod@4 ship them in their npm packages' TypeScript sources (both are devDependencies),
// each with the imports its body uses, made package imports (`rxjs/internal/…`, `zod/v4/core/…`)
// so that a copy in a generated project compiles to the same calls, and the callees stay outside
// that project. Nothing of these packages is committed: the corpus reads them from node_modules.
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import ts from "typescript";

/** One function taken from a package. */
export interface RealFunction {
  /** `rxjs/internal/operators/bufferCount.ts#bufferCount`. */
  origin: string;
  /** Its name in the package. */
  name: string;
  /** The declaration's text, `export function name(…) {…}`, JSDoc and overloads left out. */
  text: string;
  /** Import declarations for the names its body uses from its module's imports. */
  imports: string[];
  /** How many tokens its body has (a rough size). */
  tokens: number;
}

/** The source folders read, per package: every `.ts` file directly in them. */
const sources: Array<{ pkg: string; folders: string[] }> = [
  { pkg: "rxjs", folders: ["src/internal/operators", "src/internal/observable", "src/internal/util"] },
  { pkg: "zod", folders: ["src/v4/core", "src/v4/classic", "src/v3", "src/v3/helpers"] },
];

/** Bodies with fewer tokens are one-line delegations (`return mergeAll(1)`): there is nothing of their own to switch. */
const minTokens = 30;
const maxTokens = 700;

/** Every usable function of the packages, in a stable order (package, file, position). */
export function loadRealFunctions(): RealFunction[] {
  const require = createRequire(import.meta.url);
  const found: RealFunction[] = [];
  const seen = new Set<string>();
  for (const { pkg, folders } of sources) {
    const root = path.dirname(require.resolve(`${pkg}/package.json`));
    for (const folder of folders) {
      let names: string[];
      try {
        names = readdirSync(path.join(root, folder)).filter((n) => n.endsWith(".ts") && !n.endsWith(".d.ts")).sort();
      } catch {
        continue;
      }
      for (const name of names) {
        const file = `${folder}/${name}`;
        const text = readFileSync(path.join(root, file), "utf8");
        for (const fn of functionsOf(pkg, file, text)) {
          // Same name in two files (zod's v3 and v4): keep the first, so names stay unique in a case.
          if (seen.has(fn.name)) continue;
          seen.add(fn.name);
          found.push(fn);
        }
      }
    }
  }
  return found;
}

function functionsOf(pkg: string, file: string, text: string): RealFunction[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const imports = importsOf(pkg, file, source);
  const functions: RealFunction[] = [];
  for (const statement of source.statements) {
    if (!ts.isFunctionDeclaration(statement) || !statement.body || !statement.name) continue;
    if (statement.asteriskToken) continue;
    const tokens = countTokens(statement.body.getText(source));
    if (tokens < minTokens || tokens > maxTokens) continue;
    const name = statement.name.text;
    const declaration = text.slice(statement.getStart(source, false), statement.getEnd());
    const body = declaration.replace(/^(?:export\s+)?(?:default\s+)?(?:declare\s+)?/, "");
    // Types in the signature name imports too: they do not matter to deadflag, but keep them resolvable.
    const used = usedNames(statement);
    functions.push({
      origin: `${pkg}/${file}#${name}`,
      name,
      text: `export ${body}`,
      imports: imports.flatMap((i) => i.render(used)),
      tokens,
    });
  }
  return functions;
}

/** One import declaration of the module, able to print itself for the names a function uses. */
interface ModuleImport {
  render(used: ReadonlySet<string>): string[];
}

function importsOf(pkg: string, file: string, source: ts.SourceFile): ModuleImport[] {
  const imports: ModuleImport[] = [];
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const clause = statement.importClause;
    if (!clause) continue;
    const specifier = packageSpecifier(pkg, file, statement.moduleSpecifier.text);
    const typeOnly = clause.isTypeOnly;
    const bindings = clause.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) {
      const local = bindings.name.text;
      imports.push({ render: (used) => (used.has(local) ? [`import ${typeOnly ? "type " : ""}* as ${local} from "${specifier}";`] : []) });
      continue;
    }
    const defaultName = clause.name?.text;
    const named = bindings && ts.isNamedImports(bindings) ? bindings.elements : [];
    imports.push({
      render: (used) => {
        const parts = named
          .filter((e) => used.has(e.name.text))
          .map((e) => `${e.isTypeOnly && !typeOnly ? "type " : ""}${e.propertyName ? `${e.propertyName.text} as ` : ""}${e.name.text}`);
        const withDefault = defaultName !== undefined && used.has(defaultName);
        if (parts.length === 0 && !withDefault) return [];
        const list = [withDefault ? defaultName : undefined, parts.length > 0 ? `{ ${parts.join(", ")} }` : undefined].filter(Boolean);
        return [`import ${typeOnly ? "type " : ""}${list.join(", ")} from "${specifier}";`];
      },
    });
  }
  return imports;
}

/** `../util/lift` in `rxjs`'s `src/internal/operators/x.ts` → `rxjs/internal/util/lift`. */
function packageSpecifier(pkg: string, file: string, specifier: string): string {
  if (!specifier.startsWith(".")) return specifier;
  const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier)).replace(/\.js$/, "");
  return `${pkg}/${resolved.replace(/^src\//, "")}`;
}

function usedNames(node: ts.Node): Set<string> {
  const names = new Set<string>();
  const visit = (n: ts.Node): void => {
    if (ts.isIdentifier(n)) names.add(n.text);
    ts.forEachChild(n, visit);
  };
  visit(node);
  return names;
}

function countTokens(text: string): number {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, text);
  let count = 0;
  while (scanner.scan() !== ts.SyntaxKind.EndOfFileToken) count++;
  return count;
}
