// Reading revisions straight from git's object store: `git ls-tree -r -z` for a tree, and one
// long-lived `git cat-file --batch` process for every blob, never a checkout or a worktree.
// Arguments are always passed as arrays: no shell ever sees user input.
import { execFile, spawn } from "node:child_process";
import type { ChildProcessWithoutNullStreams } from "node:child_process";
import { stat } from "node:fs/promises";
import path from "node:path";
import { InputError } from "../engine/input-error.js";
import { sourceExtensions } from "../project/source-extensions.js";

/** One file of a tree. */
export interface TreeEntry {
  /** POSIX path relative to the repository root. */
  path: string;
  oid: string;
  mode: string;
}

/** One entry of one tree object. */
interface TreeItem {
  name: string;
  oid: string;
  mode: string;
  type: "tree" | "blob" | "other";
}

/** What history commands say about a commit. */
export interface CommitInfo {
  hash: string;
  parents: string[];
  author: string;
  /** ISO 8601, committer date. */
  date: string;
  subject: string;
}

const maxBuffer = 256 * 1024 * 1024;
const maxCachedTrees = 20_000;

/** A git repository, read through git's plumbing commands. */
export class GitRepository {
  private batch: BlobReader | undefined;
  private readonly trees = new Map<string, TreeItem[]>();

  private constructor(
    /** The repository's top-level directory (absolute). */
    readonly root: string,
  ) {}

  /** The repository that contains `directory`; an InputError when there is none. */
  static async open(directory: string): Promise<GitRepository> {
    let top: string;
    try {
      top = (await git(directory, ["rev-parse", "--show-toplevel"])).trim();
    } catch (error) {
      throw new InputError(`${directory}: ${await whyNotARepository(directory, error)}`);
    }
    return new GitRepository(path.resolve(top));
  }

  /** Files changed since `commit`, in the index or the working tree, or untracked: POSIX, relative to the repository root. */
  async changedFilesSince(commit: string): Promise<string[]> {
    const changed = (await git(this.root, ["diff", "--name-only", "-z", "--no-renames", commit, "--"])).split("\0");
    const untracked = (await git(this.root, ["ls-files", "-z", "--others", "--exclude-standard"])).split("\0");
    return [...new Set([...changed, ...untracked].filter((p) => p !== ""))].sort();
  }

  /** Paths (relative to the repository root) that differ between commit `base` and a revision: a commit, the index, or the working tree (untracked files included). */
  async changedPaths(base: string, revision: { kind: "commit"; commit: string } | { kind: "index" } | { kind: "worktree" }): Promise<string[]> {
    if (revision.kind === "worktree") return this.changedFilesSince(base);
    const args = revision.kind === "commit" ? ["diff", "--name-only", "-z", "--no-renames", base, revision.commit, "--"] : ["diff", "--cached", "--name-only", "-z", "--no-renames", base, "--"];
    return (await git(this.root, args)).split("\0").filter((p) => p !== "");
  }

  /** Files whose staged content differs from HEAD (what `git commit` would record): POSIX, relative to the repository root. */
  async stagedFiles(): Promise<string[]> {
    const hasHead = await git(this.root, ["rev-parse", "--verify", "--quiet", "HEAD"]).then(
      () => true,
      () => false,
    );
    const args = hasHead ? ["diff", "--cached", "--name-only", "-z", "--no-renames"] : ["ls-files", "-z", "--cached"];
    return (await git(this.root, args)).split("\0").filter((p) => p !== "");
  }

  /** The full commit id of `revision`; an InputError naming it when git does not know it. */
  async resolveCommit(revision: string): Promise<string> {
    if (revision.startsWith("-")) throw new InputError(`unknown revision "${revision}"`);
    try {
      return (await git(this.root, ["rev-parse", "--verify", "--quiet", "--end-of-options", `${revision}^{commit}`])).trim();
    } catch {
      const hint = (await this.isShallow())
        ? "; this is a shallow clone: fetch more history (git fetch --deepen=N or --unshallow) or use the ledger"
        : "";
      throw new InputError(`unknown revision "${revision}"${hint}`);
    }
  }

