// The engine version is part of every cache key and what `deadflag --version` prints; it must be the
// published package's version, or a new release would read an old release's cached facts.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { engineVersion } from "../../src/engine-version.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

describe("engineVersion", () => {
  it("equals package.json's version", () => {
    const manifest: unknown = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8"));
    expect(manifest).toMatchObject({ version: engineVersion });
  });
});
