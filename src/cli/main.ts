#!/usr/bin/env node
// The `deadflag` command: parses arguments, runs one command, and turns failures into one line on
// stderr with exit code 2 (a stack trace only with --debug).
import { Command, CommanderError } from "commander";
import { ConfigError } from "../config/config-error.js";
import { InputError } from "../engine/input-error.js";
import { engineVersion } from "../engine-version.js";
import { configMessageAsTyped } from "./common-options.js";
import { describeFsError } from "./describe-fs-error.js";
import { configureUsageErrors } from "./usage-errors.js";

/**
 * Every command, in help order: how `deadflag --help` lists it (its usage term and description,
 * kept equal to the command's own by test/cli/main-help.test.ts) and how to load it. A command's
 * module is loaded only when that command runs, so `--help`, `--version` and a mistyped command load
 * none of them (nor the engine behind them).
 */
const commands: ReadonlyArray<{ term: string; description: string; load: () => Promise<Command> }> = [
  {
    term: "flags [options] [path]",
    description: "list every flag read: key, where, which SDK, its default and the code it guards",
    load: async () => (await import("./flags-command.js")).flagsCommand(),
  },
  {
    term: "scan [options] [path]",
    description: "find unreachable code, dead flag branches, unused exports and files, unknown and unused flags",
    load: async () => (await import("./scan-command.js")).scanCommand(),
  },
  {
    term: "why [options] <target> [path]",
    description: "explain why a symbol is live (the shortest path from an entry) or dead",
    load: async () => (await import("./why-command.js")).whyCommand(),
  },
  {
    term: "entries [options] [path]",
    description: "list the production and test entries, and which framework presets found them and why",
    load: async () => (await import("./entries-command.js")).entriesCommand(),
  },
  {
    term: "graph [options] [path]",
    description: "print the linked call graph as JSON: nodes, edges (with flag guards) and modules",
    load: async () => (await import("./graph-command.js")).graphCommand(),
  },
  {
    term: "diff [options] [path]",
    description: "report flags whose meaning changed between two revisions: repurposed, resurrected, inverted, retyped, re-defaulted",
    load: async () => (await import("./diff-command.js")).diffCommand(),
  },
  {
    term: "history [options] [path]",
    description: "timeline of every flag across commits: introduced, meaning changed, removed, resurrected, state changes",
    load: async () => (await import("./history-command.js")).historyCommand(),
  },
  {
    term: "ledger",
    description: "the flag ledger: meanings and tombstones for CI without history",
    load: async () => (await import("./ledger-command.js")).ledgerCommand(),
  },
  {
    term: "retire [options] <key> [path]",
    description: "fold a flag to one value, delete the code it leaves dead and tombstone its key (a dry run without --write)",
    load: async () => (await import("./retire-command.js")).retireCommand(),
  },
  {
    term: "manifest [options] [path]",
    description: "write this build's flag meanings to a manifest, for preflight to compare deployments before a flag is flipped",
    load: async () => (await import("./manifest-command.js")).manifestCommand(),
  },
  {
    term: "preflight [options] <manifests...>",
    description: "before flipping a flag, refuse when the deployments' manifests mean different things by it",
    load: async () => (await import("./preflight-command.js")).preflightCommand(),
  },
  {
    term: "audit [options] [path]",
    description: "write a one-off audit: flag inventory, reuse incidents in history, dead code by size, a timeline (HTML, self-contained)",
    load: async () => (await import("./audit-command.js")).auditCommand(),
  },
];

const program = new Command("deadflag")
  .description("Find dead code behind feature flags, and flags whose meaning changed between revisions")
  .version(engineVersion);
// The command named on the line (`deadflag scan …`, `deadflag help scan`) is loaded; the others are
// listed by name only.
const [first, second] = process.argv.slice(2).filter((argument) => !argument.startsWith("-"));
const named = first === "help" ? second : first;
for (const command of commands) {
  const name = command.term.split(" ")[0] ?? "";
  program.addCommand(name === named ? await command.load() : listedCommand(command.term, command.description));
}
// Subcommands added with addCommand inherit no output settings; without exitOverride commander exits with 1.
configureUsageErrors(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.exitCode = exitCodeOf(error);
}

/** A command as `deadflag --help` lists it: its name, arguments, whether it has options, its description. */
function listedCommand(term: string, description: string): Command {
  const [name = "", ...parts] = term.split(" ");
  const listed = new Command(name).description(description);
  for (const part of parts) {
    if (part === "[options]") listed.option("--listed-only");
    else listed.argument(part);
  }
  return listed;
}

function exitCodeOf(error: unknown): number {
  if (error instanceof CommanderError) {
    // Help and version exit 0; commander has already printed usage errors.
    return error.exitCode === 0 ? 0 : 2;
  }
  const debug = process.argv.includes("--debug");
  const fsProblem = describeFsError(error);
  if (error instanceof ConfigError) {
    process.stderr.write(`deadflag: ${configMessageAsTyped(error)}\n`);
  } else if (error instanceof InputError) {
    process.stderr.write(`deadflag: ${error.message}\n`);
  } else if (fsProblem !== undefined) {
    process.stderr.write(`deadflag: ${fsProblem}\n`);
  } else {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`deadflag: internal error: ${message.split("\n")[0]}${debug ? "" : " (run with --debug for details)"}\n`);
  }
  if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  return 2;
}
