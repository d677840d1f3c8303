// The call graph's part of extraction: which declarations a file has (module-level ones, class
// members, and the module's own top-level statements) and what each one's code uses. It rides on
// the extraction walk (enter/identifier/exit hooks) so the file is traversed once.
import ts from "../engine/typescript-api.js";
import type { DeclarationFact, DeclarationKind, UseKind } from "./file-facts.js";
import type { ExtractionContext } from "./extraction-context.js";
import { lookUpName, propertyNameText } from "./scope-lookup.js";
import { skipTransparentDown } from "./skip-transparent.js";
import { rangeOfNode } from "./source-range.js";
import { constInitializer } from "./module-constant.js";
import { accessChain } from "./summarize-expression.js";
import { dynamicImportNames, literalPrefixes, literalSpecifier, requireNames } from "./dynamic-import-names.js";

const Kind = ts.SyntaxKind;

/** Kinds by role, as lookup tables: `enter` runs for every node, and most nodes play no role. */
const startsTypeKind = kindTable([Kind.InterfaceDeclaration, Kind.TypeAliasDeclaration, Kind.HeritageClause], [
  Kind.FirstTypeNode,
  Kind.LastTypeNode,
]);
const startsDeferredKind = kindTable([
  Kind.FunctionDeclaration,
  Kind.FunctionExpression,
  Kind.ArrowFunction,
  Kind.MethodDeclaration,
  Kind.Constructor,
  Kind.GetAccessor,
  Kind.SetAccessor,
  Kind.MethodSignature,
  Kind.CallSignature,
  Kind.ConstructSignature,
  Kind.IndexSignature,
  Kind.FunctionType,
  Kind.ConstructorType,
  Kind.PropertyDeclaration,
]);
const evaluatesKind = kindTable([
  Kind.CallExpression,
  Kind.NewExpression,
  Kind.AwaitExpression,
  Kind.TaggedTemplateExpression,
  Kind.Decorator,
  Kind.BinaryExpression,
]);

function kindTable(kinds: readonly ts.SyntaxKind[], range?: [ts.SyntaxKind, ts.SyntaxKind]): Uint8Array {
  const table = new Uint8Array(Kind.Count);
  for (const kind of kinds) table[kind] = 1;
  if (range) for (let kind = range[0]; kind <= range[1]; kind++) table[kind] = 1;
  return table;
}

/** What entering a node pushed, so that leaving it pops exactly that. */
interface Frame {
  node: ts.Node;
  /** The declaration entered here; `null` for a sink (imports, exports) whose names are not uses. */
  declaration?: DeclarationFact | null;
  deferredAtEntry?: number;
  type?: boolean;
  deferred?: boolean;
}

const moduleNodeName = "(module)";

/** Collects the call-graph facts of one file during the extraction walk. */
export class GraphFactsCollector {
  readonly declarations: DeclarationFact[] = [];
  private readonly frames: Frame[] = [];
  private readonly declarationFrames: Frame[] = [];
  private moduleNode: DeclarationFact | undefined;
  /** Dynamic imports with a literal specifier, settled in `afterWalk`. */
  private readonly pendingImports: Array<{ call: ts.CallExpression; specifier: string; kind: "dynamic" | "require"; declaration: DeclarationFact }> = [];
  /** The last declaration created, when it is a signature without a body: its overloads and implementation join it. */
  private pendingOverload: { declaration: DeclarationFact; static: boolean } | undefined;
  private typeDepth = 0;
  /** Function bodies and instance-field initializers: code that does not run when the module loads. */
  private deferredDepth = 0;

  /** The use keys of names, one string each: made once per file, not once per use. */
  private readonly keys = new UseKeys();

  constructor(private readonly ctx: ExtractionContext) {}

  /**
   * Whether the innermost declaration is the module's top-level statements: the only place a
   * CommonJS export (a top-level `module.exports = …` or `exports.a = …`) can start one.
   */
  private inModuleCode(): boolean {
    const declaration = this.declarationFrames[this.declarationFrames.length - 1]?.declaration;
    return declaration !== undefined && declaration === this.moduleNode;
  }

  /** Called before a node's children are visited. */
  enter(node: ts.Node): void {
    const kind = node.kind;
    if (kind === Kind.PrivateIdentifier) {
      this.privateName(node as ts.PrivateIdentifier); // the kind says so
      return;
    }
    const parentKind = node.parent.kind;
    const declaration =
      parentKind === Kind.SourceFile || parentKind === Kind.ClassDeclaration || kind === Kind.VariableDeclaration
        ? this.declarationStartedBy(node)
        : (parentKind === Kind.BinaryExpression || parentKind === Kind.ObjectLiteralExpression) && this.inModuleCode()
          ? this.commonJsExportStartedBy(node)
          : undefined;
    const type = startsTypeKind[kind] === 1 && startsTypeContext(node) && !isInjectedType(node);
    const deferred = startsDeferredKind[kind] === 1 && startsDeferredCode(node);
    if (declaration !== undefined || type || deferred) {
      const frame: Frame = { node };
      if (declaration !== undefined) {
        frame.declaration = declaration;
        frame.deferredAtEntry = this.deferredDepth;
        this.declarationFrames.push(frame);
      }
      if (type) {
        frame.type = true;
        this.typeDepth++;
      }
      if (deferred) {
        frame.deferred = true;
        this.deferredDepth++;
      }
      this.frames.push(frame);
    }
    if (evaluatesKind[kind] === 1) this.noteEvaluation(node);
  }

