// Extraction: one parse and one walk of a file, producing its FileFacts. This is the only code in
// deadflag that sees the AST. It is pure (path, text, options → facts) so the result can be cached
// by content hash and computed for any revision of the file.
import ts from "../engine/typescript-api.js";
import type {
  FunctionFact,
  CallFact,
  CalleeFact,
  EnvReadFact,
  ExportFact,
  ExprFact,
  FileFacts,
  ImportFact,
  KeyPropertyFact,
  MemberMapFact,
  ParseErrorFact,
  ValueFlowFact,
} from "./file-facts.js";
import { isBooleanTest } from "./boolean-test.js";
import { GraphFactsCollector } from "./collect-graph-facts.js";
import type { ExtractOptions, ExtractionContext } from "./extraction-context.js";
import { ValueFollower } from "./follow-value.js";
import type { ValueFlow } from "./follow-value.js";
import { guardsOf, guardsOfVariable, referencesTo, statementsBranch } from "./guard-regions.js";
import { lookUpName, propertyNameText } from "./scope-lookup.js";
import { skipTransparentDown, skipTransparentUp } from "./skip-transparent.js";
import { previewText, rangeOfNode } from "./source-range.js";
import { dynamicImportNames, literalSpecifier, requireNames } from "./dynamic-import-names.js";
import { accessChain, summarizeExpression } from "./summarize-expression.js";
import { originOf } from "./trace-origin.js";

// In the per-node walk, look TypeScript's members up once.
const Kind = ts.SyntaxKind;
const forEachChild = ts.forEachChild;

const maxArgs = 4;
const maxReceiverText = 60;

/** Parses `text` as the file `fileName` and extracts its facts. */
export function extractFileFacts(fileName: string, text: string, options: ExtractOptions): FileFacts {
  // JSDoc is not needed for facts, and skipping it halves the parse (measured on effect's sources).
  const sourceFile = ts.createSourceFile(
    fileName,
    text,
    { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone },
    false,
    scriptKindOf(fileName),
  );
  const ctx: ExtractionContext = {
    sourceFile,
    options,
    imports: new Map(),
    topLevel: new Map(),
    functionNames: new Map(),
    ...configuredShapes(options.readNames),
  };
  const facts: FileFacts = {
    imports: [],
    exports: [],
    constants: {},
    bindings: {},
    keyTypes: {},
    functions: [],
    calls: [],
    envReads: [],
    declarations: [],
    callGraph: false,
    parseErrors: parseErrorsOf(sourceFile),
  };
  collectModuleNames(ctx, facts);
  const walker = new FileWalker(ctx, facts);
  walker.walk();
  collectModuleValues(ctx, facts);
  walker.finish();
  facts.declarations = walker.graph?.finish() ?? [];
  facts.callGraph = walker.graph !== undefined;
  const exportedLocals = new Set(facts.exports.map((e) => e.local).filter((l) => l !== undefined));
  for (const fn of facts.functions) {
    const owner = fn.name.split(".")[0] ?? fn.name;
    fn.exported = exportedLocals.has(owner) && ctx.topLevel.has(owner);
  }
  return facts;
}

/** The factories, member paths and object keys that `readNames` lists besides called names. */
function configuredShapes(readNames: ReadonlySet<string>): Pick<ExtractionContext, "factories" | "memberPaths" | "objectKeys"> {
  const factories = new Set<string>();
  const memberPaths: string[][] = [];
  const objectKeys = new Set<string>();
  for (const name of readNames) {
    if (name.endsWith("()")) factories.add(name.slice(0, -2));
    else if (name.startsWith(".")) memberPaths.push(name.slice(1).split("."));
    else if (name.endsWith(":")) objectKeys.add(name.slice(0, -1));
  }
  return {
    ...(factories.size > 0 ? { factories } : {}),
    ...(memberPaths.length > 0 ? { memberPaths } : {}),
    ...(objectKeys.size > 0 ? { objectKeys } : {}),
  };
}

/** The script kind TypeScript should parse a file as, from its extension. */
function scriptKindOf(fileName: string): ts.ScriptKind {
  if (fileName.endsWith(".tsx")) return ts.ScriptKind.TSX;
  if (fileName.endsWith(".jsx")) return ts.ScriptKind.JSX;
  if (/\.[cm]?js$/.test(fileName)) return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}

/**
 * Syntax errors of the parse. TypeScript keeps them on the source file without a public accessor
 * (a Program would report them, at the cost of building one), hence the reflective read.
 */
function parseErrorsOf(sourceFile: ts.SourceFile): ParseErrorFact[] {
  const diagnostics: unknown = Reflect.get(sourceFile, "parseDiagnostics");
  if (!Array.isArray(diagnostics)) return [];
  const errors: ParseErrorFact[] = [];
  for (const diagnostic of diagnostics) {
    if (!isDiagnostic(diagnostic)) continue;
    const at = sourceFile.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
    errors.push({
      message: ts.flattenDiagnosticMessageText(diagnostic.messageText, " "),
      line: at.line + 1,
      column: at.character + 1,
    });
  }
  return errors;
}

function isDiagnostic(value: unknown): value is ts.Diagnostic {
  return typeof value === "object" && value !== null && "messageText" in value;
}

function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node)?.some((m) => m.kind === kind) ?? false);
}

/** Imports and module-level names: what the walk's filters need. Pure syntax: parents are not set yet. */
function collectModuleNames(ctx: ExtractionContext, facts: FileFacts): void {
  const { sourceFile } = ctx;
  for (const statement of sourceFile.statements) {
    if (ts.isImportDeclaration(statement)) collectImport(statement, ctx, facts);
    else if (ts.isImportEqualsDeclaration(statement)) collectImportEquals(statement, ctx, facts);
    else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        for (const name of bindingNames(declaration.name)) ctx.topLevel.set(name, declaration);
        collectRequire(declaration, ctx, facts);
      }
    } else if (
      (ts.isFunctionDeclaration(statement) ||
        ts.isClassDeclaration(statement) ||
        ts.isEnumDeclaration(statement) ||
        ts.isModuleDeclaration(statement) ||
        ts.isInterfaceDeclaration(statement) ||
        ts.isTypeAliasDeclaration(statement)) &&
      statement.name &&
      ts.isIdentifier(statement.name)
    ) {
      ctx.topLevel.set(statement.name.text, statement);
    }
  }
}

/** Exports, constants, bindings and key types: these look names up, so they run after the walk set parents. */
function collectModuleValues(ctx: ExtractionContext, facts: FileFacts): void {
  for (const statement of ctx.sourceFile.statements) {
    if (ts.isVariableStatement(statement)) collectVariableStatement(statement, ctx, facts);
    else if (ts.isEnumDeclaration(statement)) collectEnum(statement, facts);
    else if (ts.isTypeAliasDeclaration(statement) || ts.isInterfaceDeclaration(statement)) collectKeyType(statement, facts);
    else if (ts.isExportDeclaration(statement)) collectExportDeclaration(statement, ctx, facts);
    else if (ts.isExportAssignment(statement)) collectExportAssignment(statement, ctx, facts);
    else if (ts.isExpressionStatement(statement)) collectCommonJsExport(statement, ctx, facts);
    if (
      ts.isFunctionDeclaration(statement) ||
      ts.isClassDeclaration(statement) ||
      ts.isEnumDeclaration(statement) ||
      ts.isInterfaceDeclaration(statement) ||
      ts.isTypeAliasDeclaration(statement) ||
      ts.isModuleDeclaration(statement)
    ) {
      collectDeclarationExport(statement, ctx, facts);
    }
  }
}

