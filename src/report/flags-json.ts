// `deadflag flags --format json`: the flag-reference index as a versioned JSON document (a public
// contract: see docs/json-output.md). Positions are 1-based; paths POSIX, relative to the root.
import type { GuardFact, SourceRange } from "../facts/file-facts.js";
import type { FlagIndex, FlagRead } from "../flags/flag-index.js";

/** Formats the index as JSON (version 1). */
export default function formatFlagsJson(index: FlagIndex): string {
  const document = {
    version: 1,
    flags: index.flags.map((flag) => ({
      key: flag.key,
      state: flag.state,
      sdks: flag.sdks,
      declarations: flag.declarations,
      references: flag.references.map(referenceJson),
    })),
    unresolved: index.unresolved.map((u) => ({ file: u.file, ...position(u.range), sdk: u.sdk, via: u.via, key: u.keyText })),
    collisions: index.collisions,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

function referenceJson(read: FlagRead): Record<string, unknown> {
  return {
    file: read.file,
    ...position(read.range),
    sdk: read.sdk,
    recognisedBy: read.recognisedBy,
    via: read.via,
    keySource: read.keySource,
    ...(read.default === undefined ? {} : { default: read.default }),
    ...(read.valueType ? { valueType: read.valueType } : {}),
    polarity: read.polarity,
    ...(read.enclosing === undefined ? {} : { enclosing: read.enclosing }),
    ...(read.wrapper ? { wrapper: read.wrapper } : {}),
    guards: read.guards.map(guardJson),
  };
}

function guardJson(guard: GuardFact): Record<string, unknown> {
  return {
    kind: guard.kind,
    polarity: guard.polarity,
    ...(guard.compare === undefined ? {} : { compare: guard.compare }),
    ...(guard.via === undefined ? {} : { via: guard.via }),
    ...(guard.on ? { on: position(guard.on.range) } : {}),
    ...(guard.off ? { off: position(guard.off.range) } : {}),
    ...(guard.cases
      ? { cases: guard.cases.map((c) => ({ values: c.values, isDefault: c.isDefault, ...position(c.branch.range) })) }
      : {}),
  };
}

function position(range: SourceRange): { line: number; column: number; endLine: number; endColumn: number } {
  return { line: range.line, column: range.column, endLine: range.endLine, endColumn: range.endColumn };
}
