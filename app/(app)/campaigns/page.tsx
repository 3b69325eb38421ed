import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { BatchesTable } from "@/components/provider-data/batches-table";
import { ConnectionSection, NoConnections } from "@/components/provider-data/connection-section";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/current-user";
import { readEachConnection } from "@/lib/providers/connection-clients";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("campaignsPage"))("title") };
}

export default async function CampaignsPage() {
  await requireUser();
  const t = await getTranslations("campaignsPage");
  const reads = await readEachConnection("calldron", (client) => client.listBatches());
  return (
    <>
      <PageHeader title={t("title")} />
      <div className="space-y-6">
        {reads.length === 0 && <NoConnections provider="Calldron" />}
        {reads.map((read) => (
          <ConnectionSection key={read.connection.id} read={read} title={t("calldronBatches")}>
            {(batches) => <BatchesTable batches={batches} connectionId={read.connection.id} />}
          </ConnectionSection>
        ))}
        <Notice tone="info">{t("calldogNote")}</Notice>
      </div>
    </>
  );
}
