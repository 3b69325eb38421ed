import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ImportReport } from "@/components/imports/import-report";
import { LazyRefreshWhenDone } from "@/components/imports/lazy-refresh-when-done";
import { LazyTaskProgress } from "@/components/tasks/lazy-task-progress";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/current-user";
import { findTask } from "@/lib/db/queries/tasks";
import { IMPORT_KIND } from "@/lib/tasks/import";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("imports"))("importTitle") };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One import: live progress (pause, resume, cancel) and its report row by row, downloadable as CSV. */
export default async function ImportPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ outcome?: string; after?: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const task = await findTask({ id });
  if (!task || task.kind !== IMPORT_KIND || (task.ownerId !== user.id && user.role !== "admin")) notFound();
  const t = await getTranslations("imports");
  const query = await searchParams;
  return (
    <>
      <PageHeader title={`${t("importTitle")}: ${task.title}`}>
        <Link href="/imports/new" className="text-indigo-700 underline">
          {t("another")}
        </Link>
      </PageHeader>
      <div className="space-y-6">
        <Card title={t("progress")}>
          <LazyTaskProgress taskId={task.id} />
          <LazyRefreshWhenDone taskId={task.id} drawn={{ state: task.state, processed: task.processed }} />
        </Card>
        <Card
          title={t("report.title")}
          actions={
            <a href={`/api/imports/${task.id}/report`} className="text-sm text-indigo-700 underline" download>
              {t("report.download")}
            </a>
          }
        >
          <ImportReport task={task} outcome={query.outcome} after={query.after} />
        </Card>
      </div>
    </>
  );
}
