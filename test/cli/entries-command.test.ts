// `deadflag entries` and `--debug`: which presets fired, why, and the entries they found.
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";
import { tempProject } from "../helpers/temp-dir.js";

const app = {
  "package.json": JSON.stringify({ name: "web", dependencies: { next: "15.0.0" }, devDependencies: { vitest: "3.0.0" } }),
  "app/page.tsx": "export default function Page() { return null; }\n",
  "app/page.test.tsx": 'import Page from "./page";\nPage();\n',
  "lib/unused.ts": "export const unused = 1;\n",
};

describe("deadflag entries", () => {
  it("lists the presets that fired with their reason, and the entries as JSON", () => {
    const root = tempProject(app);
    const result = runCli(["entries", "--format", "json", root]);
    expect(result.status).toBe(0);
    const document: unknown = JSON.parse(result.stdout);
    expect(document).toEqual({
      version: 1,
      source: "package.json",
      production: ["app/page.tsx"],
      tests: ["app/page.test.tsx"],
      presets: [
        { preset: "package-scripts", package: "", reason: "always on", production: [], tests: [] },
        { preset: "next", package: "", reason: '"next" in package.json', production: ["app/page.tsx"], tests: [] },
        { preset: "vitest", package: "", reason: '"vitest" in package.json', production: [], tests: [] },
      ],
    });
  });

  it("prints the presets as text", () => {
    const root = tempProject(app);
    const result = runCli(["entries", root]);
    expect(result.stdout).toContain('  next in . ("next" in package.json): 1 production, 0 test entries\n');
    expect(result.stdout).toContain("production entries (1, from package.json):\n  app/page.tsx\n");
  });

  it("prints which presets fired on stderr with --debug, and scan still reports what no preset names", () => {
    const root = tempProject(app);
    const result = runCli(["scan", "--debug", "--format", "json", root]);
    expect(result.stderr).toContain('debug preset next in . ("next" in package.json): 1 production, 0 test entries\n');
    const { findings } = JSON.parse(result.stdout) as { findings: Array<{ ruleId: string; file: string }> };
    expect(findings.map((f) => `${f.ruleId} ${f.file}`)).toEqual(["no-unused-file lib/unused.ts"]);
  });
});
