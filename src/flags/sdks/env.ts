// Environment variables as flags: `process.env.FEATURE_X`, `process.env["FEATURE_X"]`,
// `import.meta.env.VITE_FEATURE_X` and `const { FEATURE_X } = process.env`, whose names match
// `flags.env` (by default FEATURE_*, FF_*, *_FEATURE_*, ENABLE_*, *_ENABLED, and then only where a
// read tests the value as a boolean: the defaults also match deployment settings). Names that
// merely configure the runtime (`NODE_ENV`) do not match and are never flags.
import type { SdkPreset } from "../sdk-preset.js";

/** The environment-variable preset: no packages and no calls, matched by name in the index. */
export const env: SdkPreset = {
  name: "env",
  docs: "https://nodejs.org/api/process.html#processenv",
  packages: [],
  reads: [],
};
