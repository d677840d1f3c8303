// One linked project per (root, config file) per process, kept up to date incrementally and
// synchronously (ESLint rules cannot await). Each call brings the project up to date with the disk
// (the file list while the tree signature holds, each file by its stat, then by its blob id) and
// with the edited texts it is given, re-extracts only files whose content is new, and runs the
// analysis again only when its key (config, file list, blob ids) changed; otherwise it answers
// from memory. The findings are those of a cold `scan --no-cache` of the same texts.
//
// Checking the disk stats every file; a session made with `diskCheckIntervalMs` checks it at most
// once per interval (ESLint lints hundreds of files in a row, each a call), and in between stats only
// the files it was given edited texts of (an editor saves what it edited, maybe without linting it).
// Edited texts themselves are never stale: they are the call's own input.
import { statSync } from "node:fs";
import path from "node:path";
import { analyseProject } from "../analysis/scan-project.js";
import type { ProjectAnalysis, ScanResult } from "../analysis/scan-project.js";
import { extractFileFacts } from "../facts/extract-file-facts.js";
import { provideExtractor } from "../facts/extract-sources.js";
import type { FileFacts } from "../facts/file-facts.js";
import type { Finding } from "../findings/finding.js";
import { cacheDirectoryFor } from "./cache-directory.js";
import { blobId } from "../project/blob-id.js";
import { extractPrepared, prepareProject, withEditedTexts } from "./open-project.js";
import type { OpenedProject, OpenMemory, OpenProjectOptions, PreparedProject } from "./open-project.js";
import { analysisKeyOf, isRecordable, memoryOf, readScanRecord, scanRecordPath, writeScanRecord } from "./scan-record.js";
import type { DiscoveryMemo } from "./scan-record.js";

provideExtractor(extractFileFacts);

/** Which project a session analyses, and where its cache is. */
export interface SessionOptions {
  /** The directory to analyse. */
  root: string;
  /** A config file that overrides the lookup. */
  configFile?: string;
  /** Reuse and store facts and findings on disk (default true). */
  cache?: boolean;
  /** The cache directory; default as for `scan`. */
  cacheLocation?: string;
  /** Threads to parse on (see OpenProjectOptions; the session made first for a project keeps its own). */
  threads?: OpenProjectOptions["threads"];
  /** Called as files are extracted (the session made first for a project keeps its callbacks). */
  onProgress?: OpenProjectOptions["onProgress"];
  /** Called with the entries once they are found. */
  onEntries?: OpenProjectOptions["onEntries"];
  /**
   * Check the disk at most once per this many milliseconds (default 0: on every call); in between,
   * only files given edited texts since the last check are stat'ed. The first session made for a
   * project sets it.
   */
  diskCheckIntervalMs?: number;
}

/** The state of a project after an update: its findings and what they were computed from. */
export interface SessionScan {
  /** Every finding of the scan rules (not the ledger's), sorted. */
  findings: Finding[];
  /** The opened project (facts, linked graph, diagnostics including the scan's). */
  project: OpenedProject;
  /** The scan's context and timings. */
  result: ScanResult;
  /** The key of the findings: equal keys, equal findings. */
  key: string;
  /** Whether the analysis ran in this update (false: the inputs were those of the last one). */
  analysed: boolean;
}

/** A project kept up to date across calls; see {@link projectSessionFor}. */
export interface ProjectSession {
  /**
   * Brings the project up to date with the disk and with `overrides` (unsaved editor texts by
   * root-relative POSIX path), re-extracting only changed files, and returns every finding (the
   * same as a cold `scan --no-cache` of those texts, without the ledger's `no-flag-reuse`).
   */
  findings(overrides?: ReadonlyMap<string, string>): Finding[];
  /** The findings of one file (root-relative POSIX path, or absolute), after the same update. */
  findingsOf(file: string, overrides?: ReadonlyMap<string, string>): Finding[];
  /**
   * The same update, with the project and the scan behind the findings. Its findings stay valid;
   * its graph and reachability walks are handed on to the next update (which shares, extends and
   * resumes them), so ask it nothing (`why`, graph queries) after the next call.
   */
  scan(overrides?: ReadonlyMap<string, string>): SessionScan;
  /** The root (absolute) the session analyses; paths in findings are relative to it. */
  readonly root: string;
}

const sessions = new Map<string, ProjectSession>();