  /** Called after a node's children were visited. */
  exit(node: ts.Node): void {
    const frame = this.frames[this.frames.length - 1];
    if (!frame || frame.node !== node) return;
    this.frames.pop();
    if (frame.type) this.typeDepth--;
    if (frame.deferred) this.deferredDepth--;
    if (frame.declaration !== undefined) this.declarationFrames.pop();
  }

  /** Counts what an identifier uses, and remembers the key for branch counts. */
  identifier(id: ts.Identifier): void {
    const key = this.keyOf(id);
    if (key === undefined) return;
    this.count(id, key);
    // `register(new Plugin())`: code outside the project gets the instance and may call any member.
    const created = id.parent;
    if (!key.startsWith("v:") || key.includes(".") || !ts.isNewExpression(created) || created.expression !== id) return;
    // Counted on the `new` expression, so a branch that holds it counts (and a cut removes) this use too.
    if (this.handedOutside(created)) this.count(created, `e:${id.text}`);
  }

  /**
   * `x["name"]` uses member `name`; `x[KEY]` with a module-level constant (or a member of one, an
   * enum's) uses the member the constant names, resolved when linking (`k:` called, `q:` read);
   * `x[expr]()` is a call static analysis cannot follow.
   */
  elementAccess(node: ts.ElementAccessExpression): void {
    const argument = node.argumentExpression;
    // The literal's parent is set only when the walk reaches it: the access decides the use's kind.
    if (ts.isStringLiteralLike(argument)) {
      this.count(argument, `m:${argument.text}`, useKindOf(node));
      return;
    }
    const called = ts.isCallExpression(node.parent) && node.parent.expression === node;
    const constant = this.constantName(argument);
    if (constant !== undefined) this.count(node, `${called ? "k" : "q"}:${constant}`, useKindOf(node));
    else if (called && !ts.isNumericLiteral(argument) && !this.isObjectConstant(node.expression)) this.count(node, "?:computed");
  }

  /**
   * `STYLES[color]()` on a module-level `const` object literal: it calls one of the literal's own
   * functions, which its declaration already uses, and no class member.
   */
  private isObjectConstant(expr: ts.Expression): boolean {
    const node = skipTransparentDown(expr);
    if (!ts.isIdentifier(node)) return false;
    const declaration = this.ctx.topLevel.get(node.text);
    let value = declaration && constInitializer(declaration, this.ctx.sourceFile);
    if (!value) return false;
    while (ts.isSatisfiesExpression(value) || ts.isAsExpression(value) || ts.isParenthesizedExpression(value)) value = value.expression;
    return ts.isObjectLiteralExpression(value);
  }

  /**
   * `this.#x`, `obj.#x`, `#x in obj`: a use of the member `#x` of the class whose body the name is
   * in (`p:Class.#x`). Private names are lexical: no other class's `#x` can be meant.
   */
  private privateName(id: ts.PrivateIdentifier): void {
    const parent = id.parent;
    if (ts.isClassElement(parent) && parent.name === id) return;
    const owner = classDeclaring(id);
    if (!owner?.name || !ts.isClassDeclaration(owner) || !ts.isSourceFile(owner.parent)) return;
    this.count(id, `p:${owner.name.text}.${id.text}`);
  }

