// deadflag/no-stale-flag: reports the engine's no-stale-flag findings for the linted file.
import { createRule } from "../src/eslint/create-rule.js";

export default createRule({ name: "no-stale-flag" });
