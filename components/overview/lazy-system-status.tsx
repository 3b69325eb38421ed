"use client";

import { lazyWithQuery } from "@/components/query/lazy-with-query";

/** The system status with its React Query polling fetched after the page; the server renders it as before. */
export const LazySystemStatus = lazyWithQuery(
  () => import("@/components/overview/system-status").then((m) => m.SystemStatus),
  // Its two rows' height while the code arrives.
  <div className="h-14" />,
);