  /** `KEY`, `Keys.load`, `ns.Keys.load` rooted at a module-level name, as a dotted name; else undefined. */
  private constantName(expr: ts.Expression): string | undefined {
    const node = skipTransparentDown(expr);
    let chain: { root: ts.Identifier; path: string[] } | undefined;
    if (ts.isIdentifier(node)) chain = { root: node, path: [] };
    else if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) chain = accessChain(node);
    if (!chain || !(this.ctx.topLevel.has(chain.root.text) || this.ctx.imports.has(chain.root.text))) return undefined;
    if (chain.path.some((step) => step.includes("."))) return undefined;
    return [chain.root.text, ...chain.path].join(".");
  }

  /**
   * `import("./x")` and `require("./x")` inside code: the module whole (`i:./x`), or only the
   * exports syntax shows it is read for (`j:a:./x`, see dynamicImportNames), settled after the walk.
   * A computed specifier is unknowable, within the files its literal prefix names when it has one
   * (`?:import:./locales/` for `import(\`./locales/${lang}.js\`)`; several folders joined by `|`).
   */
  dynamicImport(call: ts.CallExpression, kind: "dynamic" | "require"): void {
    const arg = call.arguments[0];
    const specifier = literalSpecifier(arg, this.ctx);
    if (specifier !== undefined) {
      const declaration = this.declarationFrames[this.declarationFrames.length - 1]?.declaration;
      if (declaration) this.pendingImports.push({ call, specifier, kind, declaration });
      return;
    }
    const prefixes = arg === undefined ? undefined : literalPrefixes(arg, this.ctx, call);
    this.count(call, prefixes && prefixes.length > 0 ? `?:import:${[...new Set(prefixes)].join("|")}` : "?:import");
  }

  /** Settles the dynamic imports met on the walk, now that references can be followed. */
  afterWalk(): void {
    for (const { call, specifier, kind, declaration } of this.pendingImports) {
      const names = kind === "dynamic" ? dynamicImportNames(call, this.ctx) : requireNames(call, this.ctx);
      if (names === undefined) this.countIn(declaration, call, `i:${specifier}`, "import");
      else for (const { name, node } of names) this.countIn(declaration, node, `j:${name}:${specifier}`, "import");
    }
    this.pendingImports.length = 0;
  }

  /** `eval(…)` and `new Function(…)` can reach anything. */
  evalCall(node: ts.Node): void {
    this.count(node, "?:eval");
  }

  private count(node: ts.Node, key: string, kind?: UseKind): void {
    const declaration = this.declarationFrames[this.declarationFrames.length - 1]?.declaration;
    if (declaration) this.countIn(declaration, node, key, kind);
  }

  /** Counts a use of `declaration` (also one that is no longer the innermost: work settled after the walk). */
  private countIn(declaration: DeclarationFact, node: ts.Node, key: string, kind: UseKind | undefined): void {
    const count = declaration.uses[key];
    if (count === undefined) {
      declaration.uses[key] = 1;
      // An identifier's start is its end minus its text: no trivia scan needed.
      const start = ts.isIdentifier(node) ? node.end - node.text.length : node.getStart(this.ctx.sourceFile);
      const at = this.ctx.sourceFile.getLineAndCharacterOfPosition(start);
      declaration.firstUse[key] = [at.line + 1, at.character + 1, kind ?? useKindOf(node, key)];
    } else {
      declaration.uses[key] = count + 1;
    }
    (this.ctx.useKeys ??= new Map()).set(node, key);
  }

  /** The declarations, with their counted uses; call once, after the walk. */
  finish(): DeclarationFact[] {
    return this.declarations;
  }

  /** Calls, `new`, `await`, assignments and tagged templates outside deferred code run at load. */
  private noteEvaluation(node: ts.Node): void {
    switch (node.kind) {
      case Kind.CallExpression:
      case Kind.NewExpression:
      case Kind.AwaitExpression:
      case Kind.TaggedTemplateExpression:
      case Kind.Decorator:
        break;
      case Kind.BinaryExpression:
        if (!ts.isBinaryExpression(node) || !isAssignment(node.operatorToken.kind)) return;
        break;
      default:
        return;
    }
    const frame = this.declarationFrames[this.declarationFrames.length - 1];
    if (frame?.declaration && frame.deferredAtEntry === this.deferredDepth) frame.declaration.evaluated = true;
  }

  /** The use key of an identifier, or undefined when it names something rather than using it. */
  private keyOf(id: ts.Identifier): string | undefined {
    const parent = id.parent;
    const name = id.text;
    switch (parent.kind) {
      case Kind.PropertyAccessExpression: {
        if (!ts.isPropertyAccessExpression(parent)) return undefined;
        if (parent.name === id) {
          if (this.isNamespaceImport(parent.expression)) return undefined;
          // `exports.b()`, `module.exports.b`: the module's own export b; `exports.b = …` declares it.
          if (isCommonJsExportsObject(parent.expression)) return isCommonJsExportTarget(parent) ? undefined : `x:${name}`;
          if (name === "exports" && isIdentifierNamed(parent.expression, "module")) return undefined;
          // `this.other()` in a method of `module.exports = { … }`: the object is the module's exports.
          if (parent.expression.kind === Kind.ThisKeyword && isInCommonJsExportMethod(parent)) return `x:${name}`;
          return this.keys.member(name);
        }
        if (this.isNamespaceImport(id) && this.typeDepth === 0) return `v:${name}.${parent.name.text}`;
        break;
      }
      case Kind.QualifiedName:
        if (!ts.isQualifiedName(parent) || parent.right === id) return undefined;
        // `ns.Type` in a type, with `import * as ns`: the use names the member, not the whole module.
        if (this.isNamespaceImport(id)) return `${inTypeQuery(id) ? "v" : "t"}:${name}.${parent.right.text}`;
        break;
      case Kind.BindingElement:
        if (!ts.isBindingElement(parent)) return undefined;
        if (parent.propertyName === id) return this.keys.member(name);
        // `const { name } = x` reads x.name; `[a] = x` and the rest element read no named member.
        if (parent.name === id && !parent.propertyName && !parent.dotDotDotToken && ts.isObjectBindingPattern(parent.parent)) {
          return this.keys.member(name);
        }
        if (parent.name === id) return undefined;
        break;
      case Kind.ShorthandPropertyAssignment:
        // `module.exports = { a }` binds the export a, as `export { a }` does: not a use.
        if (isCommonJsExportProperty(parent)) return undefined;
        break;
      case Kind.JsxOpeningElement:
      case Kind.JsxSelfClosingElement:
        if (isIntrinsicTag(name)) return undefined;
        break;
      case Kind.JsxClosingElement:
      case Kind.JsxAttribute:
      case Kind.JsxNamespacedName:
        return undefined;
      default:
        // Most identifiers name locals: the scope test is cheaper than the declaration-name test.
        if (!this.ctx.topLevel.has(name) && !this.ctx.imports.has(name)) return undefined;
        if (isDeclarationName(id, parent)) return undefined;
        if (isCommonJsBinding(id, parent)) return undefined;
        return this.typeDepth > 0 && !inTypeQuery(id) ? this.keys.type(name) : this.keys.value(name);
    }
    if (!this.ctx.topLevel.has(name) && !this.ctx.imports.has(name)) return undefined;
    return this.typeDepth > 0 && !inTypeQuery(id) ? this.keys.type(name) : this.keys.value(name);
  }

  /**
   * Whether a value goes to code outside the project: an argument (directly, or inside array and
   * object literals) of a call whose callee is a package's import, a variable made by one, or a
   * global that may call back (not `Map`, `console` …); or what `module.exports` is set to.
   */
  private handedOutside(value: ts.Expression): boolean {
    let current: ts.Node = value;
    for (let parent = current.parent; parent; current = parent, parent = current.parent) {
      if (carriesValue(parent, current)) continue;
      if ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.expression !== current) {
        const root = rootIdentifier(parent.expression);
        return root !== undefined && this.isOutsideName(root, 0);
      }
      if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === Kind.EqualsToken && parent.right === current) {
        return isModuleExports(parent.left);
      }
      return false;
    }
    return false;
  }

  /** Whether a name is a package's import, a global, or a variable whose value one of those makes (two levels deep). */
  private isOutsideName(id: ts.Identifier, depth: number): boolean {
    const imported = this.ctx.imports.get(id.text);
    if (imported) return !imported.specifier.startsWith(".") && !imported.specifier.startsWith("/");
    const declaration = lookUpName(id.text, id, this.ctx);
    if (!declaration) return !inertGlobals.has(id.text);
    if (declaration.kind === "param" || depth >= 2) return false;
    if (declaration.kind !== "top-level" && declaration.kind !== "local") return false;
    const node = declaration.node;
    if (!ts.isVariableDeclaration(node) || !node.initializer) return false;
    const root = rootIdentifier(skipTransparentDown(node.initializer));
    return root !== undefined && this.isOutsideName(root, depth + 1);
  }

  private isNamespaceImport(expr: ts.Expression): boolean {
    return ts.isIdentifier(expr) && this.ctx.imports.get(expr.text)?.imported === "*";
  }

  /**
   * A CommonJS export's value that is code of its own: `exports.c = function () {}` (node
   * `exports.c`), a property of `module.exports = { c() {}, d: make() }` (`exports.c`, `exports.d`),
   * `module.exports = function () {}` (`module.exports`). Like ESM exports, each is live only when
   * something requires it (or it runs code at load). A name (`exports.b = b`, `{ a }`) binds the
   * existing declaration instead, and starts nothing.
   */
  private commonJsExportStartedBy(node: ts.Node): DeclarationFact | undefined {
    const parent = node.parent;
    if (ts.isBinaryExpression(parent)) {
      if (parent.right !== node) return undefined;
      const exported = commonJsExportName(parent);
      if (exported === undefined) return undefined;
      const value = skipTransparentDown(parent.right);
      if (ts.isIdentifier(value) || isRequireBinding(value)) return undefined;
      if (exported === "" && ts.isObjectLiteralExpression(node)) return undefined;
      const nameNode = ts.isPropertyAccessExpression(parent.left) && exported !== "" ? parent.left.name : parent.left;
      return this.newDeclaration(exported === "" ? "module.exports" : `exports.${exported}`, valueKind(value), node, nameNode);
    }
    if (!ts.isObjectLiteralElementLike(node) || !isCommonJsExportProperty(node)) return undefined;
    if (ts.isShorthandPropertyAssignment(node) || ts.isSpreadAssignment(node)) return undefined;
    const name = propertyNameText(node.name);
    if (name === undefined) return undefined;
    if (ts.isPropertyAssignment(node)) {
      const value = skipTransparentDown(node.initializer);
      if (ts.isIdentifier(value) || isRequireBinding(value)) return undefined;
      return this.newDeclaration(`exports.${name}`, valueKind(value), node, node.name);
    }
    return this.newDeclaration(`exports.${name}`, "function", node, node.name);
  }

  /** The declaration (a graph node) that `node` starts, `null` for a sink, undefined for neither. */
  private declarationStartedBy(node: ts.Node): DeclarationFact | null | undefined {
    const parent = node.parent;
    if (!parent) return undefined;
    if (ts.isSourceFile(parent)) return this.topLevelDeclaration(node);
    if (ts.isVariableDeclaration(node) && isTopLevelVariable(node)) {
      // `const { a } = require("./a")` binds imports, as `import { a }` does: no declaration of its own.
      if (node.initializer && isRequireBinding(node.initializer)) return null;
      const names = bindingNames(node.name);
      const [first, ...rest] = names;
      if (first === undefined) return undefined;
      const kind = hasModifier(node.parent.parent, Kind.DeclareKeyword) ? "type" : "variable";
      const declaration = this.newDeclaration(first, kind, node, node.name);
      if (rest.length > 0) declaration.alsoNames = rest;
      return declaration;
    }
    if (ts.isClassDeclaration(parent) && ts.isSourceFile(parent.parent) && parent.name) {
      return this.memberDeclaration(node, parent.name.text);
    }
    return undefined;
  }

  private topLevelDeclaration(statement: ts.Node): DeclarationFact | null | undefined {
    if (
      ts.isImportDeclaration(statement) ||
      ts.isImportEqualsDeclaration(statement) ||
      ts.isExportDeclaration(statement) ||
      ts.isEmptyStatement(statement) ||
      statement.kind === Kind.EndOfFileToken
    ) {
      return null;
    }
    if (ts.isVariableStatement(statement)) return undefined;
    // `declare …` has no code here, only what exists at run time elsewhere: a type-level declaration.
    const ambient = hasModifier(statement, Kind.DeclareKeyword);
    const named = (kind: DeclarationKind, name: ts.Node | undefined): DeclarationFact =>
      this.newDeclaration(name && ts.isIdentifier(name) ? name.text : "default", ambient ? "type" : kind, statement, name);
    if (ts.isFunctionDeclaration(statement)) {
      const name = statement.name?.text ?? "default";
      return this.overloadOf(name, statement, false) ?? this.withSignature(named("function", statement.name), statement, false);
    }
    if (ts.isClassDeclaration(statement)) {
      const declaration = named("class", statement.name);
      for (const clause of statement.heritageClauses ?? []) {
        const names = clause.types.map((t) => heritageName(t.expression));
        if (clause.token === Kind.ExtendsKeyword && names[0] !== undefined) declaration.extends = names[0];
        if (clause.token === Kind.ImplementsKeyword && names.length > 0) declaration.implements = names;
      }
      if (ts.getDecorators(statement)?.length) declaration.decorated = true;
      return declaration;
    }
    if (ts.isEnumDeclaration(statement)) return named("enum", statement.name);
    // A namespace of types only has no code: TypeScript emits nothing for it.
    if (ts.isModuleDeclaration(statement)) {
      // `declare module "x"`: the quoted name cannot clash with a binding.
      if (ts.isStringLiteral(statement.name)) {
        return this.newDeclaration(JSON.stringify(statement.name.text), "type", statement, statement.name);
      }
      return named(isInstantiated(statement) ? "namespace" : "type", statement.name);
    }
    if (ts.isInterfaceDeclaration(statement)) return named("interface", statement.name);
    if (ts.isTypeAliasDeclaration(statement)) return named("type", statement.name);
    // `export default name` adds no code: the export binds `name`'s own declaration.
    if (ts.isExportAssignment(statement)) {
      return ts.isIdentifier(skipTransparentDown(statement.expression)) ? null : named("variable", undefined);
    }
    return this.moduleDeclaration();
  }

  /** `(module)`: one node for all the module's top-level statements, created on first need. */
  private moduleDeclaration(): DeclarationFact {
    if (!this.moduleNode) {
      const range = rangeOfNode(this.ctx.sourceFile, this.ctx.sourceFile);
      this.moduleNode = { name: moduleNodeName, kind: "module", range, nameRange: range, uses: useTable(), firstUse: useTable(), evaluated: true };
      this.declarations.push(this.moduleNode);
    }
    return this.moduleNode;
  }

  private memberDeclaration(member: ts.Node, className: string): DeclarationFact | undefined {
    if (hasModifier(member, Kind.DeclareKeyword) || hasModifier(member.parent, Kind.DeclareKeyword)) return undefined;
    let kind: DeclarationKind | undefined;
    if (ts.isMethodDeclaration(member)) kind = "method";
    else if (ts.isGetAccessorDeclaration(member)) kind = "getter";
    else if (ts.isSetAccessorDeclaration(member)) kind = "setter";
    else if (ts.isConstructorDeclaration(member)) kind = "constructor";
    else if (ts.isPropertyDeclaration(member) && member.initializer && isFunctionExpression(member.initializer)) {
      kind = "property";
    }
    if (kind === undefined) return undefined;
    const nameNode =
      ts.isMethodDeclaration(member) || ts.isAccessor(member) || ts.isPropertyDeclaration(member) ? member.name : undefined;
    // `[KEY]() {}` with a module-level constant: named `[KEY]`, answering to the constant's value once linked.
    const computedKey = nameNode && ts.isComputedPropertyName(nameNode) ? this.constantName(nameNode.expression) : undefined;
    const own =
      kind === "constructor"
        ? "constructor"
        : computedKey !== undefined
          ? `[${computedKey}]`
          : nameNode
            ? (propertyNameText(nameNode) ?? "[computed]")
            : "[computed]";
    const isStatic = hasModifier(member, Kind.StaticKeyword);
    const overloaded = this.overloadOf(`${className}.${own}`, member, isStatic);
    if (overloaded) {
      if (ts.canHaveDecorators(member) && ts.getDecorators(member)?.length) overloaded.decorated = true;
      return overloaded;
    }
    const declaration = this.newDeclaration(`${className}.${own}`, kind, member, nameNode);
    if (computedKey !== undefined) declaration.computedKey = computedKey;
    if (isStatic) declaration.static = true;
    if (ts.canHaveDecorators(member) && ts.getDecorators(member)?.length) declaration.decorated = true;
    return this.withSignature(declaration, member, isStatic);
  }

  /**
   * The declaration an overload signature or implementation joins: the signature just before it
   * with the same name (TypeScript keeps overloads adjacent). Its range grows to cover this one, so
   * the overloads and their implementation are one node, reported (and deleted) together.
   */
  private overloadOf(name: string, node: ts.Node, isStatic: boolean): DeclarationFact | undefined {
    const pending = this.pendingOverload;
    this.pendingOverload = undefined;
    if (!pending || pending.declaration.name !== name || pending.static !== isStatic) return undefined;
    const range = rangeOfNode(node, this.ctx.sourceFile);
    pending.declaration.range = { ...pending.declaration.range, end: range.end, endLine: range.endLine, endColumn: range.endColumn };
    if (!hasBody(node)) this.pendingOverload = pending;
    return pending.declaration;
  }

  /** Remembers a declaration that is only a signature, for the overloads that follow it. */
  private withSignature(declaration: DeclarationFact, node: ts.Node, isStatic: boolean): DeclarationFact {
    if (!hasBody(node)) this.pendingOverload = { declaration, static: isStatic };
    return declaration;
  }

  private newDeclaration(name: string, kind: DeclarationKind, node: ts.Node, nameNode: ts.Node | undefined): DeclarationFact {
    const range = rangeOfNode(node, this.ctx.sourceFile);
    const declaration: DeclarationFact = {
      name,
      kind,
      range,
      nameRange: nameNode ? rangeOfNode(nameNode, this.ctx.sourceFile) : range,
      uses: useTable(),
      firstUse: useTable(),
    };
    this.declarations.push(declaration);
    this.pendingOverload = undefined;
    return declaration;
  }
}

