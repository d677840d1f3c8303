// TypeScript's compiler API, loaded on first use. Loading it costs about 0.25 s of CPU, so the code
// outside the parser (module resolution, tsconfig reading) asks for it only when it runs: `--version`,
// `--help`, config errors and scans answered from the scan record never load it. The parser's own
// modules import it statically, and are themselves loaded only when a file must be parsed.
import type ts from "typescript";
import { loadTypeScript } from "./load-typescript.js";

let loaded: typeof ts | undefined;

/** The TypeScript compiler API (loaded on the first call). */
export function typescript(): typeof ts {
  loaded ??= loadTypeScript();
  return loaded;
}
