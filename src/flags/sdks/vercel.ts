// Vercel's Flags SDK (`flags`, formerly `@vercel/flags`): a flag is declared once with
// `flag({ key, decide, defaultValue })` and read by calling the handle it returns
// (`await showBanner()`), so there is no string key at the call sites.
import type { ReadShape, SdkPreset } from "../sdk-preset.js";

const docs = "https://flags-sdk.dev";

/** `flag` is exported by the framework entry points, not by the package root. */
const declaringPackages = ["flags/next", "flags/sveltekit", "@vercel/flags/next", "@vercel/flags/sveltekit"];

/**
 * `export const showBanner = flag({ key: "banner", decide() { … }, defaultValue: false })`;
 * `@vercel/flags` 2.x exported it as `unstable_flag`.
 * https://vercel.com/docs/feature-flags/feature-flags-pattern and
 * https://github.com/vercel/flags/blob/main/packages/flags/src/next/index.ts
 */
const declarations: ReadShape[] = [
  {
    kind: "definition",
    names: ["flag", "unstable_flag"],
    key: { index: 0, property: "key" },
    default: { index: 0, property: "defaultValue" },
    packages: declaringPackages,
  },
];

/** The Vercel Flags SDK preset. */
export const vercel: SdkPreset = {
  name: "vercel",
  docs,
  packages: ["flags", "@vercel/flags"],
  reads: declarations,
};