/** Use keys by name (`v:`, `t:` and `m:` uses), made once each. */
class UseKeys {
  private readonly values = new Map<string, string>();
  private readonly types = new Map<string, string>();
  private readonly members = new Map<string, string>();

  value(name: string): string {
    return keyIn(this.values, "v:", name);
  }

  type(name: string): string {
    return keyIn(this.types, "t:", name);
  }

  member(name: string): string {
    return keyIn(this.members, "m:", name);
  }
}

function keyIn(keys: Map<string, string>, prefix: string, name: string): string {
  let key = keys.get(name);
  if (key === undefined) {
    key = prefix + name;
    keys.set(name, key);
  }
  return key;
}

/**
 * A table of uses by key, written as the walk counts. Without a prototype V8 keeps it as a hash
 * table from the start: a plain object would go through a hidden class per new key (measured 0.5 s
 * on effect's sources), and Maps would need copying into objects afterwards.
 */
function useTable<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node)?.some((m) => m.kind === kind) ?? false);
}

/** Globals that keep values without calling their members by name: `new Map([[k, new X()]])` hands X to no one. */
const inertGlobals = new Set([
  "Array", "Boolean", "Date", "Error", "JSON", "Map", "Math", "Number", "Object", "Promise", "RangeError", "Set",
  "String", "Symbol", "TypeError", "WeakMap", "WeakRef", "WeakSet", "console", "structuredClone",
]);

