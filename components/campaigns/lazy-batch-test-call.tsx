"use client";

import { lazyWithQuery } from "@/components/query/lazy-with-query";

/** The batch's test call with its status polling (React Query) fetched after the page. */
export const LazyBatchTestCall = lazyWithQuery(() => import("@/components/campaigns/batch-test-call").then((m) => m.BatchTestCall), <div className="min-h-16" />);
