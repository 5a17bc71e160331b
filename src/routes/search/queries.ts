// What the search page searches for, read from its address, so its loader and
// SearchPage ask for exactly the same query.

/** `/search?q=&cursor=`: what the search page shows. */
export function searchPageParams(params: URLSearchParams): { q: string; cursor?: string } {
  const q = (params.get("q") ?? "").trim().slice(0, 200);
  const cursor = params.get("cursor") ?? undefined;
  return { q, ...(cursor ? { cursor } : {}) };
}
