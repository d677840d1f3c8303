// What every reporter may know besides the data it formats.

/** Options a reporter formats with. */
export interface ReportContext {
  /** Whether to colour the text (never for machine formats). */
  color: boolean;
}
