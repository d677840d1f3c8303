// Framework presets: each adds the files its framework loads by convention, only in a package that
// depends on it, and says why it fired.
import { describe, expect, it } from "vitest";
import type { EngineDiagnostic } from "../../src/engine/engine-diagnostic.js";
import { discoverProject } from "../../src/project/discover-project.js";
import type { Entries } from "../../src/project/find-entries.js";
import { findEntries } from "../../src/project/find-entries.js";
import { memoryFileSystem } from "./memory-file-system.js";

/** The entries of a project made of `files`, with `config` globs. */
async function entriesOf(
  files: Record<string, string>,
  config: { entry?: string[]; tests?: string[] } = {},
  diagnostics: EngineDiagnostic[] = [],
): Promise<Entries> {
  const layout = await discoverProject(memoryFileSystem(files), { project: undefined, ignore: [] }, diagnostics);
  return findEntries(
    {
      root: "/repo",
      files: layout.files,
      listed: layout.listed,
      packages: layout.packages,
      entryGlobs: config.entry ?? [],
      testGlobs: config.tests ?? [],
      readText: layout.readText,
      fetchMisses: layout.fetchMisses,
    },
    diagnostics,
  );
}

function manifest(dependencies: Record<string, string>, extra: object = {}): string {
  return JSON.stringify({ name: "app", dependencies, ...extra });
}

/** `preset package reason` of each preset that added something. */
function firings(entries: Entries): string[] {
  return entries.presets
    .filter((p) => p.production.length + p.tests.length > 0)
    .map((p) => `${p.preset} ${p.package || "."} ${p.reason}`);
}

describe("Next.js", () => {
  it("takes app router special files, pages, route handlers, middleware, instrumentation and next.config", async () => {
    const entries = await entriesOf({
      "package.json": manifest({ next: "15.0.0" }),
      "next.config.mjs": "export default {};\n",
      "src/app/layout.tsx": "",
      "src/app/(marketing)/[slug]/page.tsx": "",
      "src/app/api/users/route.ts": "",
      "src/app/dashboard/loading.tsx": "",
      "src/app/dashboard/chart.tsx": "",
      "pages/_app.tsx": "",
      "pages/api/hello.ts": "",
      "middleware.ts": "",
      "instrumentation.ts": "",
      "lib/db.ts": "",
    });
    expect(entries.production).toEqual([
      "instrumentation.ts",
      "middleware.ts",
      "next.config.mjs",
      "pages/_app.tsx",
      "pages/api/hello.ts",
      "src/app/(marketing)/[slug]/page.tsx",
      "src/app/api/users/route.ts",
      "src/app/dashboard/loading.tsx",
      "src/app/layout.tsx",
    ]);
    expect(firings(entries)).toEqual(['next . "next" in package.json']);
  });

  it("reads custom pageExtensions from next.config", async () => {
    const entries = await entriesOf({
      "package.json": manifest({ next: "14.0.0" }),
      "next.config.js": 'module.exports = { pageExtensions: ["page.tsx", "api.ts"] };\n',
      "pages/index.page.tsx": "",
      "pages/users.api.ts": "",
      "pages/helpers.ts": "",
    });
    expect(entries.production).toEqual(["next.config.js", "pages/index.page.tsx", "pages/users.api.ts"]);
  });

  it("does nothing in a package that does not depend on next", async () => {
    const entries = await entriesOf({ "package.json": manifest({}), "app/page.tsx": "", "src/index.ts": "" });
    expect(entries.production).toEqual(["src/index.ts"]);
    expect(entries.source).toBe("conventional");
  });
});

