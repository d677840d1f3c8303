// The tokens `no-flag-reuse` compares code by. The tokenizer parses without JSDoc (a comment to it),
// which must leave every token of the code itself: JSDoc on functions, members and statements, and
// a JSDoc type cast in JavaScript, change nothing.
import { describe, expect, it } from "vitest";
import { CodeTokenizer, handedContentToken } from "../../src/history/code-tokens.js";

/** Every token of `text` (the project declares `helper`). */
function tokensOf(file: string, text: string): string[] {
  const tokenizer = new CodeTokenizer((_file, name) => name === "helper");
  return tokenizer.tokensOf(file, text, 0, text.length);
}

describe("code tokens", () => {
  it("are the code's alone, with or without JSDoc around it", () => {
    const code = [
      "export function render(/** the items */ items: string[]): number {",
      "  /** How many. */",
      "  const count = items.length;",
      "  if (count > 2) helper(`${count} items`);",
      "  return count * 3;",
      "}",
      "class Cart {",
      "  /** Adds one. @param item the item */",
      "  add(item: string): void {",
      "    console.log('add', item);",
      "  }",
      "}",
    ].join("\n");
    const bare = code.replace(/\/\*\*[^*]*\*\//g, "");
    expect(tokensOf("src/a.ts", code)).toEqual(tokensOf("src/a.ts", bare));
    expect(tokensOf("src/a.ts", code)).toEqual([
      "render", "$", "$", "=", "$", "length", "if", "$", ">", "2", "ƒ", "$", "\" items\"", "return", "$", "*", "3",
      "class", "Cart", "add", "$", "console", "log", "\"add\"", "$",
    ]);
  });

  it("keep a JSDoc type cast's expression in JavaScript", () => {
    const code = "export function total(rows) {\n  const first = /** @type {number} */ (rows[0]);\n  return helper(first) + 1;\n}\n";
    expect(tokensOf("src/a.js", code)).toEqual(tokensOf("src/a.js", code.replace("/** @type {number} */ ", "")));
    expect(tokensOf("src/a.js", code)).toContain("ƒ");
  });

  it("mark the content a component was handed, read where the piece does not declare it", () => {
    // The branch of a gated layout: `children` and `props.children` are the wrapped content.
    const branch = "<section className=\"shell\">{children}{props.children}</section>";
    expect(tokensOf("src/a.tsx", branch).filter((t) => t === handedContentToken)).toHaveLength(2);
    // Declared by the piece (a whole component), a key, an attribute, or a member of a local: plain names.
    const component = [
      "function Shell({ children }: { children: unknown }) {",
      "  const node = { children: [] as unknown[] };",
      "  return <div children={node.children}>{children}</div>;",
      "}",
    ].join("\n");
    expect(tokensOf("src/a.tsx", component)).not.toContain(handedContentToken);
  });
});
