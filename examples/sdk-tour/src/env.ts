// Environment variables as flags: `process.env.FEATURE_…` compared with `"true"`, whose names match
// the default `flags.env` patterns (FEATURE_*, …), so no config is needed.

/** Whether merchants may upload a CSV of products instead of adding them one by one. */
export function bulkImportEnabled(): boolean {
  return process.env.FEATURE_BULK_IMPORT === "true";
}

/** The upload limit, in rows: larger while the new streaming importer is on. */
export function maxImportRows(): number {
  if (process.env.FEATURE_STREAMING_IMPORT === "true") {
    return 100_000;
  }
  return 5_000;
}
