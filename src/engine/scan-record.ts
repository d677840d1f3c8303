// The scan record: the findings of the last scan of a project, under a key made of everything they
// depend on (the config, the file list and the files that shaped it, every file's blob id), with the
// stat entries and the tree signature that let the next run compute that key without reading a
// source or loading TypeScript. An unchanged tree prints the recorded findings; anything else is
// a miss that still reuses the stat entries and the file list. A record that does not validate
// (another version, a torn or foreign file) is a miss, never a crash.
import { createHash } from "node:crypto";
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { deserialize, serialize } from "node:v8";
import type { LoadedConfig } from "../config/load-config.js";
import { engineVersion, factsSchemaVersion } from "../engine-version.js";
import type { Finding } from "../findings/finding.js";
import type ts from "typescript";
import type { Entries } from "../project/find-entries.js";
import type { ProjectPackage } from "../project/project-package.js";
import type { OpenMemory, PreparedProject } from "./open-project.js";
import type { SkippedSource, StatEntry } from "../project/read-source-files.js";
import { prepareCacheDirectory } from "./cache-directory.js";
import { removeOrphanTemporaries, temporaryPathFor } from "./cache-files.js";
import type { EngineDiagnostic } from "./engine-diagnostic.js";
import type { TreeSignature } from "./tree-signature.js";
import { statFingerprint, treeUnchanged } from "./tree-signature.js";
import { readSourcesSync, skippedId } from "../project/read-source-files.js";

/** Bumped when the record's shape changes. */
const recordFormat = 1;

/** What discovery found, as plain data (it is stored in the record). */
export interface DiscoveredLayout {
  /** The project's source files, relative to the root, sorted. */
  files: string[];
  /** Every file of the tree, relative. */
  listed: string[];
  tsconfig: string | undefined;
  /** The root tsconfig's compiler options. */
  compilerOptions: ts.CompilerOptions;
  /** The compiler options of each file (shared objects: the record stores each once). */
  optionsOf: Map<string, ts.CompilerOptions>;
  packages: ProjectPackage[];
  diagnostics: EngineDiagnostic[];
}

/** A layout, the config input it was found for, and the tree signature it holds under. */
export interface DiscoveryMemo {
  input: string;
  /** The directories listed and the files discovery read (tsconfigs, manifests). */
  signature: TreeSignature;
  layout: DiscoveredLayout;
}

/** Entries found for one set of inputs, with what they depend on beyond them. */
export interface EntriesMemo {
  /** A hash of the files, the listing, the packages and the entry and test globs. */
  inputs: string;
  entries: Entries;
  diagnostics: EngineDiagnostic[];
  /** Files the presets read (absolute), and their fingerprints when they were read. */
  reads: string[];
  readFingerprints: Array<[string, string]>;
}

/** A config as loaded, and the fingerprints of every file its lookup looks at. */
export interface RecordedConfig {
  fingerprints: Array<[string, string]>;
  loaded: LoadedConfig;
}

/** What a scan leaves on disk for the next one. */
export interface ScanRecord {
  format: number;
  engine: string;
  /** The config, when it is JSON (a code config may read anything, so it is loaded every time). */
  config?: RecordedConfig;
  discovery: DiscoveryMemo;
  entries: EntriesMemo;
  /** Stat entries of the sources, by root-relative path. */
  stats: Array<[string, StatEntry]>;
  /** The key the findings are valid for (see {@link analysisKey}). */
  key: string;
  findings: Finding[];
  /** The ledger's `no-flag-reuse` findings for the same key, once a run computed them. */
  ledgerFindings?: Finding[];
  diagnostics: EngineDiagnostic[];
  files: number;
  skipped: number;
}

/** What the findings of a scan are a function of. */
export interface AnalysisInputs {
  loaded: LoadedConfig;
  discovery: DiscoveryMemo;
  entryReads: readonly string[];
  /** Blob id of every analysed file (edited texts included). */
  blobIds: ReadonlyMap<string, string>;
  /** Fingerprints of further inputs (the ledger, registry files), as `name=fingerprint` strings. */
  extra: readonly string[];
}

/** The key of a scan's findings: a hash of everything they depend on. */
function analysisKey(inputs: AnalysisInputs): string {
  const hash = createHash("sha1");
  hash.update(JSON.stringify([engineVersion, factsSchemaVersion, inputs.loaded.config, inputs.loaded.file ?? null]));
  if (inputs.loaded.file) hash.update(`\n${statFingerprint(inputs.loaded.file)}`);
  // The layout is a function of the listing, the files discovery read and the config.
  const { layout, signature } = inputs.discovery;
  hash.update(JSON.stringify([layout.listed, layout.files, layout.tsconfig ?? null, layout.compilerOptions, signature.files]));
  hash.update(JSON.stringify(inputs.entryReads.map((file) => [file, statFingerprint(file)])));
  hash.update(JSON.stringify(inputs.extra));
  for (const [file, id] of [...inputs.blobIds].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) hash.update(`\n${file}\0${id}`);
  return hash.digest("hex");
}

/** The key of a prepared project's findings. */
export function analysisKeyOf(prepared: PreparedProject): string {
  return analysisKey({
    loaded: prepared.loaded,
    discovery: prepared.discovery,
    entryReads: prepared.entryReads,
    blobIds: prepared.blobIds,
    extra: extraInputsOf(prepared.root, prepared.loaded),
  });
}