/** Whether `child` passes its value on through `parent`: parentheses, assertions, literals, `a ?? b`, `c ? a : b`. */
function carriesValue(parent: ts.Node, child: ts.Node): boolean {
  if (ts.isParenthesizedExpression(parent) || ts.isAsExpression(parent) || ts.isSatisfiesExpression(parent)) return true;
  if (ts.isNonNullExpression(parent) || ts.isTypeAssertionExpression(parent) || ts.isSpreadElement(parent)) return true;
  if (ts.isArrayLiteralExpression(parent) || ts.isObjectLiteralExpression(parent)) return true;
  if (ts.isPropertyAssignment(parent)) return parent.initializer === child;
  if (ts.isConditionalExpression(parent)) return parent.condition !== child;
  if (ts.isBinaryExpression(parent)) {
    const operator = parent.operatorToken.kind;
    return operator === Kind.QuestionQuestionToken || operator === Kind.BarBarToken || operator === Kind.AmpersandAmpersandToken;
  }
  return false;
}

/** The identifier a callee or value expression starts from: `app` in `app.use`, `express` in `express().use`. */
function rootIdentifier(expr: ts.Expression): ts.Identifier | undefined {
  let current = skipTransparentDown(expr);
  for (;;) {
    if (ts.isIdentifier(current)) return current;
    if (ts.isPropertyAccessExpression(current) || ts.isElementAccessExpression(current)) current = skipTransparentDown(current.expression);
    else if (ts.isCallExpression(current) || ts.isNewExpression(current)) current = skipTransparentDown(current.expression);
    else return undefined;
  }
}

