// Every built-in SDK preset, by name. Adding an SDK is adding its file and one line here.
import type { SdkName } from "../../config/config-schema.js";
import type { SdkPreset } from "../sdk-preset.js";
import { env } from "./env.js";
import { launchdarkly } from "./launchdarkly.js";
import { openfeature } from "./openfeature.js";

/** The built-in presets by name. */
export const sdkPresets: Partial<Record<SdkName, SdkPreset>> = {
  launchdarkly,
  openfeature,
  env,
};