/**
 * CommonJS exports, so `require` binds across files as `import` does: `module.exports = { A, b: B }`
 * exports A and b, `module.exports = A` exports A as the default, `exports.a = A` and
 * `module.exports.a = A` export a. A name binds its declaration; any other value is the call graph's
 * node `exports.a` (or `module.exports` for the whole), so the local is that name. `require` as a
 * value re-exports: `module.exports = require("./x")` all of x, `exports.a = require("./a")` a
 * namespace, `{ ...require("./x") }` all of x.
 */
function collectCommonJsExport(statement: ts.ExpressionStatement, ctx: ExtractionContext, facts: FileFacts): void {
  const expr = statement.expression;
  if (!ts.isBinaryExpression(expr) || expr.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return;
  const value = skipTransparentDown(expr.right);
  const push = (fact: Omit<ExportFact, "typeOnly" | "range" | "commonJs">, at: ts.Node): void => {
    facts.exports.push({ ...fact, typeOnly: false, range: rangeOfNode(at, ctx.sourceFile), commonJs: true });
  };
  const exportValue = (exported: string, local: ts.Expression, at: ts.Node, nodeName: string): void => {
    const node = skipTransparentDown(local);
    const required = requiredMember(node);
    if (required) push({ exported, specifier: required.specifier, imported: required.imported }, at);
    else push({ exported, local: ts.isIdentifier(node) ? node.text : nodeName }, at);
  };
  if (isModuleExports(expr.left)) {
    const specifier = requireSpecifier(value);
    if (specifier !== undefined) push({ exported: "*", specifier, imported: "*" }, statement);
    else if (ts.isObjectLiteralExpression(value)) {
      for (const property of value.properties) collectCommonJsProperty(property, ctx, push, exportValue);
    } else {
      exportValue("default", value, statement, "module.exports");
    }
    return;
  }
  if (ts.isPropertyAccessExpression(expr.left) && (isModuleExports(expr.left.expression) || isIdentifierNamed(expr.left.expression, "exports"))) {
    const name = expr.left.name.text;
    exportValue(name, value, statement, `exports.${name}`);
  }
}

/** One property of `module.exports = { … }`: a name, a value of its own, or a spread of a required module. */
function collectCommonJsProperty(
  property: ts.ObjectLiteralElementLike,
  ctx: ExtractionContext,
  push: (fact: Omit<ExportFact, "typeOnly" | "range" | "commonJs">, at: ts.Node) => void,
  exportValue: (exported: string, local: ts.Expression, at: ts.Node, nodeName: string) => void,
): void {
  if (ts.isShorthandPropertyAssignment(property)) {
    push({ exported: property.name.text, local: property.name.text }, property);
    return;
  }
  if (ts.isSpreadAssignment(property)) {
    const spread = skipTransparentDown(property.expression);
    const bound = ts.isIdentifier(spread) ? ctx.imports.get(spread.text) : undefined;
    const specifier = requireSpecifier(spread) ?? (bound?.imported === "*" ? bound.specifier : undefined);
    if (specifier !== undefined) push({ exported: "*", specifier, imported: "*" }, property);
    return;
  }
  const name = propertyNameText(property.name);
  if (name === undefined) return;
  if (ts.isPropertyAssignment(property)) exportValue(name, property.initializer, property, `exports.${name}`);
  else push({ exported: name, local: `exports.${name}` }, property);
}

/** `require("./a")` (the whole module, `*`) or `require("./a").b` (its export `b`). */
function requiredMember(node: ts.Expression): { specifier: string; imported: string } | undefined {
  const whole = requireSpecifier(node);
  if (whole !== undefined) return { specifier: whole, imported: "*" };
  if (!ts.isPropertyAccessExpression(node)) return undefined;
  const specifier = requireSpecifier(skipTransparentDown(node.expression));
  return specifier === undefined ? undefined : { specifier, imported: node.name.text };
}

function isModuleExports(node: ts.Expression): boolean {
  return ts.isPropertyAccessExpression(node) && node.name.text === "exports" && isIdentifierNamed(node.expression, "module");
}

function isIdentifierNamed(node: ts.Expression, name: string): boolean {
  return ts.isIdentifier(node) && node.text === name;
}

function collectImport(statement: ts.ImportDeclaration, ctx: ExtractionContext, facts: FileFacts): void {
  if (!ts.isStringLiteral(statement.moduleSpecifier)) return;
  const specifier = statement.moduleSpecifier.text;
  const clause = statement.importClause;
  const range = rangeOfNode(statement, ctx.sourceFile);
  if (!clause) {
    facts.imports.push({ specifier, typeOnly: false, kind: "static", range });
    return;
  }
  const clauseTypeOnly = clause.isTypeOnly;
  const bind = (imported: string, local: string, typeOnly: boolean): void => {
    ctx.imports.set(local, { kind: "import", specifier, imported });
    facts.imports.push({ specifier, imported, local, typeOnly, kind: "static", range });
  };
  if (clause.name) bind("default", clause.name.text, clauseTypeOnly);
  const named = clause.namedBindings;
  if (named && ts.isNamespaceImport(named)) bind("*", named.name.text, clauseTypeOnly);
  if (named && ts.isNamedImports(named)) {
    for (const element of named.elements) {
      const imported = element.propertyName ? moduleExportNameText(element.propertyName) : element.name.text;
      bind(imported, element.name.text, clauseTypeOnly || element.isTypeOnly);
    }
  }
}

function moduleExportNameText(name: ts.ModuleExportName): string {
  return name.text;
}

function collectImportEquals(statement: ts.ImportEqualsDeclaration, ctx: ExtractionContext, facts: FileFacts): void {
  const reference = statement.moduleReference;
  if (!ts.isExternalModuleReference(reference) || !ts.isStringLiteral(reference.expression)) return;
  const specifier = reference.expression.text;
  ctx.imports.set(statement.name.text, { kind: "import", specifier, imported: "*" });
  facts.imports.push({
    specifier,
    imported: "*",
    local: statement.name.text,
    typeOnly: statement.isTypeOnly,
    kind: "require",
    range: rangeOfNode(statement, ctx.sourceFile),
  });
}

/**
 * `const x = require("m")`, `const { a } = require("m")` and `const a = require("m").a` at module
 * level bind like imports (`import * as x`, `import { a }`).
 */
function collectRequire(declaration: ts.VariableDeclaration, ctx: ExtractionContext, facts: FileFacts): void {
  const init = declaration.initializer && skipTransparentDown(declaration.initializer);
  const required = init && requiredMember(init);
  if (required === undefined) return;
  const specifier = required.specifier;
  const range = rangeOfNode(declaration, ctx.sourceFile);
  const bind = (imported: string, local: string): void => {
    ctx.imports.set(local, { kind: "import", specifier, imported });
    ctx.topLevel.delete(local);
    facts.imports.push({ specifier, imported, local, typeOnly: false, kind: "require", range });
  };
  if (ts.isIdentifier(declaration.name)) bind(required.imported, declaration.name.text);
  else if (required.imported !== "*") return;
  else if (ts.isObjectBindingPattern(declaration.name)) {
    for (const element of declaration.name.elements) {
      if (!ts.isIdentifier(element.name)) continue;
      const imported = element.propertyName ? propertyNameText(element.propertyName) : element.name.text;
      bind(imported ?? "*", element.name.text);
    }
  }
}

function requireSpecifier(node: ts.Expression): string | undefined {
  if (
    ts.isCallExpression(node) &&
    ts.isIdentifier(node.expression) &&
    node.expression.text === "require" &&
    node.arguments.length === 1
  ) {
    const arg = node.arguments[0];
    if (arg && ts.isStringLiteralLike(arg)) return arg.text;
  }
  return undefined;
}

function bindingNames(name: ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  const names: string[] = [];
  for (const element of name.elements) {
    if (!ts.isOmittedExpression(element)) names.push(...bindingNames(element.name));
  }
  return names;
}

function collectVariableStatement(statement: ts.VariableStatement, ctx: ExtractionContext, facts: FileFacts): void {
  const exported = hasModifier(statement, ts.SyntaxKind.ExportKeyword);
  const isConst = (statement.declarationList.flags & ts.NodeFlags.Const) !== 0;
  const typeOnly = hasModifier(statement, ts.SyntaxKind.DeclareKeyword);
  for (const declaration of statement.declarationList.declarations) {
    if (exported) {
      for (const name of bindingNames(declaration.name)) {
        facts.exports.push({ exported: name, local: name, typeOnly, range: rangeOfNode(declaration, ctx.sourceFile) });
      }
    }
    if (!declaration.initializer) continue;
    if (!ts.isIdentifier(declaration.name)) {
      // `export const { getValue } = setupClient()`: each name derives from the initializer.
      const origin = originOf(declaration.initializer, ctx);
      if (origin) for (const name of bindingNames(declaration.name)) if (!ctx.imports.has(name)) facts.bindings[name] = origin;
      continue;
    }
    const name = declaration.name.text;
    if (ctx.imports.has(name)) continue;
    if (isConst) {
      const value = summarizeExpression(declaration.initializer, ctx);
      if (value.kind !== "other") facts.constants[name] = value;
    }
    const origin = originOf(declaration.initializer, ctx);
    if (origin) facts.bindings[name] = origin;
  }
}

function collectEnum(statement: ts.EnumDeclaration, facts: FileFacts): void {
  const properties: Record<string, ExprFact> = {};
  let next = 0;
  for (const member of statement.members) {
    const name = propertyNameText(member.name);
    const init = member.initializer;
    let value: ExprFact | undefined;
    if (!init) value = { kind: "number", value: next++ };
    else if (ts.isStringLiteralLike(init)) value = { kind: "string", value: init.text };
    else if (ts.isNumericLiteral(init)) {
      next = Number(init.text) + 1;
      value = { kind: "number", value: Number(init.text) };
    }
    if (name !== undefined && value) properties[name] = value;
  }
  facts.constants[statement.name.text] = { kind: "object", properties };
}

function collectKeyType(statement: ts.TypeAliasDeclaration | ts.InterfaceDeclaration, facts: FileFacts): void {
  const members = ts.isInterfaceDeclaration(statement)
    ? statement.members
    : ts.isTypeLiteralNode(statement.type)
      ? statement.type.members
      : undefined;
  if (members) {
    const properties = members.flatMap((m) => {
      const name = ts.isPropertySignature(m) ? propertyNameText(m.name) : undefined;
      return name === undefined ? [] : [name];
    });
    if (properties.length > 0) facts.keyTypes[statement.name.text] = { properties };
    return;
  }
  // `type Flag = "only"`: a registry of one flag.
  if (ts.isTypeAliasDeclaration(statement) && ts.isLiteralTypeNode(statement.type) && ts.isStringLiteralLike(statement.type.literal)) {
    facts.keyTypes[statement.name.text] = { literals: [statement.type.literal.text] };
    return;
  }
  if (ts.isTypeAliasDeclaration(statement) && ts.isUnionTypeNode(statement.type)) {
    const literals: string[] = [];
    for (const member of statement.type.types) {
      if (!ts.isLiteralTypeNode(member) || !ts.isStringLiteralLike(member.literal)) return;
      literals.push(member.literal.text);
    }
    facts.keyTypes[statement.name.text] = { literals };
  }
}

function collectExportDeclaration(statement: ts.ExportDeclaration, ctx: ExtractionContext, facts: FileFacts): void {
  const specifier =
    statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier) ? statement.moduleSpecifier.text : undefined;
  const range = rangeOfNode(statement, ctx.sourceFile);
  const clause = statement.exportClause;
  if (!clause) {
    if (specifier !== undefined) facts.exports.push({ exported: "*", specifier, imported: "*", typeOnly: statement.isTypeOnly, range });
    return;
  }
  if (ts.isNamespaceExport(clause)) {
    if (specifier !== undefined) {
      facts.exports.push({ exported: moduleExportNameText(clause.name), specifier, imported: "*", typeOnly: statement.isTypeOnly, range });
    }
    return;
  }
  for (const element of clause.elements) {
    const exported = moduleExportNameText(element.name);
    const inner = element.propertyName ? moduleExportNameText(element.propertyName) : exported;
    const typeOnly = statement.isTypeOnly || element.isTypeOnly;
    if (specifier !== undefined) facts.exports.push({ exported, specifier, imported: inner, typeOnly, range });
    else facts.exports.push({ exported, local: inner, typeOnly, range });
  }
}

