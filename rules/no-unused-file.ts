// deadflag/no-unused-file: reports the engine's no-unused-file findings for the linted file.
import { createRule } from "../src/eslint/create-rule.js";

export default createRule({ name: "no-unused-file" });
