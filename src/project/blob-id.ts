// Git's blob id of a file's bytes: the cache key of its facts. A working-tree file and the same
// content in any past revision share the id, so history never re-parses an unchanged file.
import { createHash } from "node:crypto";

/** `sha1("blob " + byteLength + "\0" + content)`, as `git hash-object` computes it. */
export function blobId(content: Uint8Array): string {
  return createHash("sha1").update(`blob ${content.byteLength}\0`).update(content).digest("hex");
}
