// `deadflag ledger update [path]`: write `.deadflag/ledger.json` (meanings and tombstones), and say
// what changed: as a line of text, or as JSON, to stdout or --output.
import { Command } from "commander";
import { openProject } from "../engine/open-project.js";
import { updateLedger } from "../history/update-ledger.js";
import type { LedgerUpdate } from "../history/update-ledger.js";
import type { CommonOptions } from "./common-options.js";
import { openOptionsOf, withCommonOptions } from "./common-options.js";
import { printDiagnostics, writeResult } from "./cli-io.js";

interface LedgerUpdateOptions extends CommonOptions {
  rebuild?: boolean;
}

/** The `ledger` command and its `update` subcommand. */
export function ledgerCommand(): Command {
  const update = withCommonOptions(new Command("update"), ["text", "json"])
    .description("record every flag's current meaning in .deadflag/ledger.json, and tombstones for keys no longer read")
    .argument("[path]", "the directory to analyse", ".")
    .option("--rebuild", "start from what can still be read of a broken ledger (a merge conflict, a bad edit), keeping every readable tombstone")
    .action(async (root: string, options: LedgerUpdateOptions) => {
      const project = await openProject(openOptionsOf(root, options));
      printDiagnostics(project.diagnostics);
      const result = await updateLedger(project, { rebuild: options.rebuild === true });
      writeResult(options.format === "json" ? ledgerJson(result) : ledgerText(result), options.output);
    });
  return new Command("ledger").description("the flag ledger: meanings and tombstones for CI without history").addCommand(update);
}

function ledgerText(result: LedgerUpdate): string {
  const count = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;
  return (
    `.deadflag/ledger.json: ${count(Object.keys(result.ledger.flags).length, "flag")}, ` +
    `${count(Object.keys(result.ledger.tombstones).length, "tombstone")} ` +
    `(${result.added.length} added, ${result.changed.length} changed, ${result.tombstoned.length} tombstoned)\n`
  );
}

/** The update as a versioned document (docs/json-output.md). */
function ledgerJson(result: LedgerUpdate): string {
  const document = {
    version: 1,
    file: ".deadflag/ledger.json",
    flags: Object.keys(result.ledger.flags).length,
    tombstones: Object.keys(result.ledger.tombstones).length,
    added: result.added,
    changed: result.changed,
    tombstoned: result.tombstoned,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
