"use client";

import { lazyWithQuery } from "@/components/query/lazy-with-query";

/** The list-run panel with React Query fetched after the page; the server renders it as before. */
export const LazyRunListPanel = lazyWithQuery(() => import("@/components/tasks/run-list-panel").then((m) => m.RunListPanel), <div className="min-h-64" />);
