import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CalldogCampaignsSection } from "@/components/calldog-campaigns/calldog-campaigns-section";
import { BatchesTable } from "@/components/campaigns/batches-table";
import { ConnectionSection, NoConnections } from "@/components/provider-data/connection-section";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/current-user";
import { listCampaigns } from "@/lib/db/queries/campaign-results";
import { listConnectionSummaries } from "@/lib/db/queries/connections";
import { readEachConnection } from "@/lib/providers/connection-clients";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("campaignsPage"))("title") };
}

export default async function CampaignsPage({ searchParams }: { searchParams: Promise<{ deleted?: string }> }) {
  await requireUser();
  const { deleted } = await searchParams;
  const t = await getTranslations("campaignsPage");
  const [reads, summaries, calldogCampaigns] = await Promise.all([
    readEachConnection("calldron", (client) => client.listBatches()),
    listConnectionSummaries(),
    listCampaigns({ provider: "calldog" }),
  ]);
  const calldogConnections = summaries.filter((c) => c.provider === "calldog");
  return (
    <>
      <PageHeader title={t("title")} />
      <div className="space-y-6">
        {typeof deleted === "string" && deleted && <Notice tone="success">{t("deleted", { name: deleted.slice(0, 255) })}</Notice>}
        {reads.length === 0 && <NoConnections provider="Calldron" />}
        {reads.map((read) => (
          <ConnectionSection key={read.connection.id} read={read} title={t("calldronBatches")}>
            {(batches) => (
              <div className="space-y-3">
                <div className="flex justify-end">
                  <Link
                    href={`/campaigns/calldron/${read.connection.id}/new`}
                    className="inline-flex items-center rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
                  >
                    {t("newBatch")}
                  </Link>
                </div>
                <BatchesTable batches={batches} connection={{ id: read.connection.id, name: read.connection.name }} />
              </div>
            )}
          </ConnectionSection>
        ))}
        {calldogConnections.length === 0 && calldogCampaigns.length === 0 ? (
          <NoConnections provider="Calldog" />
        ) : (
          <CalldogCampaignsSection connections={calldogConnections} campaigns={calldogCampaigns} />
        )}
      </div>
    </>
  );
}
