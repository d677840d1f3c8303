// `no-stale-flag`: flags read for longer than `staleAfterDays` (default 90), unless declared
// `active` (meant to stay). The age comes from git: the key was already in the code at the last
// commit older than the limit (one `rev-list` and one `git grep` of every key at once, however many
// flags). Opt in: `scan` checks it only when the config sets the rule, since it reads history; a
// project outside git, or whose history does not reach back that far (a shallow clone), has no
// stale flags to report.
import path from "node:path";
import type { OpenedProject } from "../engine/open-project.js";
import type { Finding } from "../findings/finding.js";
import type { FlagIndex } from "../flags/flag-index.js";
import { keysOlderThan } from "./flag-life.js";
import { GitRepository } from "./git-repository.js";

/** `no-stale-flag` findings of an opened working tree; none unless the config turns the rule on. */
export async function staleFlagFindings(project: OpenedProject, index: FlagIndex): Promise<Finding[]> {
  const setting = project.config.rules["no-stale-flag"];
  if (setting === undefined || setting === "off") return [];
  const repo = await GitRepository.open(project.root).catch(() => undefined);
  if (!repo) return [];
  try {
    const days = project.config.staleAfterDays;
    const candidates = index.flags.filter((f) => f.references.length > 0 && f.state !== "active");
    const prefix = path.relative(repo.root, project.root).split(path.sep).join("/");
    const head = await repo.resolveCommit("HEAD").catch(() => undefined);
    if (!head) return [];
    const older = await keysOlderThan(repo, head, candidates.map((f) => f.key), prefix, days);
    if (!older) return [];
    const [info] = await repo.commitInfo([older.commit]);
    const findings: Finding[] = [];
    for (const flag of candidates) {
      const read = flag.references[0];
      if (!read || !older.keys.has(flag.key)) continue;
      const since = info ? `${older.commit.slice(0, 7)}, ${info.date.slice(0, 10)}` : older.commit.slice(0, 7);
      findings.push({
        ruleId: "no-stale-flag",
        severity: setting,
        message: `${flag.key} has been read for more than ${days} days (already at ${since}): fold it, or declare it "active" if it is meant to stay`,
        file: read.file,
        line: read.range.line,
        column: read.range.column,
        endLine: read.range.endLine,
        endColumn: read.range.endColumn,
        flag: flag.key,
        data: { staleAfterDays: days, since: { revision: older.commit, date: info?.date ?? null }, ...(flag.state ? { state: flag.state } : {}) },
      });
    }
    return findings;
  } finally {
    repo.close();
  }
}