function collectExportAssignment(statement: ts.ExportAssignment, ctx: ExtractionContext, facts: FileFacts): void {
  const range = rangeOfNode(statement, ctx.sourceFile);
  const expr = skipTransparentDown(statement.expression);
  const exported = statement.isExportEquals ? "=" : "default";
  if (ts.isIdentifier(expr)) {
    facts.exports.push({ exported, local: expr.text, typeOnly: false, range });
    return;
  }
  facts.exports.push({ exported, local: "default", typeOnly: false, range });
  const value = summarizeExpression(expr, ctx);
  if (value.kind !== "other") facts.constants["default"] = value;
  const origin = originOf(expr, ctx);
  if (origin) facts.bindings["default"] = origin;
}

function collectDeclarationExport(
  statement:
    | ts.FunctionDeclaration
    | ts.ClassDeclaration
    | ts.EnumDeclaration
    | ts.InterfaceDeclaration
    | ts.TypeAliasDeclaration
    | ts.ModuleDeclaration,
  ctx: ExtractionContext,
  facts: FileFacts,
): void {
  if (!hasModifier(statement, ts.SyntaxKind.ExportKeyword)) return;
  const name = statement.name && ts.isIdentifier(statement.name) ? statement.name.text : undefined;
  const isDefault = hasModifier(statement, ts.SyntaxKind.DefaultKeyword);
  const typeOnly =
    ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement) || hasModifier(statement, ts.SyntaxKind.DeclareKeyword);
  const range = rangeOfNode(statement, ctx.sourceFile);
  if (isDefault) facts.exports.push({ exported: "default", local: name ?? "default", typeOnly, range });
  else if (name !== undefined) facts.exports.push({ exported: name, local: name, typeOnly, range });
}

