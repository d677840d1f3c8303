// Project discovery over a file-system view: tsconfig `extends` (also of a workspace package that
// is not installed), each workspace package's own compiler options, and unreadable folders.
import { chmodSync } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { EngineDiagnostic } from "../../src/engine/engine-diagnostic.js";
import { createModuleResolver } from "../../src/graph/module-resolver.js";
import { discoverProject } from "../../src/project/discover-project.js";
import type { ListDirectory } from "../../src/project/disk-file-system.js";
import { diskFileSystem } from "../../src/project/disk-file-system.js";
import { tempProject } from "../helpers/temp-dir.js";
import { memoryFileSystem } from "./memory-file-system.js";

const workspaceRoot = {
  "package.json": JSON.stringify({ private: true, workspaces: ["apps/*", "packages/*"] }),
  "packages/tsconfig/package.json": JSON.stringify({ name: "@acme/tsconfig" }),
  "packages/tsconfig/base.json": JSON.stringify({ compilerOptions: { allowJs: true, strict: true } }),
};

describe("discoverProject", () => {
  it("reads a tsconfig that extends a workspace package that is not installed, keeping its allowJs files", async () => {
    const diagnostics: EngineDiagnostic[] = [];
    const layout = await discoverProject(
      memoryFileSystem({
        ...workspaceRoot,
        "apps/web/package.json": JSON.stringify({ name: "@acme/web", dependencies: { "@acme/tsconfig": "*" } }),
        "apps/web/tsconfig.json": JSON.stringify({ extends: "@acme/tsconfig/base.json", include: ["."] }),
        "apps/web/env.mjs": "export const env = {};\n",
        "apps/web/src/index.ts": 'import { env } from "../env.mjs";\n',
      }),
      { project: undefined, ignore: [] },
      diagnostics,
    );
    expect(layout.files).toEqual(["apps/web/env.mjs", "apps/web/src/index.ts"]);
    expect(layout.compilerOptionsOf("apps/web/src/index.ts").strict).toBe(true);
    expect(diagnostics).toEqual([]);
  });

  it("says so when an extended tsconfig cannot be found", async () => {
    const diagnostics: EngineDiagnostic[] = [];
    await discoverProject(
      memoryFileSystem({ "tsconfig.json": JSON.stringify({ extends: "@missing/tsconfig/base.json" }), "src/a.ts": "" }),
      { project: undefined, ignore: [] },
      diagnostics,
    );
    expect(diagnostics).toEqual([{ file: "tsconfig.json", message: "File '@missing/tsconfig/base.json' not found." }]);
  });

  it("resolves each package's imports with its own tsconfig paths", async () => {
    const layout = await discoverProject(
      memoryFileSystem({
        ...workspaceRoot,
        "apps/web/package.json": JSON.stringify({ name: "@acme/web" }),
        "apps/web/tsconfig.json": JSON.stringify({ compilerOptions: { baseUrl: ".", paths: { "~/*": ["./app/*"] } } }),
        "apps/web/app/util.ts": "export const u = 1;\n",
        "apps/web/app/page.ts": 'import { u } from "~/util";\n',
        "apps/admin/package.json": JSON.stringify({ name: "@acme/admin" }),
        "apps/admin/tsconfig.json": JSON.stringify({ compilerOptions: { baseUrl: ".", paths: { "~/*": ["./src/*"] } } }),
        "apps/admin/src/util.ts": "export const u = 2;\n",
        "apps/admin/src/page.ts": 'import { u } from "~/util";\n',
      }),
      { project: undefined, ignore: [] },
      [],
    );
    const resolver = createModuleResolver("/repo", layout.files, layout.compilerOptions, {
      compilerOptionsOf: layout.compilerOptionsOf,
      packages: layout.packages,
    });
    expect(resolver.resolve("apps/web/app/page.ts", "~/util")).toEqual({ kind: "file", file: "apps/web/app/util.ts" });
    expect(resolver.resolve("apps/admin/src/page.ts", "~/util")).toEqual({ kind: "file", file: "apps/admin/src/util.ts" });
    expect(layout.packages.map((p) => [p.directory, p.name])).toEqual([
      ["", undefined],
      ["apps/admin", "@acme/admin"],
      ["apps/web", "@acme/web"],
      ["packages/tsconfig", "@acme/tsconfig"],
    ]);
  });

  it("reads the workspace list of pnpm-workspace.yaml, negations included", async () => {
    const layout = await discoverProject(
      memoryFileSystem({
        "package.json": "{}",
        "pnpm-workspace.yaml": "packages:\n  - 'packages/*'\n  - '!packages/legacy'\n",
        "packages/a/package.json": JSON.stringify({ name: "a" }),
        "packages/a/index.ts": "",
        "packages/legacy/package.json": JSON.stringify({ name: "legacy" }),
      }),
      { project: undefined, ignore: [] },
      [],
    );
    expect(layout.packages.map((p) => p.directory)).toEqual(["", "packages/a"]);
  });

  it("warns about a directory it cannot read instead of skipping it silently", async () => {
    const root = tempProject({ "src/index.ts": "export const a = 1;\n", "src/secret/b.ts": "export const b = 2;\n" });
    const secret = path.join(root, "src/secret");
    chmodSync(secret, 0o000);
    // Root reads any folder whatever its mode (tests and CI run as root here): refuse it the same way.
    const listDirectory: ListDirectory = (directory) => {
      if (directory === secret) return Promise.reject(Object.assign(new Error("permission denied"), { code: "EACCES" }));
      return readdir(directory, { withFileTypes: true });
    };
    const diagnostics: EngineDiagnostic[] = [];
    try {
      const layout = await discoverProject(diskFileSystem(root, listDirectory), { project: undefined, ignore: [] }, diagnostics);
      expect(layout.files).toEqual(["src/index.ts"]);
    } finally {
      chmodSync(secret, 0o755);
    }
    expect(diagnostics).toEqual([{ file: "src/secret", message: "skipped: cannot read this directory (EACCES)" }]);
  });
});
