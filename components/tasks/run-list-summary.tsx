"use client";

import { useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useTask } from "@/components/tasks/use-task";
import { Notice } from "@/components/ui/notice";
import { getTaskItems } from "@/lib/actions/tasks";
import { DATE_TIME } from "@/lib/i18n/date-formats";

const OUTCOMES = ["called", "dnc", "alreadyInBatch", "reconciled", "failed", "invalid", "duplicate"] as const;

/** What a list run came to, in words: called, held back, already called, failed with the reason. */
export function RunListSummary({ taskId }: { taskId: string }) {
  const t = useTranslations("runList");
  const format = useFormatter();
  const { data: task } = useTask(taskId);
  const failedCount = task?.counts.failed ?? 0;
  const failed = useQuery({
    queryKey: ["task-items", taskId, "failed", failedCount],
    enabled: failedCount > 0,
    queryFn: async () => {
      const result = await getTaskItems({ id: taskId, outcome: "failed" });
      if (!result.ok) throw new Error(result.error);
      return result.data;
    },
  });
  if (!task) return null;
  const shown = OUTCOMES.filter((o) => o === "called" || (task.counts[o] ?? 0) > 0);
  return (
    <div className="space-y-3" data-testid="run-list-summary">
      {task.collecting && <p className="text-sm text-slate-600">{t("collecting", { count: task.total })}</p>}
      <dl className="grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
        {shown.map((outcome) => (
          <div key={outcome} className="flex justify-between gap-3 border-b border-slate-100 py-1" data-testid={`outcome-${outcome}`}>
            <dt className="text-slate-600">{t(`outcomes.${outcome}`)}</dt>
            <dd className="font-medium tabular-nums text-slate-900">{format.number(task.counts[outcome] ?? 0)}</dd>
          </div>
        ))}
      </dl>
      {task.state === "failed" && task.error && <Notice tone="error">{stopReason(t, task.error)}</Notice>}
      {task.finishedAt && (
        <p className="text-xs text-slate-500">{t("finishedAt", { when: format.dateTime(new Date(task.finishedAt), DATE_TIME) })}</p>
      )}
      {failed.data && failed.data.length > 0 && (
        <div>
          <h4 className="mb-1 text-sm font-medium text-slate-900">{t("failedItems")}</h4>
          <ul className="max-h-48 space-y-0.5 overflow-y-auto text-xs text-slate-700">
            {failed.data.map((item) => (
              <li key={item.seq}>{t("failedReason", { phone: item.display, reason: item.detail ?? "—" })}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

function stopReason(t: ReturnType<typeof useTranslations<"runList">>, key: string): string {
  return t.has(`stopReasons.${key}` as never) ? t(`stopReasons.${key}` as never) : t("stopReasons.unexpected");
}
