// The tokens of a piece of code, as `no-flag-reuse` compares them: what the code does, not how it
// is written or what its own parts are called. Read from TypeScript's syntax tree, so that layout,
// comments, quotes and types never count; names declared inside the piece (parameters, locals)
// become `$`, names of the project's own declarations become `ƒ` (a renamed or moved function is the
// same code; which declaration a flag switches is judged by identity, not by its name), and
// everything else is kept: callees and members from outside the project, string and number
// literals, JSX element names and attribute names, operators and keywords.
import type ts from "typescript";
import { typescript } from "../engine/typescript-module.js";

/** Tells whether a free name of a file refers to one of the project's own declarations. */
export type ProjectNameTest = (file: string, name: string) => boolean;

/** Placeholder for a name declared inside the tokenized piece. */
const localToken = "$";
/** Placeholder for a name of one of the project's declarations. */
const projectToken = "ƒ";
/**
 * The content a component was handed and renders (`{children}`, `props.children`) in code that does
 * not declare it (a branch of the component): what a flag-gated layout or wrapper switches is the
 * content it wraps, which its callers (or the framework) give it, not the markup around it.
 */
export const handedContentToken = "⟨children⟩";

/** Punctuation that only delimits: dropped, so that `f(a, b)` and `f(a,b,)` or a block and a bare statement agree. */
function droppedKinds(): Set<ts.SyntaxKind> {
  const ts = typescript();
  return new Set<ts.SyntaxKind>([
    ts.SyntaxKind.SemicolonToken,
    ts.SyntaxKind.CommaToken,
    ts.SyntaxKind.OpenParenToken,
    ts.SyntaxKind.CloseParenToken,
    ts.SyntaxKind.OpenBraceToken,
    ts.SyntaxKind.CloseBraceToken,
    ts.SyntaxKind.OpenBracketToken,
    ts.SyntaxKind.CloseBracketToken,
    ts.SyntaxKind.DotToken,
    ts.SyntaxKind.QuestionDotToken,
    ts.SyntaxKind.ColonToken,
    ts.SyntaxKind.ExclamationToken,
    ts.SyntaxKind.EndOfFileToken,
    // How a binding is declared, and modifiers: not what the code does.
    ts.SyntaxKind.ConstKeyword,
    ts.SyntaxKind.LetKeyword,
    ts.SyntaxKind.VarKeyword,
    ts.SyntaxKind.ExportKeyword,
    ts.SyntaxKind.DefaultKeyword,
    ts.SyntaxKind.DeclareKeyword,
    ts.SyntaxKind.AsyncKeyword,
    ts.SyntaxKind.PublicKeyword,
    ts.SyntaxKind.PrivateKeyword,
    ts.SyntaxKind.ProtectedKeyword,
    ts.SyntaxKind.ReadonlyKeyword,
    ts.SyntaxKind.StaticKeyword,
    ts.SyntaxKind.AbstractKeyword,
    ts.SyntaxKind.OverrideKeyword,
    ts.SyntaxKind.FunctionKeyword,
  ]);
}

/** Kinds dropped from token sequences (made on first use: TypeScript loads only when code is tokenized). */
let dropped: Set<ts.SyntaxKind> | undefined;

/** Syntax trees by file, each kept while the file's text is the same: shared by the tokenizers of several revisions. */
export type ParsedSources = Map<string, ts.SourceFile>;

/** Parses files once per text and tokenizes ranges of them. */
export class CodeTokenizer {
  /** `parsed`: trees another tokenizer made (`diff` describes both revisions, whose files are mostly the same). */
  constructor(
    private readonly isProjectName: ProjectNameTest,
    private readonly parsed: ParsedSources = new Map(),
  ) {}

  /**
   * The tokens of the code of `file` between `start` and `end`; with `bodyOnly`, a declaration in
   * that range gives the tokens of its body (and initializer), not of its name and parameters: the
   * header of a function is glue that a rename, a move or an extracted helper changes.
   */
  tokensOf(file: string, text: string, start: number, end: number, bodyOnly = false): string[] {
    const source = this.sourceOf(file, text);
    const roots = nodesWithin(source, start, end);
    const locals = new Set<string>();
    for (const root of roots) collectLocals(root, locals);
    const tokens: string[] = [];
    for (const root of roots) {
      const parts = bodyOnly ? bodyParts(root) : [root];
      for (const part of parts) emit(part, source, file, locals, this.isProjectName, tokens);
    }
    return tokens;
  }

  private sourceOf(file: string, text: string): ts.SourceFile {
    const ts = typescript();
    const known = this.parsed.get(file);
    if (known && known.text === text) return known;
    // JSDoc is a comment here (see `emit`): not parsing it halves the parse, and the code's nodes,
    // their starts and the tokens between them are the same (trivia either way).
    const source = ts.createSourceFile(
      file,
      text,
      { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone },
      true,
      scriptKindOf(file),
    );
    this.parsed.set(file, source);
    return source;
  }
}

function scriptKindOf(file: string): ts.ScriptKind {
  const ts = typescript();
  if (/\.[cm]?tsx$/.test(file)) return ts.ScriptKind.TSX;
  if (/\.[cm]?jsx$/.test(file)) return ts.ScriptKind.JSX;
  if (/\.[cm]?js$/.test(file)) return ts.ScriptKind.JSX;
  return ts.ScriptKind.TS;
}

