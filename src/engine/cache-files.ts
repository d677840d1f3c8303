// Files the cache writes through a temporary name and a rename, so a reader never sees half a
// file; and the cleanup of temporaries that a killed run left behind.
import { readdirSync, statSync, unlinkSync } from "node:fs";
import path from "node:path";

const temporarySuffix = ".tmp";
/** A temporary this old belongs to no live write, whatever its process id says. */
const orphanAgeMs = 60 * 60 * 1000;

/** A unique temporary path beside `file`, named for this process so that others can tell it is orphaned. */
export function temporaryPathFor(file: string): string {
  return `${file}.${process.pid}.${Math.random().toString(36).slice(2, 10)}${temporarySuffix}`;
}

/** Removes temporaries in `directory` whose process is gone (or that are over an hour old). */
export function removeOrphanTemporaries(directory: string): void {
  let names: string[];
  try {
    names = readdirSync(directory);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.endsWith(temporarySuffix)) continue;
    const pid = Number(name.split(".").at(-3));
    const file = path.join(directory, name);
    try {
      if (isAlive(pid) && Date.now() - statSync(file).mtimeMs < orphanAgeMs) continue;
      unlinkSync(file);
    } catch {
      // Another process removed it first, or it cannot be removed: either way not ours to fix.
    }
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return error instanceof Error && "code" in error && error.code === "EPERM";
  }
}
