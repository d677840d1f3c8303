// deadflag/no-unused-flag: reports the engine's no-unused-flag findings for the linted file.
import { createRule } from "../src/eslint/create-rule.js";

export default createRule({ name: "no-unused-flag" });
