"use client";

import { useTranslations } from "next-intl";
import { lazyWithQuery } from "@/components/query/lazy-with-query";
import { StatusLine } from "@/components/ui/status-line";

/** What the results show before their first read, shown here while their code arrives. */
function Loading() {
  const t = useTranslations("calldogResults");
  return <StatusLine>{t("loading")}</StatusLine>;
}

/** A Calldog campaign's results with their React Query polling fetched after the page; the server renders them as before. */
export const LazyCampaignResults = lazyWithQuery(() => import("@/components/calldog-campaigns/campaign-results").then((m) => m.CampaignResults), <Loading />);
