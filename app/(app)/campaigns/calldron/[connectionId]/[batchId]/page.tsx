import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AudioPlayer } from "@/components/audio/audio-player";
import { describeAudio } from "@/components/audio/audio-facts";
import { LazyBatchCalls } from "@/components/calls/lazy-batch-calls";
import { BatchSettings } from "@/components/campaigns/batch-settings";
import { DeleteBatchButton } from "@/components/campaigns/delete-batch-button";
import { LazyBatchTestCall } from "@/components/campaigns/lazy-batch-test-call";
import { LazyRunListPanel } from "@/components/tasks/lazy-run-list-panel";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { CampaignCallExports } from "@/components/calls/campaign-call-exports";
import { findProviderCampaignId } from "@/lib/db/queries/call-sync";
import { requireUser } from "@/lib/auth/current-user";
import { batchCallingWindow } from "@/lib/campaigns/batch-window";
import { loadBatch, storedIntro } from "@/lib/campaigns/load-batch";

type Params = { connectionId: string; batchId: string };

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { batchId } = await params;
  return { title: `${(await getTranslations("campaignsPage"))("calldronBatches")} ${decodeURIComponent(batchId)}` };
}

/** One Calldron batch: its settings in words, its intro with a player, a test call, running a list through it, its calls. */
export default async function BatchPage({ params, searchParams }: { params: Promise<Params>; searchParams: Promise<{ done?: string }> }) {
  await requireUser();
  const { connectionId, batchId: rawBatchId } = await params;
  const batchId = decodeURIComponent(rawBatchId);
  const { done } = await searchParams;
  const t = await getTranslations("batchPage");
  const tc = await getTranslations("campaignsPage");
  const tu = await getTranslations("audioUpload");
  const tt = await getTranslations("testCall");
  const read = await loadBatch(connectionId, batchId);
  if (!read) notFound();
  const back = (
    <Link href="/campaigns" className="mb-2 inline-block text-sm text-indigo-700 underline">
      {t("back")}
    </Link>
  );
  if (!read.ok || !read.data) {
    const reason = read.ok ? t("notFound") : (await getTranslations())("providerData.connectionFailed", { reason: (await getTranslations("connections"))(`results.${read.error}`) });
    return (
      <>
        {back}
        <PageHeader title={tc("calldronBatches")}>{read.connection.name}</PageHeader>
        <Notice tone="error">{reason}</Notice>
      </>
    );
  }
  const batch = read.data;
  const connection = read.connection;
  const [intro, mirrored] = await Promise.all([storedIntro(connection.id, batch.id), findProviderCampaignId({ connectionId: connection.id, providerRef: String(batch.id) })]);
  const doneText = done === "created" || done === "recovered" || done === "saved" ? tc(done === "saved" ? "saved" : done === "recovered" ? "createdRecovered" : "created", { name: batch.name }) : null;

  return (
    <>
      {back}
      <PageHeader
        title={batch.name}
        actions={
          <div className="flex flex-wrap items-start gap-2">
            {mirrored && <CampaignCallExports campaignId={mirrored} />}
            <Link
              href={`/campaigns/calldron/${connection.id}/${encodeURIComponent(batch.id)}/edit`}
              className="inline-flex items-center rounded-md border border-slate-300 bg-white px-2.5 py-1 text-sm font-medium text-slate-800 hover:bg-slate-50"
            >
              {tc("edit")}
            </Link>
            <DeleteBatchButton connection={{ id: connection.id, name: connection.name }} batch={{ id: batch.id, name: batch.name }} />
          </div>
        }
      >
        {t("connection")}: {connection.name}
      </PageHeader>
      <div className="space-y-6">
        {doneText && <Notice tone="success">{doneText}</Notice>}
        <Card title={t("settings")}>
          <BatchSettings batch={batch} />
        </Card>
        <Card title={t("intro")}>
          {intro ? (
            <div className="space-y-2">
              <p className="text-sm text-slate-700" data-testid="batch-intro">
                <span className="font-medium">{intro.name}</span> · {describeAudio(tu, intro)}
              </p>
              <AudioPlayer src={`/api/audio/${intro.id}`} label={`${t("intro")}: ${intro.name}`} downloadName={intro.name} />
            </div>
          ) : batch.introUrl ? (
            <div className="space-y-2">
              <p className="text-sm text-slate-700" data-testid="batch-intro">
                {t("introFromProvider", { name: batch.introFilename ?? "intro" })}
              </p>
              <AudioPlayer
                src={`/api/calldron/${connection.id}/batches/${encodeURIComponent(batch.id)}/intro`}
                label={`${t("intro")}: ${batch.introFilename ?? "intro"}`}
                downloadName={batch.introFilename ?? undefined}
              />
            </div>
          ) : (
            <p className="text-sm text-slate-600" data-testid="batch-intro">
              {t("noIntro")}
            </p>
          )}
        </Card>
        <Card title={tt("title")}>
          <LazyBatchTestCall connectionId={connection.id} batchId={batch.id} withHelp />
        </Card>
        <LazyRunListPanel connectionId={connection.id} batchId={batch.id} />
        <Card title={t("calls")}>
          <LazyBatchCalls
            connectionId={connection.id}
            connectionName={connection.name}
            batchId={batch.id}
            batchName={batch.name}
            batchWindow={batchCallingWindow(batch)}
          />
        </Card>
      </div>
    </>
  );
}
