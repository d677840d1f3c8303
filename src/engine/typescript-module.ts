// TypeScript's compiler API, loaded on first use. Loading it costs about 0.25 s of CPU, so the code
// outside the parser (module resolution, tsconfig reading) asks for it only when it runs: `--version`,
// `--help`, config errors and scans answered from the scan record never load it. The parser's own
// modules import it statically, and are themselves loaded only when a file must be parsed.
import { createRequire } from "node:module";
import type ts from "typescript";

const require = createRequire(import.meta.url);
let loaded: typeof ts | undefined;

/** The TypeScript compiler API (loaded on the first call). */
export function typescript(): typeof ts {
  if (!loaded) {
    const api: typeof ts = require("typescript");
    loaded = api;
  }
  return loaded;
}
