// PostHog's browser SDK: `isFeatureEnabled(key)` and `getFeatureFlag(key)` compared with a variant,
// on the `posthog` default export.
import posthog from "posthog-js";

posthog.init("phc_storefront", { api_host: "https://eu.i.posthog.com" });

/** Where "Invite a friend" appears, if anywhere. */
export function referralPlacement(): "header" | "checkout" | "none" {
  if (!posthog.isFeatureEnabled("referral-program")) return "none";
  return posthog.getFeatureFlag("referral-placement") === "checkout" ? "checkout" : "header";
}
