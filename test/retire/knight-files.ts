// The Knight Capital example's project files (sources and configs, not its replayed history), as a
// path → text map to write into a temporary project or git repository.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const example = fileURLToPath(new URL("../../examples/knight-capital/", import.meta.url));

/** Every file of the example's project, by POSIX path relative to it. */
export function knightFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of ["package.json", "tsconfig.json", "deadflag.config.json"]) files[name] = readFileSync(path.join(example, name), "utf8");
  for (const entry of readdirSync(path.join(example, "src"), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const absolute = path.join(entry.parentPath, entry.name);
    files[path.relative(example, absolute).split(path.sep).join("/")] = readFileSync(absolute, "utf8");
  }
  return files;
}
