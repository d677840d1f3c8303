// Unleash's Node SDK: `isEnabled(name, context)` on the instance `initialize()` returns, guarding an
// early exit: everything after `return;` is the flag-on side.
import { initialize } from "unleash-client";

const unleash = initialize({
  url: "https://unleash.example.com/api/",
  appName: "storefront",
  customHeaders: { Authorization: process.env.UNLEASH_API_TOKEN ?? "" },
});

export interface Order {
  id: string;
  userId: string;
  email: string;
}

/** Asks for a review two weeks after delivery, for the users in the rollout. */
export async function scheduleReviewRequest(order: Order): Promise<void> {
  if (!unleash.isEnabled("review-requests", { userId: order.userId })) return;
  const sendAt = new Date(Date.now() + 14 * 24 * 60 * 60 * 1000);
  await fetch("https://mailer.internal.example/schedule", {
    method: "POST",
    body: JSON.stringify({ template: "review-request", to: order.email, orderId: order.id, sendAt }),
  });
}
