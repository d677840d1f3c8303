// What the one-off audit reports, gathered from a scan and a history walk: the flag inventory, every
// reuse incident with both meanings, dead code ranked by the lines a fix deletes, and the number of
// flags in the code after each commit. Plain data: the HTML and markdown writers only lay it out.
import type { Finding } from "../findings/finding.js";
import type { FlagIndex } from "../flags/flag-index.js";
import type { HistoryEvent, HistoryResult } from "../history/flag-history.js";
import { deletableLines } from "../report/deletable-lines.js";

/** One flag of the inventory. */
export interface AuditFlag {
  key: string;
  state: string;
  reads: number;
  files: number;
  sdks: string[];
  /** When the key first appeared in the history walked, if it did. */
  introduced?: { date: string; commit: string };
  /** Whole days from `introduced` to the audit. */
  ageDays?: number;
  /** The last change of meaning (repurposed, inverted, …), if any. */
  lastMeaningChange?: { date: string; commit: string; kind: string };
}

/** A flag reused for other code, with what it switched before and after. */
export interface ReuseIncident {
  flag: string;
  kind: string;
  commit: string;
  date: string;
  author: string;
  subject: string;
  before: string;
  after: string;
  message: string;
  file?: string;
  line?: number;
}

/** A piece of dead code and the lines deleting it removes. */
export interface DeadCodeItem {
  ruleId: string;
  file: string;
  line: number;
  what: string;
  lines: number;
  message: string;
}

/** The number of flags read in the code after one commit. */
export interface TimelinePoint {
  date: string;
  commit: string;
  flags: number;
  /** Reuse incidents at this commit. */
  incidents: number;
}

/** Everything the audit shows. */
export interface AuditData {
  /** The analysed directory's name. */
  project: string;
  generatedAt: string;
  version: string;
  filesAnalysed: number;
  /** Commits walked; undefined when the directory is not in a git repository. */
  commits?: number;
  /** Why there is no history, when there is none. */
  historyNote?: string;
  flags: AuditFlag[];
  incidents: ReuseIncident[];
  deadCode: DeadCodeItem[];
  /** Lines of dead code in all, each line counted once. */
  deadLines: number;
  timeline: TimelinePoint[];
  findings: { errors: number; warnings: number };
}

/** The inputs of an audit. */
export interface AuditInputs {
  project: string;
  now: Date;
  version: string;
  filesAnalysed: number;
  findings: readonly Finding[];
  index: FlagIndex;
  history?: HistoryResult;
  historyNote?: string;
}

const reuseKinds = new Set(["repurposed", "resurrected", "inverted", "type-changed", "default-changed"]);
const alarming = new Set(["repurposed", "resurrected", "inverted"]);
const deadRules = new Set(["no-unreachable-code", "no-dead-flag-branch", "no-unused-file"]);
const dayMs = 86_400_000;

/** Gathers the audit's data. */
export function buildAuditData(inputs: AuditInputs): AuditData {
  const eventsOf = new Map((inputs.history?.flags ?? []).map((timeline) => [timeline.key, timeline.events]));
  const flags: AuditFlag[] = inputs.index.flags.map((flag) => {
    const events = eventsOf.get(flag.key) ?? [];
    const first = events.find((e) => e.kind === "introduced") ?? events[0];
    const change = [...events].reverse().find((e) => reuseKinds.has(e.kind));
    return {
      key: flag.key,
      state: flag.state ?? "-",
      reads: flag.references.length,
      files: new Set(flag.references.map((r) => r.file)).size,
      sdks: flag.sdks,
      ...(first ? { introduced: { date: first.date, commit: first.commit } } : {}),
      ...(first ? { ageDays: Math.max(0, Math.floor((inputs.now.getTime() - Date.parse(first.date)) / dayMs)) } : {}),
      ...(change ? { lastMeaningChange: { date: change.date, commit: change.commit, kind: change.kind } } : {}),
    };
  });
  const incidents: ReuseIncident[] = [];
  for (const [flag, events] of eventsOf) {
    for (const event of events) if (alarming.has(event.kind)) incidents.push(incidentOf(flag, event));
  }
  incidents.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.flag < b.flag ? -1 : 1));
  const deadCode = inputs.findings
    .filter((f) => deadRules.has(f.ruleId))
    .map((f) => ({
      ruleId: f.ruleId,
      file: f.file,
      line: f.line,
      what: f.symbol ?? (f.ruleId === "no-unused-file" ? "the whole file" : f.flag ? `a branch of ${f.flag}` : "a branch"),
      lines: deletableLines(f, inputs.findings),
      message: f.message,
    }))
    .sort((a, b) => b.lines - a.lines || (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
  const errors = inputs.findings.filter((f) => f.severity === "error").length;
  return {
    project: inputs.project,
    generatedAt: inputs.now.toISOString(),
    version: inputs.version,
    filesAnalysed: inputs.filesAnalysed,
    ...(inputs.history ? { commits: inputs.history.commits } : {}),
    ...(inputs.historyNote ? { historyNote: inputs.historyNote } : {}),
    flags,
    incidents,
    deadCode,
    deadLines: inputs.findings.filter((f) => deadRules.has(f.ruleId)).reduce((sum, f) => sum + (typeof f.data?.["lines"] === "number" ? f.data["lines"] : 0), 0),
    timeline: timelineOf(inputs.history),
    findings: { errors, warnings: inputs.findings.length - errors },
  };
}

/** Splits `switched A; now switches B` into its two meanings; other messages stand whole on the new side. */
function incidentOf(flag: string, event: HistoryEvent): ReuseIncident {
  const match = /switched (.*?); now switches (.*)$/.exec(event.message);
  const inverted = event.kind === "inverted";
  return {
    flag,
    kind: event.kind,
    commit: event.commit,
    date: event.date,
    author: event.author,
    subject: event.subject,
    before: event.before ?? match?.[1] ?? (inverted ? "code that ran when the flag was on" : "its earlier meaning"),
    after: event.after ?? match?.[2] ?? (inverted ? "the same code, now run when the flag is off" : event.message),
    message: event.message,
    ...(event.file === undefined ? {} : { file: event.file }),
    ...(event.line === undefined ? {} : { line: event.line }),
  };
}

/** Flags in the code after each commit that changed their number or reused one, oldest first. */
function timelineOf(history: HistoryResult | undefined): TimelinePoint[] {
  if (!history) return [];
  const events = history.flags.flatMap((timeline) => timeline.events);
  const byCommit = new Map<string, { date: string; delta: number; incidents: number }>();
  for (const event of events) {
    const point = byCommit.get(event.commit) ?? { date: event.date, delta: 0, incidents: 0 };
    if (event.kind === "introduced" || event.kind === "resurrected" || event.kind === "restored") point.delta++;
    if (event.kind === "removed") point.delta--;
    if (alarming.has(event.kind)) point.incidents++;
    byCommit.set(event.commit, point);
  }
  const ordered = [...byCommit].sort(([, a], [, b]) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  let flags = 0;
  return ordered.map(([commit, point]) => {
    flags += point.delta;
    return { date: point.date, commit, flags, incidents: point.incidents };
  });
}
