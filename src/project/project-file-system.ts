// The small view of a file system that project discovery reads through: a listing of the files
// under the analysed directory and a reader. The disk and a git tree both implement it, so a past
// revision is opened exactly like the working tree (same tsconfig, workspaces and entries).
import type { EngineDiagnostic } from "../engine/engine-diagnostic.js";

/** The files of one state of a project, and a way to read them. */
export interface ProjectFileSystem {
  /** The analysed directory, absolute. */
  readonly root: string;
  /**
   * Every file under the root (POSIX, relative to it), vendor and build-cache folders
   * (`node_modules`, `.git`, `.next`…) left out; what cannot be listed is a diagnostic.
   */
  listFiles(diagnostics: EngineDiagnostic[]): Promise<string[]>;
  /**
   * A file's bytes by absolute path, inside or outside the root (a tsconfig may extend one in
   * `node_modules` or in a parent folder); undefined when there is no such file. Throws when the
   * file exists but cannot be read.
   */
  readFile(absolutePath: string): Promise<Uint8Array | undefined>;
  /** The git blob id of a file under the root when it is known without reading the file. */
  knownBlobId(file: string): string | undefined;
  /** `listFiles` without awaiting, where the file system can (the disk): discovery then runs synchronously. */
  listFilesSync?(diagnostics: EngineDiagnostic[]): string[];
  /** `readFile` without awaiting, where the file system can. */
  readFileSync?(absolutePath: string): Uint8Array | undefined;
}

/** A file system that reads synchronously (the ESLint rules cannot await). */
export type SyncProjectFileSystem = ProjectFileSystem & Required<Pick<ProjectFileSystem, "listFilesSync" | "readFileSync">>;
