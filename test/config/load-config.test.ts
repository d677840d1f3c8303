import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ConfigError } from "../../src/config/config-error.js";
import { configFileNames, loadConfig, loadConfigSync } from "../../src/config/load-config.js";
import { createTempProject, removeTempProject, writeFiles } from "./temp-project.js";

const roots: string[] = [];

function project(files: Record<string, string> = {}): string {
  const root = createTempProject(files);
  roots.push(root);
  return root;
}

afterEach(() => {
  for (const root of roots.splice(0)) removeTempProject(root);
});

async function loadError(root: string, explicitPath?: string): Promise<ConfigError> {
  const error: unknown = await loadConfig(root, explicitPath).then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (error instanceof ConfigError) return error;
  throw new Error(`expected a ConfigError, got ${String(error)}`);
}

const json = (value: unknown): string => JSON.stringify(value, null, 2);

function hasBoundaryAbove(directory: string): boolean {
  for (let current = directory; ; current = path.dirname(current)) {
    if (fs.existsSync(path.join(current, "package.json")) || fs.existsSync(path.join(current, ".git"))) return true;
    if (path.dirname(current) === current) return false;
  }
}

describe("loadConfig lookup", () => {
  it("finds deadflag.config.json", async () => {
    const root = project({ "deadflag.config.json": json({ entry: ["src/main.ts"], staleAfterDays: 30 }) });
    const loaded = await loadConfig(root);
    expect(loaded.file).toBe(path.join(root, "deadflag.config.json"));
    expect(loaded.directory).toBe(root);
    expect(loaded.config.entry).toEqual(["src/main.ts"]);
    expect(loaded.config.staleAfterDays).toBe(30);
  });

  it("finds .deadflagrc.json", async () => {
    const root = project({ ".deadflagrc.json": json({ ignore: ["dist/**"] }) });
    const loaded = await loadConfig(root);
    expect(loaded.file).toBe(path.join(root, ".deadflagrc.json"));
    expect(loaded.config.ignore).toEqual(["dist/**"]);
  });

  it("finds the deadflag property of package.json", async () => {
    const root = project({ "package.json": json({ name: "app", deadflag: { flags: { states: { beta: "on" } } } }) });
    const loaded = await loadConfig(root);
    expect(loaded.file).toBe(path.join(root, "package.json"));
    expect(loaded.config.flags.states).toEqual({ beta: "on" });
  });

  it("loads a TypeScript config with type annotations", async () => {
    const root = project({
      "deadflag.config.ts": [
        'import type { DeadflagConfig } from "deadflag";',
        "interface Extra { readonly note?: string }",
        'const states: Record<string, "on" | "off"> = { beta: "off" };',
        'const config: DeadflagConfig & Extra = { entry: ["src/cli.ts"], flags: { states } };',
        "export default config;",
      ].join("\n"),
    });
    const loaded = await loadConfig(root);
    expect(loaded.file).toBe(path.join(root, "deadflag.config.ts"));
    expect(loaded.config.entry).toEqual(["src/cli.ts"]);
    expect(loaded.config.flags.states).toEqual({ beta: "off" });
  });

  it("loads a .mts config", async () => {
    const root = project({ "deadflag.config.mts": 'export default { project: "tsconfig.app.json" } satisfies object;\n' });
    const loaded = await loadConfig(root);
    expect(loaded.file).toBe(path.join(root, "deadflag.config.mts"));
    expect(loaded.config.project).toBe("tsconfig.app.json");
  });

  it("loads an ES module .mjs config", async () => {
    const root = project({ "deadflag.config.mjs": 'const rules = { "no-unused-file": "off" };\nexport default { rules };\n' });
    const loaded = await loadConfig(root);
    expect(loaded.file).toBe(path.join(root, "deadflag.config.mjs"));
    expect(loaded.config.rules).toEqual({ "no-unused-file": "off" });
  });

  it("loads a .js config in a package of type module", async () => {
    const root = project({
      "package.json": json({ name: "app", type: "module" }),
      "deadflag.config.js": 'export default { entry: "src/index.js" };\n',
    });
    const loaded = await loadConfig(root);
    expect(loaded.file).toBe(path.join(root, "deadflag.config.js"));
    expect(loaded.config.entry).toEqual(["src/index.js"]);
  });

  it("sees a code config's changes on the next load, for long-running processes", async () => {
    const root = project({ "deadflag.config.ts": "export default { staleAfterDays: 10 };\n" });
    expect((await loadConfig(root)).config.staleAfterDays).toBe(10);
    writeFiles(root, { "deadflag.config.ts": "export default { staleAfterDays: 20 };\n" });
    expect((await loadConfig(root)).config.staleAfterDays).toBe(20);
  });

  it("returns the defaults and the root when there is no config", async () => {
    const root = project({ "package.json": json({ name: "app" }) });
    const loaded = await loadConfig(root);
    expect(loaded).toMatchObject({ file: undefined, directory: root });
    expect(loaded.config.staleAfterDays).toBe(90);
    expect(loaded.config.entry).toEqual([]);
  });

  it("follows the documented precedence", async () => {
    const contents: Record<string, string> = {
      "deadflag.config.json": json({ entry: ["json"] }),
      ".deadflagrc.json": json({ entry: ["rc"] }),
      "package.json": json({ name: "app", deadflag: { entry: ["package"] } }),
      "deadflag.config.ts": 'export default { entry: ["ts"] };\n',
      "deadflag.config.mts": 'export default { entry: ["mts"] };\n',
      "deadflag.config.js": 'export default { entry: ["js"] };\n',
      "deadflag.config.mjs": 'export default { entry: ["mjs"] };\n',
    };
    expect(Object.keys(contents)).toEqual([...configFileNames]);
    const root = project(contents);
    const winners: string[] = [];
    for (const name of configFileNames) {
      const loaded = await loadConfig(root);
      winners.push(`${path.basename(loaded.file ?? "none")}=${loaded.config.entry.join()}`);
      // Keep a package.json so that the directory stays the lookup boundary.
      if (name === "package.json") writeFiles(root, { "package.json": json({ name: "app" }) });
      else fs.rmSync(path.join(root, name));
    }
    expect(winners).toEqual([
      "deadflag.config.json=json",
      ".deadflagrc.json=rc",
      "package.json=package",
      "deadflag.config.ts=ts",
      "deadflag.config.mts=mts",
      "deadflag.config.js=js",
      "deadflag.config.mjs=mjs",
    ]);
  });

  it("skips a package.json without a deadflag property", async () => {
    const root = project({
      "package.json": json({ name: "app" }),
      "deadflag.config.mjs": 'export default { project: "tsconfig.json" };\n',
    });
    expect((await loadConfig(root)).file).toBe(path.join(root, "deadflag.config.mjs"));
  });

  it("treats an empty config file as an empty config rather than skipping it", async () => {
    const root = project({ "deadflag.config.json": "  \n", ".deadflagrc.json": json({ entry: ["rc"] }) });
    const loaded = await loadConfig(root);
    expect(loaded.file).toBe(path.join(root, "deadflag.config.json"));
    expect(loaded.config.entry).toEqual([]);
  });
});