/** A parameter of a named function as a local name binds it: the whole parameter, or one property of it. */
interface ParamBinding {
  fact: FunctionFact;
  index: number;
  path: string[];
}

/** Whether an identifier naming a parameter is a use whose value may be followed (not its declaration). */
function isParamUse(id: ts.Identifier): boolean {
  const parent = id.parent;
  if (ts.isParameter(parent) || ts.isBindingElement(parent)) return false;
  if (ts.isPropertyAccessExpression(parent)) return parent.expression === id;
  if (ts.isPropertyAssignment(parent) || ts.isJsxAttribute(parent)) return parent.initializer === id;
  return !ts.isTypeReferenceNode(parent) && !ts.isQualifiedName(parent);
}

/** The walk over every node: named functions, candidate flag reads, env reads, dynamic imports. */
class FileWalker {
  private readonly enclosing: string[] = [];
  private readonly paramNames: Array<Set<string>> = [];
  /** Parallel to `paramNames`: the parameters of named functions, whose uses are recorded. */
  private readonly paramScopes: Array<Map<string, ParamBinding> | undefined> = [];
  private readonly paramFlows = new Map<FunctionFact, Map<number, ValueFlow>>();
  private readonly functionIndex = new Map<ts.Node, number>();
  private readonly functionStack: ts.Node[] = [];
  private readonly returnRecorded = new Set<FunctionFact>();

  constructor(
    private readonly ctx: ExtractionContext,
    private readonly facts: FileFacts,
  ) {
    this.graph = ctx.options.callGraph === false ? undefined : new GraphFactsCollector(ctx);
    this.follower = new ValueFollower(
      ctx,
      (callee) => this.passedToCallee(callee),
      (fn) => ctx.functionNames.get(fn),
    );
  }

  /** Follows values that may hold flags (flag maps) through the file. */
  private readonly follower: ValueFollower;

  /**
   * The walk sets parents as it descends and indexes identifiers; work that looks below the current
   * node (summarising arguments, tracing receivers) or follows variables to their uses needs both
   * complete, so it is queued here and runs in `finish`. One traversal instead of three.
   */
  private readonly deferred: Array<() => void> = [];
  private readonly identifiers = new Map<string, ts.Identifier[]>();
  private parentOfVisited: ts.Node | undefined;
  private walked = false;
  /** Functions with more than one `return value`: no single read is what they return. */
  private readonly severalReturns = new Set<FunctionFact>();
  private readonly returnCounts = new Map<ts.Node, number>();
  /** The call graph's declarations and uses, collected on the same walk (unless not wanted). */
  readonly graph: GraphFactsCollector | undefined;

  walk(): void {
    this.visitChildren(this.ctx.sourceFile);
    this.ctx.identifierIndex = this.identifiers;
    this.walked = true;
    this.graph?.afterWalk();
  }

  /** Runs the queued work; call after the module-level values are collected. */
  finish(): void {
    for (const work of this.deferred) work();
    for (const [fact, byIndex] of this.paramFlows) {
      for (const [index, flow] of [...byIndex].sort((a, b) => a[0] - b[0])) {
        if (flow.reads.length === 0 && flow.passes.length === 0 && flow.returns.length === 0) continue;
        fact.paramFlows ??= [];
        fact.paramFlows.push({ index, reads: flow.reads, ...flowFact(flow) });
      }
    }
  }

  private visitChildren(node: ts.Node): void {
    const saved = this.parentOfVisited;
    this.parentOfVisited = node;
    forEachChild(node, this.visit);
    this.parentOfVisited = saved;
  }

