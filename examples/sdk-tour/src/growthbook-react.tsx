// GrowthBook's React SDK: the `useFeatureIsOn(key)` hook and the `<IfFeatureEnabled feature="…">`
// component, whose children render only when the feature is on.
import { IfFeatureEnabled, useFeatureIsOn } from "@growthbook/growthbook-react";

interface PastOrder {
  id: string;
  title: string;
}

/** The account page's order history. */
export function OrderHistory({ orders }: { orders: PastOrder[] }) {
  const quickReorder = useFeatureIsOn("quick-reorder");
  return (
    <section>
      <IfFeatureEnabled feature="holiday-banner">
        <p className="banner">Order by 18 December for delivery before the holidays.</p>
      </IfFeatureEnabled>
      <ul>
        {orders.map((order) => (
          <li key={order.id}>
            {order.title}
            {quickReorder && <button type="button">Order again</button>}
          </li>
        ))}
      </ul>
    </section>
  );
}
