// Replays SMARS's history into a new git repository: `node build-history.mjs <target-dir>`.
//
// Stage 3 is this example's own working tree (src/, package.json, tsconfig.json,
// deadflag.config.json). Every other stage is that tree plus history/<n>-<slug>/: its files are
// written over the tree and the paths in its deleted.txt are removed. Stages do not build on
// each other, so each overlay reads as "how this commit differs from the working tree".
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { devNull } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const exampleDir = dirname(fileURLToPath(import.meta.url));
const historyDir = join(exampleDir, "history");
const WORKING_TREE = ["src", "package.json", "tsconfig.json", "deadflag.config.json"];
const DELETED_LIST = "deleted.txt";

const AUTHOR = { name: "SMARS Developer", email: "smars-dev@example.com" };

// Dates are New York local time, as the servers were; fixed dates and identities keep commit ids stable.
const STAGES = [
  { overlay: "1-add-power-peg", date: "2003-03-01T10:00:00-05:00", subject: "Add Power Peg behind the power-peg flag" },
  { overlay: "2-move-cumulative-quantity-check", date: "2005-06-01T10:00:00-04:00", subject: "Move cumulative quantity check out of Power Peg" },
  { overlay: undefined, date: "2011-01-01T10:00:00-05:00", subject: "Retire Power Peg (code left in place)" },
  { overlay: "4-route-retail-orders-through-rlp", date: "2012-07-27T10:00:00-04:00", subject: "Route retail orders through RLP" },
];

function fail(message) {
  process.stderr.write(`build-history: ${message}\n`);
  process.exit(2);
}

// The caller's git settings and GIT_* variables (a hook's GIT_DIR, say) must not leak into the replay.
function gitEnv(date) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("GIT_")));
  return {
    ...env,
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_CONFIG_GLOBAL: devNull,
    GIT_AUTHOR_NAME: AUTHOR.name,
    GIT_AUTHOR_EMAIL: AUTHOR.email,
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_NAME: AUTHOR.name,
    GIT_COMMITTER_EMAIL: AUTHOR.email,
    GIT_COMMITTER_DATE: date,
  };
}

function git(target, date, args) {
  const config = ["-c", `user.name=${AUTHOR.name}`, "-c", `user.email=${AUTHOR.email}`, "-c", "commit.gpgsign=false", "-c", "core.autocrlf=false"];
  return execFileSync("git", ["-C", target, ...config, ...args], {
    env: gitEnv(date),
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  }).trim();
}

function checkTarget(target) {
  if (!existsSync(target)) return;
  if (!statSync(target).isDirectory()) fail(`${target} exists and is not a directory`);
  if (readdirSync(target).length > 0) fail(`${target} exists and is not empty`);
}

function deletedPaths(overlayDir) {
  const list = join(overlayDir, DELETED_LIST);
  if (!existsSync(list)) return [];
  return readFileSync(list, "utf8")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"));
}

function writeStage(target, overlay) {
  for (const entry of readdirSync(target)) {
    if (entry !== ".git") rmSync(join(target, entry), { recursive: true, force: true });
  }
  for (const path of WORKING_TREE) cpSync(join(exampleDir, path), join(target, path), { recursive: true });
  if (overlay === undefined) return;

  const overlayDir = join(historyDir, overlay);
  if (!existsSync(overlayDir)) fail(`missing overlay ${overlayDir}`);
  cpSync(overlayDir, target, { recursive: true, filter: (source) => source !== join(overlayDir, DELETED_LIST) });
  for (const path of deletedPaths(overlayDir)) {
    // A stale deleted.txt would otherwise go unnoticed and the stage would silently be wrong.
    if (!existsSync(join(target, path))) fail(`${overlay}/${DELETED_LIST}: ${path} is not in the tree`);
    rmSync(join(target, path), { recursive: true });
  }
}

function main() {
  const args = process.argv.slice(2);
  if (args.length !== 1) fail("usage: node build-history.mjs <target-dir>");
  const target = resolve(args[0]);
  checkTarget(target);

  mkdirSync(target, { recursive: true });
  git(target, STAGES[0].date, ["init", "--quiet", "--initial-branch=main"]);
  for (const stage of STAGES) {
    writeStage(target, stage.overlay);
    git(target, stage.date, ["add", "--all"]);
    git(target, stage.date, ["commit", "--quiet", "--no-verify", "--message", stage.subject]);
    process.stdout.write(`${git(target, stage.date, ["rev-parse", "--short", "HEAD"])} ${stage.subject}\n`);
  }
}

try {
  main();
} catch (error) {
  // execFileSync errors carry git's stderr; its first line is the useful one.
  const detail = String(error.stderr ?? "").trim().split("\n")[0] || error.message;
  fail(detail);
}