describe("loadConfig search boundary", () => {
  it("finds a config in a parent directory up to the one holding package.json", async () => {
    const top = project({ "package.json": json({ name: "app" }), "deadflag.config.json": json({ entry: ["src/a.ts"] }) });
    const root = path.join(top, "packages", "web");
    fs.mkdirSync(root, { recursive: true });
    const loaded = await loadConfig(root);
    expect(loaded.file).toBe(path.join(top, "deadflag.config.json"));
    expect(loaded.directory).toBe(top);
  });

  it("does not look above the nearest .git directory", async () => {
    const top = project({ "package.json": json({ name: "outer" }), "deadflag.config.json": json({ entry: ["outer"] }) });
    const root = path.join(top, "inner");
    fs.mkdirSync(path.join(root, ".git"), { recursive: true });
    expect((await loadConfig(root)).file).toBeUndefined();
  });

  it("does not look above the analysed directory when it holds a package.json", async () => {
    const top = project({ "package.json": json({ name: "outer" }), "deadflag.config.json": json({ entry: ["outer"] }) });
    const root = path.join(top, "inner");
    writeFiles(root, { "package.json": json({ name: "inner" }) });
    expect((await loadConfig(root)).file).toBeUndefined();
  });

  it.skipIf(hasBoundaryAbove(fs.realpathSync(os.tmpdir())))(
    "searches only the analysed directory when no package.json or .git is above it",
    async () => {
      const top = project({ "deadflag.config.json": json({ entry: ["outer"] }) });
      const root = path.join(top, "inner");
      fs.mkdirSync(root);
      expect((await loadConfig(root)).file).toBeUndefined();
      expect((await loadConfig(top)).file).toBe(path.join(top, "deadflag.config.json"));
    },
  );

  it("names a parent's config relative to the analysed root in errors", async () => {
    const top = project({ "package.json": json({ name: "app" }), "deadflag.config.json": json({ staleAfterDays: 0 }) });
    const root = path.join(top, "src");
    fs.mkdirSync(root);
    const error = await loadError(root);
    expect(error.message).toBe("../deadflag.config.json: staleAfterDays: expected a positive integer, got 0");
    expect(error.file).toBe("../deadflag.config.json");
  });
});

