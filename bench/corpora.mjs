// The real-code corpora the bench and the knip comparison run on, and the tools they compare with:
// installed from npm into bench/.corpus (git-ignored), never into the project's package.json.
// Each corpus is staged as a small project (bench/.corpus/projects/<id>/) so that deadflag and knip
// see the same project files (one tsconfig) and the same entries (the package's public API).
import { execFileSync } from "node:child_process";
import { appendFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));

/** Where the corpora and tools are installed. */
export const corpusDir = path.join(here, ".corpus");

/**
 * The deadflag build to measure: `dist` (run `npm run build` first), or another build named by
 * DEADFLAG_DIST (e.g. `tsc -p tsconfig.build.json --outDir .tmp/other`, to compare two versions, or
 * to keep measuring one build while `dist` is rebuilt). It must sit inside this repository, so that
 * its imports find node_modules.
 */
export const distDir = path.resolve(process.env.DEADFLAG_DIST ?? path.join(here, "..", "dist"));

/** The built CLI. */
export const deadflagBin = path.join(distDir, "src", "cli", "main.js");

/** The built engine API, for `import()`. */
export const engineModule = pathToFileURL(path.join(distDir, "src", "index.js")).href;

/** knip 6 is the newest major that runs on Node 20 (`engines: ^20.19.0 || >=22.12.0`). */
export const knipPackage = "knip@6.44.2";
export const knipBin = path.join(corpusDir, "node_modules", "knip", "bin", "knip.js");

/**
 * The corpora. `entry` is the package's public API as its package.json `exports` publish it, mapped
 * to sources; `internal/*` subpaths, which rxjs and effect also export for compatibility, are left
 * out on purpose, since with them every file is public and nothing can be unused. `paths` maps the
 * package's imports of itself (tests import `zod/v4`) to its sources.
 */
export const corpora = [
  {
    id: "rxjs",
    name: "rxjs@7.8.2",
    pkg: "rxjs@7.8.2",
    dir: "node_modules/rxjs",
    // rxjs ships its own tsconfig.json (paths for `rxjs/*`); it is used as it is.
    ownTsconfig: "tsconfig.json",
    entry: ["src/index.ts", "src/operators/index.ts", "src/ajax/index.ts", "src/fetch/index.ts", "src/testing/index.ts", "src/webSocket/index.ts"],
    tests: [],
    runs: 5,
  },
  {
    id: "zod",
    name: "zod@4.6.7",
    pkg: "zod@4.6.7",
    dir: "node_modules/zod",
    // zod's package.json maps each subpath to its source with the `@zod/source` condition.
    entry: [
      "src/index.ts",
      "src/mini/index.ts",
      "src/compile.ts",
      "src/locales/index.ts",
      "src/v3/index.ts",
      "src/v4/index.ts",
      "src/v4-mini/index.ts",
      "src/v4/mini/index.ts",
      "src/v4/core/index.ts",
      "src/v4/locales/index.ts",
      "src/v4/locales/*.ts",
    ],
    tests: ["src/**/*.test.ts"],
    paths: {
      zod: ["src/index.ts"],
      "zod/mini": ["src/mini/index.ts"],
      "zod/locales": ["src/locales/index.ts"],
      "zod/v3": ["src/v3/index.ts"],
      "zod/v4": ["src/v4/index.ts"],
      "zod/v4-mini": ["src/v4-mini/index.ts"],
      "zod/v4/mini": ["src/v4/mini/index.ts"],
      "zod/v4/core": ["src/v4/core/index.ts"],
      "zod/v4/locales": ["src/v4/locales/index.ts"],
      "zod/v4/locales/*": ["src/v4/locales/*"],
    },
    runs: 5,
  },
  {
    id: "effect",
    name: "effect@4.1.0",
    pkg: "effect@4.1.0",
    dir: "node_modules/effect",
    // `exports`: "." and "./*" (every top-level module), and one index per subpath ("./http", …).
    entry: ["src/*.ts", "src/*/index.ts"],
    tests: [],
    paths: { effect: ["src/index.ts"], "effect/*": ["src/*", "src/*/index.ts"] },
    runs: 3,
  },
];

