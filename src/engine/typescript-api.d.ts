// The types of typescript-api.js: TypeScript's own namespace, values and types alike.
import ts from "typescript";
export default ts;