/**
 * The export a top-level CommonJS assignment sets: `""` for `module.exports = …`, `"a"` for
 * `exports.a = …` and `module.exports.a = …`; undefined for any other expression.
 */
function commonJsExportName(expr: ts.Node): string | undefined {
  if (!ts.isBinaryExpression(expr) || expr.operatorToken.kind !== Kind.EqualsToken) return undefined;
  const statement = expr.parent;
  if (!ts.isExpressionStatement(statement) || !ts.isSourceFile(statement.parent)) return undefined;
  const target = expr.left;
  if (isModuleExportsObject(target)) return "";
  if (ts.isPropertyAccessExpression(target) && isCommonJsExportsObject(target.expression)) return target.name.text;
  return undefined;
}

/** `exports.a` (or `module.exports.a`) in `exports.a = …` at top level: where the export is declared. */
function isCommonJsExportTarget(access: ts.PropertyAccessExpression): boolean {
  const assignment = access.parent;
  return ts.isBinaryExpression(assignment) && assignment.left === access && commonJsExportName(assignment) !== undefined;
}

/** A property of the object literal a top-level `module.exports = { … }` sets. */
function isCommonJsExportProperty(property: ts.Node): boolean {
  const literal = property.parent;
  return literal !== undefined && ts.isObjectLiteralExpression(literal) && commonJsExportName(literal.parent) === "" && (literal.parent as ts.BinaryExpression).right === literal;
}

