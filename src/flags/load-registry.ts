// Flag registries: where a project declares its flags. A TypeScript export (an enum, an `as const`
// object or array, a Record of defaults, a union of string literals, an object type) or a JSON
// file (an object of defaults, a list of keys, or a LaunchDarkly-style `{ items: [{ key }] }`).
import { readFileSync } from "node:fs";
import path from "node:path";
import { ConfigError } from "../config/config-error.js";
import type { ExportFact, ExprFact } from "../facts/file-facts.js";
import type { LinkedProject, LiteralValue } from "../graph/linked-project.js";
import type { FlagDeclaration } from "./flag-index.js";
import { describeJsonError } from "../config/describe-json-error.js";

/** How many spreads deep a registry is followed (`[...a]` where `a` is `[...b]`). */
const maxSpreadDepth = 4;

/** Where registry paths are resolved from and reported against. */
export interface RegistryContext {
  root: string;
  configDirectory: string;
  /** The config file, relative to the root, for error messages. */
  configFile: string;
  linked: LinkedProject;
}

/** The declared flags of every registry entry; a missing file or export is a ConfigError. */
export function loadRegistry(entries: readonly string[], context: RegistryContext): FlagDeclaration[] {
  return entries.flatMap((entry, index) => {
    const field = `flags.registry[${index}]`;
    const hash = entry.lastIndexOf("#");
    if (hash > 0) return fromExport(entry, entry.slice(0, hash), entry.slice(hash + 1), field, context);
    return fromJson(entry, field, context);
  });
}

function relativeToRoot(file: string, context: RegistryContext): string {
  return path.relative(context.root, path.resolve(context.configDirectory, file)).split(path.sep).join("/");
}

function fromExport(
  entry: string,
  fileText: string,
  exportName: string,
  field: string,
  context: RegistryContext,
): FlagDeclaration[] {
  const file = relativeToRoot(fileText, context);
  const facts = context.linked.getFacts(file);
  if (!facts) throw new ConfigError(context.configFile, `${field}: ${file} is not a source file of the project`);
  // The declaration that binds the export, not where its value derives from: `export const FLAGS =
  // BASE.flags` is the registry FLAGS holds, not all of BASE.
  const origin = context.linked.resolveExport(file, exportName, "declaration");
  if (origin?.kind !== "declaration") {
    throw new ConfigError(context.configFile, `${field}: ${file} has no export named "${exportName}"`);
  }
  const declared = context.linked.getFacts(origin.file);
  // The line is where the registry is declared, in the file reported with it (not a re-export's line).
  const line = declarationLine(declared?.exports ?? [], origin.name);
  const base = { file: origin.file, source: entry, ...(line === undefined ? {} : { line }) };
  const keyType = declared?.keyTypes[origin.name];
  if (keyType) return [...(keyType.literals ?? []), ...(keyType.properties ?? [])].map((key) => ({ ...base, key }));
  // A constant, or a function that returns an object of defaults (`getFeatureFlags` building one locally).
  const constant = declared?.constants[origin.name] ?? context.linked.functionsOf(origin.file).get(origin.name)?.returnsLiterals;
  const value = constant && context.linked.resolveExpr(origin.file, constant);
  const declarations = value ? declarationsOf(value.expr, value.file, context.linked) : undefined;
  if (!declarations) {
    throw new ConfigError(
      context.configFile,
      `${field}: ${file}#${exportName} is not an enum, a constant object or array, a type listing flag keys, or a function returning an object of defaults`,
    );
  }
  return declarations.map((d) => ({ ...base, ...d }));
}

/** The line of the export that declares the local `name` (`export enum Flag`, `export { FLAGS }`). */
function declarationLine(exports: readonly ExportFact[], name: string): number | undefined {
  const local = exports.filter((e) => e.specifier === undefined && e.local === name);
  return (local.find((e) => e.exported === name) ?? local[0])?.range.line;
}

/**
 * Keys (and defaults) from a constant: an object whose values are all strings maps names to keys
 * (`{ PowerPeg: "power-peg" }`, string enums); any other object maps keys to defaults
 * (`{ "power-peg": false }`); an array lists keys.
 */
