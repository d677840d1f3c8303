// What changed since a revision, for reports narrowed to a pull request (`scan --changed-since`) or
// a commit (`scan --staged`): the files touched, and the findings `scan` gave at the base, so a
// finding that the change caused in an untouched file (the last call of a function deleted
// elsewhere) is told apart from one that was there before.
import path from "node:path";
import { scanProject } from "../analysis/scan-project.js";
import { loadConfig } from "../config/load-config.js";
import type { ExtractOptions } from "../facts/extraction-context.js";
import { cacheDirectoryFor } from "../engine/cache-directory.js";
import { FactsCache } from "../facts/facts-cache.js";
import type { Finding } from "../findings/finding.js";
import { readNamesOf } from "../flags/build-flag-index.js";
import { GitRepository } from "./git-repository.js";
import { openRevision } from "./open-revision.js";

/** Which change to look at: since the merge base with a revision, or what is staged against HEAD. */
export interface ChangesOptions {
  root: string;
  /** Files touched since the merge base of this revision and HEAD (committed, staged, unstaged or untracked). */
  since?: string;
  /** Files whose staged content differs from HEAD. */
  staged?: boolean;
  configFile?: string;
  cache?: boolean;
  cacheLocation?: string;
}

/** The change: its base commit, the files it touches and the findings at the base. */
export interface Changes {
  base: string;
  /** POSIX paths relative to the analysed root; files outside it are left out. */
  files: string[];
  /** `scan`'s findings at the base (without the ledger check). */
  baseFindings: Finding[];
}

/** Reads the files a change touches and scans its base revision (files unchanged since come from the facts cache). */
export async function changesSince(options: ChangesOptions): Promise<Changes> {
  const root = path.resolve(options.root);
  const loaded = await loadConfig(root, options.configFile);
  const repo = await GitRepository.open(root);
  try {
    const head = await repo.resolveCommit("HEAD");
    const base = options.staged ? head : ((await repo.mergeBase(await repo.resolveCommit(options.since ?? "HEAD"), head)) ?? head);
    const touched = options.staged ? await repo.stagedFiles() : await repo.changedFilesSince(base);
    const prefix = path.relative(repo.root, root).split(path.sep).join("/");
    const files = touched
      .filter((file) => prefix === "" || file.startsWith(`${prefix}/`))
      .map((file) => (prefix === "" ? file : file.slice(prefix.length + 1)));
    const extractOptions: ExtractOptions = { readNames: readNamesOf(loaded.config.flags) };
    const cacheDirectory = options.cache === false ? undefined : cacheDirectoryFor(root, options.cacheLocation);
    const project = await openRevision({
      repo,
      root,
      revision: { kind: "commit", commit: base },
      loaded,
      cache: new FactsCache(cacheDirectory, extractOptions),
      extractOptions,
    });
    return { base, files, baseFindings: scanProject(project).findings };
  } finally {
    repo.close();
  }
}