/** A name a CommonJS export binds: `exports.b = b`, `module.exports = X`, `{ b: b }` in `module.exports = { … }`. */
function isCommonJsBinding(id: ts.Identifier, parent: ts.Node): boolean {
  if (ts.isBinaryExpression(parent)) return parent.right === id && commonJsExportName(parent) !== undefined;
  return ts.isPropertyAssignment(parent) && parent.initializer === id && isCommonJsExportProperty(parent);
}

/** Whether `node` is in a method (or function property) of the object a top-level `module.exports = { … }` sets. */
function isInCommonJsExportMethod(node: ts.Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isArrowFunction(current)) continue;
    if (!ts.isFunctionLike(current)) continue;
    const holder = ts.isMethodDeclaration(current) || ts.isAccessor(current) ? current : current.parent;
    return holder !== undefined && isCommonJsExportProperty(holder);
  }
  return false;
}

/** `module.exports`. */
function isModuleExportsObject(expr: ts.Expression): boolean {
  return ts.isPropertyAccessExpression(expr) && expr.name.text === "exports" && isIdentifierNamed(expr.expression, "module");
}

/** `exports` or `module.exports`: the object CommonJS exports live on. */
function isCommonJsExportsObject(expr: ts.Expression): boolean {
  return isIdentifierNamed(expr, "exports") || isModuleExportsObject(expr);
}

function isIdentifierNamed(expr: ts.Expression, name: string): boolean {
  return ts.isIdentifier(expr) && expr.text === name;
}

/** `require("x")`'s specifier, or undefined for anything else. */
function requireSpecifierOf(expr: ts.Expression): string | undefined {
  if (!ts.isCallExpression(expr) || !isIdentifierNamed(expr.expression, "require") || expr.arguments.length !== 1) return undefined;
  const arg = expr.arguments[0];
  return arg && ts.isStringLiteralLike(arg) ? arg.text : undefined;
}

/** `require("x")` or `require("x").member`: what a variable that only binds a module holds. */
function isRequireBinding(initializer: ts.Expression): boolean {
  const value = skipTransparentDown(initializer);
  if (requireSpecifierOf(value) !== undefined) return true;
  return ts.isPropertyAccessExpression(value) && requireSpecifierOf(skipTransparentDown(value.expression)) !== undefined;
}

/** The node kind of an exported value: a function, a class, or a variable. */
function valueKind(value: ts.Expression): DeclarationKind {
  if (ts.isFunctionExpression(value) || ts.isArrowFunction(value)) return "function";
  if (ts.isClassExpression(value)) return "class";
  return "variable";
}

/** `module.exports` and `exports.name` (CommonJS): what the module hands to whoever requires it. */
function isModuleExports(target: ts.Expression): boolean {
  const root = rootIdentifier(target);
  if (!root) return false;
  if (root.text === "exports") return true;
  return root.text === "module" && ts.isPropertyAccessExpression(root.parent) && root.parent.name.text === "exports";
}

/** Whether a namespace holds code (values), not only types: the rule TypeScript's emit follows. */
function isInstantiated(declaration: ts.ModuleDeclaration): boolean {
  const body = declaration.body;
  if (!body) return false;
  if (ts.isModuleDeclaration(body)) return isInstantiated(body);
  if (!ts.isModuleBlock(body)) return false;
  return body.statements.some((statement) => {
    if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) return false;
    if (ts.isModuleDeclaration(statement)) return isInstantiated(statement);
    if (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) return false;
    if (ts.isEnumDeclaration(statement) && hasModifier(statement, Kind.ConstKeyword)) return false;
    return !hasModifier(statement, Kind.DeclareKeyword);
  });
}

/** A function or method signature without a body: an overload, or an abstract method. */
function hasBody(node: ts.Node): boolean {
  return !(ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) || node.body !== undefined;
}

/**
 * The name a class extends or implements, as a use key's name: `Base`, `React.Component`; for a
 * mixin call (`extends Mixin(Base)`) the function called; `(expression)` when no name says it.
 */
