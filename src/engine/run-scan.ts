// `scan` as the CLI runs it: from the scan record when nothing it depends on changed (no source
// read, TypeScript never loaded, and only light modules: the session and the analysis behind it
// load only when the record does not answer), else through the project session (only changed files
// parsed), plus the ledger's and `no-stale-flag`'s findings; the result is recorded for the next run.
import path from "node:path";
import type { Finding } from "../findings/finding.js";
import type { FlagIndex } from "../flags/flag-index.js";
import { sortFindings } from "../findings/finding.js";
import { cacheDirectoryFor } from "./cache-directory.js";
import type { EngineDiagnostic } from "./engine-diagnostic.js";
import type { OpenProjectOptions, OpenStats } from "./open-project.js";
import { configHolds, readScanRecord, recordKeyNow, scanRecordPath, writeScanRecord } from "./scan-record.js";

/** A scan's findings (ledger included, sorted), diagnostics and counters. */
export interface ScanRun {
  findings: Finding[];
  diagnostics: EngineDiagnostic[];
  stats: OpenStats;
  /** Milliseconds per phase of the analysis (empty when the findings came from the record). */
  timings: Record<string, number>;
  /** Whether the findings came from the scan record. */
  fromRecord: boolean;
  /** The flag index, when asked for (the record does not hold it). */
  index: FlagIndex | undefined;
}

/** What a scan must give besides findings. */
export interface ScanNeeds {
  /** The flag index (`--changed-since` narrows with it): the scan then runs even on an unchanged tree. */
  withIndex?: boolean;
}

/** Scans the project of `options` (see the file comment). */
export async function runScan(options: OpenProjectOptions, needs: ScanNeeds = {}): Promise<ScanRun> {
  const started = performance.now();
  const root = path.resolve(options.root);
  const cacheDirectory = options.cache === false ? undefined : cacheDirectoryFor(root, options.cacheLocation);
  const recordFile = cacheDirectory && scanRecordPath(cacheDirectory, options.configFile);
  const record = recordFile ? readScanRecord(recordFile) : undefined;
  // A JSON config recorded with the fingerprints of every place the lookup looks is not read again.
  const loaded =
    record?.config && configHolds(record.config)
      ? record.config.loaded
      : await (await import("../config/load-config.js")).loadConfig(root, options.configFile);
  // `--debug` prints the entries, which only a scan finds; `no-stale-flag` depends on git and the date.
  const staleRule = loaded.config.rules["no-stale-flag"];
  const useRecord = needs.withIndex !== true && options.onEntries === undefined && (staleRule === undefined || staleRule === "off");
  const ledgerKnown = record?.ledgerFindings !== undefined || loaded.config.rules["no-flag-reuse"] === "off";
  const now = record && useRecord && ledgerKnown ? recordKeyNow(record, root, loaded) : undefined;
  if (record && recordFile && now?.key === record.key) {
    // Files read because their stat had changed are recorded again, so the next run only stats them.
    if (now.refreshedStats) writeScanRecord(recordFile, { ...record, stats: now.refreshedStats });
    return {
      findings: sortFindings([...record.findings, ...(record.ledgerFindings ?? [])]),
      diagnostics: record.diagnostics,
      stats: { files: record.files, parsed: 0, cached: record.files, skipped: record.skipped, timings: { record: performance.now() - started } },
      timings: {},
      fromRecord: true,
      index: undefined,
    };
  }

  const [{ projectSessionFor }, { checkLedger }, { staleFlagFindings }] = await Promise.all([
    import("./project-session.js"),
    import("../history/check-ledger.js"),
    import("../history/stale-flags.js"),
  ]);
  const session = projectSessionFor({
    root,
    ...(options.configFile ? { configFile: options.configFile } : {}),
    ...(cacheDirectory ? { cacheLocation: cacheDirectory } : { cache: false }),
    ...(options.threads !== undefined ? { threads: options.threads } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.onEntries ? { onEntries: options.onEntries } : {}),
  });
  const scan = session.scan();
  const ledgerFindings = await checkLedger(scan.project);
  if (recordFile) {
    const written = readScanRecord(recordFile);
    if (written?.key === scan.key) writeScanRecord(recordFile, { ...written, ledgerFindings });
  }
  const staleFindings = await staleFlagFindings(scan.project, scan.result.context.index);
  return {
    findings: sortFindings([...scan.findings, ...ledgerFindings, ...staleFindings]),
    diagnostics: scan.project.diagnostics,
    stats: scan.project.stats,
    timings: scan.result.timings,
    fromRecord: false,
    index: scan.result.context.index,
  };
}
