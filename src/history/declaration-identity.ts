// A declaration's identity at one revision is its file and name (`src/a.ts#route`, `src/a.ts#A.run`):
// what `no-flag-reuse` asks about the base and the head when it judges whether a flag now points at
// other code (a declaration that existed all along, or that is still there) or at the same code
// renamed or moved.
import type { FileFacts } from "../facts/file-facts.js";
import type { DeclarationExists } from "./compare-meanings.js";

/** Whether a declaration exists among these facts; the set of identities is built on first use. */
export function declarationExists(facts: ReadonlyMap<string, FileFacts>): DeclarationExists {
  let identities: Set<string> | undefined;
  return (identity) => {
    if (!identities) {
      identities = new Set();
      for (const [file, fileFacts] of facts) {
        for (const declaration of fileFacts.declarations) {
          identities.add(`${file}#${declaration.name}`);
          for (const name of declaration.alsoNames ?? []) identities.add(`${file}#${name}`);
        }
      }
    }
    return identities.has(identity);
  };
}
