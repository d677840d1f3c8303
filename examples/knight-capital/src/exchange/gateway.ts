// Exchange gateway stub: the real one spoke FIX to each venue; this one fills every child in full at its limit.
import type { Logger } from "../logger.js";
import type { ChildOrder } from "../orders/childOrder.js";
import type { Fill } from "../orders/types.js";

/** Sends child orders to venues and returns their executions. */
export class ExchangeGateway {
  /** The listing exchange, used when no better venue is chosen. */
  readonly primaryVenue = "NYSE";
  private sequence = 0;

  constructor(private readonly log: Logger) {}

  async send(child: ChildOrder): Promise<Fill> {
    this.sequence += 1;
    const orderId = `${child.venue}-${this.sequence}`;
    this.log.debug(`${orderId}: ${child.side} ${child.quantity} ${child.symbol} @ ${child.limitPrice}`);
    return { orderId, parentId: child.parentId, quantity: child.quantity, price: child.limitPrice };
  }
}
