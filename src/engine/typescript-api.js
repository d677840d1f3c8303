// TypeScript's compiler API for the parser's modules, required rather than imported: Node's ESM
// loader scans a CommonJS module for named exports before importing it, which for TypeScript's
// 9 MB file costs 0.35 s of CPU on every run; require does not (and load-typescript.js requires it
// from a V8 code cache). Plain JavaScript (with its types in typescript-api.d.ts) because a
// TypeScript module cannot export the compiler's namespace of types together with a value; the
// build copies it to dist.
import { loadTypeScript } from "./load-typescript.js";

export default loadTypeScript();
