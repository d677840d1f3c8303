// What a findings reporter may know besides the findings: the run's numbers, the analysed files'
// text (for code frames and fingerprints) and where the analysed root sits in its repository.
import type { ReportContext } from "./report-context.js";

/** The context every `--format` of a findings command formats with. */
export interface FindingsReportContext extends ReportContext {
  /** The command that found them (`scan`, `diff`, `audit`), for titles. */
  command: string;
  /** Files analysed (at the head, for `diff`). */
  filesAnalysed: number;
  durationMs: number;
  /** Text output: one list ranked by the lines a fix could delete. */
  sortBySize: boolean;
  /** The text of an analysed file (POSIX, relative to the root), or undefined when it cannot be read. */
  readSource: (file: string) => string | undefined;
  /** The analysed root relative to the repository's top, `""` or ending in `/`: SARIF and GitHub want repository paths. */
  pathPrefix: string;
  /** Findings the suppressions file hid. */
  suppressed: number;
  /** Findings left out because their files did not change (`--changed-since`, `--staged`). */
  outsideChanges: number;
}
