// Where the analysed root sits in its git repository: SARIF and GitHub annotations name files by
// their path from the repository's top, while deadflag's paths are relative to the analysed root.
import { existsSync } from "node:fs";
import path from "node:path";

/** The analysed root relative to the nearest enclosing directory with a `.git`, as `""` or `packages/app/`. */
export function repositoryPrefix(root: string): string {
  const absolute = path.resolve(root);
  for (let at = absolute; ; at = path.dirname(at)) {
    if (existsSync(path.join(at, ".git"))) {
      const relative = path.relative(at, absolute).split(path.sep).join("/");
      return relative === "" ? "" : `${relative}/`;
    }
    if (path.dirname(at) === at) return "";
  }
}
