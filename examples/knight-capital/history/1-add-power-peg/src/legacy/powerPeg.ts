// Power Peg: works a parent order in round lots pegged to the near side of the quote.
import type { ExchangeGateway } from "../exchange/gateway.js";
import type { Logger } from "../logger.js";
import { ROUND_LOT } from "../orders/childOrder.js";
import type { ParentOrder } from "../orders/parentOrder.js";
import type { Fill, Quote } from "../orders/types.js";
import { CumulativeQuantity } from "./cumulativeQuantity.js";

/** The legacy Power Peg algorithm for one parent order. */
export class PowerPeg {
  private price: number;
  private sent = 0;

  constructor(
    private readonly parent: ParentOrder,
    private readonly gateway: ExchangeGateway,
    private readonly log: Logger,
  ) {
    this.price = parent.limitPrice;
  }

  get symbol(): string {
    return this.parent.symbol;
  }

  get childOrdersSent(): number {
    return this.sent;
  }

  /** Sends round lots at the peg price until the cumulative quantity filled reaches the parent's size. */
  async execute(): Promise<void> {
    const filled = new CumulativeQuantity();
    while (filled.total < this.parent.quantity) {
      filled.add(await this.sendChildOrder());
      this.log.debug(`power peg ${this.parent.id}: ${filled.total} of ${this.parent.quantity} filled`);
    }
  }

  /** Follows the quote: bids on the bid and offers on the offer, never beyond the client's limit. */
  repeg(quote: Quote): void {
    this.price =
      this.parent.side === "buy"
        ? Math.min(quote.bid, this.parent.limitPrice)
        : Math.max(quote.ask, this.parent.limitPrice);
  }

  private async sendChildOrder(): Promise<Fill> {
    this.sent += 1;
    return this.gateway.send({
      parentId: this.parent.id,
      symbol: this.parent.symbol,
      side: this.parent.side,
      quantity: ROUND_LOT,
      limitPrice: this.price,
      venue: this.gateway.primaryVenue,
    });
  }
}
