// The formats of commands that report findings: each name maps to its module, loaded only when
// asked for (`--format`).
import type { Finding } from "../findings/finding.js";
import type { FindingsReportContext } from "./findings-report-context.js";

/** A findings reporter: pure, `(findings, context) => text`. */
export type FindingsFormatter = (findings: readonly Finding[], context: FindingsReportContext) => string;

/** Every findings format, the default first. */
export const findingsFormatNames = ["text", "json", "sarif", "github", "junit", "markdown"] as const;

/** A findings format's name. */
export type FindingsFormatName = (typeof findingsFormatNames)[number];

const loaders: Record<FindingsFormatName, () => Promise<{ default: FindingsFormatter }>> = {
  text: () => import("./findings-text.js"),
  json: () => import("./findings-json.js"),
  sarif: () => import("./findings-sarif.js"),
  github: () => import("./findings-github.js"),
  junit: () => import("./findings-junit.js"),
  markdown: () => import("./findings-markdown.js"),
};

/** The formatter of a findings format. */
export async function loadFindingsFormatter(name: FindingsFormatName): Promise<FindingsFormatter> {
  return (await loaders[name]()).default;
}
