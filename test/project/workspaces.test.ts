// Monorepos: one graph across workspace packages, a package imported by name resolved to its
// sources, the root config applying to every package (a package config refining it), findings
// that carry the package name, and no "no entry found" with only `workspaces` at the root.
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load-config.js";
import { openProject, scanProject } from "../../src/index.js";
import { createModuleResolver } from "../../src/graph/module-resolver.js";
import { discoverProject } from "../../src/project/discover-project.js";
import { tempProject } from "../helpers/temp-dir.js";
import { memoryFileSystem } from "./memory-file-system.js";

const json = (value: unknown): string => JSON.stringify(value);

const monorepo = {
  "package.json": json({ name: "acme", private: true, workspaces: ["packages/*"] }),
  "packages/core/package.json": json({ name: "@acme/core", main: "./dist/index.js", types: "./dist/index.d.ts" }),
  "packages/core/tsconfig.json": json({ compilerOptions: { outDir: "dist", rootDir: "src" } }),
  "packages/core/src/index.ts": 'export { used } from "./used";\nexport { unusedEverywhere } from "./unused";\n',
  "packages/core/src/used.ts": "export function used(): number {\n  return 1;\n}\n",
  "packages/core/src/unused.ts": "export function unusedEverywhere(): number {\n  return 2;\n}\n",
  "packages/core/src/orphan.ts": "export const orphan = 3;\n",
  "packages/web/package.json": json({ name: "@acme/web", bin: { web: "./src/cli.ts" }, dependencies: { "@acme/core": "*" } }),
  "packages/web/src/cli.ts": 'import { used } from "@acme/core";\nconsole.log(used());\n',
};

describe("a workspaces monorepo", () => {
  it("scans every package at the root as one graph, with the package name on each finding", async () => {
    const root = tempProject(monorepo);
    const project = await openProject({ root, cache: false });
    expect(project.diagnostics).toEqual([]);
    expect(project.entries.production).toEqual(["packages/core/src/index.ts", "packages/web/src/cli.ts"]);
    const { findings } = scanProject(project);
    expect(findings.map((f) => `${f.ruleId} ${f.file}:${f.line} ${f.package ?? "-"}`)).toEqual([
      "no-unused-file packages/core/src/orphan.ts:1 @acme/core",
    ]);
  });

  it("reports code only an unused export of a private package keeps, and not what another package uses", async () => {
    const root = tempProject({
      ...monorepo,
      // Not published: its exports are only what other packages import.
      "packages/core/package.json": json({ name: "@acme/core", private: true, types: "./src/index.ts" }),
      "packages/web/package.json": json({ name: "@acme/web", bin: "./src/cli.ts" }),
    });
    const { findings } = scanProject(await openProject({ root, cache: false }));
    expect(findings.map((f) => `${f.ruleId} ${f.file}:${f.line} ${f.symbol ?? ""} ${f.package ?? "-"}`)).toEqual([
      "no-unused-export packages/core/src/index.ts:2 unusedEverywhere @acme/core",
      "no-unused-file packages/core/src/orphan.ts:1  @acme/core",
      "no-unreachable-code packages/core/src/unused.ts:1 unusedEverywhere @acme/core",
    ]);
  });

  it("takes the test folders at the top of each package as tests", async () => {
    const root = tempProject({
      "package.json": json({ private: true, workspaces: ["apps/*"] }),
      "apps/web/package.json": json({ name: "web", main: "./src/index.ts" }),
      "apps/web/src/index.ts": "export const web = 1;\n",
      "apps/web/tests/utils/resource.ts": "export const fixture = 1;\n",
      "apps/web/tests/links.test.ts": 'import { fixture } from "./utils/resource";\nconsole.log(fixture);\n',
    });
    const project = await openProject({ root, cache: false });
    expect(project.entries.tests).toEqual(["apps/web/tests/links.test.ts", "apps/web/tests/utils/resource.ts"]);
    expect(scanProject(project).findings).toEqual([]);
  });

  it("finds the conventional entry of each package when the root package.json has only workspaces", async () => {
    const root = tempProject({
      "package.json": json({ private: true, workspaces: ["apps/*"] }),
      "apps/api/package.json": json({ name: "api" }),
      "apps/api/src/index.ts": "export const api = 1;\n",
    });
    const project = await openProject({ root, cache: false });
    expect(project.entries.production).toEqual(["apps/api/src/index.ts"]);
    expect(project.diagnostics).toEqual([]);
  });
});