  private visit = (node: ts.Node): void => {
    // `parent` is read-only in the types and left unset by `createSourceFile(…, false)`; setting it
    // here spares TypeScript's separate parent-binding pass over the whole tree.
    (node as { parent: ts.Node | undefined }).parent = this.parentOfVisited;
    if (node.kind === Kind.Identifier) {
      const id = node as ts.Identifier; // the kind says so; a type guard call per identifier is measurable here
      const list = this.identifiers.get(id.text);
      if (list) list.push(id);
      else this.identifiers.set(id.text, [id]);
      this.graph?.identifier(id);
      if (this.paramNames.length > 0) this.visitParamUse(id);
      return;
    }
    this.graph?.enter(node);
    switch (node.kind) {
      case Kind.FunctionDeclaration:
      case Kind.FunctionExpression:
      case Kind.ArrowFunction:
      case Kind.MethodDeclaration:
      case Kind.Constructor:
      case Kind.GetAccessor:
      case Kind.SetAccessor:
        if (ts.isFunctionLike(node)) this.visitFunction(node);
        this.graph?.exit(node);
        return;
      case Kind.CallExpression:
        if (ts.isCallExpression(node)) this.visitCall(node);
        break;
      case Kind.NewExpression:
        if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "Function") {
          this.graph?.evalCall(node);
        }
        break;
      case Kind.PropertyAccessExpression:
        if (ts.isPropertyAccessExpression(node)) this.visitAccess(node);
        break;
      case Kind.ElementAccessExpression:
        if (ts.isElementAccessExpression(node)) {
          this.graph?.elementAccess(node);
          this.visitAccess(node);
        }
        break;
      case Kind.JsxSelfClosingElement:
      case Kind.JsxOpeningElement:
        if (ts.isJsxSelfClosingElement(node) || ts.isJsxOpeningElement(node)) this.visitJsx(node);
        break;
      case Kind.VariableDeclaration:
        if (ts.isVariableDeclaration(node)) this.visitVariable(node);
        break;
      case Kind.PropertyAssignment:
      case Kind.ShorthandPropertyAssignment:
        if (this.ctx.objectKeys && (ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node))) this.visitKeyProperty(node);
        break;
      case Kind.ReturnStatement:
        if (ts.isReturnStatement(node) && node.expression) {
          const fn = this.functionStack[this.functionStack.length - 1];
          if (fn) this.returnCounts.set(fn, (this.returnCounts.get(fn) ?? 0) + 1);
          this.recordReturn(node.expression);
        }
        break;
    }
    this.visitChildren(node);
    this.graph?.exit(node);
  };

  private visitFunction(node: ts.SignatureDeclaration): void {
    const params = node.parameters.map((p) => (ts.isIdentifier(p.name) ? p.name.text : undefined));
    const name = this.nameOfFunction(node);
    if (name !== undefined) {
      this.ctx.functionNames.set(node, name);
      this.functionIndex.set(node, this.facts.functions.length);
      const fact: FunctionFact = { name, params, range: rangeOfNode(node, this.ctx.sourceFile), exported: false };
      this.facts.functions.push(fact);
      if (node.parameters.some((p) => p.initializer)) this.deferred.push(() => recordParamDefaults(node, fact, this.ctx));
      this.enclosing.push(name);
    }
    this.paramNames.push(new Set(node.parameters.flatMap((p) => bindingNames(p.name))));
    this.paramScopes.push(name === undefined ? undefined : this.paramScopeOf(node));
    this.functionStack.push(node);
    if (ts.isArrowFunction(node) && !ts.isBlock(node.body)) this.recordReturn(node.body);
    this.visitChildren(node);
    const index = this.functionIndex.get(node);
    const own = index === undefined ? undefined : this.facts.functions[index];
    if (own && (this.returnCounts.get(node) ?? 0) > 1) {
      this.severalReturns.add(own);
      delete own.returnsCall;
    }
    this.functionStack.pop();
    this.paramNames.pop();
    this.paramScopes.pop();
    if (name !== undefined) this.enclosing.pop();
  }

  /** The parameters of a named function by local name: each a whole parameter or one property of it. */
  private paramScopeOf(node: ts.SignatureDeclaration): Map<string, ParamBinding> | undefined {
    const fact = this.facts.functions[this.functionIndex.get(node) ?? -1];
    if (!fact || node.parameters.length === 0) return undefined;
    const scope = new Map<string, ParamBinding>();
    for (const [index, param] of node.parameters.entries()) {
      if (ts.isIdentifier(param.name)) scope.set(param.name.text, { fact, index, path: [] });
      else if (ts.isObjectBindingPattern(param.name)) {
        for (const element of param.name.elements) {
          if (!ts.isIdentifier(element.name) || element.dotDotDotToken) continue;
          const property = element.propertyName ? propertyNameText(element.propertyName) : element.name.text;
          if (property !== undefined) scope.set(element.name.text, { fact, index, path: [property] });
        }
      }
    }
    return scope;
  }

  /**
   * A use of a named function's parameter: what is read of it and where it goes is recorded, since
   * a flag map may be passed to the function. Found on the walk (no name lookups), so recording
   * every parameter's uses stays cheap.
   */
  private visitParamUse(id: ts.Identifier): void {
    for (let i = this.paramNames.length - 1; i >= 0; i--) {
      if (!this.paramNames[i]?.has(id.text)) continue;
      const binding = this.paramScopes[i]?.get(id.text);
      if (binding && isParamUse(id)) {
        this.deferred.push(() => {
          const flow = this.paramFlowOf(binding.fact, binding.index);
          this.follower.followParameterUse(id, binding.path, flow);
        });
      }
      return;
    }
  }

  private paramFlowOf(fact: FunctionFact, index: number): ValueFlow {
    let byIndex = this.paramFlows.get(fact);
    if (!byIndex) {
      byIndex = new Map();
      this.paramFlows.set(fact, byIndex);
    }
    let flow = byIndex.get(index);
    if (!flow) {
      flow = { reads: [], passes: [], returns: [] };
      byIndex.set(index, flow);
    }
    return flow;
  }

  /** The name deadflag gives a function-like node, or undefined when it is anonymous. */
  private nameOfFunction(node: ts.SignatureDeclaration): string | undefined {
    const prefix = this.enclosing.length > 0 ? `${this.enclosing[this.enclosing.length - 1]}.` : "";
    const own = ownName(node);
    if (own !== undefined) {
      const owner = ts.isClassElement(node) || ts.isObjectLiteralElement(node) ? containerName(node) : undefined;
      if (owner !== undefined) return `${owner}.${own}`;
      if (ts.isClassElement(node) || ts.isObjectLiteralElement(node)) return undefined;
      return prefix + own;
    }
    // `const isOn = (key) => …` and `{ isOn: (key) => … }`, `class A { isOn = (key) => … }`
    const holder = skipTransparentUp(node).parent;
    if (holder && ts.isVariableDeclaration(holder) && ts.isIdentifier(holder.name)) return prefix + holder.name.text;
    if (holder && (ts.isPropertyAssignment(holder) || ts.isPropertyDeclaration(holder))) {
      const property = propertyNameText(holder.name);
      const owner = containerName(holder);
      if (property !== undefined && owner !== undefined) return `${owner}.${property}`;
    }
    return undefined;
  }

  private visitCall(call: ts.CallExpression): void {
    const callee = skipTransparentDown(call.expression);
    if (callee.kind === ts.SyntaxKind.ImportKeyword) {
      this.graph?.dynamicImport(call, "dynamic");
      this.recordDynamicImport(call, "dynamic");
      return;
    }
    if (ts.isIdentifier(callee) && callee.text === "require" && call.arguments.length === 1) {
      const inCode = this.functionStack.length > 0;
      if (inCode) this.graph?.dynamicImport(call, "require");
      this.recordDynamicImport(call, "require", inCode);
      return;
    }
    if (ts.isIdentifier(callee) && callee.text === "eval") this.graph?.evalCall(call);
    const name = calleeName(callee);
    if (name === undefined) return;
    const readNames = this.ctx.options.readNames;
    // `import { flag as declareFlag }`: the imported name is what the SDK calls it.
    const isReadName = readNames.has(name) || readNames.has(this.ctx.imports.get(name)?.imported ?? "");
    if (isReadName || this.passesParameter(call) || this.callsModuleLevelWithKey(callee, call)) {
      this.recordCall(call, callee, name, isReadName);
    } else if (this.ctx.factories && ts.isIdentifier(callee)) {
      // `const flag = makeFlag(); flag("x")`: a reader the configured factory returned.
      this.deferred.push(() => {
        if (this.madeByFactory(callee)) this.recordCall(call, callee, name, false);
      });
    } else if ((ts.isPropertyAccessExpression(callee) || ts.isElementAccessExpression(callee)) && hasKeyLikeArgument(call)) {
      // `this.flags.isLive("x")`, `ff.isLive("x")` on a typed parameter: a method wrapper, if the
      // receiver can be traced. Tracing looks below this node, so it waits for the walk's end.
      const receiver = callee.expression;
      this.deferred.push(() => {
        if (originOf(receiver, this.ctx)) this.recordCall(call, callee, name, false);
      });
    }
  }

  private recordCall(call: ts.CallExpression, callee: ts.Expression, name: string, isReadName: boolean): void {
    const fact: CallFact = {
      callee: { kind: "function", name },
      args: [],
      range: rangeOfNode(call, this.ctx.sourceFile),
      guards: [],
    };
    const enclosing = this.enclosing[this.enclosing.length - 1];
    if (enclosing !== undefined) fact.enclosing = enclosing;
    const complete = (): void => {
      fact.callee = this.calleeFact(callee, name);
      fact.args = call.arguments.slice(0, maxArgs).map((arg) => summarizeExpression(arg, this.ctx));
      fact.guards = guardsOf(call, this.ctx);
      if (isBooleanTest(call)) fact.tested = true;
      if (!isReadName) {
        // A project function may return a flag map (`const loadFlags = () => getFeatureFlags()`):
        // what is read of its calls' values is kept, guards only where a read is tested.
        if (!ts.isIdentifier(callee)) return;
        const flow = this.follower.follow(call, true);
        if (flow.reads.length > 0) fact.propertyReads = flow.reads;
        if (flow.returns.length > 0) fact.flow = { returns: flow.returns };
        return;
      }
      const flow = this.follower.follow(call);
      if (flow.reads.length > 0) fact.propertyReads = flow.reads;
      const moves = flowFact(flow);
      if (moves.passes || moves.returns) fact.flow = moves;
    };
    if (this.walked) complete();
    else this.deferred.push(complete);
    const holder = skipTransparentUp(call).parent;
    if (
      holder &&
      ts.isVariableDeclaration(holder) &&
      ts.isIdentifier(holder.name) &&
      this.ctx.topLevel.get(holder.name.text) === holder
    ) {
      fact.assignedTo = holder.name.text;
    }
    this.markReturned(call, this.facts.calls.length);
    this.facts.calls.push(fact);
  }

  private calleeFact(callee: ts.Expression, name: string): CalleeFact {
    if (ts.isPropertyAccessExpression(callee) || ts.isElementAccessExpression(callee)) {
      const receiverNode = callee.expression;
      const text = previewText(receiverNode, this.ctx.sourceFile, maxReceiverText);
      const receiver: CalleeFact & { kind: "method" } = {
        kind: "method",
        name,
        receiver: { text },
      };
      const origin = originOf(receiverNode, this.ctx);
      if (origin) receiver.receiver.origin = origin;
      return receiver;
    }
    const fact: CalleeFact = { kind: "function", name };
    const origin = originOf(callee, this.ctx);
    if (!origin) return fact;
    // A local variable is not the function it came from: `const { checkGate } = useStatsigClient()`
    // calls a member of what the hook returned, not the hook.
    const declaration = ts.isIdentifier(callee) ? lookUpName(callee.text, callee, this.ctx) : undefined;
    if (declaration?.kind === "local" || declaration?.kind === "param") fact.derivedFrom = origin;
    else fact.origin = origin;
    return fact;
  }

  /** A call that hands on a parameter of an enclosing function: that function may be a wrapper. */
  private passesParameter(call: ts.CallExpression): boolean {
    if (this.enclosing.length === 0 || this.paramNames.length === 0) return false;
    const params = { has: (name: string): boolean => this.paramNames.some((set) => set.has(name)) };
    return call.arguments.slice(0, maxArgs).some((arg) => {
      const root = rootName(arg);
      if (root !== undefined) return params.has(root);
      if (ts.isObjectLiteralExpression(arg)) {
        return arg.properties.some((p) =>
          ts.isShorthandPropertyAssignment(p) ? params.has(p.name.text) : ts.isPropertyAssignment(p) && params.has(rootName(p.initializer) ?? ""),
        );
      }
      return false;
    });
  }

  /**
   * A call of an imported or module-level function with a key-like argument, or with none: it may
   * call a wrapper defined elsewhere (`isOn("x")`) or a flag handle (`await showBanner()`).
   */
  private callsModuleLevelWithKey(callee: ts.Expression, call: ts.CallExpression): boolean {
    const root = rootName(callee);
    if (root === undefined || !(this.ctx.imports.has(root) || this.ctx.topLevel.has(root))) {
      if (!(ts.isPropertyAccessExpression(callee) && callee.expression.kind === ts.SyntaxKind.ThisKeyword)) return false;
    }
    if (call.arguments.length === 0) return true;
    return call.arguments.slice(0, 3).some((arg) => this.isKeyLike(arg, true));
  }

  /**
   * A string literal, a template or concatenation (a key the index reports as not constant), a
   * module-level name, or an object literal holding one (`flagOr({ key: "promo" })`).
   */
  private isKeyLike(arg: ts.Expression, inObject: boolean): boolean {
    const node = skipTransparentDown(arg);
    if (isStringish(node)) return true;
    if (inObject && ts.isObjectLiteralExpression(node)) {
      return node.properties.some((p) =>
        ts.isPropertyAssignment(p) ? this.isKeyLike(p.initializer, false) : ts.isShorthandPropertyAssignment(p) && this.isModuleLevel(p.name.text),
      );
    }
    const argRoot = rootName(node);
    return argRoot !== undefined && this.isModuleLevel(argRoot);
  }

  private isModuleLevel(name: string): boolean {
    return this.ctx.imports.has(name) || this.ctx.topLevel.has(name);
  }

  /** The callee a value is passed to: a function, a method or a component, when it has a name. */
  private passedToCallee(callee: ts.Expression): CalleeFact | undefined {
    const node = skipTransparentDown(callee);
    if (ts.isJsxNamespacedName(node)) return undefined;
    if (ts.isIdentifier(node) && ts.isJsxOpeningLikeElement(node.parent) && node.parent.tagName === node) {
      const fact: CalleeFact = { kind: "jsx", name: node.text };
      const origin = originOf(node, this.ctx);
      if (origin) fact.origin = origin;
      return fact;
    }
    const name = calleeName(node);
    return name === undefined ? undefined : this.calleeFact(node, name);
  }

  /** Whether a local function value was made by a configured factory: `const flag = makeFlag()`. */
  private madeByFactory(callee: ts.Identifier): boolean {
    const declaration = lookUpName(callee.text, callee, this.ctx);
    if (declaration?.kind !== "local" && declaration?.kind !== "top-level") return false;
    const node = declaration.node;
    if (!ts.isVariableDeclaration(node) || !node.initializer) return false;
    const init = skipTransparentDown(node.initializer);
    if (!ts.isCallExpression(init)) return false;
    const factory = calleeName(skipTransparentDown(init.expression));
    const factories = this.ctx.factories;
    return factory !== undefined && factories !== undefined && (factories.has(factory) || factories.has(this.ctx.imports.get(factory)?.imported ?? ""));
  }

  /** `return call` or an arrow whose body is the call: the enclosing named function returns its value. */
  private markReturned(call: ts.CallExpression, callIndex: number): void {
    const top = skipTransparentUp(call);
    const parent = top.parent;
    let fn: ts.Node | undefined;
    if (parent && ts.isArrowFunction(parent) && parent.body === top) fn = parent;
    else if (parent && ts.isReturnStatement(parent)) {
      for (let node: ts.Node | undefined = parent.parent; node; node = node.parent) {
        if (ts.isFunctionLike(node)) {
          fn = node;
          break;
        }
      }
    }
    const index = fn && this.functionIndex.get(fn);
    const target = index === undefined ? undefined : this.facts.functions[index];
    if (target && target.returnsCall === undefined && !this.severalReturns.has(target)) target.returnsCall = callIndex;
  }

  /** The first returned value of a named function whose origin is known: client factories. */
  private recordReturn(expr: ts.Expression): void {
    const fn = this.functionStack[this.functionStack.length - 1];
    const index = fn && this.functionIndex.get(fn);
    const target = index === undefined ? undefined : this.facts.functions[index];
    if (target && this.ctx.topLevel.has(target.name) && (ts.isObjectLiteralExpression(expr) || ts.isIdentifier(expr))) {
      // A module-level function returning an object of literals may serve as a registry of defaults.
      this.deferred.push(() => {
        if (target.returnsLiterals !== undefined) return;
        const value = summarizeExpression(expr, this.ctx);
        if (isLiteralObject(value)) target.returnsLiterals = value;
      });
    }
    if (!target || this.returnRecorded.has(target)) return;
    this.returnRecorded.add(target);
    this.deferred.push(() => {
      const origin = originOf(expr, this.ctx);
      if (origin) target.returns = origin;
    });
  }

  /**
   * An `import()` (or a `require` inside code): the exports it reads when syntax shows them (see
   * dynamicImportNames), else the whole module. Reading them follows references: after the walk.
   */
  private recordDynamicImport(call: ts.CallExpression, kind: ImportFact["kind"], inCode = true): void {
    const specifier = literalSpecifier(call.arguments[0], this.ctx);
    if (specifier === undefined) return;
    const alreadyBound = this.facts.imports.some((i) => i.kind === "require" && i.range.start <= call.pos && call.end <= i.range.end);
    if (alreadyBound) return;
    const fact: ImportFact = { specifier, typeOnly: false, kind, range: rangeOfNode(call, this.ctx.sourceFile) };
    this.facts.imports.push(fact);
    if (kind === "require" && !inCode) return;
    this.deferred.push(() => {
      const names = kind === "dynamic" ? dynamicImportNames(call, this.ctx) : requireNames(call, this.ctx);
      if (names === undefined) return;
      const [first, ...rest] = [...new Set(names.map((n) => n.name))];
      if (first === undefined) return;
      fact.imported = first;
      for (const imported of rest) this.facts.imports.push({ ...fact, imported });
    });
  }

  /** `process.env.X`, `process.env["X"]`, `import.meta.env.X`; and members configured as flag maps. */
  private visitAccess(node: ts.PropertyAccessExpression | ts.ElementAccessExpression): void {
    if (this.ctx.memberPaths && ts.isPropertyAccessExpression(node)) this.visitMember(node);
    if (!isEnvObject(node.expression)) return;
    const name = accessedName(node);
    // `process.env.X = "true"` (in a test's setup) sets the variable; it reads nothing.
    if (name === undefined || isAssignedTo(node)) return;
    const read: EnvReadFact = {
      name,
      object: envObjectName(node.expression),
      range: rangeOfNode(node, this.ctx.sourceFile),
      guards: [],
    };
    const enclosing = this.enclosing[this.enclosing.length - 1];
    if (enclosing !== undefined) read.enclosing = enclosing;
    this.facts.envReads.push(read);
    this.deferred.push(() => {
      read.guards = guardsOf(node, this.ctx);
      if (this.testedAsBoolean(node)) read.tested = true;
    });
  }

  /** Whether a value is tested as a boolean where it is read, or through the `const` it initialises. */
  private testedAsBoolean(node: ts.Expression): boolean {
    if (isBooleanTest(node)) return true;
    const holder = skipTransparentUp(node).parent;
    if (!holder || !ts.isVariableDeclaration(holder) || !ts.isIdentifier(holder.name)) return false;
    return referencesTo(holder.name.text, holder, this.ctx).some((ref) => isBooleanTest(ref));
  }

  /** `session.user.featureFlags`: a member configured as a map of flags; what is read of it. */
  private visitMember(node: ts.PropertyAccessExpression): void {
    const path = this.ctx.memberPaths?.find((steps) => endsWithMembers(node, steps));
    if (!path || isAssignedTo(node)) return;
    const fact: MemberMapFact = { path: [...path], range: rangeOfNode(node, this.ctx.sourceFile), reads: [] };
    const enclosing = this.enclosing[this.enclosing.length - 1];
    if (enclosing !== undefined) fact.enclosing = enclosing;
    this.deferred.push(() => this.completeMember(fact, this.follower.follow(node)));
    this.facts.memberMaps ??= [];
    this.facts.memberMaps.push(fact);
  }

  private completeMember(fact: MemberMapFact, flow: ValueFlow): void {
    fact.reads = flow.reads;
    const moves = flowFact(flow);
    if (moves.passes || moves.returns) fact.flow = moves;
  }

  /** `{ path: "/beta", featureFlag: "beta" }`: a configured object key; its value is a flag key. */
  private visitKeyProperty(node: ts.PropertyAssignment | ts.ShorthandPropertyAssignment): void {
    const name = propertyNameText(node.name);
    if (name === undefined || !this.ctx.objectKeys?.has(name)) return;
    // A key in a destructuring assignment target binds, it does not declare a flag.
    if (!ts.isObjectLiteralExpression(node.parent) || isAssignedTo(node.parent)) return;
    const fact: KeyPropertyFact = { name, value: { kind: "null" }, range: rangeOfNode(node, this.ctx.sourceFile) };
    const enclosing = this.enclosing[this.enclosing.length - 1];
    if (enclosing !== undefined) fact.enclosing = enclosing;
    this.deferred.push(() => {
      fact.value = ts.isPropertyAssignment(node) ? summarizeExpression(node.initializer, this.ctx) : summarizeExpression(node.name, this.ctx);
    });
    this.facts.keyProperties ??= [];
    this.facts.keyProperties.push(fact);
  }

  /** `const { FEATURE_X } = process.env`; `const { featureFlags } = session.user` for a configured member. */
  private visitVariable(node: ts.VariableDeclaration): void {
    if (!node.initializer || !ts.isObjectBindingPattern(node.name)) return;
    const init = skipTransparentDown(node.initializer);
    if (this.ctx.memberPaths) this.visitMemberBinding(node, node.name);
    if (!isEnvObject(init)) return;
    for (const element of node.name.elements) {
      if (!ts.isIdentifier(element.name)) continue;
      const name = element.propertyName ? propertyNameText(element.propertyName) : element.name.text;
      if (name === undefined) continue;
      const read: EnvReadFact = {
        name,
        object: envObjectName(init),
        range: rangeOfNode(element, this.ctx.sourceFile),
        guards: [],
      };
      const enclosing = this.enclosing[this.enclosing.length - 1];
      if (enclosing !== undefined) read.enclosing = enclosing;
      this.facts.envReads.push(read);
      const local = element.name.text;
      this.deferred.push(() => {
        read.guards = guardsOfVariable(local, node, this.ctx);
        if (referencesTo(local, node, this.ctx).some((ref) => this.testedAsBoolean(ref))) read.tested = true;
      });
    }
  }

  /** `const { featureFlags } = session.user`: the local holds the configured member's map. */
  private visitMemberBinding(node: ts.VariableDeclaration, pattern: ts.ObjectBindingPattern): void {
    for (const element of pattern.elements) {
      if (!ts.isIdentifier(element.name) || element.dotDotDotToken) continue;
      const name = element.propertyName ? propertyNameText(element.propertyName) : element.name.text;
      const path = this.ctx.memberPaths?.find((steps) => steps.length === 1 && steps[0] === name);
      if (!path) continue;
      const fact: MemberMapFact = { path: [...path], range: rangeOfNode(element, this.ctx.sourceFile), reads: [] };
      const enclosing = this.enclosing[this.enclosing.length - 1];
      if (enclosing !== undefined) fact.enclosing = enclosing;
      const local = element.name.text;
      this.deferred.push(() => this.completeMember(fact, this.follower.followLocal(local, node)));
      this.facts.memberMaps ??= [];
      this.facts.memberMaps.push(fact);
    }
  }

  /** `<IfFeatureEnabled feature="x">…</IfFeatureEnabled>`: a read whose on-branch is the children. */
  private visitJsx(node: ts.JsxSelfClosingElement | ts.JsxOpeningElement): void {
    const tag = node.tagName;
    const name = ts.isIdentifier(tag) ? tag.text : ts.isPropertyAccessExpression(tag) ? tag.name.text : undefined;
    if (name === undefined || !this.ctx.options.readNames.has(name)) return;
    const element = ts.isJsxOpeningElement(node) ? node.parent : node;
    const callee: CalleeFact = { kind: "jsx", name };
    const properties: Record<string, ExprFact> = {};
    const fact: CallFact = {
      callee,
      args: [{ kind: "object", properties }],
      range: rangeOfNode(element, this.ctx.sourceFile),
      guards: [],
    };
    this.deferred.push(() => {
      for (const attribute of node.attributes.properties) {
        if (!ts.isJsxAttribute(attribute)) continue;
        const attrName = attribute.name.getText(this.ctx.sourceFile);
        const init = attribute.initializer;
        if (!init) properties[attrName] = { kind: "boolean", value: true };
        else if (ts.isStringLiteral(init)) properties[attrName] = { kind: "string", value: init.text };
        else if (ts.isJsxExpression(init) && init.expression) properties[attrName] = summarizeExpression(init.expression, this.ctx);
      }
      const origin = ts.isIdentifier(tag) ? originOf(tag, this.ctx) : undefined;
      if (origin) callee.origin = origin;
      // Whitespace between tags is a child too; only what renders counts as the guarded code.
      const children = ts.isJsxElement(element)
        ? element.children.filter((child) => !(ts.isJsxText(child) && child.containsOnlyTriviaWhiteSpaces))
        : [];
      if (children.length > 0) {
        const on = statementsBranch(children, element, this.ctx);
        fact.guards.push({ kind: "jsx-children", polarity: "positive", range: fact.range, on });
      }
    });
    const enclosing = this.enclosing[this.enclosing.length - 1];
    if (enclosing !== undefined) fact.enclosing = enclosing;
    this.facts.calls.push(fact);
  }
}

