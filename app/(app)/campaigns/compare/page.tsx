import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { formatRate, formatTalk } from "@/components/overview/format";
import { LazyCampaignPicker } from "@/components/overview/lazy-campaign-picker";
import { LazyRatesChart } from "@/components/overview/lazy-charts";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/current-user";
import { type ComparedCampaign, compareCampaigns, rates } from "@/lib/overview/queries";
import { PROVIDER_LABELS } from "@/lib/providers/catalog";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_CAMPAIGNS = 8;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("campaignCompare"))("title") };
}

export default async function ComparePage({ searchParams }: { searchParams: Promise<{ ids?: string | string[] }> }) {
  await requireUser();
  const t = await getTranslations("campaignCompare");
  const r = await getTranslations("overviewResults");
  const format = await getFormatter();
  const raw = (await searchParams).ids;
  const asked = [...new Set((Array.isArray(raw) ? raw.join(",") : (raw ?? "")).split(",").map((s) => s.trim().toLowerCase()))]
    .filter((id) => UUID.test(id))
    .slice(0, MAX_CAMPAIGNS);
  const compared = await compareCampaigns({ ids: asked });
  const missing = asked.length - compared.length;
  const row = (label: string, cell: (c: ComparedCampaign) => string, testId: string) => (
    <tr key={testId} data-testid={`compare-${testId}`}>
      <Th scope="row" className="normal-case tracking-normal text-slate-700">
        {label}
      </Th>
      {compared.map((c) => (
        <Td key={c.id} className="text-right tabular-nums">
          {cell(c)}
        </Td>
      ))}
    </tr>
  );
  const digits = [...new Set(compared.flatMap((c) => c.ivr.map((i) => i.answer)))].sort();
  return (
    <>
      <PageHeader title={t("title")}>{t("intro")}</PageHeader>
      <div className="space-y-6">
        <Card title={t("picker")}>
          <LazyCampaignPicker key={asked.join(",")} initial={compared.map((c) => ({ id: c.id, name: c.name, provider: c.provider }))} />
        </Card>
        {missing > 0 && <Notice tone="warning">{t("unknown", { count: missing })}</Notice>}
        {compared.length >= 2 && (
          <>
            <Card title={t("table")}>
              <Table label={t("table")}>
                <thead>
                  <tr>
                    <Th>{t("figure")}</Th>
                    {compared.map((c) => (
                      <Th key={c.id} className="text-right normal-case tracking-normal" data-testid="compare-column">
                        <span className="block text-sm text-slate-900">{c.name}</span>
                        <span className="block font-normal">{PROVIDER_LABELS[c.provider]}</span>
                      </Th>
                    ))}
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {row(t("calls"), (c) => format.number(c.calls), "calls")}
                  {row(t("answered"), (c) => format.number(c.answered), "answered")}
                  {row(t("answerRate"), (c) => formatRate(format, r, rates(c).answerRate), "answerRate")}
                  {row(t("avgTalk"), (c) => formatTalk(r, c.avgTalkSeconds), "avgTalk")}
                  {row(t("busyRate"), (c) => formatRate(format, r, rates(c).busyRate), "busyRate")}
                  {row(t("failedRate"), (c) => formatRate(format, r, rates(c).failedRate), "failedRate")}
                  {digits.map((d) =>
                    row(
                      t("ivrShare", { answer: d }),
                      (c) => {
                        const all = c.ivr.reduce((sum, i) => sum + i.calls, 0);
                        const mine = c.ivr.find((i) => i.answer === d)?.calls ?? 0;
                        return all > 0 ? `${formatRate(format, r, mine / all)} (${format.number(mine)})` : r("noValue");
                      },
                      `ivr-${d}`,
                    ),
                  )}
                </tbody>
              </Table>
            </Card>
            <Card title={t("chart")}>
              <figure data-testid="chart-compare">
                <LazyRatesChart
                  data={compared.map((c) => {
                    const s = rates(c);
                    const pct = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);
                    return { label: c.name, answer: pct(s.answerRate), busy: pct(s.busyRate), failed: pct(s.failedRate) };
                  })}
                  names={{ answer: t("answerRate"), busy: t("busyRate"), failed: t("failedRate") }}
                />
              </figure>
            </Card>
          </>
        )}
      </div>
    </>
  );
}
