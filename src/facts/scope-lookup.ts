// Syntactic name lookup: which declaration an identifier refers to, found by walking up the
// enclosing scopes. It needs no type checker and costs a few statement scans per lookup, which is
// why extraction calls it only for the few expressions that may be flag reads. (Indexing each
// block's declarations on first use was measured slower: most blocks are searched once.)
import ts from "../engine/typescript-api.js";
import type { ValueOrigin } from "./file-facts.js";
import type { ExtractionContext } from "./extraction-context.js";

/** What a name refers to, as far as one file's syntax says. */
export type NameDeclaration =
  | { kind: "import"; origin: ValueOrigin }
  | { kind: "top-level"; node: ts.Node }
  | { kind: "local"; node: ts.Node; path: string[] }
  | { kind: "param"; fn: ts.SignatureDeclaration; param: ts.ParameterDeclaration; index: number; path: string[] };

/** The declaration `name` refers to at `from`, or undefined for a global or unknown name. */
export function lookUpName(name: string, from: ts.Node, ctx: ExtractionContext): NameDeclaration | undefined {
  for (let node: ts.Node | undefined = from.parent; node; node = node.parent) {
    if (ts.isSourceFile(node)) break;
    if (ts.isFunctionLike(node)) {
      const found = findParameter(name, node);
      if (found) return found;
      if (ts.isFunctionExpression(node) && node.name?.text === name) return { kind: "local", node, path: [] };
    }
    const local = findInScope(name, node);
    if (local) return local;
  }
  const origin = ctx.imports.get(name);
  if (origin) return { kind: "import", origin };
  const top = ctx.topLevel.get(name);
  if (top) return { kind: "top-level", node: top };
  return undefined;
}

function findParameter(name: string, fn: ts.SignatureDeclaration): NameDeclaration | undefined {
  for (const [index, param] of fn.parameters.entries()) {
    const path = pathInBinding(name, param.name);
    if (path) return { kind: "param", fn, param, index, path };
  }
  return undefined;
}

function findInScope(name: string, scope: ts.Node): NameDeclaration | undefined {
  if (ts.isBlock(scope) || ts.isModuleBlock(scope) || ts.isCaseClause(scope) || ts.isDefaultClause(scope)) {
    for (const statement of scope.statements) {
      const found = findInStatement(name, statement);
      if (found) return found;
    }
    return undefined;
  }
  if (ts.isForStatement(scope) || ts.isForOfStatement(scope) || ts.isForInStatement(scope)) {
    const init = scope.initializer;
    if (init && ts.isVariableDeclarationList(init)) return findInDeclarationList(name, init);
    return undefined;
  }
  if (ts.isCatchClause(scope) && scope.variableDeclaration) {
    const path = pathInBinding(name, scope.variableDeclaration.name);
    if (path) return { kind: "local", node: scope.variableDeclaration, path };
  }
  return undefined;
}

function findInStatement(name: string, statement: ts.Statement): NameDeclaration | undefined {
  if (ts.isVariableStatement(statement)) return findInDeclarationList(name, statement.declarationList);
  if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name?.text === name) {
    return { kind: "local", node: statement, path: [] };
  }
  return undefined;
}

function findInDeclarationList(name: string, list: ts.VariableDeclarationList): NameDeclaration | undefined {
  for (const declaration of list.declarations) {
    const path = pathInBinding(name, declaration.name);
    if (path) return { kind: "local", node: declaration, path };
  }
  return undefined;
}

/**
 * Where `name` sits inside a binding: `[]` for a plain identifier, `["a", "b"]` for
 * `{ a: { b: name } }`; undefined when the binding does not declare it. Array patterns and rest
 * elements make the path unknowable, so they yield `["*"]`.
 */
function pathInBinding(name: string, binding: ts.BindingName): string[] | undefined {
  if (ts.isIdentifier(binding)) return binding.text === name ? [] : undefined;
  for (const element of binding.elements) {
    if (ts.isOmittedExpression(element)) continue;
    const inner = pathInBinding(name, element.name);
    if (!inner) continue;
    if (ts.isArrayBindingPattern(binding) || element.dotDotDotToken) return ["*", ...inner];
    const key = element.propertyName ? propertyNameText(element.propertyName) : bindingNameText(element.name);
    return [key ?? "*", ...inner];
  }
  return undefined;
}

/** The text of a property name when it is static (`a`, `"a-b"`, `1`), else undefined. */
export function propertyNameText(name: ts.PropertyName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isPrivateIdentifier(name)) {
    return name.text;
  }
  if (ts.isNoSubstitutionTemplateLiteral(name)) return name.text;
  if (ts.isComputedPropertyName(name) && ts.isStringLiteralLike(name.expression)) return name.expression.text;
  return undefined;
}

function bindingNameText(name: ts.BindingName): string | undefined {
  return ts.isIdentifier(name) ? name.text : undefined;
}
