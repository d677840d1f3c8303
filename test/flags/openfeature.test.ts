import { describe, expect, it } from "vitest";
import { allReads, describeRead, indexSources } from "../helpers/index-sources.js";

describe("openfeature preset", () => {
  it("indexes client reads traced to the SDK import, with key and default", () => {
    const index = indexSources({
      "src/app.ts": [
        'import { OpenFeature } from "@openfeature/server-sdk";',
        "const client = OpenFeature.getClient();",
        "export async function run() {",
        '  if (await client.getBooleanValue("new-checkout", false)) newCheckout();',
        '  const tier = await client.getStringValue("tier", "basic");',
        "}",
      ].join("\n"),
    });
    expect(allReads(index).map(describeRead)).toEqual([
      'new-checkout src/app.ts:4:13 openfeature/sdk-import default=false',
      'tier src/app.ts:5:22 openfeature/sdk-import default="basic"',
    ]);
  });
});
