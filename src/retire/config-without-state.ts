// A retired key has no state left to declare: its entry in `flags.states` of a JSON config
// (`deadflag.config.json`, `.deadflagrc.json`, `package.json#deadflag`) goes, as a text edit that
// keeps the rest of the file as it was. A config in code (`deadflag.config.ts`) is left to a person.
import path from "node:path";
import ts from "../engine/typescript-api.js";

/** `text` (the config file `fileName`) without `flags.states[key]`, or undefined when it is not there or not JSON. */
export function configWithoutState(fileName: string, text: string, key: string): string | undefined {
  const base = path.basename(fileName);
  if (!base.endsWith(".json")) return undefined;
  const document = ts.parseJsonText(fileName, text);
  const root = document.statements[0]?.expression;
  const owner = base === "package.json" ? member(root, "deadflag") : root;
  const states = member(member(owner, "flags"), "states");
  if (!states || !ts.isObjectLiteralExpression(states)) return undefined;
  const properties = states.properties;
  const entry = properties.find((p) => ts.isPropertyAssignment(p) && nameOf(p) === key);
  if (!entry) return undefined;
  if (properties.length === 1) return text.slice(0, states.getStart(document)) + "{}" + text.slice(states.getEnd());
  const index = properties.indexOf(entry);
  const next = properties[index + 1];
  const previous = properties[index - 1];
  // The last entry goes with the comma before it; another with the comma after it, and with its
  // whole line when entries are one per line.
  if (!next) return text.slice(0, previous?.getEnd() ?? entry.getStart(document)) + text.slice(entry.getEnd());
  const entryStart = entry.getStart(document);
  const nextStart = next.getStart(document);
  const ownLines = text.slice(entry.getEnd(), nextStart).includes("\n");
  const from = ownLines ? text.lastIndexOf("\n", entryStart - 1) + 1 : entryStart;
  const to = ownLines ? text.lastIndexOf("\n", nextStart - 1) + 1 : nextStart;
  return text.slice(0, from) + text.slice(to);
}

function member(node: ts.Node | undefined, name: string): ts.Expression | undefined {
  if (!node || !ts.isObjectLiteralExpression(node)) return undefined;
  const property = node.properties.find((p) => ts.isPropertyAssignment(p) && nameOf(p) === name);
  return property && ts.isPropertyAssignment(property) ? property.initializer : undefined;
}

function nameOf(property: ts.ObjectLiteralElementLike): string | undefined {
  const name = property.name;
  return name && (ts.isStringLiteral(name) || ts.isIdentifier(name)) ? name.text : undefined;
}
