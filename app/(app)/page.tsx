import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { ConnectionsSummary } from "@/components/overview/connections-summary";
import { CampaignTable, ProviderTable } from "@/components/overview/figures-tables";
import { Kpis } from "@/components/overview/kpis";
import { LazyRunningCampaigns } from "@/components/overview/lazy-running-campaigns";
import { LazySystemStatus } from "@/components/overview/lazy-system-status";
import { OverviewCharts } from "@/components/overview/overview-charts";
import { PeriodSwitch } from "@/components/overview/period-switch";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/current-user";
import { DEFAULT_TIME_ZONE, isTimeZone } from "@/lib/i18n/time-zones";
import { parsePeriod } from "@/lib/overview/period";
import { hasResults, loadOverview, runningCampaigns } from "@/lib/overview/queries";

type Props = { searchParams: Promise<{ period?: string | string[] }> };

/** The overview's client components get only the namespaces listed here (lib/i18n/client-namespaces.test.ts), React Query comes with the parts that poll (components/query/lazy-with-query.tsx). */
export default function OverviewPage(props: Props) {
  return (
    <ClientMessages namespaces={["overview", "overviewResults", "ui"]}>
      <Overview {...props} />
    </ClientMessages>
  );
}

async function Overview({ searchParams }: Props) {
  const user = await requireUser();
  const t = await getTranslations("overview");
  const r = await getTranslations("overviewResults");
  const period = parsePeriod((await searchParams).period);
  const timeZone = isTimeZone(user.timeZone) ? user.timeZone : DEFAULT_TIME_ZONE;
  const side = (
    <Card title={t("system")}>
      <div className="space-y-4">
        <ConnectionsSummary user={user} />
        <LazySystemStatus />
      </div>
    </Card>
  );
  if (!(await hasResults())) {
    return (
      <>
        <PageHeader title={t("title")}>{t("welcome", { name: user.name || user.email })}</PageHeader>
        <div className="grid gap-6 lg:grid-cols-3">
          <Card className="lg:col-span-2">
            <div className="space-y-3 py-6 text-center" data-testid="overview-empty">
              <h2 className="text-lg font-semibold text-slate-900">{r("emptyTitle")}</h2>
              <p className="text-sm text-slate-600">{r("emptyText")}</p>
              <Link href="/campaigns" className="inline-block text-sm font-medium text-indigo-700 underline">
                {r("emptyAction")}
              </Link>
            </div>
          </Card>
          {side}
        </div>
      </>
    );
  }
  const [data, running] = await Promise.all([loadOverview({ period, timeZone }), runningCampaigns()]);
  return (
    <>
      <PageHeader title={t("title")} actions={<PeriodSwitch current={period} />}>
        {t("welcome", { name: user.name || user.email })} · {r("rangeHint", { zone: timeZone })}
      </PageHeader>
      <div className="space-y-6">
        <Kpis totals={data.totals} />
        <OverviewCharts period={period} timeline={data.timeline} ivr={data.ivr} />
        <div className="grid gap-6 lg:grid-cols-3">
          <Card title={r("running")} className="min-w-0 lg:col-span-2">
            <LazyRunningCampaigns initial={running} />
          </Card>
          {side}
        </div>
        {/* The tables take the whole width, so that their columns fit a laptop's screen without scrolling. */}
        <Card
          title={r("byCampaign")}
          className="min-w-0"
          actions={
            <Link href="/campaigns/compare" className="text-sm font-medium text-indigo-700 underline">
              {r("compare")}
            </Link>
          }
        >
          <CampaignTable rows={data.byCampaign} />
        </Card>
        <Card title={r("byProvider")} className="min-w-0">
          <ProviderTable rows={data.byProvider} />
        </Card>
      </div>
    </>
  );
}
