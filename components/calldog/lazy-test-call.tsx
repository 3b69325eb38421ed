"use client";

import { lazyWithQuery } from "@/components/query/lazy-with-query";

/** The test call with its status polling (React Query) fetched after the page; the server renders it as before. */
export const LazyTestCall = lazyWithQuery(() => import("@/components/calldog/test-call").then((m) => m.TestCall), <div className="min-h-16" />);
