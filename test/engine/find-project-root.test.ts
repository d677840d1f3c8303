// Which project a linted file belongs to: the directory `deadflag scan` would be run in.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findProjectRoot } from "../../src/engine/find-project-root.js";
import { tempProject } from "../helpers/temp-dir.js";

describe("findProjectRoot", () => {
  it("is the nearest directory with a deadflag config, above a package.json without one", () => {
    const root = tempProject({
      "deadflag.config.json": "{}",
      "package.json": "{}",
      "tools/package.json": "{}",
      "tools/src/a.ts": "",
      "src/b.ts": "",
    });
    expect(findProjectRoot(path.join(root, "tools/src/a.ts"))).toBe(root);
    expect(findProjectRoot(path.join(root, "src/b.ts"))).toBe(root);
  });

  it("counts package.json only with a deadflag field, else takes the nearest package.json", () => {
    const withField = tempProject({ "package.json": JSON.stringify({ deadflag: {} }), "pkg/package.json": "{}", "pkg/a.ts": "" });
    expect(findProjectRoot(path.join(withField, "pkg/a.ts"))).toBe(withField);
    const plain = tempProject({ "package.json": "{}", "pkg/package.json": "{}", "pkg/a.ts": "" });
    expect(findProjectRoot(path.join(plain, "pkg/a.ts"))).toBe(path.join(plain, "pkg"));
  });

  it("is the workspace root in a monorepo, even when a package has a config of its own", () => {
    const root = tempProject({
      "package.json": JSON.stringify({ workspaces: ["packages/*"] }),
      "packages/a/package.json": "{}",
      "packages/a/deadflag.config.json": "{}",
      "packages/a/src/a.ts": "",
    });
    expect(findProjectRoot(path.join(root, "packages/a/src/a.ts"))).toBe(root);
  });

  it("is undefined for a file in no project", () => {
    const root = tempProject({ "a.ts": "" });
    expect(findProjectRoot(path.join(root, "a.ts"))).toBeUndefined();
  });
});
