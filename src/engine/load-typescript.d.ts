// The types of load-typescript.js.
import type ts from "typescript";
export declare function loadTypeScript(): typeof ts;
