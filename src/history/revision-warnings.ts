// What `diff` and `history` say about input they skipped or read partly, as `scan` does: the
// revision's own diagnostics (files that do not decode, registries missing at that commit) and the
// syntax errors of its files, each once. A warning about one commit (`… at <commit>; …`) that
// recurs at every commit of a long history is said once with the count and the first and last
// commit: a registry added late gave 749 identical lines on dub.
import type { EngineDiagnostic } from "../engine/engine-diagnostic.js";
import type { RevisionProject } from "./open-revision.js";

/** The commit part of a per-commit warning (`registry not found at 67f1b33; …`). */
const atCommit = / at ([0-9a-f]{7,40});/;

interface SeenWarning {
  diagnostic: EngineDiagnostic;
  /** The commits it was seen at, in walk order. */
  commits: Set<string>;
}

/** Collects warnings across revisions, each file and message once. */
export class RevisionWarnings {
  private readonly seen = new Map<string, SeenWarning>();

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
    const commit = atCommit.exec(diagnostic.message)?.[1];
    const message = commit === undefined ? diagnostic.message : diagnostic.message.replace(atCommit, " at {commits};");
    const id = `${diagnostic.file ?? ""}\0${message}`;
    const known = this.seen.get(id);
    if (known === undefined) this.seen.set(id, { diagnostic, commits: new Set(commit === undefined ? [] : [commit]) });
    else if (commit !== undefined) known.commits.add(commit);
  }

  /** Every warning, in the order first seen; a per-commit warning seen at several commits once. */
  list(): EngineDiagnostic[] {
    return [...this.seen.values()].map(({ diagnostic, commits }) => {
      if (commits.size < 2) return diagnostic;
      const walked = [...commits];
      const span = ` at ${walked.length} commits (${walked[0]} to ${walked[walked.length - 1]});`;
      return { ...diagnostic, message: diagnostic.message.replace(atCommit, span) };
    });
  }
}