/** The session of a project in this process, made on first use. */
export function projectSessionFor(options: SessionOptions): ProjectSession {
  const root = path.resolve(options.root);
  const configFile = options.configFile === undefined ? undefined : path.resolve(root, options.configFile);
  const cacheDirectory = options.cache === false ? undefined : cacheDirectoryFor(root, options.cacheLocation);
  const id = JSON.stringify([root, configFile ?? null, cacheDirectory ?? null]);
  let session = sessions.get(id);
  if (!session) {
    const open: OpenProjectOptions = {
      root,
      ...(configFile ? { configFile } : {}),
      ...(options.threads !== undefined ? { threads: options.threads } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      ...(options.onEntries ? { onEntries: options.onEntries } : {}),
    };
    session = new IncrementalSession(open, cacheDirectory, options.diskCheckIntervalMs ?? 0);
    sessions.set(id, session);
  }
  return session;
}

/**
 * How many edited files stay watched between disk checks: an editor's open, edited files (one stat
 * each per call).
 */
const watchedFiles = 64;

/** The disk as the last check found it. */
interface DiskState {
  prepared: PreparedProject;
  checkedAt: number;
  /** The files it found (analysed or skipped). */
  files: ReadonlySet<string>;
  /** Files given texts of that are not part of the project as the check found it. */
  outside: Set<string>;
  /** The files with a text (not skipped): those an edited text replaces. */
  sources: ReadonlySet<string>;
  /** The key of the disk's texts, once asked. */
  key?: string;
  /** Whether this call checked the disk (its timings are this call's). */
  fresh: boolean;
}

/**
 * The project as the last update left it: its analysis, and the findings asked of it so far (an
 * editor asks for the file it lints; a whole scan for every file).
 */
interface SessionState {
  project: OpenedProject;
  analysis: ProjectAnalysis;
  key: string;
  analysed: boolean;
  /**
   * Whether edited texts made it. Without (the disk's texts: a whole-project run lints every file
   * in turn), the first file asked for has every file's findings found at once.
   */
  edited: boolean;
  /** Every finding, once asked for. */
  all?: Finding[];
  /** The findings of each file asked for. */
  byFile: Map<string, Finding[]>;
}

class IncrementalSession implements ProjectSession {
  readonly root: string;
  private memory: OpenMemory = { stats: new Map() };
  private last: SessionState | undefined;
  private disk: DiskState | undefined;
  /** Files given an edited text other than the disk's, the latest last (at most {@link watchedFiles}). */
  private readonly edited = new Set<string>();
  private readonly recordFile: string | undefined;

  constructor(
    private readonly options: OpenProjectOptions,
    private readonly cacheDirectory: string | undefined,
    private readonly diskCheckIntervalMs: number,
  ) {
    this.root = options.root;
    this.recordFile = cacheDirectory && scanRecordPath(cacheDirectory, options.configFile);
    const record = this.recordFile ? readScanRecord(this.recordFile) : undefined;
    if (record) this.memory = memoryOf(record);
  }

  findings(overrides?: ReadonlyMap<string, string>): Finding[] {
    return this.scan(overrides).findings;
  }

  findingsOf(file: string, overrides?: ReadonlyMap<string, string>): Finding[] {
    const relative = path.isAbsolute(file) ? path.relative(this.root, file).split(path.sep).join("/") : file;
    const state = this.update(overrides);
    let findings = state.byFile.get(relative);
    if (findings) return findings;
    if (!state.edited) allFindings(state);
    findings = state.all ? (state.byFile.get(relative) ?? []) : state.analysis.findingsOf(new Set([relative]));
    state.byFile.set(relative, findings);
    return findings;
  }

  scan(overrides?: ReadonlyMap<string, string>): SessionScan {
    const state = this.update(overrides);
    const findings = allFindings(state);
    const { analysis } = state;
    const result: ScanResult = { findings, context: analysis.context, timings: analysis.timings, importerUsage: analysis.importerUsage, ...(analysis.footprint ? { footprint: analysis.footprint } : {}) };
    return { findings, project: state.project, result, key: state.key, analysed: state.analysed };
  }

  /** Brings the project up to date with the disk and `overrides`, analysing again when their key changed. */
  private update(overrides: ReadonlyMap<string, string> | undefined): SessionState {
    const options: OpenProjectOptions = { ...this.options, ...(this.cacheDirectory ? { cacheLocation: this.cacheDirectory } : { cache: false }) };
    const disk = this.diskState(options, overrides);
    const edits = editsOf(disk, overrides);
    for (const file of edits.keys()) {
      this.edited.delete(file);
      this.edited.add(file);
      if (this.edited.size > watchedFiles) this.edited.delete(this.edited.values().next().value ?? file);
    }
    // Texts equal to the disk's (every lint of a whole-project run) have the disk's key, found once per check.
    const edited = edits.size === 0 ? undefined : withEditedTexts(disk.prepared, edits);
    const key = edited ? analysisKeyOf(edited) : (disk.key ??= analysisKeyOf(disk.prepared));
    if (this.last && this.last.key === key) {
      const stats = { ...this.last.project.stats, parsed: 0, cached: this.last.project.stats.files, timings: disk.fresh ? disk.prepared.timings : {} };
      this.last = { ...this.last, project: { ...this.last.project, stats }, analysed: false };
      return this.last;
    }
    const prepared = edited ?? withEditedTexts(disk.prepared, undefined);
    const project = extractPrepared(prepared, options, this.memory).link();
    // The links and export uses that read no changed file are kept (while the resolver, so the file list, is the same).
    const earlier = this.last && { result: this.last.analysis, changed: changedFiles(this.last.project.facts, project.facts) };
    const analysis = analyseProject(project, earlier, { keepFootprint: true });
    this.last = { project, analysis, key, analysed: true, edited: edited !== undefined, byFile: new Map() };
    // Texts equal to the disk's (a whole-project ESLint run) leave a record the CLI can use.
    if (this.recordFile && !edited) this.record(this.last, prepared.discovery);
    return this.last;
  }

  /** The disk's state: checked again when the interval is over, or when an edited file stats otherwise than at the last check. */
  private diskState(options: OpenProjectOptions, overrides: ReadonlyMap<string, string> | undefined): DiskState {
    const now = Date.now();
    const known = this.disk;
    if (
      known &&
      now - known.checkedAt < this.diskCheckIntervalMs &&
      [...this.edited].every((file) => this.statHolds(file)) &&
      // A file the last check did not know (just created?) is looked for again, once per check.
      [...(overrides?.keys() ?? [])].every((file) => known.files.has(file) || known.outside.has(file))
    ) {
      for (const file of overrides?.keys() ?? []) if (!known.files.has(file)) known.outside.add(file);
      known.fresh = false;
      return known;
    }
    const prepared = prepareProject(options, { memory: this.memory });
    const files = new Set([...prepared.files, ...prepared.skipped.map((source) => source.file)]);
    const outside = new Set([...(overrides?.keys() ?? [])].filter((file) => !files.has(file)));
    this.disk = { prepared, checkedAt: now, files, outside, sources: new Set(prepared.sources.map((source) => source.file)), fresh: true };
    return this.disk;
  }

  /** Whether `file` stats as the last disk check recorded it (a racy file, recorded without stats, does not). */
  private statHolds(file: string): boolean {
    const entry = this.memory.stats.get(file);
    if (!entry) return false;
    try {
      const stats = statSync(path.join(this.root, file));
      return stats.size === entry.size && stats.mtimeMs === entry.mtimeMs && stats.ctimeMs === entry.ctimeMs && stats.ino === entry.ino;
    } catch {
      return false;
    }
  }

  /** Leaves the stat entries, the file list and (for the CLI's next run) the findings on disk. */
  private record(scan: SessionState, discovery: DiscoveryMemo): void {
    if (!this.recordFile || !this.memory.entries) return;
    const config = this.memory.config;
    writeScanRecord(this.recordFile, {
      ...(config && isRecordable(config.loaded) ? { config } : {}),
      discovery,
      entries: this.memory.entries,
      stats: [...this.memory.stats],
      key: scan.key,
      findings: allFindings(scan),
      diagnostics: scan.project.diagnostics,
      files: scan.project.stats.files,
      skipped: scan.project.stats.skipped,
    });
    this.memory.cache?.cache.compact();
  }
}

/** Every finding of a state, found once (a whole-project lint asks for them file by file). */
function allFindings(state: SessionState): Finding[] {
  if (!state.all) {
    state.all = state.analysis.findingsOf();
    state.byFile = new Map();
    for (const finding of state.all) {
      const list = state.byFile.get(finding.file);
      if (list) list.push(finding);
      else state.byFile.set(finding.file, [finding]);
    }
  }
  return state.all;
}

/**
 * Files whose facts are not the very facts of the earlier state, or that are in one state only. The
 * facts cache hands out one object per content and extraction options, so an unchanged file keeps
 * its object, and anything else (a new text, a config that reads other flags) counts as changed.
 */
function changedFiles(before: ReadonlyMap<string, FileFacts>, after: ReadonlyMap<string, FileFacts>): Set<string> {
  const changed = new Set<string>();
  for (const [file, facts] of after) if (before.get(file) !== facts) changed.add(file);
  for (const file of before.keys()) if (!after.has(file)) changed.add(file);
  return changed;
}

/** The edited texts that differ from the disk's, for files with a text. */
function editsOf(disk: DiskState, overrides: ReadonlyMap<string, string> | undefined): Map<string, string> {
  const edits = new Map<string, string>();
  for (const [file, text] of overrides ?? []) {
    if (disk.sources.has(file) && blobId(Buffer.from(text, "utf8")) !== disk.prepared.blobIds.get(file)) edits.set(file, text);
  }
  return edits;
}
