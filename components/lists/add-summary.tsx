"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { describeDetail } from "@/components/tasks/item-detail";
import { useTaskProgress } from "@/components/tasks/use-task-progress";
import { Button } from "@/components/ui/button";
import { getTaskItems } from "@/lib/actions/tasks";
import { isTaskActive } from "@/lib/tasks/view";

const SUMMARY = ["added", "already", "invalid", "duplicate", "dnc", "failed"] as const;

/** The end of a bulk add: every pasted entry accounted for, and each failure with its reason. */
export function AddSummary({ taskId, onFinished, onAgain }: { taskId: string; onFinished: () => void; onAgain: () => void }) {
  const t = useTranslations("listPage");
  const tt = useTranslations("tasks");
  const { task } = useTaskProgress(taskId);
  const finished = task !== undefined && !isTaskActive(task.state) && task.state !== "paused";
  const wasActive = useRef(false);
  useEffect(() => {
    if (task && isTaskActive(task.state)) wasActive.current = true;
    if (finished && wasActive.current) {
      wasActive.current = false;
      onFinished();
    }
  }, [task, finished, onFinished]);
  const failed = useQuery({
    queryKey: ["task-items", taskId, "failed"],
    enabled: finished && (task?.counts.failed ?? 0) > 0,
    queryFn: async () => {
      const result = await getTaskItems({ id: taskId, outcome: "failed" });
      if (!result.ok) throw new Error(result.error);
      return result.data;
    },
  });
  if (!task || !finished) return null;
  return (
    <section aria-label={t("summaryTitle")} className="space-y-3 rounded-md border border-slate-200 p-4" data-testid="add-summary">
      <h3 className="text-sm font-semibold text-slate-900">{t("summaryTitle")}</h3>
      <ul className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-3 lg:grid-cols-6">
        {SUMMARY.map((outcome) => (
          <li key={outcome} className="rounded-md bg-slate-50 px-3 py-2" data-testid={`summary-${outcome}`}>
            <span className="block text-xs text-slate-600">{tt(`outcomes.${outcome}`)}</span>
            <span className="text-lg font-semibold text-slate-900">{task.counts[outcome] ?? 0}</span>
          </li>
        ))}
      </ul>
      {(failed.data?.length ?? 0) > 0 && (
        <div>
          <h4 className="text-sm font-medium text-red-800">{t("failedTitle")}</h4>
          <ul className="mt-1 space-y-1 text-sm" data-testid="failed-items">
            {failed.data?.map((item) => (
              <li key={item.seq}>
                <span className="font-mono">{item.display}</span> — {describeDetail(item.detail, tt)}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="flex flex-wrap items-center gap-4 text-sm">
        <Link href={`/tasks/${taskId}`} className="text-indigo-700 underline">
          {t("fullReport")}
        </Link>
        <Button size="sm" variant="secondary" onClick={onAgain}>
          {t("pasteMore")}
        </Button>
      </div>
    </section>
  );
}
