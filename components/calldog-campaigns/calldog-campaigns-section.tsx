import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { CampaignStateBadge } from "@/components/calldog-campaigns/campaign-state-badge";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import type { CampaignListRow } from "@/lib/db/queries/campaign-results";
import type { ConnectionSummary } from "@/lib/db/queries/connections";
import { DATE_TIME } from "@/lib/i18n/date-formats";

const newLink =
  "inline-flex items-center rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600";

/**
 * The Calldog campaigns made in the app (Calldog's API has no list of them), each opening its results page,
 * and a "New campaign" link per Calldog connection.
 */
export async function CalldogCampaignsSection({ connections, campaigns }: { connections: ConnectionSummary[]; campaigns: CampaignListRow[] }) {
  const t = await getTranslations("calldogCampaigns");
  const format = await getFormatter();
  return (
    <Card title={t("title")}>
      <div className="space-y-3" data-testid="calldog-campaigns">
        <div className="flex flex-wrap justify-end gap-2">
          {connections.map((c) => (
            <Link key={c.id} href={`/campaigns/calldog/new?connection=${c.id}`} className={newLink}>
              {connections.length > 1 ? t("newOn", { connection: c.name }) : t("new")}
            </Link>
          ))}
        </div>
        {campaigns.length === 0 ? (
          <p className="text-sm text-slate-600" data-testid="calldog-campaigns-empty">
            {t("empty")}
          </p>
        ) : (
          <Table label={t("title")}>
            <thead>
              <tr>
                <Th>{t("name")}</Th>
                <Th>{t("connection")}</Th>
                <Th className="text-right">{t("calls")}</Th>
                <Th className="text-right">{t("answered")}</Th>
                <Th>{t("state")}</Th>
                <Th>{t("created")}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {campaigns.map((c) => (
                <tr key={c.id} data-testid="calldog-campaign-row">
                  <Td className="font-medium">
                    <Link href={`/campaigns/calldog/${c.id}`} className="text-indigo-700 underline">
                      {c.name}
                    </Link>
                  </Td>
                  <Td>{c.connectionName}</Td>
                  <Td className="text-right tabular-nums">
                    {format.number(c.calls)}
                    {c.final < c.calls && <span className="block text-xs text-slate-500">{t("inProgress", { count: c.calls - c.final })}</span>}
                  </Td>
                  <Td className="text-right tabular-nums">{format.number(c.answered)}</Td>
                  <Td>
                    <CampaignStateBadge state={c.state} />
                  </Td>
                  <Td className="whitespace-nowrap">{format.dateTime(c.createdAt, DATE_TIME)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </div>
    </Card>
  );
}
