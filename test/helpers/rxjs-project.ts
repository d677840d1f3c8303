// A temporary project holding rxjs's TypeScript sources (from the installed package) and one test
// file that imports them: a corpus nobody here wrote, with a walk with tests and one without.
import { cpSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { tempProject } from "./temp-dir.js";

/** The project's root. */
export function rxjsProject(): string {
  const root = tempProject({
    "package.json": '{ "name": "rx", "private": true }',
    "deadflag.config.json": JSON.stringify({ entry: ["src/index.ts"], flags: { states: {} } }),
    // A test file, so that the walk with tests has something of its own.
    "src/__tests__/probe.ts": 'import { of } from "../index";\nof(1);\n',
  });
  cpSync(path.resolve("node_modules/rxjs/src"), path.join(root, "src"), { recursive: true });
  for (const name of readdirSync(path.join(root, "src"))) if (name.endsWith(".json") || name.endsWith(".js")) rmSync(path.join(root, "src", name));
  return root;
}
