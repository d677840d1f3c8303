// An in-house wrapper over GrowthBook: `isOn(name)` passes its parameter to `growthbook.isOn`, so
// deadflag treats every `isOn("…")` call (in src/page.tsx and src/index.ts) as a read of that key,
// without any `flags.accessors` config.
import { GrowthBook } from "@growthbook/growthbook";

const growthbook = new GrowthBook({
  apiHost: "https://cdn.growthbook.io",
  clientKey: "sdk-storefront",
});

await growthbook.init({ timeout: 2000 });

/** Whether a GrowthBook feature is on for the current visitor. */
export function isOn(name: string): boolean {
  return growthbook.isOn(name);
}
