import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { IntrosTable } from "@/components/audio-library/intros-table";
import { LazyNewRecordPanel as NewRecordPanel } from "@/components/audio-library/lazy-new-record-panel";
import { RecordsTable } from "@/components/audio-library/records-table";
import { NoConnections } from "@/components/provider-data/connection-section";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/current-user";
import { listCalldogRecords, listCalldronIntros } from "@/lib/db/queries/calldog-records";
import { listConnectionSummaries } from "@/lib/db/queries/connections";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("audioLibrary"))("title") };
}

export default async function AudioPage() {
  await requireUser();
  const t = await getTranslations("audioLibrary");
  const connections = (await listConnectionSummaries()).filter((c) => c.provider === "calldog");
  const records = await listCalldogRecords();
  const intros = await listCalldronIntros();
  return (
    <>
      <PageHeader title={t("title")}>{t("intro")}</PageHeader>
      <div className="space-y-6">
        <Notice tone="info">{t("moderationNotice")}</Notice>
        {connections.length === 0 && <NoConnections provider="Calldog" />}
        {connections.map((c) => (
          <Card key={c.id} title={t("recordsOf", { connection: c.name })}>
            <div className="space-y-8">
              <RecordsTable
                caption={t("recordsOf", { connection: c.name })}
                rows={records.filter((r) => r.connectionId === c.id).map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }))}
              />
              <NewRecordPanel connectionId={c.id} />
            </div>
          </Card>
        ))}
        <Card title={t("introsTitle")}>
          <IntrosTable rows={intros.map((i) => ({ ...i, updatedAt: i.updatedAt.toISOString() }))} />
        </Card>
      </div>
    </>
  );
}
