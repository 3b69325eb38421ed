import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { BaseBadges } from "@/components/obzvonilka/base-badges";
import { LazyContactsTable } from "@/components/obzvonilka/lazy-contacts-table";
import { FindByCode } from "@/components/obzvonilka/find-by-code";
import { ObzvonilkaReadFailure } from "@/components/obzvonilka/read-failure";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/current-user";
import { obzvonilkaParamsSchema } from "@/lib/obzvonilka/route-params";
import { readConnection } from "@/lib/providers/connection-clients";
import { ProviderError } from "@/lib/providers/provider-error";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("obzvonilka.base"))("metaTitle") };
}

/** One Obzvonilka base: its contacts (read whole, virtualised), the lookup by external code, a new contact. */
export default async function ObzvonilkaBasePage({ params }: { params: Promise<Record<string, string>> }) {
  await requireUser();
  const parsed = obzvonilkaParamsSchema.safeParse(await params);
  if (!parsed.success || parsed.data.baseId === undefined) notFound();
  const { connectionId, baseId } = parsed.data;
  const t = await getTranslations("obzvonilka.base");
  const read = await readConnection("obzvonilka", connectionId, async (client) => {
    try {
      return await client.getBase(baseId);
    } catch (error) {
      if (error instanceof ProviderError && error.kind === "not_found") return null;
      throw error;
    }
  });
  if (!read) notFound();
  const back = { href: "/lists", label: t("backToLists") };
  if (!read.ok || !read.data) {
    return <ObzvonilkaReadFailure title={t("metaTitle")} back={back} reason={read.ok ? undefined : read.error} missing={read.ok ? t("missing") : undefined} />;
  }
  const base = read.data;
  return (
    <>
      <PageHeader
        title={base.name || t("metaTitle")}
        actions={
          !base.deleted && (
            <Link href={`/lists/obzvonilka/${connectionId}/${baseId}/contacts/new`} className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-700">
              {t("newContact")}
            </Link>
          )
        }
      >
        <Link href={back.href} className="text-indigo-700 underline">
          {back.label}
        </Link>{" "}
        <span className="text-slate-500">·</span> {t("inConnection", { name: read.connection.name })}
      </PageHeader>
      <div className="space-y-6">
        <div className="flex flex-wrap items-center gap-3 text-sm text-slate-600">
          <BaseBadges base={base} />
          {base.remark && <span>{base.remark}</span>}
        </div>
        {base.deleted && <Notice tone="warning">{t("deletedNotice")}</Notice>}
        <Card title={t("findTitle")}>
          <FindByCode connectionId={connectionId} baseId={baseId} />
        </Card>
        <Card title={t("contactsTitle")}>
          <LazyContactsTable connectionId={connectionId} baseId={baseId} />
        </Card>
      </div>
    </>
  );
}
