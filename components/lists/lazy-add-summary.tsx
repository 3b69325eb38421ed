"use client";

import { lazyWithQuery } from "@/components/query/lazy-with-query";

/** The bulk add's summary (it reads the task through React Query), fetched once a task is under way. */
export const LazyAddSummary = lazyWithQuery(() => import("@/components/lists/add-summary").then((m) => m.AddSummary));
