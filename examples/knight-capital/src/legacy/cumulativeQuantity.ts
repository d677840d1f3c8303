// Running total of the shares filled across one parent order's child orders.
import type { Fill } from "../orders/types.js";

/** Tallies fills; Power Peg keeps its own tally rather than booking fills on the parent. */
export class CumulativeQuantity {
  private shares = 0;

  add(fill: Fill): void {
    this.shares += fill.quantity;
  }

  get total(): number {
    return this.shares;
  }
}