/** `fallback = false`: the literal (or constant) defaults of a function's parameters. */
function recordParamDefaults(node: ts.SignatureDeclaration, fact: FunctionFact, ctx: ExtractionContext): void {
  for (const [index, param] of node.parameters.entries()) {
    if (!param.initializer) continue;
    const value = summarizeExpression(param.initializer, ctx);
    if (value.kind === "other" || value.kind === "object" || value.kind === "array") continue;
    fact.paramDefaults ??= [];
    fact.paramDefaults.push({ index, value });
  }
}

/** An object whose every property is a literal: flag defaults (`{ tokens: false, ai: false }`). */
function isLiteralObject(value: ExprFact): boolean {
  if (value.kind !== "object" || value.spreads) return false;
  const values = Object.values(value.properties);
  return values.length > 0 && values.every((v) => v.kind === "boolean" || v.kind === "string" || v.kind === "number" || v.kind === "null");
}

/** The passes and returns of a followed value, as stored in facts (empty lists left out). */
function flowFact(flow: ValueFlow): ValueFlowFact {
  const fact: ValueFlowFact = {};
  if (flow.passes.length > 0) fact.passes = flow.passes;
  if (flow.returns.length > 0) fact.returns = flow.returns;
  return fact;
}

/** `a.b = …`, `a.b++`, `delete a.b`, `({ a } = …)`: the node is written, not read. */
function isAssignedTo(node: ts.Expression): boolean {
  const top = skipTransparentUp(node);
  const parent = top.parent;
  if (!parent) return false;
  if (ts.isBinaryExpression(parent)) {
    const op = parent.operatorToken.kind;
    return parent.left === top && op >= ts.SyntaxKind.FirstAssignment && op <= ts.SyntaxKind.LastAssignment;
  }
  if (ts.isDeleteExpression(parent)) return true;
  if (ts.isPrefixUnaryExpression(parent) || ts.isPostfixUnaryExpression(parent)) {
    return parent.operator === ts.SyntaxKind.PlusPlusToken || parent.operator === ts.SyntaxKind.MinusMinusToken;
  }
  return false;
}