describe("Remix and React Router", () => {
  it("takes Remix root, entry files and flat routes (a folder's route.tsx, not its other modules)", async () => {
    const entries = await entriesOf({
      "package.json": manifest({ "@remix-run/react": "2.0.0", "@remix-run/dev": "2.0.0" }),
      "app/root.tsx": "",
      "app/entry.server.tsx": "",
      "app/routes/_index.tsx": "",
      "app/routes/app.projects/route.tsx": "",
      "app/routes/app.projects/project-card.tsx": "",
      "app/utils/db.server.ts": "",
    });
    expect(entries.production).toEqual([
      "app/entry.server.tsx",
      "app/root.tsx",
      "app/routes/_index.tsx",
      "app/routes/app.projects/route.tsx",
    ]);
  });

  it("reads remix-flat-routes + folders", async () => {
    const entries = await entriesOf({
      "package.json": manifest({ "@remix-run/react": "2.0.0", "remix-flat-routes": "0.6.0" }),
      "app/root.tsx": "",
      "app/routes/_auth+/login.tsx": "",
      "app/routes/_auth+/components/form.tsx": "",
      "app/routes/users/_layout.tsx": "",
      "app/routes/users/helpers.ts": "",
    });
    expect(entries.production).toEqual(["app/root.tsx", "app/routes/_auth+/login.tsx", "app/routes/users/_layout.tsx"]);
  });

  it("takes React Router 7's routes.ts and every module it names, relative to the app folder", async () => {
    const routes = `import { type RouteConfig, index, layout, route } from "@react-router/dev/routes";
export default [
  index("routes/home.tsx"),
  layout("./layouts/shell.tsx", [route("about", "routes/about.tsx")]),
  // route("old", "routes/old.tsx"),
] satisfies RouteConfig;
`;
    const entries = await entriesOf({
      "package.json": manifest({ "react-router": "7.0.0" }, { devDependencies: { "@react-router/dev": "7.0.0" } }),
      "react-router.config.ts": 'export default { appDirectory: "src" };\n',
      "src/root.tsx": "",
      "src/routes.ts": routes,
      "src/routes/home.tsx": "",
      "src/routes/about.tsx": "",
      "src/routes/old.tsx": "",
      "src/layouts/shell.tsx": "",
    });
    expect(entries.production).toEqual([
      "react-router.config.ts",
      "src/layouts/shell.tsx",
      "src/root.tsx",
      "src/routes.ts",
      "src/routes/about.tsx",
      "src/routes/home.tsx",
    ]);
  });

  it("follows flatRoutes() and autoRoutes() in routes.ts, with their ignored files", async () => {
    const flat = await entriesOf({
      "package.json": manifest({ "@react-router/dev": "7.0.0" }),
      "app/routes.ts": 'import { flatRoutes } from "@react-router/fs-routes";\nexport default flatRoutes({ ignoredRouteFiles: ["**/*.css"] });\n',
      "app/routes/_index.tsx": "",
      "app/routes/users.$id/route.tsx": "",
      "app/routes/users.$id/avatar.tsx": "",
    });
    expect(flat.production).toEqual(["app/routes.ts", "app/routes/_index.tsx", "app/routes/users.$id/route.tsx"]);
    const auto = await entriesOf({
      "package.json": manifest({ "@react-router/dev": "7.0.0" }),
      "app/routes.ts": `import { autoRoutes } from "react-router-auto-routes";\nexport default autoRoutes({\n  ignoredRouteFiles: [\n    // a route named like "x.[server].tsx" escapes the dot\n    "**/*.server.*",\n  ],\n});\n`,
      "app/routes/_auth/login.tsx": "",
      "app/routes/_auth/login.server.ts": "",
      "app/routes/notes/+shared/editor.tsx": "",
      "app/routes/notes/index.tsx": "",
    });
    expect(auto.production).toEqual(["app/routes.ts", "app/routes/_auth/login.tsx", "app/routes/notes/index.tsx"]);
  });
});

