import { describe, expect, it } from "vitest";
import { camelCaseKey } from "../../src/flags/camel-case.js";

// Expected values are lodash's `camelCase`, which LaunchDarkly's React SDK applies to flag keys.
describe("camelCaseKey", () => {
  it.each([
    ["new-checkout", "newCheckout"],
    ["new_checkout", "newCheckout"],
    ["NEW_CHECKOUT", "newCheckout"],
    ["new.checkout", "newCheckout"],
    ["Beta-Users", "betaUsers"],
    ["already-camelCase", "alreadyCamelCase"],
    ["XMLHttpRequest", "xmlHttpRequest"],
    ["newcheckout", "newcheckout"],
  ])("camelCases %s as %s", (key, expected) => {
    expect(camelCaseKey(key)).toBe(expected);
  });

  it.each([
    ["enable2fa", "enable2Fa"],
    ["3d-view", "3DView"],
    ["checkout-v2", "checkoutV2"],
    ["enable 6h format", "enable6HFormat"],
    ["xhr2 request", "xhr2Request"],
    ["walk 500 miles", "walk500Miles"],
  ])("makes a run of digits a word of its own: %s is %s", (key, expected) => {
    expect(camelCaseKey(key)).toBe(expected);
  });

  it("drops apostrophes instead of splitting on them", () => {
    expect(camelCaseKey("don't-track")).toBe("dontTrack");
  });
});
