import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { getFormatter, getTranslations } from "next-intl/server";
import { type AllCallsRow, AllCallsTable } from "@/components/calls/all-calls-table";
import { CallSyncPanel } from "@/components/calls/call-sync-panel";
import { CallsFilterForm } from "@/components/calls/calls-filter-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/current-user";
import { callQueryString, decodeCursor, encodeCursor, filtersOf, parseCallQuery, sortOf } from "@/lib/calls/call-filters";
import { recordingSrc } from "@/lib/calls/recording-src";
import { syncStatuses } from "@/lib/calls/sync-status";
import { listCalls, listCampaignChoices } from "@/lib/db/queries/call-list";
import { listConnectionSummaries } from "@/lib/db/queries/connections";
import { DATE, DATE_TIME_SECONDS, TIME_SECONDS } from "@/lib/i18n/date-formats";
import { DEFAULT_TIME_ZONE, isTimeZone } from "@/lib/i18n/time-zones";
import { formatPhone } from "@/lib/phone-format";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("callsView"))("title") };
}

const PAGE_SIZE = 50;

/** Every provider's calls from the database: filters, search, order and the keyset cursor all live in the URL. */
export default async function CallsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  const user = await requireUser();
  const t = await getTranslations("callsView");
  const format = await getFormatter();
  const query = parseCallQuery(await searchParams);
  const timeZone = isTimeZone(user.timeZone) ? user.timeZone : DEFAULT_TIME_ZONE;
  const sort = sortOf(query);
  const after = decodeCursor(query.after, sort);
  const [page, connections, campaigns, statuses] = await Promise.all([
    listCalls({ filters: filtersOf(query, timeZone), sort, after, limit: PAGE_SIZE }),
    listConnectionSummaries(),
    listCampaignChoices(),
    syncStatuses(),
  ]);
  const connectionNames = new Map(connections.map((c) => [c.id, c.name]));
  const campaignNames = new Map(campaigns.map((c) => [c.id, c.name]));
  const when = (d: Date | null) => (d ? format.dateTime(d, DATE_TIME_SECONDS) : null);
  const ivrText = (answer: string | null) => {
    if (answer === null) return null;
    if (answer === "-1") return t("ivrChoices.stayed");
    if (/^\d$/.test(answer)) return t("ivrChoices.digit", { digit: answer });
    return t.has(`ivrChoices.${answer}`) ? t(`ivrChoices.${answer}` as never) : answer;
  };
  const rows: AllCallsRow[] = page.rows.map((r) => ({
    id: r.id,
    phone: r.phone,
    phoneDisplay: formatPhone(r.phone),
    provider: t(`providers.${r.provider}`),
    connection: connectionNames.get(r.connectionId) ?? "",
    campaign: r.campaignId ? (campaignNames.get(r.campaignId) ?? "") : null,
    status: r.status,
    statusLabel: t(`statuses.${r.status}`),
    final: r.final,
    duration: r.durationSeconds === null ? null : t("seconds", { seconds: format.number(r.durationSeconds) }),
    atIso: r.at.toISOString(),
    atDate: format.dateTime(r.at, DATE),
    atTime: format.dateTime(r.at, TIME_SECONDS),
    ivr: ivrText(r.ivrAnswer),
    ivrAction: r.ivrAction,
    rawStatus: r.rawStatus,
    providerCallId: r.providerCallId,
    dialedAt: when(r.dialedAt),
    answeredAt: when(r.answeredAt),
    endedAt: when(r.endedAt),
    recordingSrc: recordingSrc(r),
  }));
  const filtered = Object.entries(query).some(([k, v]) => v !== undefined && k !== "sort" && k !== "after");
  const exportQuery = callQueryString(query, { after: undefined });
  const exportHref = (fmt: "csv" | "xlsx") => `/api/calls/export${exportQuery ? `${exportQuery}&` : "?"}format=${fmt}`;
  const linkClass =
    "inline-flex items-center rounded-md border border-slate-300 bg-white px-2.5 py-1 text-sm font-medium text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600";

  return (
    <>
      <PageHeader title={t("title")} actions={<CallSyncPanel initial={statuses} />}>
        {t("intro")}
      </PageHeader>
      <div className="space-y-4">
        <Card>
          <CallsFilterForm
            query={query}
            connections={connections.map((c) => ({ id: c.id, name: `${t(`providers.${c.provider}`)} · ${c.name}` }))}
            campaigns={campaigns.map((c) => ({ id: c.id, name: `${t(`providers.${c.provider}`)} · ${c.name}` }))}
          />
        </Card>
        <Card>
          <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
            <p className="text-sm text-slate-600" data-testid="calls-shown">
              {t("shown", { count: rows.length })}
            </p>
            <div className="flex items-center gap-2" title={t("exportHelp")}>
              <a href={exportHref("csv")} className={linkClass} data-testid="export-csv" download>
                {t("exportCsv")}
              </a>
              <a href={exportHref("xlsx")} className={linkClass} data-testid="export-xlsx" download>
                {t("exportXlsx")}
              </a>
            </div>
          </div>
          {rows.length === 0 ? (
            <p className="py-6 text-center text-sm text-slate-600" data-testid="calls-empty">
              {filtered || after ? t("noMatch") : t("empty")}
            </p>
          ) : (
            <AllCallsTable rows={rows} />
          )}
          {(after || page.next) && (
            <nav aria-label={t("pagination")} className="mt-3 flex items-center justify-between gap-2">
              {after ? (
                <Link href={`/calls${callQueryString(query, { after: undefined })}`} className={linkClass}>
                  {t("first")}
                </Link>
              ) : (
                <span />
              )}
              {page.next && (
                <Link href={`/calls${callQueryString(query, { after: encodeCursor(page.next) })}`} className={linkClass} rel="next">
                  {t("next")}
                </Link>
              )}
            </nav>
          )}
        </Card>
      </div>
    </>
  );
}
