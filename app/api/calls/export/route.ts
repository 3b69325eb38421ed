import { getTranslations } from "next-intl/server";
import { currentUser } from "@/lib/auth/current-user";
import { filtersOf, parseCallQuery, sortOf } from "@/lib/calls/call-filters";
import { callsCsv, callsXlsx, EXPORT_COLUMNS, type ExportColumn, exportFileName, exportPages } from "@/lib/calls/export";
import { listCampaignChoices } from "@/lib/db/queries/call-list";
import { listConnectionSummaries } from "@/lib/db/queries/connections";
import { DEFAULT_TIME_ZONE, isTimeZone } from "@/lib/i18n/time-zones";

/**
 * Every call matching the Calls page's filters (the same query string), as CSV (`?format=csv`) or XLSX
 * (`?format=xlsx`), streamed page by page from the database in the page's order; cells a spreadsheet would run
 * are neutralised. Needs a session.
 */
export async function GET(request: Request): Promise<Response> {
  const user = await currentUser();
  if (!user) return Response.json({ error: "unauthenticated" }, { status: 401 });
  const url = new URL(request.url);
  const format = url.searchParams.get("format") === "xlsx" ? "xlsx" : "csv";
  const query = parseCallQuery(Object.fromEntries(url.searchParams));
  const timeZone = isTimeZone(user.timeZone) ? user.timeZone : DEFAULT_TIME_ZONE;
  const t = await getTranslations("callsView");
  const [connections, campaigns] = await Promise.all([listConnectionSummaries(), listCampaignChoices()]);
  const connectionNames = new Map(connections.map((c) => [c.id, c.name]));
  const campaignNames = new Map(campaigns.map((c) => [c.id, c.name]));
  const header = Object.fromEntries(EXPORT_COLUMNS.map((c) => [c, t(`export.${c}`, { zone: timeZone })])) as Record<ExportColumn, string>;
  const ctx = {
    header,
    statusLabel: (status: string) => (t.has(`statuses.${status}`) ? t(`statuses.${status}` as never) : status),
    yesNo: (value: boolean) => t(value ? "export.yes" : "export.no"),
    connectionName: (id: string) => connectionNames.get(id) ?? id,
    campaignName: (id: string | null) => (id ? (campaignNames.get(id) ?? id) : ""),
    timeZone,
  };
  const what = [query.provider, query.status, query.recording === "yes" ? "recorded" : undefined, query.campaign ? "campaign" : undefined, query.from, query.to].filter(
    (p): p is string => Boolean(p),
  );
  const fileName = exportFileName(what, format, new Date(), timeZone);
  const pages = exportPages({ filters: filtersOf(query, timeZone), sort: sortOf(query) });
  return format === "xlsx" ? callsXlsx(fileName, pages, ctx) : callsCsv(fileName, pages, ctx);
}
