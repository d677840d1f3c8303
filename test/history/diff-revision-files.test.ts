// Which files of a revision's tree `diff` analyses: the revision's own tsconfig, read as the compiler
// reads it, over the tree's listing (no checkout). Revisions and the working tree share this discovery.
import { describe, expect, it } from "vitest";
import { discoverProject } from "../../src/project/discover-project.js";
import { memoryFileSystem } from "../project/memory-file-system.js";

const tree: Record<string, string> = {
  "src/index.ts": "",
  "src/view.tsx": "",
  "src/legacy.js": "",
  "src/types.d.ts": "",
  "src/index.test.ts": "",
  "scripts/seed.mjs": "",
  "dist/index.js": "",
  "build/out.js": "",
  "README.md": "",
};

async function filesOf(tsconfig: string | undefined, ignore: string[] = []): Promise<string[]> {
  const files = tsconfig === undefined ? tree : { ...tree, "tsconfig.json": tsconfig };
  return (await discoverProject(memoryFileSystem(files), { project: undefined, ignore }, [])).files;
}

describe("revision files", () => {
  it("takes every TypeScript file but declarations when the tsconfig lists nothing, and JavaScript only with allowJs", async () => {
    expect(await filesOf("{}")).toEqual(["src/index.test.ts", "src/index.ts", "src/view.tsx"]);
    expect(await filesOf(`{ "compilerOptions": { "allowJs": true } }`)).toEqual([
      "build/out.js",
      "dist/index.js",
      "scripts/seed.mjs",
      "src/index.test.ts",
      "src/index.ts",
      "src/legacy.js",
      "src/view.tsx",
    ]);
  });

  it("follows include, exclude, files and the output directory", async () => {
    const tsconfig = `{
      // comments and trailing commas, as tsconfig allows
      "compilerOptions": { "allowJs": true, "outDir": "./dist" },
      "include": ["src"],
      "exclude": ["**/*.test.ts"],
      "files": ["scripts/seed.mjs"],
    }`;
    expect(await filesOf(tsconfig)).toEqual(["scripts/seed.mjs", "src/index.ts", "src/legacy.js", "src/view.tsx"]);
    expect(await filesOf(`{ "compilerOptions": { "allowJs": true, "outDir": "dist" } }`)).not.toContain("dist/index.js");
  });

  it("takes every source outside build and vendor folders without a tsconfig, less the ignore globs", async () => {
    expect(await filesOf(undefined, ["scripts/**"])).toEqual([
      "src/index.test.ts",
      "src/index.ts",
      "src/legacy.js",
      "src/view.tsx",
    ]);
  });
});
