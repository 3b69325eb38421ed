"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";

/**
 * React Query for the client components below it. It sits only in the layouts (and pages) whose client components
 * poll or fetch with it, because React Query is ~12 KB gzip of first-load JavaScript that the other pages do not
 * need; lib/i18n/client-namespaces.test.ts fails when a client component that uses it has no provider around it.
 */
export function QueryProvider({ children }: { children: ReactNode }) {
  const [client] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: 10_000, retry: 1 } } }));
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
