import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { BatchForm } from "@/components/campaigns/batch-form";
import { NEW_BATCH_VALUES } from "@/lib/campaigns/batch-form-values";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/current-user";
import { loadBatch, storedIntro } from "@/lib/campaigns/load-batch";
import { formatPhone } from "@/lib/phone-format";

type Params = { connectionId: string; batchId: string };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("campaignsPage"))("edit") };
}

export default async function EditBatchPage({ params }: { params: Promise<Params> }) {
  await requireUser();
  const { connectionId, batchId: rawBatchId } = await params;
  const batchId = decodeURIComponent(rawBatchId);
  const t = await getTranslations("campaignsPage");
  const tp = await getTranslations("batchPage");
  const read = await loadBatch(connectionId, batchId);
  if (!read) notFound();
  const batchHref = `/campaigns/calldron/${connectionId}/${encodeURIComponent(batchId)}`;
  if (!read.ok || !read.data) {
    const reason = read.ok ? tp("notFound") : (await getTranslations())("providerData.connectionFailed", { reason: (await getTranslations("connections"))(`results.${read.error}`) });
    return (
      <>
        <PageHeader title={t("edit")}>{read.connection.name}</PageHeader>
        <Notice tone="error">{reason}</Notice>
      </>
    );
  }
  const b = read.data;
  const intro = await storedIntro(read.connection.id, b.id);
  const text = (value: string | null | undefined, fallback: string) => value ?? fallback;
  return (
    <>
      <Link href={batchHref} className="mb-2 inline-block text-sm text-indigo-700 underline">
        ← {b.name}
      </Link>
      <PageHeader title={t("editTitle", { name: b.name })}>{read.connection.name}</PageHeader>
      <Card>
        <BatchForm
          connectionId={read.connection.id}
          batchId={b.id}
          introName={intro?.name ?? b.introFilename}
          cancelHref={batchHref}
          initial={{
            name: b.name,
            description: b.description,
            type: text(b.type, NEW_BATCH_VALUES.type),
            confirmation: text(b.confirmation, NEW_BATCH_VALUES.confirmation),
            timeFrom: text(b.timeFrom, NEW_BATCH_VALUES.timeFrom),
            timeTo: text(b.timeTo, NEW_BATCH_VALUES.timeTo),
            timeZone: text(b.timeZone, NEW_BATCH_VALUES.timeZone),
            attempts: b.attempts === null ? NEW_BATCH_VALUES.attempts : String(b.attempts),
            callDelaySeconds: b.callDelaySeconds === null ? NEW_BATCH_VALUES.callDelaySeconds : String(b.callDelaySeconds),
            // Not in the documented index: when the service does not report it, left empty, it is not sent and stays as it is.
            timeoutBeforeIntroCallback: b.timeoutBeforeIntroCallback === null ? "" : String(b.timeoutBeforeIntroCallback),
            callback: b.callback ? formatPhone(b.callback) : "",
            from: b.from ? formatPhone(b.from) : "",
          }}
        />
      </Card>
    </>
  );
}