describe("resolving a workspace package by name", () => {
  async function resolverFor(files: Record<string, string>): Promise<ReturnType<typeof createModuleResolver>> {
    const layout = await discoverProject(memoryFileSystem(files), { project: undefined, ignore: [] }, []);
    return createModuleResolver("/repo", layout.files, layout.compilerOptions, {
      compilerOptionsOf: layout.compilerOptionsOf,
      packages: layout.packages,
    });
  }

  it("maps exports targets in the build folder back to sources through outDir and rootDir, subpath patterns included", async () => {
    const resolver = await resolverFor({
      "package.json": json({ workspaces: ["libs/*"] }),
      "libs/ui/package.json": json({
        name: "@acme/ui",
        exports: {
          ".": { types: "./build/types/index.d.ts", import: "./build/esm/index.js" },
          "./components/*": { import: "./build/esm/components/*.js" },
        },
      }),
      "libs/ui/tsconfig.json": json({ compilerOptions: { outDir: "build/esm", rootDir: "lib" } }),
      "libs/ui/lib/index.ts": "",
      "libs/ui/lib/components/button.tsx": "",
      "app.ts": "",
    });
    expect(resolver.resolve("app.ts", "@acme/ui")).toEqual({ kind: "file", file: "libs/ui/lib/index.ts" });
    expect(resolver.resolve("app.ts", "@acme/ui/components/button")).toEqual({ kind: "file", file: "libs/ui/lib/components/button.tsx" });
    expect(resolver.resolve("app.ts", "@acme/ui/missing")).toEqual({ kind: "package", name: "@acme/ui" });
  });

  it("takes main or types pointing at TypeScript directly, and a subpath as a path without exports", async () => {
    const resolver = await resolverFor({
      "package.json": json({ workspaces: ["packages/*"] }),
      "packages/lib/package.json": json({ name: "@acme/lib", main: "./index.ts" }),
      "packages/lib/index.ts": "",
      "packages/lib/server-only/user.ts": "",
      "app.ts": "",
    });
    expect(resolver.resolve("app.ts", "@acme/lib")).toEqual({ kind: "file", file: "packages/lib/index.ts" });
    expect(resolver.resolve("app.ts", "@acme/lib/server-only/user")).toEqual({ kind: "file", file: "packages/lib/server-only/user.ts" });
    expect(resolver.resolve("app.ts", "react")).toEqual({ kind: "package", name: "react" });
  });
});

describe("config lookup in a monorepo", () => {
  it("applies the root config to a package analysed alone, though the package has its own package.json", async () => {
    const root = tempProject({
      "package.json": json({ private: true, workspaces: ["packages/*"] }),
      "deadflag.config.json": json({ flags: { states: { "power-peg": "retired" } } }),
      "packages/web/package.json": json({ name: "@acme/web" }),
    });
    const loaded = await loadConfig(`${root}/packages/web`);
    expect(loaded.file).toBe(`${root}/deadflag.config.json`);
    expect(loaded.config.flags.states).toEqual({ "power-peg": "retired" });
  });

  it("refines the root config with a package's own: objects merge key by key, paths stay right", async () => {
    const root = tempProject({
      "package.json": json({ private: true, workspaces: ["packages/*"] }),
      "deadflag.config.json": json({
        rules: { "no-unused-export": "warn" },
        ignore: ["**/generated/**"],
        flags: { registry: "packages/flags/src/index.ts#FLAGS", states: { "power-peg": "retired" } },
      }),
      "packages/web/package.json": json({ name: "@acme/web", deadflag: { flags: { states: { "new-checkout": "on" } } } }),
    });
    const loaded = await loadConfig(`${root}/packages/web`);
    expect(loaded.file).toBe(`${root}/packages/web/package.json`);
    expect(loaded.directory).toBe(`${root}/packages/web`);
    expect(loaded.config.rules).toEqual({ "no-unused-export": "warn" });
    expect(loaded.config.ignore).toEqual(["**/generated/**"]);
    expect(loaded.config.flags.registry).toEqual(["../flags/src/index.ts#FLAGS"]);
    expect(loaded.config.flags.states).toEqual({ "power-peg": "retired", "new-checkout": "on" });
  });

  it("still stops at a package.json outside any monorepo", async () => {
    const root = tempProject({
      "deadflag.config.json": json({ flags: { states: { leaked: "on" } } }),
      "app/package.json": json({ name: "app" }),
    });
    expect((await loadConfig(`${root}/app`)).file).toBeUndefined();
  });
});