/** What an open can reuse from a record: stat entries, the layout, the entries, a JSON config. */
export function memoryOf(record: ScanRecord): OpenMemory {
  return { stats: new Map(record.stats), discovery: record.discovery, entries: record.entries, ...(record.config ? { config: record.config } : {}) };
}

/** Whether the files a config's lookup looked at all stat as they did. */
export function configHolds(config: RecordedConfig): boolean {
  return config.fingerprints.every(([file, fingerprint]) => statFingerprint(file) === fingerprint);
}

/** Whether a loaded config can be recorded: one from JSON (or none) is a function of the files fingerprinted. */
export function isRecordable(loaded: LoadedConfig): boolean {
  return loaded.file === undefined || /\.json$/.test(loaded.file);
}

/** The key of the disk as it stands now, and the stat entries to record when reading refreshed them. */
export interface KeyNow {
  key: string;
  /** Set when a file whose stat entry was missing or stale was read and can now be trusted by its stat. */
  refreshedStats?: Array<[string, StatEntry]>;
}

/**
 * The key of the record's findings as the disk stands now, when neither the layout nor the entries
 * need finding again (otherwise undefined). Sources are stat'ed; only those whose stat changed (a
 * file touched, or one written too recently to be trusted by its stat when recorded) are read and
 * hashed, never parsed: a save that changed nothing still answers from the record.
 */
export function recordKeyNow(record: ScanRecord, root: string, loaded: LoadedConfig): KeyNow | undefined {
  if (record.discovery.input !== discoveryInputOf(loaded) || !treeUnchanged(record.discovery.signature)) return undefined;
  if (!record.entries.readFingerprints.every(([file, fingerprint]) => statFingerprint(file) === fingerprint)) return undefined;
  const known = new Map(record.stats);
  const skipped: SkippedSource[] = [];
  const { sources, entries } = readSourcesSync(root, record.discovery.layout.files, known, [], skipped);
  const blobIds = new Map([...sources.map((s): [string, string] => [s.file, s.blobId]), ...skipped.map((s): [string, string] => [s.file, skippedId(s)])]);
  const key = analysisKey({ loaded, discovery: record.discovery, entryReads: record.entries.reads, blobIds, extra: extraInputsOf(root, loaded) });
  const refreshed = [...entries].some(([file, entry]) => known.get(file) !== entry);
  return refreshed ? { key, refreshedStats: [...entries] } : { key };
}

/** Fingerprints of the files beyond the sources that a scan reads: registry JSON files and the ledger. */
function extraInputsOf(root: string, loaded: LoadedConfig): string[] {
  const files = [
    path.join(root, ".deadflag", "ledger.json"),
    ...loaded.config.flags.registry.map((entry) => path.resolve(loaded.directory, entry.split("#")[0] ?? entry)),
  ];
  return files.map((file) => `${file}=${statFingerprint(file)}`);
}

/** What the file list depends on in the config (the discovery input recorded beside the list). */
export function discoveryInputOf(loaded: LoadedConfig): string {
  const project = loaded.config.project === undefined ? undefined : path.resolve(loaded.directory, loaded.config.project);
  return JSON.stringify([project ?? null, loaded.config.ignore]);
}

/** The record file of the project analysed with `configFile` (none: the looked-up config). */
export function scanRecordPath(cacheDirectory: string, configFile: string | undefined): string {
  const id = createHash("sha1").update(configFile ?? "").digest("hex").slice(0, 12);
  return path.join(cacheDirectory, `scan-${id}.bin`);
}

/** The record at `file`, or undefined when there is none or it does not validate. */
export function readScanRecord(file: string): ScanRecord | undefined {
  try {
    const value: unknown = deserialize(readFileSync(file));
    return isScanRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Writes `record` atomically (a temporary file renamed into place); a failure leaves the cache as it was. */
export function writeScanRecord(file: string, record: Omit<ScanRecord, "format" | "engine">): void {
  const directory = path.dirname(file);
  if (!prepareCacheDirectory(directory)) return;
  removeOrphanTemporaries(directory);
  const temporary = temporaryPathFor(file);
  try {
    writeFileSync(temporary, serialize({ format: recordFormat, engine: engineVersion, ...record }));
    renameSync(temporary, file);
  } catch {
    // A read-only or full disk makes the cache useless, not the analysis wrong.
  }
}

function isScanRecord(value: unknown): value is ScanRecord {
  if (typeof value !== "object" || value === null) return false;
  const record = value as Partial<ScanRecord>;
  return (
    record.format === recordFormat &&
    record.engine === engineVersion &&
    typeof record.key === "string" &&
    Array.isArray(record.findings) &&
    Array.isArray(record.diagnostics) &&
    Array.isArray(record.stats) &&
    typeof record.files === "number" &&
    typeof record.skipped === "number" &&
    typeof record.discovery === "object" &&
    record.discovery !== null &&
    typeof record.discovery.input === "string" &&
    Array.isArray(record.discovery.signature?.directories) &&
    Array.isArray(record.discovery.signature.files) &&
    typeof record.entries === "object" &&
    record.entries !== null &&
    Array.isArray(record.entries.readFingerprints) &&
    Array.isArray(record.discovery.layout?.files) &&
    Array.isArray(record.discovery.layout.listed) &&
    record.discovery.layout.optionsOf instanceof Map
  );
}
