import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { kindKey } from "@/components/tasks/kind-key";
import { OutageNote } from "@/components/tasks/outage-note";
import { TaskStateBadge } from "@/components/tasks/task-state-badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/current-user";
import { listTasks } from "@/lib/db/queries/tasks";
import { DATE_TIME } from "@/lib/i18n/date-formats";

const PER_PAGE = 25;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("tasks"))("pageTitle") };
}

/** The signed-in user's own background tasks, newest first, a page at a time (keyset on the creation time). */
export default async function TasksPage({ searchParams }: { searchParams: Promise<{ before?: string }> }) {
  const user = await requireUser();
  const t = await getTranslations("tasks");
  const format = await getFormatter();
  const { before } = await searchParams;
  const beforeDate = before && !Number.isNaN(Date.parse(before)) ? new Date(before) : undefined;
  const rows = await listTasks({ ownerId: user.id, before: beforeDate, limit: PER_PAGE + 1 });
  const tasks = rows.slice(0, PER_PAGE);
  const older = rows.length > PER_PAGE ? tasks.at(-1)?.createdAt.toISOString() : undefined;
  const when = (d: Date | null) => (d ? format.dateTime(d, DATE_TIME) : "—");
  return (
    <>
      <PageHeader title={t("pageTitle")}>{t("pageIntro")}</PageHeader>
      <Card>
        {tasks.length === 0 ? (
          <p className="text-sm text-slate-600" data-testid="empty-state">
            {beforeDate ? t("noOlder") : t("empty")}
          </p>
        ) : (
          <Table label={t("pageTitle")}>
            <thead>
              <tr>
                <Th className="min-w-56">{t("task")}</Th>
                <Th>{t("state")}</Th>
                <Th>{t("progress")}</Th>
                <Th>{t("when")}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {tasks.map((task) => (
                <tr key={task.id} data-testid="task-row">
                  <Td>
                    <Link href={`/tasks/${task.id}`} className="font-medium text-indigo-700 underline-offset-2 hover:underline">
                      {t.has(`kinds.${kindKey(task.kind)}`) ? t(`kinds.${kindKey(task.kind)}`) : task.kind}
                    </Link>
                    <div className="text-xs text-slate-500">{task.title}</div>
                  </Td>
                  <Td>
                    <TaskStateBadge state={task.state} />
                    <OutageNote outages={task.outages} compact />
                  </Td>
                  <Td className="whitespace-nowrap">
                    <span className="sr-only">{t("progressOf", { processed: task.processed, total: task.total })}</span>
                    <span aria-hidden>
                      {task.processed} / {task.total}
                    </span>
                    <span aria-hidden className="mt-1 block h-1.5 w-24 overflow-hidden rounded-full bg-slate-200">
                      <span className="block h-full bg-indigo-600" style={{ width: `${task.total ? Math.round((task.processed / task.total) * 100) : 0}%` }} />
                    </span>
                  </Td>
                  <Td className="whitespace-nowrap text-xs text-slate-600">
                    <div>{t("startedAt", { when: when(task.startedAt) })}</div>
                    {task.finishedAt && <div>{t("finishedAt", { when: when(task.finishedAt) })}</div>}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        <nav aria-label={t("pages")} className="mt-4 flex justify-between text-sm">
          {beforeDate ? (
            <Link href="/tasks" className="text-indigo-700 underline">
              {t("newest")}
            </Link>
          ) : (
            <span />
          )}
          {older && (
            <Link href={`/tasks?before=${encodeURIComponent(older)}`} className="text-indigo-700 underline">
              {t("older")}
            </Link>
          )}
        </nav>
      </Card>
    </>
  );
}
