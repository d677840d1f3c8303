// SMARS, the Smart Market Access Routing System: works each parent order by sending child orders to venues.
import { OpenFeature } from "@openfeature/server-sdk";
import type { ExchangeGateway } from "./exchange/gateway.js";
import { cheapestVenue } from "./exchange/venues.js";
import { FLAGS } from "./flags.js";
import type { Logger } from "./logger.js";
import { sliceIntoChildOrders } from "./orders/childOrder.js";
import type { ParentOrder } from "./orders/parentOrder.js";
import type { Quote, RoutingResult } from "./orders/types.js";
import { routeToRetailLiquidityProgram } from "./rlp.js";

const client = OpenFeature.getClient();

/** Routes parent orders: through the Retail Liquidity Program when power-peg is on, otherwise sliced child orders. */
export class SmarsRouter {
  /** Latest quote per symbol: RLP orders are priced inside it. */
  private readonly quotes = new Map<string, Quote>();

  constructor(
    private readonly gateway: ExchangeGateway,
    private readonly log: Logger,
  ) {}

  async route(parent: ParentOrder): Promise<RoutingResult> {
    // The retired Power Peg flag is reused to switch RLP on.
    if (await client.getBooleanValue("power-peg", false)) {
      return routeToRetailLiquidityProgram(parent, this.quotes.get(parent.symbol), this.gateway, this.log);
    }
    return this.routeSliced(parent);
  }

  /** Keeps the latest quote for RLP pricing. */
  async onQuote(quote: Quote): Promise<void> {
    const enabled = await client.getBooleanValue(FLAGS.powerPeg, false);
    if (!enabled) return;
    this.quotes.set(quote.symbol, quote);
  }

  private async routeSliced(parent: ParentOrder): Promise<RoutingResult> {
    const venue = (await client.getBooleanValue(FLAGS.smartRouting, true))
      ? cheapestVenue()
      : this.gateway.primaryVenue;
    const children = sliceIntoChildOrders(parent, venue);
    for (const child of children) {
      parent.applyFill(await this.gateway.send(child));
    }
    const state = parent.isWorking() ? "working" : "filled";
    this.log.info(`parent ${parent.id}: ${parent.filledQuantity} of ${parent.quantity} on ${venue}, ${state}`);
    return { parentId: parent.id, strategy: "sliced", venue, childOrders: children.length };
  }
}
