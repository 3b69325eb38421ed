import { getFormatter, getTranslations } from "next-intl/server";
import { formatRate, formatTalk } from "@/components/overview/format";
import { type Figures, rates } from "@/lib/overview/queries";

/** The period's headline figures. */
export async function Kpis({ totals }: { totals: Figures }) {
  const t = await getTranslations("overviewResults");
  const format = await getFormatter();
  const shares = rates(totals);
  const completed = totals.completed > 0 ? t("ofCompleted", { count: totals.completed }) : t("noneCompleted");
  const items = [
    { key: "calls", label: t("calls"), value: format.number(totals.calls), hint: undefined },
    { key: "answerRate", label: t("answerRate"), value: formatRate(format, t, shares.answerRate), hint: completed },
    { key: "avgTalk", label: t("avgTalk"), value: formatTalk(t, totals.avgTalkSeconds), hint: undefined },
    { key: "busyRate", label: t("busyRate"), value: formatRate(format, t, shares.busyRate), hint: completed },
    { key: "failedRate", label: t("failedRate"), value: formatRate(format, t, shares.failedRate), hint: completed },
  ];
  return (
    <dl className="grid grid-cols-2 gap-4 md:grid-cols-3 xl:grid-cols-5">
      {items.map((i) => (
        <div key={i.key} className="rounded-lg border border-slate-200 bg-white p-4 shadow-xs" data-testid={`kpi-${i.key}`}>
          <dt className="text-sm text-slate-600">{i.label}</dt>
          <dd className="mt-1 text-2xl font-semibold tabular-nums text-slate-900">{i.value}</dd>
          {i.hint && <dd className="mt-0.5 text-xs text-slate-600">{i.hint}</dd>}
        </div>
      ))}
    </dl>
  );
}
