// Which files of a revision's tree `diff` analyses: the revision's own tsconfig, read as the compiler
// reads it, over the tree's listing (no checkout).
import { describe, expect, it } from "vitest";
import { selectRevisionFiles } from "../../src/history/select-revision-files.js";

const tree = [
  "src/index.ts",
  "src/view.tsx",
  "src/legacy.js",
  "src/types.d.ts",
  "src/index.test.ts",
  "scripts/seed.mjs",
  "dist/index.js",
  "build/out.js",
  "node_modules/pkg/index.js",
  "README.md",
];

describe("selectRevisionFiles", () => {
  it("takes every TypeScript file but declarations when the tsconfig lists nothing, and JavaScript only with allowJs", () => {
    expect(selectRevisionFiles(tree, "{}", []).files).toEqual(["src/index.test.ts", "src/index.ts", "src/view.tsx"]);
    expect(selectRevisionFiles(tree, `{ "compilerOptions": { "allowJs": true } }`, []).files).toEqual([
      "build/out.js",
      "dist/index.js",
      "scripts/seed.mjs",
      "src/index.test.ts",
      "src/index.ts",
      "src/legacy.js",
      "src/view.tsx",
    ]);
  });

  it("follows include, exclude, files and the output directory", () => {
    const tsconfig = `{
      // comments and trailing commas, as tsconfig allows
      "compilerOptions": { "allowJs": true, "outDir": "./dist" },
      "include": ["src"],
      "exclude": ["**/*.test.ts"],
      "files": ["scripts/seed.mjs"],
    }`;
    expect(selectRevisionFiles(tree, tsconfig, []).files).toEqual(["scripts/seed.mjs", "src/index.ts", "src/legacy.js", "src/view.tsx"]);
    expect(selectRevisionFiles(tree, `{ "compilerOptions": { "allowJs": true, "outDir": "dist" } }`, []).files).not.toContain("dist/index.js");
  });

  it("takes every source outside build and vendor folders without a tsconfig, less the ignore globs", () => {
    expect(selectRevisionFiles(tree, undefined, ["scripts/**"]).files).toEqual([
      "src/index.test.ts",
      "src/index.ts",
      "src/legacy.js",
      "src/view.tsx",
    ]);
  });
});