  /** Whether the clone is shallow (history before its boundary is missing). */
  async isShallow(): Promise<boolean> {
    return (await git(this.root, ["rev-parse", "--is-shallow-repository"])).trim() === "true";
  }

  /**
   * The files of `commit` under `prefix` (a POSIX directory relative to the root, "" for all).
   * Trees are read through the `cat-file --batch` process and cached by id: consecutive commits
   * share most subtrees, and spawning `git ls-tree -r` per commit cost about 45 ms each in
   * `history` (measured over 220 commits), more than reading the few trees that changed.
   */
  async listTree(commit: string, prefix = ""): Promise<TreeEntry[]> {
    const tree = await this.treeOf(commit, prefix);
    if (tree === undefined) return [];
    const entries: TreeEntry[] = [];
    const walk = async (oid: string, base: string): Promise<void> => {
      for (const entry of await this.readTree(oid)) {
        const file = base === "" ? entry.name : `${base}/${entry.name}`;
        if (entry.type === "tree") await walk(entry.oid, file);
        else if (entry.type === "blob") entries.push({ path: file, oid: entry.oid, mode: entry.mode });
      }
    };
    await walk(tree, prefix);
    return entries;
  }

  /** The id of `commit`'s tree of the folder `prefix` (POSIX, "" for the root); undefined when the commit has no such folder. */
  async treeOf(commit: string, prefix = ""): Promise<string | undefined> {
    const commitText = new TextDecoder().decode(await this.readBlob(commit));
    let tree = /^tree ([0-9a-f]+)$/m.exec(commitText)?.[1];
    for (const part of prefix === "" ? [] : prefix.split("/")) {
      const entry = tree === undefined ? undefined : (await this.readTree(tree)).find((e) => e.name === part);
      tree = entry?.type === "tree" ? entry.oid : undefined;
    }
    return tree;
  }

  /**
   * The files that differ between two trees of the folder `prefix` (tree ids; undefined for an
   * empty folder), by path from the repository root, with their blob id in `after` (undefined when
   * deleted). Only subtrees whose ids differ are read: a commit costs what it changed.
   */
  async diffTrees(before: string | undefined, after: string | undefined, prefix = ""): Promise<Map<string, string | undefined>> {
    const changes = new Map<string, string | undefined>();
    const walk = async (a: string | undefined, b: string | undefined, base: string): Promise<void> => {
      if (a === b) return;
      const left = new Map((a === undefined ? [] : await this.readTree(a)).map((item) => [item.name, item]));
      const right = new Map((b === undefined ? [] : await this.readTree(b)).map((item) => [item.name, item]));
      for (const name of new Set([...left.keys(), ...right.keys()])) {
        const was = left.get(name);
        const now = right.get(name);
        if (was?.oid === now?.oid && was?.type === now?.type) continue;
        const file = base === "" ? name : `${base}/${name}`;
        await walk(was?.type === "tree" ? was.oid : undefined, now?.type === "tree" ? now.oid : undefined, file);
        if (now?.type === "blob") changes.set(file, now.oid);
        else if (was?.type === "blob") changes.set(file, undefined);
      }
    };
    await walk(before, after, prefix);
    return changes;
  }

  /** One tree's entries, parsed from git's binary format (`<mode> <name>\0<id bytes>`), cached by id. */
  private async readTree(oid: string): Promise<TreeItem[]> {
    const known = this.trees.get(oid);
    if (known) return known;
    const bytes = await this.readBlob(oid);
    const idBytes = oid.length / 2;
    const items: TreeItem[] = [];
    const decoder = new TextDecoder();
    for (let at = 0; at < bytes.length; ) {
      const space = bytes.indexOf(0x20, at);
      const nul = bytes.indexOf(0, space);
      const mode = decoder.decode(bytes.subarray(at, space));
      const name = decoder.decode(bytes.subarray(space + 1, nul));
      const id = Buffer.from(bytes.subarray(nul + 1, nul + 1 + idBytes)).toString("hex");
      // 40000: a tree; 120000: a symlink and 160000: a submodule, neither of which is source here.
      const type = mode === "40000" ? "tree" : mode === "120000" || mode === "160000" ? "other" : "blob";
      items.push({ name, oid: id, mode, type });
      at = nul + 1 + idBytes;
    }
    // Trees of a long history add up: the cache serves the commits being compared, not all of them.
    if (this.trees.size >= maxCachedTrees) this.trees.clear();
    this.trees.set(oid, items);
    return items;
  }

