"use client";

import { useTranslations } from "next-intl";
import { lazyWithQuery } from "@/components/query/lazy-with-query";
import { StatusLine } from "@/components/ui/status-line";

/** What the calls show before their first read, shown here while their code arrives. */
function Loading() {
  const t = useTranslations("callsPage");
  return <StatusLine>{t("loading")}</StatusLine>;
}

/** A batch's calls with their React Query polling fetched after the page; the server renders them as before. */
export const LazyBatchCalls = lazyWithQuery(() => import("@/components/calls/batch-calls").then((m) => m.BatchCalls), <Loading />);
