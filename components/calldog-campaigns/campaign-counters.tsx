"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { CampaignResultsView } from "@/lib/actions/calldog-campaign-results";

const SHOWN = ["queued", "ringing", "in_progress", "answered", "busy", "no_answer", "failed", "canceled"] as const;

/** Calls per common status, the answer rate and the average talk time, as figures. */
export function CampaignCounters({ view }: { view: CampaignResultsView }) {
  const t = useTranslations("calldogResults");
  const format = useFormatter();
  const figure = (testId: string, label: string, value: string) => (
    <div key={testId} className="rounded-md border border-slate-200 px-3 py-2" data-testid={testId}>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="text-lg font-semibold tabular-nums text-slate-900" data-testid={`${testId}-value`}>
        {value}
      </dd>
    </div>
  );
  return (
    <div className="space-y-3">
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-6">
        {figure("counter-total", t("total"), format.number(view.total))}
        {figure("counter-final", t("finished"), format.number(view.final))}
        {figure("answer-rate", t("answerRate"), view.answerRate === null ? "—" : format.number(view.answerRate, { style: "percent", maximumFractionDigits: 1 }))}
        {figure(
          "average-duration",
          t("averageDuration"),
          view.averageDurationSeconds === null ? "—" : t("seconds", { seconds: format.number(view.averageDurationSeconds, { maximumFractionDigits: 1 }) }),
        )}
      </dl>
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4 lg:grid-cols-8" aria-label={t("byStatus")}>
        {SHOWN.map((s) => figure(`counter-${s}`, t(`statuses.${s}`), format.number(view.byStatus[s] ?? 0)))}
      </dl>
    </div>
  );
}