describe("Vite, Vitest, Jest, Playwright, Storybook", () => {
  it("takes the scripts index.html loads and the files vite.config names", async () => {
    const entries = await entriesOf({
      "package.json": manifest({ vite: "6.0.0" }),
      "index.html": '<html><body><script type="module" src="/src/main.tsx"></script><script src="https://cdn.example/x.js"></script></body></html>',
      "admin/index.html": '<script type="module" src="./admin.ts"></script>',
      "vite.config.ts": 'export default { build: { lib: { entry: "./src/lib.ts" } } };\n',
      "scripts/docs/vite.config.ts": 'export default { build: { lib: { entry: resolve(__dirname, "../../src/docs.ts") } } };\n',
      "src/docs.ts": "",
      "src/main.tsx": "",
      "src/lib.ts": "",
      "admin/admin.ts": "",
      "src/unused.ts": "",
    });
    expect(entries.production).toEqual([
      "admin/admin.ts",
      "scripts/docs/vite.config.ts",
      "src/docs.ts",
      "src/lib.ts",
      "src/main.tsx",
      "vite.config.ts",
    ]);
  });

  it("reads vite.config's rollupOptions.input after a template literal with substitutions", async () => {
    const config = [
      "export default defineConfig(async () => {",
      '  const entries = files.reduce((acc, file) => { acc[`${dirname(file)}/migration`] = resolve(__dirname, file); return acc; }, {});',
      "  return {",
      "    build: { rollupOptions: { input: {",
      '      index: resolve(__dirname, "src/index.ts"),',
      '      "scripts/wait-for-database": resolve(__dirname, "src/scripts/wait-for-database.ts"),',
      "      ...entries,",
      "    } } },",
      "  };",
      "});",
      "",
    ].join("\n");
    const entries = await entriesOf({
      "package.json": manifest({ vite: "6.0.0" }),
      "vite.config.ts": config,
      "src/index.ts": "",
      "src/scripts/wait-for-database.ts": "",
      "src/other.ts": "",
    });
    expect(entries.production).toEqual(["src/index.ts", "src/scripts/wait-for-database.ts", "vite.config.ts"]);
  });

  it("takes vitest setup files and include globs as tests", async () => {
    const entries = await entriesOf({
      "package.json": manifest({}, { devDependencies: { vitest: "3.0.0" } }),
      "src/index.ts": "",
      "vitest.config.ts": 'export default { test: { setupFiles: ["./test-setup.ts"], include: ["src/**/*.check.ts"] } };\n',
      "test-setup.ts": "",
      "src/a.check.ts": "",
    });
    expect(entries.tests).toEqual(["src/a.check.ts", "test-setup.ts"]);
    expect(entries.production).toEqual(["src/index.ts", "vitest.config.ts"]);
  });

  it("reads a vite.config's test settings for Vitest, and leaves its build entries to Vite", async () => {
    const entries = await entriesOf({
      "package.json": manifest({}, { devDependencies: { vite: "6.0.0", vitest: "3.0.0" } }),
      "vite.config.mts": 'export default { build: { lib: { entry: resolve(__dirname, "src/index.ts") } }, test: { setupFiles: "./vitest.setup.ts" } };\n',
      "src/index.ts": "",
      "vitest.setup.ts": "",
    });
    expect(entries.production).toEqual(["src/index.ts", "vite.config.mts"]);
    expect(entries.tests).toEqual(["vitest.setup.ts"]);
  });

  it("does not take the files vitest's coverage block names (coverage.include / exclude) as tests", async () => {
    const entries = await entriesOf({
      "package.json": manifest({}, { devDependencies: { vitest: "3.0.0" } }),
      "src/index.ts": "",
      "src/proxy.ts": "",
      "src/env.ts": "",
      "vitest.config.ts": [
        "export default {",
        "  test: {",
        '    coverage: { include: ["src/proxy.ts"], exclude: ["src/env.ts", { nested: "x" }] },',
        '    setupFiles: ["./test-setup.ts"],',
        '    include: ["src/**/*.check.ts"],',
        "  },",
        "};",
        "",
      ].join("\n"),
      "test-setup.ts": "",
      "src/a.check.ts": "",
    });
    expect(entries.tests).toEqual(["src/a.check.ts", "test-setup.ts"]);
  });

  it("takes jest setup files and testMatch from package.json", async () => {
    const entries = await entriesOf({
      "package.json": manifest(
        {},
        { devDependencies: { jest: "29.0.0" }, jest: { setupFilesAfterEach: ["<rootDir>/jest.setup.ts"], testMatch: ["**/*.unit.ts"] } },
      ),
      "src/index.ts": "",
      "jest.setup.ts": "",
      "src/math.unit.ts": "",
    });
    expect(entries.tests).toEqual(["jest.setup.ts", "src/math.unit.ts"]);
  });

  it("takes everything under Playwright's testDir as tests (fixtures too), in another package of a monorepo too", async () => {
    const entries = await entriesOf({
      "package.json": JSON.stringify({ private: true, workspaces: ["apps/*"], devDependencies: { "@playwright/test": "1.50.0" } }),
      "playwright.config.ts": 'export default { testDir: "./apps/web/browser", globalSetup: "./global-setup.ts" };\n',
      "global-setup.ts": "",
      "apps/web/package.json": manifest({}, { main: "./src/index.ts" }),
      "apps/web/src/index.ts": "",
      "apps/web/browser/login.e2e.ts": "",
      "apps/web/browser/fixtures/users.ts": "",
    });
    expect(entries.tests).toEqual(["apps/web/browser/fixtures/users.ts", "apps/web/browser/login.e2e.ts", "global-setup.ts"]);
    expect(entries.production).toEqual(["apps/web/src/index.ts", "playwright.config.ts"]);
  });

  it("takes the stories Storybook's main config selects, in other packages of a monorepo too", async () => {
    const entries = await entriesOf({
      "package.json": JSON.stringify({ private: true, workspaces: ["apps/*", "packages/*"] }),
      "apps/storybook/package.json": manifest({}, { devDependencies: { storybook: "10.0.0" } }),
      "apps/storybook/tsconfig.json": JSON.stringify({ include: ["src", ".storybook"] }),
      "apps/storybook/.storybook/main.ts": 'export default { stories: ["../src/**/*.mdx", "../../../packages/ui/src/**/stories.@(ts|tsx)"] };\n',
      "apps/storybook/src/index.ts": "",
      "packages/ui/package.json": manifest({}),
      "packages/ui/src/button/stories.tsx": "",
      "packages/ui/src/button/index.tsx": "",
    });
    expect(entries.tests).toEqual(["apps/storybook/.storybook/main.ts", "packages/ui/src/button/stories.tsx"]);
  });

  it("takes Storybook's config and stories as tests", async () => {
    const entries = await entriesOf({
      "package.json": manifest({}, { devDependencies: { "@storybook/react-vite": "8.0.0" } }),
      // Wildcards skip dot-folders: the tsconfig names .storybook, as Storybook's setup guide does.
      "tsconfig.json": JSON.stringify({ include: ["src", ".storybook"] }),
      "src/index.ts": "",
      ".storybook/main.ts": "",
      ".storybook/preview.tsx": "",
      "src/button.stories.tsx": "",
      "src/button.tsx": "",
    });
    expect(entries.tests).toEqual([".storybook/main.ts", ".storybook/preview.tsx", "src/button.stories.tsx"]);
    expect(firings(entries)).toEqual(['storybook . "@storybook/react-vite" in package.json']);
  });
});

