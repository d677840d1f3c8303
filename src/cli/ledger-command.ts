// `deadflag ledger update [path]`: write `.deadflag/ledger.json` (meanings and tombstones).
import { Command } from "commander";
import { openProject } from "../engine/open-project.js";
import { updateLedger } from "../history/update-ledger.js";
import type { CommonOptions } from "./common-options.js";
import { openOptionsOf, withCommonOptions } from "./common-options.js";
import { printDiagnostics } from "./cli-io.js";

/** The `ledger` command and its `update` subcommand. */
export function ledgerCommand(): Command {
  const update = withCommonOptions(new Command("update"), ["text"])
    .description("record every flag's current meaning in .deadflag/ledger.json, and tombstones for keys no longer read")
    .argument("[path]", "the directory to analyse", ".")
    .action(async (root: string, options: CommonOptions) => {
      const project = await openProject(openOptionsOf(root, options));
      printDiagnostics(project.diagnostics);
      const result = await updateLedger(project);
      const count = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;
      process.stdout.write(
        `.deadflag/ledger.json: ${count(Object.keys(result.ledger.flags).length, "flag")}, ` +
          `${count(Object.keys(result.ledger.tombstones).length, "tombstone")} ` +
          `(${result.added.length} added, ${result.changed.length} changed, ${result.tombstoned.length} tombstoned)\n`,
      );
    });
  update.exitOverride();
  return new Command("ledger").description("the flag ledger: meanings and tombstones for CI without history").addCommand(update);
}