function declarationsOf(
  expr: ExprFact,
  file: string,
  linked: LinkedProject,
  depth = 0,
): Array<{ key: string; default?: LiteralValue }> | undefined {
  const literalOf = (e: ExprFact): LiteralValue | undefined => linked.resolveLiteral(file, e);
  // `[...previewFlags, "a"]`, `{ ...baseFlags, a: true }`: what a spread brings, from wherever it is declared.
  const spread = (value: ExprFact): Array<{ key: string; default?: LiteralValue }> => {
    const resolved = depth < maxSpreadDepth ? linked.resolveExpr(file, value) : undefined;
    return (resolved && declarationsOf(resolved.expr, resolved.file, linked, depth + 1)) ?? [];
  };
  if (expr.kind === "array") {
    return expr.elements.flatMap((element) => {
      if (element.kind === "spread") return spread(element.value);
      const value = literalOf(element);
      return typeof value === "string" ? [{ key: value }] : [];
    });
  }
  if (expr.kind !== "object") return undefined;
  const spreadKeys = (expr.spreads ?? []).flatMap(spread);
  const entries = Object.entries(expr.properties).map(([name, value]) => ({ name, value: literalOf(value), expr: value }));
  const own =
    entries.length > 0 && entries.every((e) => typeof e.value === "string")
      ? entries.map((e) => ({ key: String(e.value) }))
      : entries.map((e) => {
          const defaultValue = e.value ?? (e.expr.kind === "object" ? defaultOfObject(e.expr, literalOf) : undefined);
          return defaultValue === undefined ? { key: e.name } : { key: e.name, default: defaultValue };
        });
  // An own property overrides what a spread brought.
  const ownKeys = new Set(own.map((d) => d.key));
  return [...spreadKeys.filter((d) => !ownKeys.has(d.key)), ...own];
}

function defaultOfObject(
  expr: ExprFact & { kind: "object" },
  literalOf: (expr: ExprFact) => LiteralValue | undefined,
): LiteralValue | undefined {
  const holder = expr.properties["defaultValue"] ?? expr.properties["default"];
  return holder ? literalOf(holder) : undefined;
}

function fromJson(entry: string, field: string, context: RegistryContext): FlagDeclaration[] {
  const file = relativeToRoot(entry, context);
  let text: string;
  try {
    text = readFileSync(path.resolve(context.configDirectory, entry), "utf8").replace(/^\uFEFF/, "");
  } catch (error) {
    const reason = isMissingFile(error) ? "does not exist" : "cannot be read";
    throw new ConfigError(context.configFile, `${field}: ${file} ${reason}`, { cause: error });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new ConfigError(context.configFile, `${field}: ${file} is not valid JSON: ${describeJsonError(message, text)}`, {
      cause: error,
    });
  }
  const keys = jsonDeclarations(data);
  if (!keys) {
    throw new ConfigError(
      context.configFile,
      `${field}: ${file} must hold an object of flag defaults, an array of keys, or { "items": [{ "key": … }] }`,
    );
  }
  return keys.map((k) => ({ file, source: entry, ...k }));
}

function jsonDeclarations(data: unknown): Array<{ key: string; default?: LiteralValue }> | undefined {
  if (Array.isArray(data)) {
    return data.flatMap((item: unknown) => {
      if (typeof item === "string") return [{ key: item }];
      if (isRecord(item) && typeof item["key"] === "string") return [{ key: item["key"] }];
      return [];
    });
  }
  if (!isRecord(data)) return undefined;
  const items = data["items"];
  if (Array.isArray(items)) return jsonDeclarations(items);
  return Object.entries(data).map(([key, value]) => (isLiteral(value) ? { key, default: value } : { key }));
}

function isMissingFile(error: unknown): boolean {
  return error instanceof Error && "code" in error && error.code === "ENOENT";
}


function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isLiteral(value: unknown): value is LiteralValue {
  return value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean";
}
