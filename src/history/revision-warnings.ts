// What `diff` and `history` say about input they skipped or read partly, as `scan` does: the
// revision's own diagnostics (files that do not decode, registries missing at that commit) and the
// syntax errors of its files, each once.
import type { EngineDiagnostic } from "../engine/engine-diagnostic.js";
import type { RevisionProject } from "./open-revision.js";

/** Collects warnings across revisions, each file and message once. */
export class RevisionWarnings {
  private readonly seen = new Map<string, EngineDiagnostic>();

  /** Adds a revision's diagnostics and the syntax errors of its files (of `files` only, when given). */
  add(project: RevisionProject, files?: ReadonlySet<string>): void {
    for (const d of project.diagnostics) this.push(d);
    for (const [file, facts] of project.facts) {
      if (files && !files.has(file)) continue;
      for (const error of facts.parseErrors) {
        this.push({ file, message: `syntax error at ${error.line}:${error.column}: ${error.message}; read what parsed` });
      }
    }
  }

  /** Adds one warning. */
  push(diagnostic: EngineDiagnostic): void {
    const id = `${diagnostic.file ?? ""}\0${diagnostic.message}`;
    if (!this.seen.has(id)) this.seen.set(id, diagnostic);
  }

  /** Every warning, in the order first seen. */
  list(): EngineDiagnostic[] {
    return [...this.seen.values()];
  }
}
