import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { AccountInfoSection, LanguagesSection, OutgoingPhonesSection, SectionLoading } from "@/components/calldog/account-sections";
import { Card } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/current-user";
import { findConnection } from "@/lib/db/queries/connections";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("calldogAccount"))("title") };
}

/** A Calldog connection's account as the service reports it: balance and details, caller ids, languages. */
export default async function CalldogAccountPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ phones?: string }>;
}) {
  await requireUser("admin");
  const { id } = await params;
  const connection = /^[0-9a-f-]{36}$/i.test(id) ? await findConnection({ id }) : undefined;
  if (connection?.provider !== "calldog") notFound();
  const all = (await searchParams).phones === "all";
  const t = await getTranslations("calldogAccount");
  const base = `/settings/connections/${connection.id}/calldog`;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <div>
          <Link href="/settings/connections" className="text-sm text-indigo-700 underline">
            ← {t("back")}
          </Link>
          <h2 className="mt-1 text-xl font-semibold text-slate-900">{t("heading", { name: connection.name })}</h2>
        </div>
        <Link href={`/calldog/verify?connection=${connection.id}`} className="text-sm text-indigo-700 underline">
          {t("verifyLink")}
        </Link>
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t("account")}>
          <Suspense fallback={<SectionLoading />}>
            <AccountInfoSection connection={connection} />
          </Suspense>
        </Card>
        <Card title={t("languages")}>
          <Suspense fallback={<SectionLoading />}>
            <LanguagesSection connection={connection} />
          </Suspense>
        </Card>
      </div>
      <Card
        title={t("phones")}
        actions={
          <Link href={all ? base : `${base}?phones=all`} className="text-sm text-indigo-700 underline" scroll={false}>
            {all ? t("confirmedOnly") : t("showAll")}
          </Link>
        }
      >
        <p className="mb-3 text-sm text-slate-600">{all ? t("phonesAllHelp") : t("phonesHelp")}</p>
        <Suspense key={String(all)} fallback={<SectionLoading />}>
          <OutgoingPhonesSection connection={connection} all={all} />
        </Suspense>
      </Card>
    </div>
  );
}
