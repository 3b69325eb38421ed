"use client";

import { lazyWithQuery } from "@/components/query/lazy-with-query";

/** The running campaigns with their React Query polling fetched after the page; the server renders them as before. */
export const LazyRunningCampaigns = lazyWithQuery(
  () => import("@/components/overview/running-campaigns").then((m) => m.RunningCampaigns),
  <div className="min-h-10" />,
);