/** Installs every corpus and knip (one `npm install` of pinned versions: idempotent, and it prunes nothing listed). */
export function installCorpora() {
  const wanted = [...corpora.map((c) => c.pkg), knipPackage];
  const manifestPath = path.join(corpusDir, "package.json");
  const dependencies = Object.fromEntries(
    wanted.map((spec) => {
      const at = spec.lastIndexOf("@");
      return [spec.slice(0, at), spec.slice(at + 1)];
    }),
  );
  const installed = (name, version) => {
    try {
      return JSON.parse(readFileSync(path.join(corpusDir, "node_modules", name, "package.json"), "utf8")).version === version;
    } catch {
      return false;
    }
  };
  if (Object.entries(dependencies).every(([name, version]) => installed(name, version))) return;
  mkdirSync(corpusDir, { recursive: true });
  let manifest = { name: "deadflag-bench-corpus", private: true };
  if (existsSync(manifestPath)) manifest = { ...JSON.parse(readFileSync(manifestPath, "utf8")), ...manifest };
  manifest.dependencies = { ...manifest.dependencies, ...dependencies };
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  process.stderr.write(`installing ${wanted.join(", ")} into bench/.corpus\n`);
  execFileSync("npm", ["install", "--ignore-scripts", "--no-audit", "--no-fund", "--no-package-lock"], {
    cwd: corpusDir,
    stdio: ["ignore", "inherit", "inherit"],
  });
}

/**
 * Stages `corpus` as a project of its own, bench/.corpus/projects/<id>/: its `src` copied, a
 * package.json that publishes nothing and lists no dependencies (so knip adds no entries from
 * `exports` and enables no plugin), a tsconfig.json (the package's own, or one with its self-imports
 * mapped), deadflag.config.json and knip.json with the same entries. Both tools find their config
 * there by themselves, so a run is reproduced with `deadflag scan <dir>` and `knip --directory <dir>`.
 * Copies only when the staged copy is missing or of another version. Returns the directory.
 */
export function prepareCorpus(corpus) {
  const source = path.join(corpusDir, corpus.dir);
  const root = path.join(corpusDir, "projects", corpus.id);
  const stamp = path.join(root, ".staged-from");
  if (!existsSync(stamp) || readFileSync(stamp, "utf8") !== corpus.pkg) {
    rmSync(root, { recursive: true, force: true });
    mkdirSync(root, { recursive: true });
    cpSync(path.join(source, "src"), path.join(root, "src"), { recursive: true });
    writeFileSync(stamp, corpus.pkg);
  }
  writeJson(path.join(root, "package.json"), { name: `${corpus.id}-bench-corpus`, private: true, type: "module" });
  if (corpus.ownTsconfig) {
    cpSync(path.join(source, corpus.ownTsconfig), path.join(root, "tsconfig.json"));
  } else {
    writeJson(path.join(root, "tsconfig.json"), {
      compilerOptions: {
        target: "esnext",
        module: "esnext",
        moduleResolution: "bundler",
        strict: true,
        noEmit: true,
        paths: Object.fromEntries(Object.entries(corpus.paths ?? {}).map(([key, targets]) => [key, targets.map((t) => `./${t}`)])),
      },
      include: ["src/**/*.ts"],
    });
  }
  writeJson(path.join(root, "deadflag.config.json"), { entry: corpus.entry });
  // knip counts test files as entries (its test-runner plugins add them); deadflag keeps them as
  // test entries, apart from production ones. Both get the same globs.
  writeJson(path.join(root, "knip.json"), { entry: [...corpus.entry, ...corpus.tests], project: ["src/**/*.ts"] });
  return root;
}

/** knip's arguments for a staged corpus: unused files and exports only, JSON out. */
export function knipArgs(root) {
  return [
    knipBin,
    "--directory",
    root,
    "--include",
    "files,exports,types,nsExports,nsTypes,enumMembers,duplicates",
    // bench/.corpus is git-ignored by this repository: without this knip would see no file at all.
    "--no-gitignore",
    "--no-progress",
    "--no-config-hints",
    "--reporter",
    "json",
  ];
}

