import type { QueryClient, QueryKey } from "@tanstack/react-query";

let client: QueryClient | undefined;

/** Called by the query boundary once it has made the browser's client. */
export function shareQueryClient(shared: QueryClient): void {
  client = shared;
}

/**
 * Marks the queries under `queryKey` stale and refetches those on screen, for code outside any query boundary (a form
 * after it saves). Costs nothing on a page without React Query: no client has been made, so there is nothing to refresh.
 */
export async function invalidateQueries(queryKey: QueryKey): Promise<void> {
  await client?.invalidateQueries({ queryKey });
}
