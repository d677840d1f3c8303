// Statsig's server core SDK: `checkGate(user, gateName)`, the user first and the gate name second.
import { Statsig, StatsigUser } from "@statsig/statsig-node-core";
import { keywordSearch, semanticSearch, type SearchHit } from "./search.js";

const statsig = new Statsig(process.env.STATSIG_SERVER_SECRET ?? "");
await statsig.initialize();

/** Runs a storefront search with the backend the user's gate picks. */
export async function search(userId: string, query: string): Promise<SearchHit[]> {
  const user = new StatsigUser({ userID: userId });
  if (statsig.checkGate(user, "semantic-search")) {
    return semanticSearch(query);
  } else {
    return keywordSearch(query);
  }
}
