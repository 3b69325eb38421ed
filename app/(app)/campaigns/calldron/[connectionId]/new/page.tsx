import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { BatchForm } from "@/components/campaigns/batch-form";
import { NEW_BATCH_VALUES } from "@/lib/campaigns/batch-form-values";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/current-user";
import { findConnection } from "@/lib/db/queries/connections";
import { readDialingPolicy } from "@/lib/db/queries/org-settings";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("campaignsPage"))("newBatchTitle") };
}

export default async function NewBatchPage({ params }: { params: Promise<{ connectionId: string }> }) {
  await requireUser();
  const t = await getTranslations("campaignsPage");
  const id = z.uuid().safeParse((await params).connectionId);
  const connection = id.success ? await findConnection({ id: id.data }) : undefined;
  if (connection?.provider !== "calldron") notFound();
  const policy = await readDialingPolicy();
  const initial = { ...NEW_BATCH_VALUES, timeFrom: policy.callingWindowFrom, timeTo: policy.callingWindowTo };
  return (
    <>
      <Link href="/campaigns" className="mb-2 inline-block text-sm text-indigo-700 underline">
        {(await getTranslations("batchPage"))("back")}
      </Link>
      <PageHeader title={t("newBatchTitle")}>{connection.name}</PageHeader>
      <Card>
        <BatchForm connectionId={connection.id} initial={initial} cancelHref="/campaigns" />
      </Card>
    </>
  );
}
