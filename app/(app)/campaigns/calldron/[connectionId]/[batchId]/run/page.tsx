import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection as dynamicRender } from "next/server";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { LazyRunListPanel } from "@/components/tasks/lazy-run-list-panel";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/current-user";
import { findConnection } from "@/lib/db/queries/connections";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("runList"))("pageTitle") };
}

/** Runs a contact list through one Calldron batch (the panel will also sit on the batch's and the list's pages). */
export default async function RunListPage({ params }: { params: Promise<{ connectionId: string; batchId: string }> }) {
  await dynamicRender();
  await requireUser();
  const { connectionId, batchId } = await params;
  if (!z.uuid().safeParse(connectionId).success || !/^[\w-]{1,40}$/.test(batchId)) notFound();
  const found = await findConnection({ id: connectionId });
  if (found?.provider !== "calldron") notFound();
  const t = await getTranslations("runList");
  return (
    <>
      <PageHeader title={t("pageTitle")}>
        <p>{t("pageIntro")}</p>
        <Link href={`/campaigns/calldron/${connectionId}/${encodeURIComponent(batchId)}`} className="mt-1 inline-block text-indigo-700 underline">
          {t("backToBatch")}
        </Link>
      </PageHeader>
      <LazyRunListPanel connectionId={connectionId} batchId={batchId} />
    </>
  );
}
