import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ConnectionsTable } from "@/components/settings/connections-table";
import { Card } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/current-user";
import { listConnections } from "@/lib/db/queries/connections";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("connections"))("title") };
}

export default async function ConnectionsPage() {
  await requireUser("admin");
  const t = await getTranslations("connections");
  // Only what the admin's page needs: never the sealed key itself.
  const rows = (await listConnections()).map((c) => ({
    id: c.id,
    name: c.name,
    provider: c.provider,
    baseUrl: c.baseUrl,
    apiKeyLast4: c.apiKeyLast4,
    lastTestAt: c.lastTestAt?.toISOString() ?? null,
    lastTestResult: c.lastTestResult,
  }));
  return (
    <Card title={t("title")}>
      <ConnectionsTable connections={rows} />
    </Card>
  );
}
