// Entry point: builds the SMARS router and feeds it parent orders and quotes from upstream sessions.
// The deployment registers the OpenFeature provider before the first order arrives.
import { ExchangeGateway } from "./exchange/gateway.js";
import { createLogger } from "./logger.js";
import { ParentOrder } from "./orders/parentOrder.js";
import type { ParentOrderMessage, Quote, RoutingResult } from "./orders/types.js";
import { SmarsRouter } from "./router.js";

const log = createLogger("smars");
const router = new SmarsRouter(new ExchangeGateway(log), log);

/** Called by the order-entry session for each parent order a client sends. */
export async function handleParentOrder(message: ParentOrderMessage): Promise<RoutingResult> {
  const parent = ParentOrder.fromMessage(message);
  log.info(`parent ${parent.id}: ${parent.side} ${parent.quantity} ${parent.symbol} limit ${parent.limitPrice}`);
  return router.route(parent);
}

/** Called by the market-data session on every change at the top of the book. */
export async function handleQuote(quote: Quote): Promise<void> {
  await router.onQuote(quote);
}
