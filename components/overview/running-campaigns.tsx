"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { getRunningCampaigns } from "@/lib/actions/overview";
import type { RunningCampaign } from "@/lib/overview/queries";
import { campaignHref } from "@/lib/overview/links";
import { PROVIDER_LABELS } from "@/lib/providers/catalog";

const POLL_MS = 5_000;

/** The campaigns dialing now with their progress, refreshed every few seconds. */
export function RunningCampaigns({ initial }: { initial: RunningCampaign[] }) {
  const t = useTranslations("overviewResults");
  const { data, error } = useQuery({
    queryKey: ["overview", "running"],
    queryFn: async () => {
      const result = await getRunningCampaigns({});
      if (!result.ok) throw new Error(result.error);
      return result.data;
    },
    initialData: initial,
    refetchInterval: POLL_MS,
  });
  return (
    <div className="space-y-3" data-testid="running-campaigns">
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {t("runningError")}
        </p>
      )}
      {data.length === 0 ? (
        <p className="text-sm text-slate-600">{t("runningNone")}</p>
      ) : (
        <ul className="space-y-3">
          {data.map((c) => {
            const href = campaignHref(c);
            const percent = c.total > 0 ? Math.round((c.finished / c.total) * 100) : 0;
            return (
              <li key={c.id} className="space-y-1" data-testid={`running-${c.name}`}>
                <div className="flex items-center justify-between gap-2 text-sm">
                  {href ? (
                    <Link href={href} className="truncate font-medium text-indigo-700 underline">
                      {c.name}
                    </Link>
                  ) : (
                    <span className="truncate font-medium">{c.name}</span>
                  )}
                  <span className="flex shrink-0 items-center gap-1">
                    {c.taskState && <Badge tone="indigo">{t("runningLaunching")}</Badge>}
                    <Badge>{PROVIDER_LABELS[c.provider]}</Badge>
                  </span>
                </div>
                <div
                  role="progressbar"
                  aria-label={t("progressLabel", { name: c.name })}
                  aria-valuemin={0}
                  aria-valuemax={100}
                  aria-valuenow={percent}
                  className="h-2 overflow-hidden rounded-full bg-slate-200"
                >
                  <div className="h-full bg-indigo-600 transition-[width]" style={{ width: `${percent}%` }} />
                </div>
                <p className="text-xs text-slate-600">{t("runningProgress", { finished: c.finished, total: c.total, answered: c.answered })}</p>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