/** Whether `node` is `<anything>.steps[0]. … .steps[n]`: a configured member path. */
function endsWithMembers(node: ts.PropertyAccessExpression, steps: readonly string[]): boolean {
  let current: ts.Expression = node;
  for (let i = steps.length - 1; i >= 0; i--) {
    current = skipTransparentDown(current);
    if (!ts.isPropertyAccessExpression(current) || current.name.text !== steps[i]) return false;
    current = current.expression;
  }
  return true;
}

function ownName(node: ts.SignatureDeclaration): string | undefined {
  if (ts.isConstructorDeclaration(node)) return "constructor";
  const name = node.name;
  if (!name) return undefined;
  return propertyNameText(name);
}

/** The name of the class or `const` object literal that holds a member, when it has one. */
function containerName(member: ts.Node): string | undefined {
  const container = member.parent;
  if (ts.isClassLike(container)) return container.name?.text;
  if (ts.isObjectLiteralExpression(container)) {
    const holder = skipTransparentUp(container).parent;
    if (holder && ts.isVariableDeclaration(holder) && ts.isIdentifier(holder.name)) return holder.name.text;
  }
  return undefined;
}

/** A string, a template or a `+` concatenation with a string: text that could be a key. */
function isStringish(node: ts.Expression): boolean {
  if (ts.isStringLiteralLike(node) || ts.isTemplateExpression(node)) return true;
  return (
    ts.isBinaryExpression(node) &&
    node.operatorToken.kind === ts.SyntaxKind.PlusToken &&
    (isStringish(skipTransparentDown(node.left)) || isStringish(skipTransparentDown(node.right)))
  );
}