describe("servers, NestJS, Astro, SvelteKit", () => {
  it("takes the programs package.json scripts run with node, tsx or ts-node, mapped back from build output", async () => {
    const entries = await entriesOf({
      "package.json": manifest(
        { express: "4.0.0" },
        {
          scripts: {
            dev: "tsx watch --env-file .env src/server.ts",
            start: "NODE_ENV=production node dist/worker.js",
            seed: "ts-node -r tsconfig-paths/register ./scripts/seed.ts && echo done",
            lint: "eslint src",
          },
        },
      ),
      "tsconfig.json": JSON.stringify({ compilerOptions: { outDir: "dist", rootDir: "src" } }),
      "src/server.ts": "",
      "src/worker.ts": "",
      "scripts/seed.ts": "",
      "src/routes.ts": "",
    });
    expect(entries.production).toEqual(["scripts/seed.ts", "src/server.ts", "src/worker.ts"]);
    expect(firings(entries)).toEqual(["package-scripts . always on"]);
  });

  it("takes the programs git hooks run (.husky)", async () => {
    const entries = await entriesOf({
      "package.json": manifest({ husky: "9.0.0" }, { main: "./src/index.ts" }),
      ".husky/pre-commit": '#!/usr/bin/env sh\nMONOREPO_ROOT="$(git rev-parse --show-toplevel)"\nnode "$MONOREPO_ROOT/scripts/copy-wellknown.cjs"\nnpx lint-staged\n',
      "src/index.ts": "",
      "scripts/copy-wellknown.cjs": "",
    });
    expect(entries.production).toEqual(["scripts/copy-wellknown.cjs", "src/index.ts"]);
    const workflow = await entriesOf({
      "package.json": manifest({}, { main: "./src/index.ts" }),
      ".github/workflows/sync.yml": "jobs:\n  sync:\n    steps:\n      - run: node scripts/sync.mjs --dry-run\n",
      "src/index.ts": "",
      "scripts/sync.mjs": "",
    });
    expect(workflow.production).toEqual(["scripts/sync.mjs", "src/index.ts"]);
  });

  it("takes every program under the folder a script dispatcher starts a runner in by a computed path", async () => {
    const runner = [
      'import { spawn } from "child_process";',
      "const command = process.argv[2];",
      'const scriptPath = `./scripts/${command}.${command === "send-emails" ? "tsx" : "ts"}`;',
      'spawn("tsx", ["--stack-size=5120000", scriptPath], { stdio: "inherit" });',
      "",
    ].join("\n");
    const entries = await entriesOf({
      "package.json": JSON.stringify({ name: "root", private: true, workspaces: ["apps/*"] }),
      "apps/web/package.json": JSON.stringify({ name: "web", scripts: { script: "tsx ./scripts/run.ts" } }),
      "apps/web/scripts/run.ts": runner,
      "apps/web/scripts/backfill-users.ts": "",
      "apps/web/scripts/migrations/move-links.ts": "",
      "apps/web/src/index.ts": "",
      "apps/web/lib/helper.ts": "",
    });
    expect(entries.production).toEqual([
      "apps/web/scripts/backfill-users.ts",
      "apps/web/scripts/migrations/move-links.ts",
      "apps/web/scripts/run.ts",
    ]);
    // fork runs node itself; a folder relative to the program when the package has none such.
    const forked = await entriesOf({
      "package.json": manifest({}, { main: "./src/index.ts", scripts: { jobs: "node tools/jobs.mjs" } }),
      "tools/jobs.mjs": 'import { fork } from "node:child_process";\nfor (const job of process.argv.slice(2)) fork(`./tasks/${job}.mjs`);\n',
      "tools/tasks/report.mjs": "",
      "src/index.ts": "",
    });
    expect(forked.production).toEqual(["src/index.ts", "tools/jobs.mjs", "tools/tasks/report.mjs"]);
  });

  it("takes no folder from a program that starts no runner, or builds a path that is no relative folder", async () => {
    const entries = await entriesOf({
      "package.json": manifest({}, { main: "./src/index.ts", scripts: { release: "node tools/release.mjs" } }),
      "tools/release.mjs": [
        'import { execSync } from "node:child_process";',
        "execSync(`git tag ./scripts/${process.argv[2]}`);",
        'const url = `https://example.com/${"x"}`;',
        "",
      ].join("\n"),
      "scripts/a.ts": "",
      "src/index.ts": "",
    });
    expect(entries.production).toEqual(["src/index.ts", "tools/release.mjs"]);
  });

  it("takes NestJS main and its modules and controllers", async () => {
    const entries = await entriesOf({
      "package.json": manifest({ "@nestjs/core": "10.0.0" }),
      "nest-cli.json": JSON.stringify({ sourceRoot: "apps/api/src" }),
      "apps/api/src/main.ts": "",
      "apps/api/src/app.module.ts": "",
      "apps/api/src/users/users.controller.ts": "",
      "apps/api/src/users/users.service.ts": "",
    });
    expect(entries.production).toEqual(["apps/api/src/app.module.ts", "apps/api/src/main.ts", "apps/api/src/users/users.controller.ts"]);
  });

  it("takes Astro endpoints and the modules .astro components import", async () => {
    const entries = await entriesOf({
      "package.json": manifest({ astro: "5.0.0" }),
      "src/pages/index.astro": '---\nimport { posts } from "../lib/posts";\nimport Card from "../components/Card.astro";\n---\n<Card />\n<script>\nimport "../scripts/menu.ts";\n</script>\n',
      "src/pages/rss.xml.ts": "",
      "src/lib/posts.ts": "",
      "src/scripts/menu.ts": "",
      "src/lib/unused.ts": "",
    });
    expect(entries.production).toEqual(["src/lib/posts.ts", "src/pages/rss.xml.ts", "src/scripts/menu.ts"]);
  });

  it("takes SvelteKit route modules, hooks and what .svelte scripts import ($lib included)", async () => {
    const entries = await entriesOf({
      "package.json": manifest({}, { devDependencies: { "@sveltejs/kit": "2.0.0" } }),
      "src/routes/+page.svelte": '<script lang="ts">\n  import { load } from "$lib/data";\n</script>\n',
      "src/routes/blog/+page.server.ts": "",
      "src/hooks.server.ts": "",
      "src/lib/data.ts": "",
      "src/lib/unused.ts": "",
    });
    expect(entries.production).toEqual(["src/hooks.server.ts", "src/lib/data.ts", "src/routes/blog/+page.server.ts"]);
  });
});

