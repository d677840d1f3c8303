// deadflag/no-unknown-flag: reports the engine's no-unknown-flag findings for the linted file.
import { createRule } from "../src/eslint/create-rule.js";

export default createRule({ name: "no-unknown-flag" });
