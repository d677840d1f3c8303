// Feature flag keys SMARS reads, kept in one place so a typo is a compile error, not a silent default.

/** Flag keys, by the name the code uses for them. */
export const FLAGS = {
  powerPeg: "power-peg",
  smartRouting: "smart-routing",
} as const;
