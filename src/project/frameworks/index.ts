// Every framework preset, in the order `deadflag entries` lists them. Adding a framework is adding
// a file here: a preset only adds entries, it never hides a finding.
import { astro } from "./astro.js";
import type { FrameworkPreset } from "./framework-preset.js";
import { jest } from "./jest.js";
import { nestjs } from "./nestjs.js";
import { next } from "./next.js";
import { packageScripts } from "./package-scripts.js";
import { playwright } from "./playwright.js";
import { reactEmail } from "./react-email.js";
import { reactRouter } from "./react-router.js";
import { remix } from "./remix.js";
import { storybook } from "./storybook.js";
import { sveltekit } from "./sveltekit.js";
import { triggerDev } from "./trigger-dev.js";
import { tsup } from "./tsup.js";
import { vite } from "./vite.js";
import { vitest } from "./vitest.js";

/** The built-in presets. */
export const frameworkPresets: readonly FrameworkPreset[] = [
  packageScripts,
  next,
  remix,
  reactRouter,
  vite,
  vitest,
  jest,
  playwright,
  storybook,
  reactEmail,
  nestjs,
  astro,
  sveltekit,
  triggerDev,
  tsup,
];
