// Shapes shared by order intake, routing and the exchange gateway.

/** Which side of the market an order is on. */
export type Side = "buy" | "sell";

/** A parent order as a client sends it, before SMARS works it. */
export interface ParentOrderMessage {
  id: string;
  symbol: string;
  side: Side;
  quantity: number;
  limitPrice: number;
}

/** Top of book for one symbol. */
export interface Quote {
  symbol: string;
  bid: number;
  ask: number;
}

/** An execution reported by a venue for one child order. */
export interface Fill {
  orderId: string;
  parentId: string;
  quantity: number;
  price: number;
}

/** How a parent order was worked, returned to the order-entry session. */
export interface RoutingResult {
  parentId: string;
  /** Which path handled the order; free text because it goes to the audit log. */
  strategy: string;
  venue: string;
  childOrders: number;
}
