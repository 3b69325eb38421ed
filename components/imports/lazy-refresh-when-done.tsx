"use client";

import { lazyWithQuery } from "@/components/query/lazy-with-query";

/** Draws the import's report again as its task moves on; it polls through React Query, fetched after the page. */
export const LazyRefreshWhenDone = lazyWithQuery(() => import("@/components/imports/refresh-when-done").then((m) => m.RefreshWhenDone));
