// Entry point: the storefront's server handlers and React views, one module per flag SDK. The
// deployment mounts the views and routes requests to the handlers.
import { bulkImportEnabled, maxImportRows } from "./env.js";
import { OrderHistory } from "./growthbook-react.js";
import { Header } from "./launchdarkly-react.js";
import { priceCart } from "./launchdarkly.js";
import { recommendationsFor } from "./openfeature.js";
import HomePage from "./page.js";
import { referralPlacement } from "./posthog.js";
import { search } from "./statsig.js";
import { scheduleReviewRequest } from "./unleash.js";
import { isOn } from "./wrappers.js";

/** Request handlers, by route. */
export const handlers = {
  "POST /cart/price": priceCart,
  "GET /recommendations": recommendationsFor,
  "GET /search": search,
  "POST /orders/delivered": scheduleReviewRequest,
  "GET /referral": referralPlacement,
  "GET /import/limits": () => ({ enabled: bulkImportEnabled(), maxRows: maxImportRows() }),
};

/** React views, by route. */
export const views = { "/": HomePage, "/account/orders": OrderHistory, header: Header };

/** Whether the shop takes orders at all: off during maintenance windows. */
export function acceptingOrders(): boolean {
  return !isOn("maintenance-mode");
}