/** deadflag's arguments for a staged corpus: the whole scan, JSON out, no cache. */
export function deadflagArgs(root) {
  return [deadflagBin, "scan", root, "--no-cache", "--format", "json"];
}

function writeJson(file, value) {
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

/**
 * A project of at least `minFiles` source files made from the corpora, for the memory target of a
 * large project: effect's sources once (packages/effect/src) and copies of rxjs's and zod's under
 * distinct folders (packages/c<N>/rxjs/src, packages/c<N>/zod/src), each copied file with a comment
 * line that makes its content distinct, each copy with its own entries and tests; self-imports (`zod/v4`, `effect/*`) resolve to the first copy. Staged in
 * bench/.corpus/projects/large (copied only once); returns { root, files }.
 */
export function prepareLargeCorpus(minFiles = 5000) {
  const [rxjs, zod, effect] = ["rxjs", "zod", "effect"].map((id) => corpora.find((c) => c.id === id));
  const sources = Object.fromEntries([rxjs, zod, effect].map((c) => [c.id, path.join(prepareCorpus(c), "src")]));
  const count = Object.fromEntries(Object.entries(sources).map(([id, dir]) => [id, countSources(dir)]));
  const copies = Math.ceil((minFiles - count.effect) / (count.rxjs + count.zod));
  const root = path.join(corpusDir, "projects", "large");
  const stamp = path.join(root, ".staged-from");
  const version = JSON.stringify([rxjs.pkg, zod.pkg, effect.pkg, copies, "distinct copies"]);
  if (!existsSync(stamp) || readFileSync(stamp, "utf8") !== version) {
    rmSync(root, { recursive: true, force: true });
    cpSync(sources.effect, path.join(root, "packages", "effect", "src"), { recursive: true });
    for (let n = 0; n < copies; n++) {
      for (const id of ["rxjs", "zod"]) {
        const target = path.join(root, "packages", `c${n}`, id, "src");
        cpSync(sources[id], target, { recursive: true });
        // A line of its own in every copied file: a file's facts are keyed by its content, so
        // identical copies would be parsed once and share their facts, unlike a real project's files.
        for (const name of readdirSync(target, { recursive: true })) {
          if (/\.tsx?$/.test(String(name))) appendFileSync(path.join(target, String(name)), `\n// bench copy ${n}\n`);
        }
      }
    }
    writeFileSync(stamp, version);
  }
  const under = (prefix, globs) => globs.map((glob) => `${prefix}/${glob}`);
  const copyDirs = Array.from({ length: copies }, (_, n) => `packages/c${n}`);
  const entry = [...under("packages/effect", effect.entry), ...copyDirs.flatMap((dir) => [...under(`${dir}/rxjs`, rxjs.entry), ...under(`${dir}/zod`, zod.entry)])];
  const tests = copyDirs.flatMap((dir) => under(`${dir}/zod`, zod.tests));
  const paths = {
    ...Object.fromEntries(Object.entries(zod.paths).map(([key, targets]) => [key, targets.map((t) => `./packages/c0/zod/${t}`)])),
    ...Object.fromEntries(Object.entries(effect.paths).map(([key, targets]) => [key, targets.map((t) => `./packages/effect/${t}`)])),
    rxjs: ["./packages/c0/rxjs/src/index.ts"],
    "rxjs/*": ["./packages/c0/rxjs/src/*/index.ts"],
  };
  writeJson(path.join(root, "package.json"), { name: "large-bench-corpus", private: true, type: "module" });
  writeJson(path.join(root, "tsconfig.json"), {
    compilerOptions: { target: "esnext", module: "esnext", moduleResolution: "bundler", strict: true, noEmit: true, paths },
    include: ["packages/**/*.ts"],
  });
  writeJson(path.join(root, "deadflag.config.json"), { entry, tests });
  writeJson(path.join(root, "knip.json"), { entry: [...entry, ...tests], project: ["packages/**/*.ts"] });
  return { root, files: count.effect + copies * (count.rxjs + count.zod) };
}

/** The TypeScript sources under `dir`. */
function countSources(dir) {
  return readdirSync(dir, { recursive: true }).filter((name) => /\.tsx?$/.test(String(name))).length;
}
