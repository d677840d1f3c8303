// What a project's layout depends on besides its sources' contents: the directories it was listed
// from (a directory's mtime changes when an entry is added, removed or renamed in it) and the files
// discovery read (tsconfigs, package manifests). When every one of them stats the same, the layout
// is the one found before, and no directory needs listing nor tsconfig parsing.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { isSkippedFolder } from "../project/listed-folders.js";

/** A stat fingerprint; `absent` for a path that did not exist, `racy` for one that may change unseen. */
type Fingerprint = string;

/** The recorded state of a tree: directory and file fingerprints by absolute path. */
export interface TreeSignature {
  directories: Array<[string, Fingerprint]>;
  files: Array<[string, Fingerprint]>;
}

/** Changes this recent may be followed by another within the same timestamp tick (git's "racily clean"). */
const racyWindowMs = 3000;

/**
 * Fingerprints every directory under `root` that a listing visits (not `skip`). Take it before
 * listing, so that a change made while the files are listed shows next time.
 */
export function takeTreeSignature(root: string, skip: ReadonlySet<string> = new Set()): Array<[string, Fingerprint]> {
  const directories: Array<[string, Fingerprint]> = [];
  const visit = (directory: string): void => {
    let entries;
    try {
      entries = readdirSync(directory, { withFileTypes: true });
    } catch {
      return;
    }
    directories.push([directory, recordedFingerprintOf(directory)]);
    for (const entry of entries) {
      if (!entry.isDirectory() || isSkippedFolder(entry.name)) continue;
      const child = path.join(directory, entry.name);
      if (!skip.has(child)) visit(child);
    }
  };
  visit(root);
  return directories;
}

/** The fingerprints to record of `files` (absolute). */
export function fingerprintsOf(files: readonly string[]): Array<[string, Fingerprint]> {
  return files.map((file) => [file, recordedFingerprintOf(file)]);
}

/** Whether every directory and file of `signature` still stats as recorded. */
export function treeUnchanged(signature: TreeSignature): boolean {
  for (const [directory, fingerprint] of signature.directories) if (statFingerprint(directory) !== fingerprint) return false;
  for (const [file, fingerprint] of signature.files) if (statFingerprint(file) !== fingerprint) return false;
  return true;
}

/** The stat fingerprint of `file` (inode, size, times), or `absent`. */
export function statFingerprint(file: string): Fingerprint {
  try {
    const stats = statSync(file);
    return `${stats.ino}:${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}`;
  } catch {
    return "absent";
  }
}

/** A fingerprint to record: a racy one matches nothing, so the next check looks again. */
function recordedFingerprintOf(file: string): Fingerprint {
  const fingerprint = statFingerprint(file);
  if (fingerprint === "absent") return fingerprint;
  // A change to the content moves the mtime (git's test too); the ctime also moves on `touch -d`.
  const modified = Number(fingerprint.split(":")[2]);
  return Date.now() - modified < racyWindowMs ? "racy" : fingerprint;
}