function heritageName(expr: ts.Expression): string {
  if (ts.isIdentifier(expr)) return expr.text;
  if (ts.isPropertyAccessExpression(expr)) {
    const head = heritageName(expr.expression);
    return head === "(expression)" ? head : `${head}.${expr.name.text}`;
  }
  if (ts.isCallExpression(expr)) return heritageName(expr.expression);
  if (ts.isParenthesizedExpression(expr)) return heritageName(expr.expression);
  return "(expression)";
}

/** How the first use of a key uses it: called, instantiated, rendered as JSX, or referenced. */
function useKindOf(node: ts.Node, key?: string): UseKind {
  if (ts.isCallExpression(node)) return "import";
  let current = node;
  const access = node.parent;
  if (ts.isPropertyAccessExpression(access)) {
    // `router.route()`: the member `route` is called; `router` is only the receiver, referenced.
    // `ns.f()` with a namespace import: the use `v:ns.f` is the whole access, called.
    if (access.name === node) current = access;
    else if (key?.startsWith("v:") && key.includes(".")) current = access;
    else return "reference";
  }
  const parent = current.parent;
  if (ts.isCallExpression(parent) && parent.expression === current) return "call";
  if (ts.isNewExpression(parent) && parent.expression === current) return "new";
  if (ts.isJsxOpeningLikeElement(parent) && parent.tagName === current) return "jsx";
  return "reference";
}

function isTopLevelVariable(node: ts.VariableDeclaration): boolean {
  const statement = node.parent.parent;
  return ts.isVariableStatement(statement) && ts.isSourceFile(statement.parent);
}

function bindingNames(name: ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((element) => (ts.isOmittedExpression(element) ? [] : bindingNames(element.name)));
}

function isFunctionExpression(expr: ts.Expression): boolean {
  return ts.isArrowFunction(expr) || ts.isFunctionExpression(expr);
}

/** Type positions: type nodes, and the names a class `implements`. */
function startsTypeContext(node: ts.Node): boolean {
  if (node.kind >= Kind.FirstTypeNode && node.kind <= Kind.LastTypeNode) return true;
  if (ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)) return true;
  return ts.isHeritageClause(node) && (node.token === Kind.ImplementsKeyword || ts.isInterfaceDeclaration(node.parent));
}

/**
 * `typeof X` (or `typeof X.y`) in a type: the type is read from the value X, so X must exist for the
 * code to compile; it is a use of the value, not of a type.
 */
function inTypeQuery(id: ts.Identifier): boolean {
  let node: ts.Node = id;
  while (ts.isQualifiedName(node.parent) && node.parent.left === node) node = node.parent;
  return ts.isTypeQueryNode(node.parent) && node.parent.exprName === node;
}

/** The innermost class around `id` that declares a member of its private name. */
function classDeclaring(id: ts.PrivateIdentifier): ts.ClassLikeDeclaration | undefined {
  for (let node: ts.Node | undefined = id.parent; node; node = node.parent) {
    if (!ts.isClassLike(node)) continue;
    if (node.members.some((member) => member.name !== undefined && ts.isPrivateIdentifier(member.name) && member.name.text === id.text)) {
      return node;
    }
  }
  return undefined;
}

/**
 * The type of a constructor parameter of a decorated class (`constructor(private svc: Service)`):
 * dependency injection (Angular, NestJS, `emitDecoratorMetadata`) reads it at run time, so the
 * name in it is a value use, not a type's.
 */
function isInjectedType(node: ts.Node): boolean {
  const parameter = node.parent;
  if (!ts.isParameter(parameter) || parameter.type !== node) return false;
  const constructor = parameter.parent;
  if (!ts.isConstructorDeclaration(constructor)) return false;
  const owner = constructor.parent;
  return ts.isClassDeclaration(owner) && (ts.getDecorators(owner)?.length ?? 0) > 0;
}

/** Code that runs later than its module's load: function bodies and instance-field initializers. */
function startsDeferredCode(node: ts.Node): boolean {
  if (ts.isFunctionLike(node)) return true;
  if (ts.isPropertyDeclaration(node)) {
    const modifiers = ts.getModifiers(node);
    return !modifiers?.some((m) => m.kind === Kind.StaticKeyword);
  }
  return false;
}

function isAssignment(kind: ts.SyntaxKind): boolean {
  return kind >= Kind.FirstAssignment && kind <= Kind.LastAssignment;
}

function isIntrinsicTag(name: string): boolean {
  const first = name.charAt(0);
  return first === first.toLowerCase() && first !== first.toUpperCase();
}

/** Whether `id` is the name a declaration introduces (or a label), not a use. */
function isDeclarationName(id: ts.Identifier, parent: ts.Node): boolean {
  if ("name" in parent && parent.name === id) {
    return !ts.isPropertyAccessExpression(parent) && !ts.isShorthandPropertyAssignment(parent);
  }
  if ((ts.isLabeledStatement(parent) || ts.isBreakOrContinueStatement(parent)) && parent.label === id) return true;
  if (ts.isImportSpecifier(parent) || ts.isExportSpecifier(parent)) return true;
  if (ts.isMetaProperty(parent)) return true;
  return false;
}
