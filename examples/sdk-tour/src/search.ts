// The two search backends: keyword search over the catalogue index, and the semantic search that
// replaced it behind the `semantic-search` gate.

export interface SearchHit {
  productId: string;
  score: number;
}

/** Embedding search: understands "warm jacket for hiking". */
export async function semanticSearch(query: string): Promise<SearchHit[]> {
  const response = await fetch("https://search.internal.example/semantic", { method: "POST", body: query });
  return (await response.json()) as SearchHit[];
}

/** Keyword search: matches words in titles and descriptions. */
export async function keywordSearch(query: string): Promise<SearchHit[]> {
  const response = await fetch(`https://search.internal.example/keyword?q=${encodeURIComponent(query)}`);
  return (await response.json()) as SearchHit[];
}
