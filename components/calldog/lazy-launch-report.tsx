"use client";

import { useTranslations } from "next-intl";
import { lazyWithQuery } from "@/components/query/lazy-with-query";
import { StatusLine } from "@/components/ui/status-line";

/** What the report shows before its first read, shown here while its code arrives. */
function Loading() {
  const t = useTranslations("calldogCampaign");
  return <StatusLine>{t("report.loading")}</StatusLine>;
}

/** A Calldog launch's report with its React Query polling fetched after the page; the server renders it as before. */
export const LazyLaunchReport = lazyWithQuery(() => import("@/components/calldog/launch-report").then((m) => m.LaunchReport), <Loading />);
