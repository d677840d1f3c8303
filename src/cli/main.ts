#!/usr/bin/env node
// The `deadflag` command: parses arguments, runs one command, and turns failures into one line on
// stderr with exit code 2 (a stack trace only with --debug).
import { Command, CommanderError } from "commander";
import { ConfigError } from "../config/config-error.js";
import { InputError } from "../engine/input-error.js";
import { engineVersion } from "../engine-version.js";
import { auditCommand } from "./audit-command.js";
import { diffCommand } from "./diff-command.js";
import { entriesCommand } from "./entries-command.js";
import { flagsCommand } from "./flags-command.js";
import { graphCommand } from "./graph-command.js";
import { historyCommand } from "./history-command.js";
import { ledgerCommand } from "./ledger-command.js";
import { scanCommand } from "./scan-command.js";
import { whyCommand } from "./why-command.js";
import { configMessageAsTyped } from "./common-options.js";
import { describeFsError } from "./describe-fs-error.js";
import { configureUsageErrors } from "./usage-errors.js";

const program = new Command("deadflag")
  .description("Find dead code behind feature flags, and flags whose meaning changed between revisions")
  .version(engineVersion)
  .addCommand(flagsCommand())
  .addCommand(scanCommand())
  .addCommand(whyCommand())
  .addCommand(entriesCommand())
  .addCommand(graphCommand())
  .addCommand(diffCommand())
  .addCommand(historyCommand())
  .addCommand(ledgerCommand())
  .addCommand(auditCommand());
// Subcommands added with addCommand inherit no output settings; without exitOverride commander exits with 1.
configureUsageErrors(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.exitCode = exitCodeOf(error);
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
