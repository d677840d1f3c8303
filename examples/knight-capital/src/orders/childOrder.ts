// Child orders: the exchange-sized slices a parent order is worked in.
import type { ParentOrder } from "./parentOrder.js";
import type { Side } from "./types.js";

/** Shares in a round lot, the unit child orders are sized in. */
export const ROUND_LOT = 100;

/** Largest child order SMARS sends, so one order never shows the parent's full size. */
const MAX_CHILD_QUANTITY = 10 * ROUND_LOT;

/** One order sent to one venue on behalf of a parent order. */
export interface ChildOrder {
  parentId: string;
  symbol: string;
  side: Side;
  quantity: number;
  limitPrice: number;
  venue: string;
}

/** Splits what is left of a parent into child orders for one venue, at the parent's limit. */
export function sliceIntoChildOrders(parent: ParentOrder, venue: string): ChildOrder[] {
  const slices: ChildOrder[] = [];
  for (let left = parent.quantity - parent.filledQuantity; left > 0; left -= MAX_CHILD_QUANTITY) {
    slices.push({
      parentId: parent.id,
      symbol: parent.symbol,
      side: parent.side,
      quantity: Math.min(left, MAX_CHILD_QUANTITY),
      limitPrice: parent.limitPrice,
      venue,
    });
  }
  return slices;
}