describe("loadConfig with an explicit path", () => {
  it("uses the explicit file instead of the lookup, resolved against the root", async () => {
    const root = project({
      "deadflag.config.json": json({ entry: ["found"] }),
      "configs/ci.json": json({ entry: ["explicit"] }),
    });
    const loaded = await loadConfig(root, "configs/ci.json");
    expect(loaded.file).toBe(path.join(root, "configs", "ci.json"));
    expect(loaded.directory).toBe(path.join(root, "configs"));
    expect(loaded.config.entry).toEqual(["explicit"]);
  });

  it("accepts an absolute explicit path to a TypeScript config", async () => {
    const root = project({ "other/flags.config.ts": 'const staleAfterDays: number = 7;\nexport default { staleAfterDays };\n' });
    const loaded = await loadConfig(root, path.join(root, "other", "flags.config.ts"));
    expect(loaded.config.staleAfterDays).toBe(7);
  });

  it("fails when the explicit file is missing, even if the lookup would find one", async () => {
    const root = project({ "deadflag.config.json": json({}) });
    const error = await loadError(root, "missing.json");
    expect(error.message).toBe("missing.json: config file not found");
    expect(error.file).toBe("missing.json");
  });

  it("reads the deadflag property of an explicit package.json and fails when it has none", async () => {
    const root = project({
      "a/package.json": json({ name: "a", deadflag: { entry: ["a.ts"] } }),
      "b/package.json": json({ name: "b" }),
    });
    expect((await loadConfig(root, "a/package.json")).config.entry).toEqual(["a.ts"]);
    expect((await loadError(root, "b/package.json")).message).toBe('b/package.json: no "deadflag" field');
  });

  it("rejects a file type it cannot load", async () => {
    const root = project({ "deadflag.yaml": "entry: src\n" });
    expect((await loadError(root, "deadflag.yaml")).message).toBe(
      'deadflag.yaml: unsupported config file type ".yaml", expected .json, .ts, .mts, .js or .mjs',
    );
  });
});

