// SMARS, the Smart Market Access Routing System: works each parent order by sending child orders to venues.
import { OpenFeature } from "@openfeature/server-sdk";
import type { ExchangeGateway } from "./exchange/gateway.js";
import { cheapestVenue } from "./exchange/venues.js";
import { FLAGS } from "./flags.js";
import { PowerPeg } from "./legacy/powerPeg.js";
import type { Logger } from "./logger.js";
import { sliceIntoChildOrders } from "./orders/childOrder.js";
import type { ParentOrder } from "./orders/parentOrder.js";
import type { Quote, RoutingResult } from "./orders/types.js";

const client = OpenFeature.getClient();

/** Routes parent orders: Power Peg when its flag is on, otherwise sliced child orders. */
export class SmarsRouter {
  /** Power Peg orders still working, by parent id; their prices follow the quote. */
  private readonly pegs = new Map<string, PowerPeg>();

  constructor(
    private readonly gateway: ExchangeGateway,
    private readonly log: Logger,
  ) {}

  async route(parent: ParentOrder): Promise<RoutingResult> {
    if (await client.getBooleanValue("power-peg", false)) {
      const peg = new PowerPeg(parent, this.gateway, this.log);
      this.pegs.set(parent.id, peg);
      await peg.execute();
      this.pegs.delete(parent.id);
      return {
        parentId: parent.id,
        strategy: "power-peg",
        venue: this.gateway.primaryVenue,
        childOrders: peg.childOrdersSent,
      };
    }
    return this.routeSliced(parent);
  }

  /** Re-pegs working Power Peg orders in the quote's symbol. */
  async onQuote(quote: Quote): Promise<void> {
    const enabled = await client.getBooleanValue(FLAGS.powerPeg, false);
    if (!enabled) return;
    for (const peg of this.pegs.values()) {
      if (peg.symbol === quote.symbol) peg.repeg(quote);
    }
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
