import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { formatRate, formatTalk } from "@/components/overview/format";
import { Table, Td, Th } from "@/components/ui/table";
import type { Provider } from "@/lib/db/schema";
import { campaignHref } from "@/lib/overview/links";
import { type CampaignRef, type Figures, rates } from "@/lib/overview/queries";
import { PROVIDER_LABELS } from "@/lib/providers/catalog";

type Row = { key: string; name: React.ReactNode; provider?: Provider } & Figures;

/** The period's figures per provider or per campaign, one row each. */
async function FiguresTable({ label, first, rows, showProvider }: { label: string; first: string; rows: Row[]; showProvider: boolean }) {
  const t = await getTranslations("overviewResults");
  const format = await getFormatter();
  return (
    <Table label={label}>
      <thead>
        <tr>
          <Th>{first}</Th>
          {showProvider && <Th>{t("provider")}</Th>}
          <Th className="text-right">{t("calls")}</Th>
          <Th className="text-right">{t("answered")}</Th>
          <Th className="text-right">{t("answerRate")}</Th>
          <Th className="text-right">{t("avgTalk")}</Th>
          <Th className="text-right">{t("busyRate")}</Th>
          <Th className="text-right">{t("failedRate")}</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((r) => {
          const shares = rates(r);
          return (
            <tr key={r.key} data-testid={`figures-${r.key}`}>
              <Td className="font-medium">{r.name}</Td>
              {showProvider && <Td>{r.provider ? PROVIDER_LABELS[r.provider] : ""}</Td>}
              <Td className="text-right tabular-nums" data-cell="calls">
                {format.number(r.calls)}
              </Td>
              <Td className="text-right tabular-nums" data-cell="answered">
                {format.number(r.answered)}
              </Td>
              <Td className="text-right tabular-nums" data-cell="answerRate">
                {formatRate(format, t, shares.answerRate)}
              </Td>
              <Td className="text-right tabular-nums" data-cell="avgTalk">
                {formatTalk(t, r.avgTalkSeconds)}
              </Td>
              <Td className="text-right tabular-nums" data-cell="busyRate">
                {formatRate(format, t, shares.busyRate)}
              </Td>
              <Td className="text-right tabular-nums" data-cell="failedRate">
                {formatRate(format, t, shares.failedRate)}
              </Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}

export async function ProviderTable({ rows }: { rows: ({ provider: Provider } & Figures)[] }) {
  const t = await getTranslations("overviewResults");
  if (rows.length === 0) return <p className="text-sm text-slate-600">{t("noProviderCalls")}</p>;
  return (
    <FiguresTable
      label={t("byProvider")}
      first={t("provider")}
      showProvider={false}
      rows={rows.map((r) => ({ ...r, key: r.provider, name: PROVIDER_LABELS[r.provider] }))}
    />
  );
}

export async function CampaignTable({ rows }: { rows: (CampaignRef & Figures)[] }) {
  const t = await getTranslations("overviewResults");
  if (rows.length === 0) return <p className="text-sm text-slate-600">{t("noCampaignCalls")}</p>;
  return (
    <FiguresTable
      label={t("byCampaign")}
      first={t("campaign")}
      showProvider
      rows={rows.map((r) => {
        const href = campaignHref(r);
        return {
          ...r,
          key: r.id,
          name: href ? (
            <Link href={href} className="text-indigo-700 underline">
              {r.name}
            </Link>
          ) : (
            r.name
          ),
        };
      })}
    />
  );
}
