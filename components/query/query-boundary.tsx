"use client";

import { isServer, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { shareQueryClient } from "@/components/query/shared-client";

let browserClient: QueryClient | undefined;

function makeQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { staleTime: 10_000, retry: 1 } } });
}

/**
 * A new client per server render (nothing is prefetched, and requests must not share a cache); one for the whole tab
 * in the browser, so that the boundaries of a page (and of the next page) share their cache and invalidations.
 */
function getQueryClient(): QueryClient {
  if (isServer) return makeQueryClient();
  if (!browserClient) {
    browserClient = makeQueryClient();
    shareQueryClient(browserClient);
  }
  return browserClient;
}

/** React Query for the components below it; only ever loaded through `lazyWithQuery` (components/query/lazy-with-query.tsx). */
export function QueryBoundary({ children }: { children: ReactNode }) {
  return <QueryClientProvider client={getQueryClient()}>{children}</QueryClientProvider>;
}
