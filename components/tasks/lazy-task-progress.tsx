"use client";

import { useTranslations } from "next-intl";
import { lazyWithQuery } from "@/components/query/lazy-with-query";
import { StatusLine } from "@/components/ui/status-line";

/** What the progress shows before its first poll, shown here while its code arrives. */
function Loading() {
  const t = useTranslations("tasks");
  return <StatusLine>{t("loading")}</StatusLine>;
}

/** A task's progress with its React Query polling fetched after the page; the server renders it as before. */
export const LazyTaskProgress = lazyWithQuery(() => import("@/components/tasks/task-progress").then((m) => m.TaskProgress), <Loading />);