describe("tsup", () => {
  it("takes the entries of tsup.config, written as an object of output names or as globs", async () => {
    const entries = await entriesOf({
      "package.json": manifest({}, { main: "./dist/index.js", devDependencies: { tsup: "8.0.0" } }),
      "tsup.config.ts": 'export default defineConfig({ entry: { "embed/script": "src/embed.ts", index: "src/index.ts" } });\n',
      "src/index.ts": "",
      "src/embed.ts": "",
      "src/other.ts": "",
    });
    expect(entries.production).toEqual(["src/embed.ts", "src/index.ts", "tsup.config.ts"]);
    const globbed = await entriesOf({
      "package.json": manifest({}, { devDependencies: { tsup: "8.0.0" }, tsup: { entry: ["src/cli/*.ts"] } }),
      "src/cli/a.ts": "",
      "src/cli/b.ts": "",
      "src/lib.ts": "",
    });
    expect(globbed.production).toEqual(["src/cli/a.ts", "src/cli/b.ts"]);
  });
});

describe("Trigger.dev", () => {
  it("takes every module under trigger.config's dirs", async () => {
    const entries = await entriesOf({
      "package.json": manifest({ "@trigger.dev/sdk": "3.0.0" }),
      "trigger.config.ts": 'export default defineConfig({ project: "p", dirs: ["./lib/trigger"] });\n',
      "lib/trigger/cleanup.ts": "",
      "lib/trigger/nested/report.ts": "",
      "lib/other.ts": "",
      "src/index.ts": "",
    });
    expect(entries.production).toEqual(["lib/trigger/cleanup.ts", "lib/trigger/nested/report.ts", "trigger.config.ts"]);
  });
});

