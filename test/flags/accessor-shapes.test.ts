// Config for the shapes real applications read flags with (issue 8, item 7): a flag map held in a
// property of a hook's result, toggle components, route metadata keys, flags on a session object.
import { describe, expect, it } from "vitest";
import type { DeadflagConfig } from "../../src/config/config-schema.js";
import type { FlagRead } from "../../src/flags/flag-index.js";
import { allReads, describeRead, indexSources } from "../helpers/index-sources.js";

function readsOf(files: Record<string, string>, flags: DeadflagConfig["flags"]): string[] {
  return allReads(indexSources(files, flags)).map(describeRead);
}

function textAt(source: string, range: { start: number; end: number } | undefined): string | undefined {
  return range && source.slice(range.start, range.end);
}

describe('"property" on a flag-map accessor', () => {
  const settings = [
    'import { useWorkspace } from "./workspace";',
    "export function Settings() {",
    "  const { id, flags, plan } = useWorkspace();",
    "  if (!flags?.siteVisits) return null;",
    "  return <Page id={id} plan={plan} beta={useWorkspace().flags.betaPage} />;",
    "}",
  ].join("\n");
  const files = { "src/Settings.tsx": settings };
  const config: DeadflagConfig["flags"] = { accessors: [{ function: "useWorkspace", returns: "flag-map", property: "flags" }] };

  it("reads the members of that property only, not the other fields of the result", () => {
    expect(readsOf(files, config)).toEqual(["betaPage src/Settings.tsx:5:42 accessor/accessor", "siteVisits src/Settings.tsx:4:8 accessor/accessor"]);
  });

  it("keeps the guards of the member read", () => {
    const read = allReads(indexSources(files, config)).find((r) => r.key === "siteVisits");
    expect(read).toMatchObject({ via: "useWorkspace().flags.siteVisits", polarity: "negative" });
    expect(read?.guards.map((g) => g.kind)).toEqual(["early-exit"]);
    expect(textAt(settings, read?.guards[0]?.off?.range)).toBe("return null;");
    expect(textAt(settings, read?.guards[0]?.on?.range)).toMatch(/^return <Page id=\{id\}/);
  });

  it("without property, takes every field of the result for a flag (why the field exists)", () => {
    expect(
      readsOf(files, { accessors: [{ function: "useWorkspace", returns: "flag-map" }] }).map((r) => r.split(" ")[0]),
    ).toEqual(["flags", "flags", "id", "plan"]);
  });
});

describe("JSX accessors", () => {
  const page = [
    'import { FeatureFlagToggle } from "@/components/toggle";',
    "export function Page() {",
    "  return (",
    '    <FeatureFlagToggle featureFlag="new-editor">',
    "      <Editor />",
    "    </FeatureFlagToggle>",
    "  );",
    "}",
  ].join("\n");

  it("reads the key prop of a configured component, whose children are the flag-on branch", () => {
    const index = indexSources({ "src/Page.tsx": page }, { accessors: [{ jsx: "FeatureFlagToggle", keyProp: "featureFlag" }] });
    expect(allReads(index).map(describeRead)).toEqual(["new-editor src/Page.tsx:4:5 accessor/accessor"]);
    const read: FlagRead | undefined = allReads(index)[0];
    expect(read?.via).toBe("<FeatureFlagToggle>");
    expect(read?.guards.map((g) => [g.kind, textAt(page, g.on?.range)])).toEqual([["jsx-children", "<Editor />"]]);
  });
});

describe("object-key accessors", () => {
  it("reads the value of a configured key wherever an object literal holds it, and skips destructuring targets", () => {
    const routes = [
      'import { FLAGS } from "./flags";',
      "export const routes = [",
      '  { path: "/reports", featureFlag: "reports" },',
      "  { path: \"/beta\", featureFlag: FLAGS.beta },",
      '  { path: "/home" },',
      "];",
      "export function guard(route: { featureFlag?: string }) {",
      "  let featureFlag;",
      "  ({ featureFlag } = route);",
      "  return featureFlag;",
      "}",
    ].join("\n");
    const files = { "src/routes.ts": routes, "src/flags.ts": 'export const FLAGS = { beta: "beta-nav" } as const;\n' };
    const reads = allReads(indexSources(files, { accessors: [{ objectKey: "featureFlag" }] }));
    expect(reads.map((r) => `${describeRead(r)} ${r.keySource} ${r.via}`)).toEqual([
      "beta-nav src/routes.ts:4:20 accessor/accessor constant { featureFlag }",
      "reports src/routes.ts:3:23 accessor/accessor literal { featureFlag }",
    ]);
  });
});

describe("member accessors: flags on a session object", () => {
  const page = [
    "export async function page(session: Session, claim: Claim) {",
    "  if (session.user.featureFlags.newDashboard) dashboard();",
    "  const { featureFlags } = session.user;",
    "  const hidden = claim?.featureFlags?.hideBranding === true;",
    "  session.user.featureFlags.written = true;",
    "  return featureFlags.exports && hidden;",
    "}",
  ].join("\n");
  const files = { "src/page.ts": page };

  it("reads the members of a configured member on any object, through optional chains and destructuring", () => {
    expect(readsOf(files, { accessors: [{ member: "featureFlags" }] })).toEqual([
      "exports src/page.ts:6:10 accessor/accessor",
      "hideBranding src/page.ts:4:18 accessor/accessor",
      "newDashboard src/page.ts:2:7 accessor/accessor",
    ]);
    const read = allReads(indexSources(files, { accessors: [{ member: "featureFlags" }] })).find((r) => r.key === "newDashboard");
    expect(read?.via).toBe(".featureFlags.newDashboard");
    expect(read?.guards.map((g) => [g.kind, textAt(page, g.on?.range)])).toEqual([["if", "dashboard();"]]);
  });

  it("with a dotted path, reads only where the whole path matches", () => {
    expect(readsOf(files, { accessors: [{ member: "user.featureFlags" }] })).toEqual(["newDashboard src/page.ts:2:7 accessor/accessor"]);
  });
});
