// Venues SMARS can route to and what each charged per share to take liquidity.

const TAKE_FEES: ReadonlyArray<{ venue: string; feePerShare: number }> = [
  { venue: "NYSE", feePerShare: 0.0023 },
  { venue: "ARCA", feePerShare: 0.003 },
  { venue: "NASDAQ", feePerShare: 0.003 },
  { venue: "BATS", feePerShare: 0.0028 },
  { venue: "EDGA", feePerShare: 0.0006 },
];

/** The venue with the lowest take fee; smart routing sends child orders there. */
export function cheapestVenue(): string {
  return TAKE_FEES.reduce((best, entry) => (entry.feePerShare < best.feePerShare ? entry : best)).venue;
}