  /** The staged files under `prefix` (the index, as `git commit` would record it). */
  async listIndex(prefix = ""): Promise<TreeEntry[]> {
    const args = ["ls-files", "-s", "-z"];
    if (prefix !== "") args.push("--", prefix);
    const out = await git(this.root, args);
    const entries: TreeEntry[] = [];
    for (const record of out.split("\0")) {
      if (record === "") continue;
      const tab = record.indexOf("\t");
      const [mode, oid, stage] = record.slice(0, tab).split(" ");
      if (mode === undefined || oid === undefined || stage !== "0" || mode === "120000") continue;
      entries.push({ path: record.slice(tab + 1), oid, mode });
    }
    return entries;
  }

  /** The working tree's files under `prefix` that git tracks or would track (not ignored). */
  async listWorkingTree(prefix = ""): Promise<string[]> {
    const args = ["ls-files", "-z", "--cached", "--others", "--exclude-standard", "--deduplicate"];
    if (prefix !== "") args.push("--", prefix);
    return (await git(this.root, args)).split("\0").filter((p) => p !== "");
  }

  /** The bytes of an object (a blob, a tree, a commit), through the shared `cat-file --batch` process. */
  readBlob(oid: string): Promise<Uint8Array> {
    this.batch ??= new BlobReader(this.root);
    return this.batch.read(oid);
  }

  /** Author, date, subject and parents of commits, in the order given. */
  async commitInfo(commits: readonly string[]): Promise<CommitInfo[]> {
    if (commits.length === 0) return [];
    // `git log --no-walk`, not `git show -s`: `show` diffs each commit even when told to print no
    // diff, and its rename detection reads the blobs of renamed files (a repository missing a large
    // binary's blob, as a partial clone or a trimmed mirror is, then fails here; it is slower too).
    const out = await git(this.root, ["log", "--no-walk=unsorted", "--format=%H%x00%P%x00%an%x00%cI%x00%s%x00", ...commits]);
    const fields = out.split("\0");
    const infos: CommitInfo[] = [];
    for (let i = 0; i + 4 < fields.length; i += 5) {
      const [hash, parents, author, date, subject] = fields.slice(i, i + 5).map((f) => f.replace(/^\n/, ""));
      infos.push({
        hash: hash ?? "",
        parents: parents ? parents.split(" ") : [],
        author: author ?? "",
        date: date ?? "",
        subject: subject ?? "",
      });
    }
    return infos;
  }

  /** Commits from `since` (exclusive; the whole history when undefined) to `head`, oldest first. */
  async log(head: string, options: { since?: string; firstParent: boolean; maxCount?: number }): Promise<string[]> {
    const args = ["rev-list", "--reverse"];
    if (options.firstParent) args.push("--first-parent");
    if (options.maxCount !== undefined) args.push(`--max-count=${options.maxCount}`);
    args.push(head);
    if (options.since !== undefined) args.push(`^${options.since}`);
    return (await git(this.root, args)).split("\n").filter((line) => line !== "");
  }

  /**
   * Commits of `head`'s first-parent history (newest first, at most `depth`) whose changes under
   * `prefix` add or remove occurrences of `text`: git's pickaxe, which reads no revision whole.
   */
  async commitsTouching(head: string, text: string, prefix: string, depth: number | undefined): Promise<string[]> {
    return this.firstParentLog(head, [`-S${text}`], prefix === "" ? [] : [prefix], depth);
  }

  /**
   * Commits of `head`'s first-parent history (newest first, at most `depth`) whose changes under
   * `prefix` add or remove a line holding one of `texts` (git's `-G`, binary files read as text):
   * every commit that {@link commitsTouching} finds for any of them, and maybe others. One walk
   * for many texts, which must not contain a line break (a line holds none).
   */
  async commitsWithLinesOf(head: string, texts: readonly string[], prefix: string, depth: number | undefined): Promise<string[]> {
    if (texts.length === 0) return [];
    // Each special character as a one-character bracket expression: literal in basic and extended
    // regular expressions alike (`[\^]` also matches a backslash: more commits, never fewer).
    const literal = (text: string): string => text.replace(/[.[\]*^$+?(){}|\\]/g, (c) => (c === "^" ? "[\\^]" : c === "]" ? "[]]" : `[${c}]`));
    return this.firstParentLog(head, [`-G${texts.map(literal).join("|")}`, "--text"], readFiles(prefix), depth);
  }