/** The outermost nodes that lie inside `start`..`end` (a statement list, one expression, JSX children). */
function nodesWithin(source: ts.SourceFile, start: number, end: number): ts.Node[] {
  const found: ts.Node[] = [];
  const visit = (node: ts.Node): void => {
    const nodeStart = node.getStart(source);
    if (node.getEnd() <= start || nodeStart >= end) return;
    if (nodeStart >= start && node.getEnd() <= end) {
      found.push(node);
      return;
    }
    node.forEachChild(visit);
  };
  source.forEachChild(visit);
  return found;
}

/** What of a declaration is its behaviour: a function's body, a variable's initializer, a class's members. */
function bodyParts(node: ts.Node): ts.Node[] {
  const ts = typescript();
  if (ts.isVariableStatement(node)) return node.declarationList.declarations.flatMap(bodyParts);
  if (ts.isVariableDeclaration(node)) return node.initializer ? bodyParts(node.initializer) : [];
  if (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isConstructorDeclaration(node) || ts.isAccessor(node)) {
    return node.body ? [node.body] : [];
  }
  if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) return [node.body];
  if (ts.isClassDeclaration(node) || ts.isClassExpression(node)) return [...node.members];
  if (ts.isExportAssignment(node)) return bodyParts(node.expression);
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node)) return bodyParts(node.expression);
  return [node];
}

/** Names that declarations inside `root` bind: parameters, variables, functions, classes, catch clauses. */
function collectLocals(root: ts.Node, locals: Set<string>): void {
  const ts = typescript();
  const bind = (name: ts.BindingName | ts.Identifier | undefined): void => {
    if (!name) return;
    if (ts.isIdentifier(name)) locals.add(name.text);
    else for (const element of name.elements) if (!ts.isOmittedExpression(element)) bind(element.name);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) || ts.isParameter(node) || ts.isBindingElement(node)) bind(node.name);
    else if ((ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node) || ts.isFunctionExpression(node)) && node.name) {
      if (node !== root) bind(node.name);
    } else if (ts.isCatchClause(node) && node.variableDeclaration) bind(node.variableDeclaration.name);
    node.forEachChild(visit);
  };
  visit(root);
}

function emit(
  node: ts.Node,
  source: ts.SourceFile,
  file: string,
  locals: ReadonlySet<string>,
  isProjectName: ProjectNameTest,
  tokens: string[],
): void {
  const ts = typescript();
  // Types, type parameters and decorators say nothing about what runs; JSDoc is a comment.
  if (ts.isTypeNode(node) || ts.isTypeParameterDeclaration(node) || ts.isDecorator(node) || isJsDoc(node)) return;
  if (ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node) || ts.isImportDeclaration(node)) return;
  if (ts.isShorthandPropertyAssignment(node)) {
    tokens.push(node.name.text, identifierToken(node.name, file, locals, isProjectName));
    return;
  }
  if (ts.isIdentifier(node) || ts.isPrivateIdentifier(node)) {
    tokens.push(identifierToken(node, file, locals, isProjectName));
    return;
  }
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
    tokens.push(JSON.stringify(node.text));
    return;
  }
  if (ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
    if (node.text !== "") tokens.push(JSON.stringify(node.text));
    return;
  }
  if (ts.isNumericLiteral(node)) {
    tokens.push(String(Number(node.text)));
    return;
  }
  if (ts.isJsxText(node)) {
    const text = node.text.replace(/\s+/g, " ").trim();
    if (text !== "") tokens.push(JSON.stringify(text));
    return;
  }
  const children = node.getChildren(source);
  if (children.length === 0) {
    dropped ??= droppedKinds();
    if (!dropped.has(node.kind)) tokens.push(ts.tokenToString(node.kind) ?? node.getText(source));
    return;
  }
  for (const child of children) emit(child, source, file, locals, isProjectName, tokens);
}

function isJsDoc(node: ts.Node): boolean {
  const ts = typescript();
  return node.kind >= ts.SyntaxKind.FirstJSDocNode && node.kind <= ts.SyntaxKind.LastJSDocNode;
}

function identifierToken(node: ts.Identifier | ts.PrivateIdentifier, file: string, locals: ReadonlySet<string>, isProjectName: ProjectNameTest): string {
  const ts = typescript();
  const parent = node.parent;
  const text = node.text;
  if (text === "children" && ts.isIdentifier(node) && isHandedContent(node, locals)) return handedContentToken;
  // A member's or attribute's name is what the code uses of its object: kept.
  if (
    ts.isPrivateIdentifier(node) ||
    (ts.isPropertyAccessExpression(parent) && parent.name === node) ||
    (ts.isQualifiedName(parent) && parent.right === node) ||
    (ts.isPropertyAssignment(parent) && parent.name === node) ||
    (ts.isMethodDeclaration(parent) && parent.name === node) ||
    (ts.isPropertyDeclaration(parent) && parent.name === node) ||
    (ts.isAccessor(parent) && parent.name === node) ||
    ts.isJsxAttribute(parent) ||
    (ts.isBindingElement(parent) && parent.propertyName === node)
  ) {
    return text;
  }
  if (locals.has(text)) return localToken;
  if (isProjectName(file, text)) return projectToken;
  return text;
}

/** `children` or `<free name>.children` read (not declared, not a key or an attribute) by a piece that does not bind it. */
function isHandedContent(node: ts.Identifier, locals: ReadonlySet<string>): boolean {
  const ts = typescript();
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) {
    return ts.isIdentifier(parent.expression) && !locals.has(parent.expression.text);
  }
  if (ts.isPropertyAccessExpression(parent) || ts.isJsxAttribute(parent) || ts.isPropertyAssignment(parent) || ts.isBindingElement(parent)) return false;
  if (ts.isShorthandPropertyAssignment(parent) || ts.isParameter(parent) || ts.isVariableDeclaration(parent)) return false;
  return !locals.has(node.text);
}
