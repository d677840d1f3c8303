// Usage errors as docs/cli.md promises them: `deadflag: <what is wrong>` on one line, then the
// command's usage line, instead of commander's `error: …`.
import type { Command } from "commander";

/** Makes `command` and every subcommand print usage errors the deadflag way and throw instead of exiting. */
export function configureUsageErrors(command: Command): Command {
  command.exitOverride().configureOutput({
    outputError: (message, write) => write(`deadflag: ${oneLine(message)}\nusage: ${usageLine(command)}\n`),
  });
  for (const sub of command.commands) configureUsageErrors(sub);
  return command;
}

/** `deadflag ledger update [options] [path]`. */
function usageLine(command: Command): string {
  const names: string[] = [];
  for (let at: Command | null = command; at; at = at.parent) names.unshift(at.name());
  return `${names.join(" ")} ${command.usage()}`;
}

function oneLine(message: string): string {
  return message
    .replace(/^error: /, "")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "")
    .join(" ");
}
