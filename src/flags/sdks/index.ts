// Every built-in SDK preset, by name. Adding an SDK is adding its file and one line here.
import type { SdkName } from "../../config/config-schema.js";
import type { SdkPreset } from "../sdk-preset.js";
import { configcat } from "./configcat.js";
import { devcycle } from "./devcycle.js";
import { env } from "./env.js";
import { flagsmith } from "./flagsmith.js";
import { growthbook } from "./growthbook.js";
import { launchdarkly } from "./launchdarkly.js";
import { openfeature } from "./openfeature.js";
import { posthog } from "./posthog.js";
import { split } from "./split.js";
import { statsig } from "./statsig.js";
import { unleash } from "./unleash.js";
import { vercel } from "./vercel.js";

/** The built-in presets by name. */
export const sdkPresets: Partial<Record<SdkName, SdkPreset>> = {
  launchdarkly,
  openfeature,
  unleash,
  growthbook,
  statsig,
  posthog,
  split,
  configcat,
  flagsmith,
  devcycle,
  vercel,
  env,
};
