// Every framework preset, in the order `deadflag entries` lists them.
import type { FrameworkPreset } from "./framework-preset.js";
import { packageScripts } from "./package-scripts.js";

/** The built-in presets. */
export const frameworkPresets: readonly FrameworkPreset[] = [packageScripts];
