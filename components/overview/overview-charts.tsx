import { getFormatter, getTranslations } from "next-intl/server";
import { formatBucket } from "@/components/overview/format";
import { LazyIvrChart, LazyTimelineChart } from "@/components/overview/lazy-charts";
import { Card } from "@/components/ui/card";
import { PERIOD_SHAPE, type Period } from "@/lib/overview/period";
import type { TimelinePoint } from "@/lib/overview/queries";

/** Calls and answer rate over the period, and IVR answers per key; each with its figures as a table for screen readers. */
export async function OverviewCharts({ period, timeline, ivr }: { period: Period; timeline: TimelinePoint[]; ivr: { answer: string; calls: number }[] }) {
  const t = await getTranslations("overviewResults");
  const format = await getFormatter();
  const unit = PERIOD_SHAPE[period].bucket;
  const points = timeline.map((p) => ({
    label: formatBucket(format, p.bucket, unit),
    calls: p.calls,
    answerRate: p.completed > 0 ? Math.round((p.answered / p.completed) * 1000) / 10 : null,
  }));
  const keys = ivr.map((i) => ({ label: i.answer, calls: i.calls }));
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <Card title={t("overTime")} className="lg:col-span-2">
        <figure data-testid="chart-timeline">
          <figcaption className="mb-2 text-xs text-slate-600">{unit === "hour" ? t("overTimeByHour") : t("overTimeByDay")}</figcaption>
          <LazyTimelineChart data={points} callsName={t("calls")} rateName={t("answerRate")} />
          <table className="sr-only">
            <caption>{t("overTime")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("time")}</th>
                <th scope="col">{t("calls")}</th>
                <th scope="col">{t("answerRate")}</th>
              </tr>
            </thead>
            <tbody>
              {points
                .filter((p) => p.calls > 0)
                .map((p) => (
                  <tr key={p.label}>
                    <td>{p.label}</td>
                    <td>{p.calls}</td>
                    <td>{p.answerRate === null ? t("noValue") : `${p.answerRate}%`}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </figure>
      </Card>
      <Card title={t("ivrAnswers")}>
        {keys.length === 0 ? (
          <p className="text-sm text-slate-600">{t("noIvr")}</p>
        ) : (
          <figure data-testid="chart-ivr">
            <LazyIvrChart data={keys} callsName={t("calls")} />
            <table className="sr-only">
              <caption>{t("ivrAnswers")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("answer")}</th>
                  <th scope="col">{t("calls")}</th>
                </tr>
              </thead>
              <tbody>
                {keys.map((k) => (
                  <tr key={k.label}>
                    <td>{t("ivrDigit", { answer: k.label })}</td>
                    <td>{k.calls}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </figure>
        )}
      </Card>
    </div>
  );
}
