// NYSE Retail Liquidity Program (from 1 Aug 2012): retail orders trade on a separate book inside the public quote.
import type { ExchangeGateway } from "./exchange/gateway.js";
import type { Logger } from "./logger.js";
import type { ParentOrder } from "./orders/parentOrder.js";
import type { Quote, RoutingResult } from "./orders/types.js";

const RLP_VENUE = "NYSE-RLP";
/** The program's minimum price improvement over the quote, in dollars per share. */
const PRICE_IMPROVEMENT = 0.001;

/** Sends what is left of a retail parent as one RLP order, priced inside the quote when there is one. */
export async function routeToRetailLiquidityProgram(
  parent: ParentOrder,
  quote: Quote | undefined,
  gateway: ExchangeGateway,
  log: Logger,
): Promise<RoutingResult> {
  const limitPrice = quote === undefined ? parent.limitPrice : improvedPrice(parent, quote);
  const fill = await gateway.send({
    parentId: parent.id,
    symbol: parent.symbol,
    side: parent.side,
    quantity: parent.quantity - parent.filledQuantity,
    limitPrice,
    venue: RLP_VENUE,
  });
  parent.applyFill(fill);
  log.info(`parent ${parent.id}: ${fill.quantity} on ${RLP_VENUE} @ ${fill.price}`);
  return { parentId: parent.id, strategy: "rlp", venue: RLP_VENUE, childOrders: 1 };
}

/** Crosses the spread less the improvement, never beyond the client's limit. */
function improvedPrice(parent: ParentOrder, quote: Quote): number {
  return parent.side === "buy"
    ? Math.min(quote.ask - PRICE_IMPROVEMENT, parent.limitPrice)
    : Math.max(quote.bid + PRICE_IMPROVEMENT, parent.limitPrice);
}
