// The file extensions deadflag reads as source: TypeScript and JavaScript, with JSX, as ES modules
// and CommonJS. Declaration files (`.d.ts`) are types only and are left out where files are listed.
export const sourceExtensions = [".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"] as const;
