// OpenFeature: a client created in another module, `getStringValue(key, default, context)`, and a
// `switch` on the variant it returns.
import { featureClient } from "./openfeature-client.js";

/** Product ids to show under "You may also like". */
export async function recommendationsFor(userId: string, productId: string): Promise<string[]> {
  const algorithm = await featureClient.getStringValue("recommendation-algorithm", "bestsellers", { targetingKey: userId });
  switch (algorithm) {
    case "bought-together":
      return fetchIds(`/recommendations/bought-together/${productId}`);
    case "similar-items":
      return fetchIds(`/recommendations/similar/${productId}`);
    default:
      return fetchIds("/recommendations/bestsellers");
  }
}

async function fetchIds(path: string): Promise<string[]> {
  const response = await fetch(new URL(path, "https://recs.internal.example"));
  return (await response.json()) as string[];
}
