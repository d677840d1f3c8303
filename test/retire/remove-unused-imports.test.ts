// After a fold, retire removes the imports the removed code used, and only those: an import unused
// before stays, a name still used as a type stays, and a list loses one name at a time.
import { describe, expect, it } from "vitest";
import { removeUnusedImports } from "../../src/retire/remove-unused-imports.js";

describe("removeUnusedImports", () => {
  const original = [
    'import Default, { a, b as bee, type C } from "./m.js";',
    'import * as ns from "./ns.js";',
    'import { stale } from "./stale.js";',
    'import "./side-effect.js";',
    "export function f(): C {",
    "  return ns.x + a + bee + Default;",
    "}",
    "",
  ].join("\n");

  it("removes the names the edit stopped using, the whole import when it was the last, and nothing else", () => {
    const edited = original.replace("  return ns.x + a + bee + Default;", "  return a;");
    expect(removeUnusedImports("f.ts", original, edited)).toBe(
      [
        'import { a, type C } from "./m.js";',
        'import { stale } from "./stale.js";',
        'import "./side-effect.js";',
        "export function f(): C {",
        "  return a;",
        "}",
        "",
      ].join("\n"),
    );
  });

  it("keeps a name still used only as a type, and keeps the default when the named list goes", () => {
    const edited = original.replace("  return ns.x + a + bee + Default;", "  return ns.x + Default;").replace("(): C {", "(): C | typeof ns {");
    const result = removeUnusedImports("f.ts", original, edited);
    expect(result).toContain('import Default, { type C } from "./m.js";\nimport * as ns from "./ns.js";\n');
    const withoutNamed = removeUnusedImports("f.ts", original, edited.replace("(): C | typeof ns {", "(): number {"));
    expect(withoutNamed).toContain('import Default from "./m.js";\n');
  });

  it("keeps React while the file still has JSX, which the classic transform compiles to React.createElement", () => {
    const original = 'import React from "react";\nexport const view = React.useMemo(() => 1, []) ? <p /> : null;\n';
    const edited = 'import React from "react";\nexport const view = <p />;\n';
    expect(removeUnusedImports("f.tsx", original, edited)).toBe(edited);
    expect(removeUnusedImports("f.tsx", original, "import React from \"react\";\nexport const view = 1;\n")).toBe("export const view = 1;\n");
  });
});