describe("React Email", () => {
  const template = "export function Verify() { return null; }\nexport default function VerifyPreview() { return null; }\n";

  it("takes the templates under emails/ (a default export) as test entries, not _folders, static/, .ts files or modules without a default", async () => {
    const entries = await entriesOf({
      "package.json": manifest({ "react-email": "5.0.0" }, { scripts: { dev: "email dev --port 3000" } }),
      "emails/auth/verify.tsx": template,
      "emails/welcome.jsx": "module.exports = function Welcome() {};\n",
      "emails/shared/footer.tsx": "export function Footer() { return null; }\n",
      "emails/_components/button.tsx": "export default function Button() { return null; }\n",
      "emails/static/logo.tsx": "export default function Logo() { return null; }\n",
      "emails/data.ts": "export default {};\n",
      "src/index.ts": "",
    });
    expect(entries.tests).toEqual(["emails/auth/verify.tsx", "emails/welcome.jsx"]);
    expect(entries.production).toEqual(["src/index.ts"]);
    expect(firings(entries)).toEqual(['react-email . "react-email" in package.json']);
  });

  it("reads the folder from --dir in an email command, in a workspace package", async () => {
    const entries = await entriesOf({
      "package.json": JSON.stringify({ name: "root", private: true, workspaces: ["packages/*"] }),
      "packages/email/package.json": JSON.stringify({
        name: "@acme/email",
        main: "./src/index.ts",
        scripts: { dev: "email dev --dir ./src/templates -p 3333", export: "email export --dir=src/other" },
        devDependencies: { "@react-email/preview-server": "5.0.0" },
      }),
      "packages/email/src/index.ts": "",
      "packages/email/src/templates/invite.tsx": template,
      "packages/email/src/other/receipt.tsx": template,
      "packages/email/emails/old.tsx": template,
    });
    expect(entries.tests).toEqual(["packages/email/src/other/receipt.tsx", "packages/email/src/templates/invite.tsx"]);
  });

  it("adds nothing without a React Email dependency", async () => {
    const entries = await entriesOf({ "package.json": manifest({ react: "19.0.0" }), "emails/verify.tsx": template, "src/index.ts": "" });
    expect(entries.tests).toEqual([]);
  });
});

describe("entries and tests from the config", () => {
  it("adds the project's own test file names (tests globs), which are never production entries", async () => {
    const entries = await entriesOf(
      { "package.json": manifest({}), "src/index.ts": "", "src/widget.clienttest.tsx": "", "src/widget.tsx": "" },
      { tests: ["**/*.clienttest.tsx"] },
    );
    expect(entries.tests).toEqual(["src/widget.clienttest.tsx"]);
    expect(entries.production).toEqual(["src/index.ts"]);
  });

  it("keeps preset entries next to configured entries: a preset adds, never replaces", async () => {
    const entries = await entriesOf(
      { "package.json": manifest({ next: "15.0.0" }), "app/page.tsx": "", "scripts/cron.ts": "" },
      { entry: ["scripts/*.ts"] },
    );
    expect(entries.production).toEqual(["app/page.tsx", "scripts/cron.ts"]);
  });
});
