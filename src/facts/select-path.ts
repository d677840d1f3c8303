// Narrowing an expression summary to one of its parts, shared by extraction and linking.
import type { ExprFact } from "./file-facts.js";

/** The part of `fact` found at `path`: a property of an object, or a longer reference. */
export function selectPath(fact: ExprFact, path: readonly string[]): ExprFact {
  if (path.length === 0) return fact;
  switch (fact.kind) {
    case "object": {
      const [head, ...rest] = path;
      const property = head === undefined ? undefined : fact.properties[head];
      return property ? selectPath(property, rest) : { kind: "other", text: path.join(".") };
    }
    case "ref":
    case "param":
      return { ...fact, path: [...fact.path, ...path] };
    default:
      return { kind: "other", text: path.join(".") };
  }
}
