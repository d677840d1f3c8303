// The 2019 pricing engine: per-line rounding to the nickel and a flat handling fee. Nothing calls
// it since `legacy-pricing` was retired, but nobody deleted it either.
import type { CartItem } from "../launchdarkly.js";

/** Rounds a price to the nearest five cents, as the old tills did. */
function roundToNickel(cents: number): number {
  return Math.round(cents / 5) * 5;
}

/** Prices a cart the 2019 way. */
export function legacyPrice(items: CartItem[]): number {
  const lines = items.map((item) => roundToNickel(item.cents) * item.quantity);
  return lines.reduce((sum, line) => sum + line, 0) + 250;
}