/** Whether a call passes a literal key (or an object holding one) in its first arguments. */
function hasKeyLikeArgument(call: ts.CallExpression): boolean {
  return call.arguments.slice(0, 3).some((arg) => {
    const node = skipTransparentDown(arg);
    if (isStringish(node)) return true;
    return ts.isObjectLiteralExpression(node) && node.properties.some((p) => ts.isPropertyAssignment(p) && isStringish(skipTransparentDown(p.initializer)));
  });
}

/** The called name: `f` for `f()`, `m` for `a.b.m()` and `a["m"]()`. */
function calleeName(callee: ts.Expression): string | undefined {
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  if (ts.isElementAccessExpression(callee) && ts.isStringLiteralLike(callee.argumentExpression)) return callee.argumentExpression.text;
  return undefined;
}

/** The identifier an expression (or property chain) starts with: `a` for `a.b.c`. */
function rootName(expr: ts.Expression): string | undefined {
  const node = skipTransparentDown(expr);
  if (ts.isIdentifier(node)) return node.text;
  if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
    return accessChain(node)?.root.text;
  }
  return undefined;
}

function accessedName(node: ts.PropertyAccessExpression | ts.ElementAccessExpression): string | undefined {
  if (ts.isPropertyAccessExpression(node)) return node.name.text;
  const arg = node.argumentExpression;
  return ts.isStringLiteralLike(arg) ? arg.text : undefined;
}

function envObjectName(expr: ts.Expression): EnvReadFact["object"] {
  return ts.isPropertyAccessExpression(expr) && ts.isMetaProperty(expr.expression) ? "import.meta.env" : "process.env";
}

function isEnvObject(expr: ts.Expression): boolean {
  if (!ts.isPropertyAccessExpression(expr) || expr.name.text !== "env") return false;
  const target = expr.expression;
  if (ts.isIdentifier(target)) return target.text === "process";
  return ts.isMetaProperty(target) && target.keywordToken === ts.SyntaxKind.ImportKeyword;
}