  /** Commits of `head`'s first-parent history (newest first, within `depth`, at most `limit`) that change one of `paths`. */
  async commitsChanging(head: string, paths: readonly string[], depth: number | undefined, limit: number): Promise<string[]> {
    return this.firstParentLog(head, [`--max-count=${limit}`], paths, depth);
  }

  private async firstParentLog(head: string, filters: readonly string[], paths: readonly string[], depth: number | undefined): Promise<string[]> {
    const args = ["log", "--first-parent", "--format=%H", ...filters, head];
    if (depth !== undefined) {
      // `--max-count` would count the commits the pickaxe keeps; the window is commits walked.
      const window = (await git(this.root, ["rev-list", "--first-parent", `--max-count=${depth}`, head])).split("\n").filter((l) => l);
      const oldest = window[window.length - 1];
      const [info] = oldest ? await this.commitInfo([oldest]) : [];
      const boundary = info?.parents[0];
      if (boundary) args.push(`^${boundary}`);
    }
    args.push("--", ...paths);
    return (await pickaxe(this.root, args)).split("\n").filter((line) => line !== "");
  }

  /** The oldest commit of `head`'s history that added `text` under `prefix`, with its date. */
  async firstCommitWith(text: string, prefix: string, head = "HEAD"): Promise<{ commit: string; date: string } | undefined> {
    const args = ["log", "--reverse", "--format=%H %cI", `-S${text}`, head, "--", ...readFiles(prefix)];
    const first = (await pickaxe(this.root, args)).split("\n")[0];
    if (!first) return undefined;
    const [commit, date] = first.split(" ");
    return commit && date ? { commit, date } : undefined;
  }

  /**
   * Which of `texts` occur in a file under `prefix` at `commit`: one `git grep` of fixed strings
   * over that tree (Aho-Corasick in git), whatever the number of texts.
   */
  async textsAt(commit: string, texts: readonly string[], prefix: string): Promise<Set<string>> {
    const found = new Set<string>();
    if (texts.length === 0) return found;
    const args = ["grep", "--no-color", "-I", "-h", "-o", "-F", ...texts.flatMap((t) => ["-e", t]), commit, "--"];
    if (prefix !== "") args.push(prefix);
    try {
      for (const line of (await git(this.root, args)).split("\n")) if (line !== "") found.add(line);
    } catch {
      // git grep exits 1 when nothing matches.
    }
    return found;
  }

  /** The last commit of `head`'s first-parent history made before `date` (ISO), if any. */
  async lastCommitBefore(head: string, date: string): Promise<string | undefined> {
    const out = await git(this.root, ["rev-list", "-1", "--first-parent", `--before=${date}`, head]);
    return out.trim() || undefined;
  }

  /** The merge base of two commits, or undefined when they share no history. */
  async mergeBase(a: string, b: string): Promise<string | undefined> {
    try {
      return (await git(this.root, ["merge-base", a, b])).trim() || undefined;
    } catch {
      return undefined;
    }
  }

  /** The upstream of the current branch (`origin/main`), if it has one. */
  async upstream(): Promise<string | undefined> {
    try {
      return (await git(this.root, ["rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{upstream}"])).trim() || undefined;
    } catch {
      return undefined;
    }
  }

  /** Ends the `cat-file` process. */
  close(): void {
    this.batch?.close();
    this.batch = undefined;
  }
}

