// Facts for a file deadflag skipped (over the size limit, or not UTF-8) whose imports a scan found:
// its top-level code uses each imported module whole, so what it imports is live and its own
// content, which was not analysed, is never reported.
import type { FileFacts } from "./file-facts.js";
import type { SourceRange } from "./file-facts.js";

const start: SourceRange = { start: 0, end: 0, line: 1, column: 1, endLine: 1, endColumn: 1 };

/**
 * Facts made, by their specifiers: the same specifiers give the same object, as the facts cache
 * does for the same content, so that an editor session sees the file as unchanged (a new object
 * counts as a changed file, and everything that read it is worked out again).
 */
const made = new Map<string, FileFacts>();

/** The facts of a skipped file that imports `specifiers`: one `(module)` node using each module whole. */
export function skippedFileFacts(specifiers: readonly string[]): FileFacts {
  const key = JSON.stringify(specifiers);
  const known = made.get(key);
  if (known) return known;
  const facts = factsImporting(specifiers);
  made.set(key, facts);
  return facts;
}

function factsImporting(specifiers: readonly string[]): FileFacts {
  const uses: Record<string, number> = {};
  const firstUse: FileFacts["declarations"][number]["firstUse"] = {};
  for (const specifier of specifiers) {
    uses[`i:${specifier}`] = 1;
    firstUse[`i:${specifier}`] = [1, 1, "import"];
  }
  return {
    imports: specifiers.map((specifier) => ({ specifier, typeOnly: false, kind: "dynamic", range: start })),
    exports: [],
    constants: {},
    bindings: {},
    keyTypes: {},
    functions: [],
    calls: [],
    envReads: [],
    declarations: [{ name: "(module)", kind: "module", range: start, nameRange: start, uses, firstUse, evaluated: true }],
    callGraph: true,
    parseErrors: [],
  };
}
