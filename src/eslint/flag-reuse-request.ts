// What deadflag/no-flag-reuse asks its worker: the file, the project, the texts and the base.
import type { SessionOptions } from "../engine/project-session.js";

/** One question to the flag-reuse worker; plain data, as it crosses threads. */
export interface FlagReuseRequest {
  session: Pick<SessionOptions, "root" | "configFile" | "cache" | "cacheLocation" | "diskCheckIntervalMs">;
  /** Root-relative POSIX path of the linted file. */
  file: string;
  /** Unsaved texts by root-relative path. */
  overrides: [string, string][];
  /** A git revision to compare with; undefined: the ledger. */
  base?: string;
}