/** Why git found no repository at `directory`: a missing directory, not a repository, or what git said (dubious ownership, no git). */
async function whyNotARepository(directory: string, error: unknown): Promise<string> {
  const missing = await stat(directory).then(
    (s) => (s.isDirectory() ? undefined : "not a directory"),
    () => "no such file or directory",
  );
  if (missing) return missing;
  const code = error instanceof Error && "code" in error ? error.code : undefined;
  if (code === "ENOENT") return "cannot run git: is it installed and on the PATH?";
  const stderr = error instanceof Error && "stderr" in error ? String(error.stderr) : "";
  const said = stderr.split("\n").find((line) => line.startsWith("fatal: "))?.slice("fatal: ".length).trim();
  if (!said || /not a git repository/i.test(said)) return "not a git repository (deadflag reads revisions from git)";
  const exception = /safe\.directory/.test(stderr) ? " (to trust it: git config --global --add safe.directory <path>)" : "";
  return `git refused to read it: ${said}${exception}`;
}

/** Runs git with arguments (never through a shell) and returns its stdout. */
function git(cwd: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile("git", [...args], { cwd, maxBuffer, encoding: "utf8" }, (error, stdout, stderr) => {
      if (error) reject(Object.assign(error, { stderr }));
      else resolve(stdout);
    });
  });
}

/** One `git cat-file --batch` process answering blob requests in order. */
class BlobReader {
  private readonly process: ChildProcessWithoutNullStreams;
  private readonly pending: Array<{ oid: string; resolve: (bytes: Uint8Array) => void; reject: (error: Error) => void }> = [];
  private buffer: Buffer = Buffer.alloc(0);
  private failure: Error | undefined;

  constructor(root: string) {
    this.process = spawn("git", ["cat-file", "--batch"], { cwd: root });
    this.process.stdout.on("data", (chunk: Buffer) => {
      this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
      this.drain();
    });
    const fail = (error: Error): void => {
      this.failure = error;
      for (const request of this.pending.splice(0)) request.reject(error);
    };
    this.process.on("error", fail);
    this.process.on("exit", (code) => {
      if (this.pending.length > 0) fail(new Error(`git cat-file exited with code ${code ?? "null"}`));
    });
  }

  read(oid: string): Promise<Uint8Array> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.pending.push({ oid, resolve, reject });
      this.process.stdin.write(`${oid}\n`);
    });
  }

  /** Parses as many complete answers (`<oid> <type> <size>\n<bytes>\n`) as the buffer holds. */
  private drain(): void {
    for (;;) {
      const request = this.pending[0];
      if (!request) return;
      const newline = this.buffer.indexOf(10);
      if (newline < 0) return;
      const header = this.buffer.subarray(0, newline).toString("utf8");
      if (header.endsWith(" missing")) {
        this.pending.shift();
        this.buffer = this.buffer.subarray(newline + 1);
        request.reject(new Error(`git object ${request.oid} is missing`));
        continue;
      }
      const size = Number(header.slice(header.lastIndexOf(" ") + 1));
      const end = newline + 1 + size;
      if (this.buffer.length < end + 1) return;
      const bytes = new Uint8Array(this.buffer.subarray(newline + 1, end));
      this.buffer = this.buffer.subarray(end + 1);
      this.pending.shift();
      request.resolve(bytes);
    }
  }

  close(): void {
    this.process.stdin.end();
  }
}

/**
 * A pickaxe search's output. It reads the blobs it looks into: one git lacks (a partial clone
 * offline, a trimmed mirror) is bad input, said in one line, not an internal error.
 */
async function pickaxe(cwd: string, args: readonly string[]): Promise<string> {
  try {
    return await git(cwd, args);
  } catch (error) {
    const missing = /unable to read ([0-9a-f]{7,64})/.exec(String((error as { stderr?: unknown }).stderr ?? ""));
    if (missing) throw new InputError(`git: object ${missing[1]} is missing from this repository (a partial clone or a trimmed copy?); fetch it and run again`);
    throw error;
  }
}

/**
 * Pathspecs for the files deadflag reads under `prefix` (source files and JSON registries): what a
 * pickaxe (`-G`, `-S`) looks into. Without them it reads every changed blob as text, fonts and
 * images too, which is slow and fails in a repository that lacks a large file's blob.
 */
function readFiles(prefix: string): string[] {
  const under = prefix === "" ? "" : `${prefix.replace(/\/+$/, "")}/`;
  return [...sourceExtensions, ".json"].map((extension) => `:(glob)${under}**/*${extension}`);
}
