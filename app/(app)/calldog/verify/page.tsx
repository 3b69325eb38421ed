import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PhoneVerificationForm } from "@/components/calldog/phone-verification-form";
import { VerificationHistory } from "@/components/calldog/verification-history";
import { NoConnections } from "@/components/provider-data/connection-section";
import { Pager, pageParam } from "@/components/provider-data/pager";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/current-user";
import { listConnectionSummaries } from "@/lib/db/queries/connections";
import { listPhoneVerifications } from "@/lib/db/queries/phone-verifications";

const PAGE_SIZE = 20;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("calldogVerify"))("title") };
}

export default async function PhoneVerificationPage({ searchParams }: { searchParams: Promise<{ page?: string; connection?: string }> }) {
  await requireUser();
  const t = await getTranslations("calldogVerify");
  const query = await searchParams;
  const page = pageParam(query.page);
  const connections = (await listConnectionSummaries()).filter((c) => c.provider === "calldog").map((c) => ({ id: c.id, name: c.name }));
  // One row more than shown tells whether there is a next page.
  const rows = await listPhoneVerifications({ limit: PAGE_SIZE + 1, offset: (page - 1) * PAGE_SIZE });
  const initial = connections.find((c) => c.id === query.connection)?.id;
  return (
    <>
      <PageHeader title={t("title")}>{t("intro")}</PageHeader>
      <div className="space-y-6">
        {connections.length === 0 ? (
          <NoConnections provider="Calldog" />
        ) : (
          <Card title={t("newCheck")}>
            <PhoneVerificationForm connections={connections} initialConnectionId={initial} />
          </Card>
        )}
        <Card title={t("history")}>
          <VerificationHistory rows={rows.slice(0, PAGE_SIZE)} />
          <Pager page={page} hasNext={rows.length > PAGE_SIZE} hrefFor={(p) => `/calldog/verify?page=${p}`} />
        </Card>
      </div>
    </>
  );
}