describe("loadConfig errors", () => {
  it("names the file, the line and the parser's reason for bad JSON", async () => {
    const root = project({ "deadflag.config.json": '{\n  "entry": ["src/index.ts"],\n}\n' });
    const error = await loadError(root);
    expect(error.file).toBe("deadflag.config.json");
    expect(error.message).toMatch(/^deadflag\.config\.json: invalid JSON: .+ at line 3, column 1$/);
    expect(error.cause).toBeInstanceOf(SyntaxError);
  });

  it("turns the parser's offset into a line and column", async () => {
    const root = project({ "deadflag.config.json": '{ "entry": [] }\n  x\n' });
    expect((await loadError(root)).message).toMatch(/^deadflag\.config\.json: invalid JSON: \S.* at line 2, column 3$/);
  });

  it("reports bad JSON in package.json", async () => {
    const root = project({ "package.json": '{ "name": "app", ' });
    const error = await loadError(root);
    expect(error.message).toMatch(/^package\.json: invalid JSON: \S.*$/);
  });

  it("names the file and the field path for an invalid value", async () => {
    const root = project({ "deadflag.config.json": json({ flags: { states: { "power-peg": "maybe" } } }) });
    expect((await loadError(root)).message).toBe(
      'deadflag.config.json: flags.states.power-peg: expected one of "on", "off", "retired", "active", got "maybe"',
    );
  });

  it("reports unknown fields at the top level and nested", async () => {
    const top = project({ ".deadflagrc.json": json({ entries: ["src/index.ts"] }) });
    expect((await loadError(top)).message).toBe('.deadflagrc.json: unknown field "entries" (did you mean "entry"?)');
    const nested = project({ "deadflag.config.json": json({ flags: { sdk: ["openfeature"] } }) });
    expect((await loadError(nested)).message).toBe('deadflag.config.json: flags: unknown field "sdk" (did you mean "sdks"?)');
  });

  it("prefixes paths in package.json with the deadflag property", async () => {
    const root = project({ "package.json": json({ name: "app", deadflag: { rules: { "no-dead-code": "error" } } }) });
    expect((await loadError(root)).message).toMatch(/^package\.json: deadflag\.rules: unknown key "no-dead-code"/);
  });

  it("reports a TypeScript config that does not compile on one line, without the absolute path", async () => {
    const root = project({ "deadflag.config.ts": "export default { entry: [ ;\n" });
    const error = await loadError(root);
    expect(error.message).toMatch(/^deadflag\.config\.ts: cannot load: .+/);
    expect(error.message).not.toContain("\n");
    expect(error.message).not.toContain(root);
  });

  it("reports a config module that throws", async () => {
    const root = project({ "deadflag.config.mjs": 'throw new Error("no config today");\n' });
    expect((await loadError(root)).message).toBe("deadflag.config.mjs: cannot load: no config today");
  });

  it("rejects a JavaScript config whose default export is not an object", async () => {
    const root = project({ "deadflag.config.mjs": 'export default "src/index.ts";\n' });
    expect((await loadError(root)).message).toBe('deadflag.config.mjs: expected an object, got "src/index.ts"');
  });

  it("validates JavaScript configs with the same schema", async () => {
    const root = project({ "deadflag.config.ts": 'export default { flags: { accessors: [{ function: "a", method: "b" }] } };\n' });
    expect((await loadError(root)).message).toBe(
      'deadflag.config.ts: flags.accessors[0]: expected exactly one of "function", "method", "factory", "jsx", "objectKey" or "member", got "function" and "method"',
    );
  });
});

describe("loadConfigSync", () => {
  it("finds and validates what loadConfig does: JSON, package.json, TypeScript and ES module configs", async () => {
    const cases: Array<Record<string, string>> = [
      { "deadflag.config.json": json({ entry: ["a.ts"] }) },
      { "package.json": json({ name: "app", deadflag: { staleAfterDays: 5 } }) },
      { "deadflag.config.ts": 'const days: number = 7;\nexport default { staleAfterDays: days, flags: { states: { x: "on" } } };\n' },
      { "deadflag.config.mjs": 'export default { ignore: ["gen/**"] };\n' },
      {},
    ];
    for (const files of cases) {
      const root = project(files);
      expect(loadConfigSync(root)).toEqual(await loadConfig(root));
    }
    const monorepo = project({
      "package.json": json({ name: "root", workspaces: ["packages/*"] }),
      "deadflag.config.json": json({ flags: { states: { a: "on", b: "off" } }, staleAfterDays: 3 }),
      "packages/web/package.json": json({ name: "web" }),
      "packages/web/deadflag.config.json": json({ flags: { states: { b: "on" } } }),
    });
    const web = path.join(monorepo, "packages", "web");
    expect(loadConfigSync(web)).toEqual(await loadConfig(web));
    expect(loadConfigSync(web).config.flags.states).toEqual({ a: "on", b: "on" });
    const explicit = project({ "configs/ci.json": json({ entry: ["ci.ts"] }) });
    expect(loadConfigSync(explicit, "configs/ci.json")).toEqual(await loadConfig(explicit, "configs/ci.json"));
  });

  it("throws the same one-line errors", async () => {
    const roots = [
      project({ "deadflag.config.json": '{\n  "entry": ["src/index.ts"],\n}\n' }),
      project({ "deadflag.config.ts": "export default { entry: [ ;\n" }),
      project({ "deadflag.config.json": json({ flags: { states: { "power-peg": "maybe" } } }) }),
    ];
    for (const root of roots) {
      const asynchronous = await loadError(root);
      expect(() => loadConfigSync(root)).toThrow(asynchronous.message);
    }
    const missing = project();
    expect(() => loadConfigSync(missing, "nope.json")).toThrow((await loadError(missing, "nope.json")).message);
  });
});
