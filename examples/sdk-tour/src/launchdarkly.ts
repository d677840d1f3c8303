// LaunchDarkly's Node server SDK: `variation(key, context, default)` and the typed `boolVariation`.
import { init, type LDContext } from "@launchdarkly/node-server-sdk";
import { legacyPrice } from "./legacy/pricing.js";

const ld = init(process.env.LD_SDK_KEY ?? "");

export interface CartItem {
  sku: string;
  cents: number;
  quantity: number;
}

/** The cart total in cents. The 2019 pricing engine is still wired in behind `legacy-pricing`. */
export async function priceCart(userKey: string, items: CartItem[]): Promise<number> {
  const context: LDContext = { kind: "user", key: userKey };
  if (await ld.variation("legacy-pricing", context, false)) {
    return legacyPrice(items);
  }
  const subtotal = items.reduce((sum, item) => sum + item.cents * item.quantity, 0);
  const freeShipping = await ld.boolVariation("free-shipping", context, false);
  return freeShipping ? subtotal : subtotal + 499;
}
