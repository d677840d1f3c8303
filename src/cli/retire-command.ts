// `deadflag retire <key> --value <on|off|default> [path]`: fold a flag, delete the code it leaves
// dead and tombstone its key (see docs/retire.md). A dry run by default; `--write` writes into a
// clean git tree, all files or none; `--verify` refuses a retirement that adds a type error.
import { Command, Option } from "commander";
import { InputError } from "../engine/input-error.js";
import formatRetirementJson from "../report/retirement-json.js";
import formatRetirementText from "../report/retirement-text.js";
import { planRetirement } from "../retire/plan-retirement.js";
import type { RetireValue } from "../retire/plan-retirement.js";
import { firstNewCompileError } from "../retire/verify-compiles.js";
import { writeRetirement } from "../retire/write-retirement.js";
import type { CommonOptions } from "./common-options.js";
import { openOptionsOf, withCommonOptions } from "./common-options.js";
import { printDiagnostics, writeResult } from "./cli-io.js";
import { uncommittedChanges } from "./uncommitted-changes.js";

interface RetireOptions extends CommonOptions {
  value: RetireValue;
  write?: boolean;
  allowDirty?: boolean;
  verify?: boolean;
}

/** The `retire` command. */
export function retireCommand(): Command {
  return withCommonOptions(new Command("retire"), ["text", "json"])
    .description("fold a flag to one value, delete the code it leaves dead and tombstone its key (a dry run without --write)")
    .argument("<key>", "the flag key to retire")
    .argument("[path]", "the directory to analyse", ".")
    .addOption(
      new Option("--value <value>", "what every read returns from now on: on, off, or each read's in-code default")
        .choices(["on", "off", "default"])
        .makeOptionMandatory(),
    )
    .option("--write", "write the changes (default: print them and write nothing)")
    .option("--allow-dirty", "with --write, write even when the git tree has uncommitted changes")
    .option("--verify", "type-check the project before and after, and refuse a retirement that adds a type error")
    .action(async (key: string, root: string, options: RetireOptions) => {
      const plan = await planRetirement({ open: openOptionsOf(root, options), key, value: options.value });
      printDiagnostics(plan.diagnostics);
      if (options.verify) {
        const error = firstNewCompileError(plan.root, plan.project.tsconfig, plan.project.files, plan.changes);
        if (error) throw new InputError(`--verify: retiring ${key} adds a type error at ${error.file}:${error.line}: ${error.message}; nothing written`);
      }
      const write = options.write === true && (plan.changes.length > 0 || plan.ledger !== undefined);
      if (write) {
        if (!options.allowDirty) {
          const touched = [...plan.changes.map((c) => c.file), ...(plan.ledger ? [".deadflag/ledger.json"] : [])];
          const dirty = uncommittedChanges(root, touched);
          if (dirty.length > 0) {
            const more = dirty.length > 1 ? ` (and ${dirty.length - 1} more)` : "";
            throw new InputError(`uncommitted changes in ${dirty[0]}${more}: commit or stash them before retire --write, or pass --allow-dirty`);
          }
        }
        writeRetirement(plan);
      }
      writeResult(options.format === "json" ? formatRetirementJson(plan, write) : formatRetirementText(plan, write), options.output);
      if (plan.byHand.length > 0) process.exitCode = 1;
    });
}
