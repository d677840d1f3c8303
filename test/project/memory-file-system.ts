// An in-memory ProjectFileSystem for discovery tests: a path → text map under a virtual root.
import path from "node:path";
import type { ProjectFileSystem } from "../../src/project/project-file-system.js";

/** The files of `files` (relative paths → text) under the virtual root `/repo`. */
export function memoryFileSystem(files: Record<string, string>, root = "/repo"): ProjectFileSystem {
  const encoder = new TextEncoder();
  return {
    root,
    listFiles: () => Promise.resolve(Object.keys(files).sort()),
    readFile(absolutePath) {
      const relative = path.posix.relative(root, absolutePath);
      const text = files[relative];
      return Promise.resolve(text === undefined ? undefined : encoder.encode(text));
    },
    knownBlobId: () => undefined,
  };
}
