import { describe, expect, it } from "vitest";
import { closestName } from "../../src/config/closest-name.js";

describe("closestName", () => {
  it("suggests the nearest candidate within half the longer name", () => {
    expect(closestName("entries", ["entry", "env", "ignore"])).toBe("entry");
    expect(closestName("sdk", ["sdks", "states"])).toBe("sdks");
  });

  it("ignores case", () => {
    expect(closestName("StaleAfterDays", ["staleAfterDays", "states"])).toBe("staleAfterDays");
  });

  it("suggests nothing when every candidate is too far", () => {
    expect(closestName("foo", ["env", "entry"])).toBeUndefined();
    expect(closestName("anything", [])).toBeUndefined();
  });
});
