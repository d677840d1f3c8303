// Programs a package runs through its package.json `scripts` (and `prisma.seed`) and its git hooks
// (`.husky/pre-commit`) and GitHub workflows: the file after
// `node`, `tsx`, `ts-node`, `bun`, `nodemon`… is an entry, so an Express or Fastify server started
// by `node dist/server.js` or `tsx watch src/server.ts` is found without configuration. A program
// that dispatches to others (`spawn("tsx", [\`./scripts/${name}.ts\`])`) makes every program under
// that folder an entry (see script-dispatch.ts).
import path from "node:path";
import type { FrameworkPreset, PresetContext, PresetEntries } from "./framework-preset.js";
import { resolveFileReference } from "./file-reference.js";
import { escapeGlob, matchFiles, sourceExtensionGlob } from "./match-files.js";
import { dispatchedFolders } from "./script-dispatch.js";
import { commandWords } from "./shell-words.js";
import { isRecord } from "../project-package.js";
import { publishedSources } from "../published-source.js";

/** Commands whose first file argument is a program. */
const runners = new Set([
  "node",
  "tsx",
  "ts-node",
  "ts-node-dev",
  "ts-node-esm",
  "nodemon",
  "bun",
  "babel-node",
  "esno",
  "esr",
  "vite-node",
  "jiti",
  "tsm",
  "node-dev",
  "deno",
]);

/** Runner options that take a value (`node --import tsx file.ts`, `node -r dotenv/config file.js`). */
const optionsWithValue = new Set([
  "-r",
  "--require",
  "--import",
  "--loader",
  "--experimental-loader",
  "--env-file",
  "--env-file-if-exists",
  "--watch-path",
  "--inspect-port",
  "-e",
  "--exec",
  "--ext",
  "--tsconfig",
  "-P",
  "--project",
  "--ignore",
  "-i",
]);
/** Words after a runner that are subcommands, not files (`tsx watch`, `bun run`). */
const subcommands = new Set(["watch", "run", "x"]);

/** The script commands' program files. */
export const packageScripts: FrameworkPreset = {
  name: "package-scripts",
  docs: "https://docs.npmjs.com/cli/using-npm/scripts",
  dependencies: [],
  entries: scriptEntries,
};

function scriptEntries(context: PresetContext): PresetEntries {
  const commands: string[] = [];
  // Git hooks, and the `run:` steps of GitHub workflows (`node scripts/sync.mjs`).
  for (const hook of context.listed.filter((file) => /^\.husky\/[^/_][^/]*$|^\.github\/workflows\/[^/]+\.ya?ml$/.test(file))) {
    const text = context.readText(hook);
    // `node "$MONOREPO_ROOT/scripts/x.cjs"`: a variable naming the repository's top is the package folder here.
    if (text !== undefined) commands.push(...text.split("\n").map((line) => line.replace(/\$\{?\w+\}?\//g, "")));
  }
  const scripts = context.manifest["scripts"];
  if (isRecord(scripts)) for (const value of Object.values(scripts)) if (typeof value === "string") commands.push(value);
  const prisma = context.manifest["prisma"];
  if (isRecord(prisma) && typeof prisma["seed"] === "string") commands.push(prisma["seed"]);
  const fileSet = new Set(context.files);
  const production = new Set<string>();
  for (const command of commands) {
    for (const program of programsOf(command)) {
      const direct = resolveFileReference(program, "", fileSet);
      const files = direct ? [direct] : publishedSources(program, { packageDirectory: "", files: context.files, fileSet });
      for (const file of files) production.add(file);
    }
  }
  for (const program of [...production]) for (const file of dispatchedPrograms(program, context)) production.add(file);
  return { production: [...production], tests: [] };
}

/**
 * The programs under the folders `program` starts a runner in by a computed path: relative to the
 * package (a script's working directory), else to the program's own folder.
 */
function dispatchedPrograms(program: string, context: PresetContext): string[] {
  const text = context.readText(program);
  if (text === undefined) return [];
  return dispatchedFolders(text, runners).flatMap((written) => {
    const folder = written.replace(/^\.\//, "").replace(/\/$/, "");
    const under = (base: string): string[] => matchFiles(context.files, [`${escapeGlob(path.posix.join(base, folder))}/**/*.${sourceExtensionGlob}`]);
    const fromPackage = under("");
    return fromPackage.length > 0 ? fromPackage : under(path.posix.dirname(program));
  });
}

/** The program files a shell command runs through one of {@link runners}. */
function programsOf(command: string): string[] {
  const programs: string[] = [];
  for (const words of commandWords(command)) {
    for (let at = 0; at < words.length; at++) {
      const word = words[at] ?? "";
      if (!runners.has(word.replace(/^.*\//, ""))) continue;
      for (let next = at + 1; next < words.length; next++) {
        const argument = words[next] ?? "";
        if (argument === "--") continue;
        if (argument.startsWith("-")) {
          if (optionsWithValue.has(argument)) next++;
          continue;
        }
        if (subcommands.has(argument) && next === at + 1) continue;
        // The first word that looks like a file; others (`nodemon --watch src src/server.ts`) are skipped.
        if (/\.[cm]?[jt]sx?$/.test(argument) || argument.includes("/")) {
          programs.push(argument);
          break;
        }
      }
    }
  }
  return programs;
}
