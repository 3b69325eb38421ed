"use client";

import { useFormatter, useTimeZone, useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import { TIME_SECONDS } from "@/lib/i18n/date-formats";
import { DEFAULT_TIME_ZONE } from "@/lib/i18n/time-zones";

/**
 * Says whether the table is still refreshing itself, and when it last did; `waiting` (a sentence) replaces the state
 * when every call waits for a planned start, so that the page claims no refresh while nothing can change.
 */
export function LiveState({
  live,
  empty,
  readAt,
  fetching,
  pollSeconds,
  waiting,
}: {
  live: boolean;
  empty: boolean;
  readAt: string;
  fetching: boolean;
  pollSeconds: number;
  waiting?: string;
}) {
  const t = useTranslations("callsPage");
  const format = useFormatter();
  // Named: a Calldog campaign's page shows its planned start on the campaign's clock, this on the user's.
  const zone = useTimeZone() ?? DEFAULT_TIME_ZONE;
  return (
    <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-600" data-testid="live-state" data-live={live} data-waiting={Boolean(waiting)}>
      <span className="inline-flex items-center gap-1.5 font-medium">
        <span aria-hidden="true" className={cn("size-2 rounded-full", live ? "animate-pulse bg-emerald-500" : "bg-slate-400")} />
        {live ? t("live", { seconds: pollSeconds }) : waiting ? waiting : empty ? t("idle") : t("stopped")}
      </span>
      <span>{fetching ? t("refreshing") : t("updatedAt", { time: format.dateTime(new Date(readAt), TIME_SECONDS), zone })}</span>
    </p>
  );
}
