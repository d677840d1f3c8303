// A client's parent order and how much of it has been filled.
import type { Fill, ParentOrderMessage, Side } from "./types.js";

type OrderStatus = "working" | "filled";

/** A parent order being worked by SMARS. */
export class ParentOrder {
  private status: OrderStatus = "working";
  private filled = 0;

  constructor(
    readonly id: string,
    readonly symbol: string,
    readonly side: Side,
    readonly quantity: number,
    readonly limitPrice: number,
  ) {}

  /** Validates a client message; SMARS rejected odd sizes before any child order went out. */
  static fromMessage(message: ParentOrderMessage): ParentOrder {
    if (!Number.isInteger(message.quantity) || message.quantity <= 0) {
      throw new RangeError(`parent ${message.id}: quantity must be a positive integer`);
    }
    return new ParentOrder(message.id, message.symbol, message.side, message.quantity, message.limitPrice);
  }

  get filledQuantity(): number {
    return this.filled;
  }

  isWorking(): boolean {
    return this.status === "working";
  }

  /** Books a fill; the cumulative-quantity check lives here, so it only sees fills booked here. */
  applyFill(fill: Fill): void {
    this.filled += fill.quantity;
    if (this.filled >= this.quantity) this.status = "filled";
  }
}
