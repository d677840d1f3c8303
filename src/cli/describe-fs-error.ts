// A file-system failure on a path the user chose (an output file, the ledger's directory, the
// cache) is the user's input, not an internal error: say which path and why.
import path from "node:path";

const reasons: Record<string, string> = {
  ENOENT: "no such file or directory",
  ENOTDIR: "a parent of it is not a directory",
  EISDIR: "is a directory",
  EEXIST: "is in the way: a file where a directory is needed",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EROFS: "read-only file system",
  ENOSPC: "no space left on the device",
};

/** `<path>: <reason>` for a Node file-system error with a path, or undefined for any other error. */
export function describeFsError(error: unknown): string | undefined {
  if (!(error instanceof Error) || !("code" in error) || !("path" in error)) return undefined;
  const code = error.code;
  const file = error.path;
  if (typeof code !== "string" || typeof file !== "string") return undefined;
  const reason = reasons[code];
  if (reason === undefined) return undefined;
  const relative = path.relative(process.cwd(), file);
  const shown = relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : file;
  const verb = "syscall" in error && typeof error.syscall === "string" ? `cannot ${error.syscall}: ` : "";
  return `${shown.split(path.sep).join("/")}: ${verb}${reason}`;
}
