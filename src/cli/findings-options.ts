// Options of the commands that report findings (`scan`, `diff`): every findings format, and the
// gate's `--max-warnings`.
import { InvalidArgumentError } from "commander";
import type { Command } from "commander";
import { findingsFormatNames } from "../report/findings-formats.js";
import type { CommonOptions } from "./common-options.js";
import { withCommonOptions } from "./common-options.js";

/** The parsed options of a findings command. */
export interface FindingsOptions extends CommonOptions {
  maxWarnings?: number;
}

/** Adds the common options, every findings format and `--max-warnings` to `command`. */
export function withFindingsOptions(command: Command): Command {
  return withCommonOptions(command, findingsFormatNames).option(
    "--max-warnings <count>",
    "exit 1 when there are more warnings than this",
    parseCount,
  );
}

/** A whole number of 0 or more, for count options. */
function parseCount(value: string): number {
  const count = Number(value);
  if (value.trim() === "" || !Number.isInteger(count) || count < 0) throw new InvalidArgumentError("expected a whole number of 0 or more");
  return count;
}
