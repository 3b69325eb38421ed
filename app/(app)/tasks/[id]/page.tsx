import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { TaskItemsReport } from "@/components/tasks/task-items-report";
import { kindKey } from "@/components/tasks/kind-key";
import { LazyTaskProgress } from "@/components/tasks/lazy-task-progress";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/current-user";
import { findTask } from "@/lib/db/queries/tasks";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("tasks"))("taskTitle") };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One task: its live progress and its report, item by item, filterable by outcome. Owners see theirs, admins all. */
export default async function TaskPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ outcome?: string; after?: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const task = await findTask({ id });
  if (!task || (task.ownerId !== user.id && user.role !== "admin")) notFound();
  const t = await getTranslations("tasks");
  const query = await searchParams;
  const kind = t.has(`kinds.${kindKey(task.kind)}`) ? t(`kinds.${kindKey(task.kind)}`) : task.kind;
  return (
    <>
      <PageHeader title={`${kind}: ${task.title}`}>
        <Link href="/tasks" className="text-indigo-700 underline">
          {t("backToTasks")}
        </Link>
      </PageHeader>
      <div className="space-y-6">
        <Card title={t("progress")}>
          <LazyTaskProgress taskId={task.id} />
        </Card>
        <Card title={t("report")}>
          <TaskItemsReport task={task} outcome={query.outcome} after={query.after} />
        </Card>
      </div>
    </>
  );
}
