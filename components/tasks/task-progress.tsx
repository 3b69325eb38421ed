"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTask } from "@/components/tasks/use-task";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Notice } from "@/components/ui/notice";
import { cancelTask, pauseTask, resumeTask } from "@/lib/actions/tasks";
import type { TaskView } from "@/lib/tasks/view";

/**
 * A task's progress bar with pause, resume and cancel; it polls while the task runs, so it survives a reload
 * and a server restart. (Minimal version for the list run; the Tasks UI has the full one at this path.)
 */
export function TaskProgress({ taskId }: { taskId: string }) {
  const t = useTranslations("runList.taskProgress");
  const queryClient = useQueryClient();
  const { data: task, error } = useTask(taskId);
  const [problem, setProblem] = useState<string | null>(null);
  if (error) return <Notice tone="error">{t("loadFailed", { reason: error.message })}</Notice>;
  if (!task) return <p className="text-sm text-slate-600">{t("loading")}</p>;

  const change = async (run: typeof pauseTask) => {
    setProblem(null);
    const result = await run({ id: taskId });
    if (!result.ok) setProblem(result.error);
    else queryClient.setQueryData(["task", taskId], result.data);
  };
  const percent = task.total > 0 ? Math.round((task.processed / task.total) * 100) : 0;
  return (
    <div className="space-y-3" data-testid="task-progress">
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <span className="font-medium text-slate-900" data-testid="task-state">
          {t(`states.${task.state}`)}
        </span>
        <span className="tabular-nums text-slate-600">{t("count", { processed: task.processed, total: task.total })}</span>
      </div>
      <div
        role="progressbar"
        aria-label={t("label")}
        aria-valuemin={0}
        aria-valuemax={task.total}
        aria-valuenow={task.processed}
        className="h-2 w-full overflow-hidden rounded-full bg-slate-100"
      >
        <div className={barClass(task)} style={{ width: `${percent}%` }} />
      </div>
      <div className="flex flex-wrap gap-2">
        {(task.state === "queued" || task.state === "running") && (
          <Button size="sm" variant="secondary" onClick={() => change(pauseTask)}>
            {t("pause")}
          </Button>
        )}
        {(task.state === "paused" || task.state === "failed") && (
          <Button size="sm" variant="secondary" onClick={() => change(resumeTask)}>
            {t("resume")}
          </Button>
        )}
        {task.state !== "completed" && task.state !== "canceled" && (
          <ConfirmButton
            label={t("cancel")}
            title={t("cancelTitle")}
            message={t("cancelText")}
            confirmLabel={t("cancelConfirm")}
            cancelLabel={t("keep")}
            variant="danger"
            onConfirm={() => change(cancelTask)}
          />
        )}
      </div>
      {problem && <Notice tone="error">{problem}</Notice>}
    </div>
  );
}

function barClass(task: TaskView): string {
  const tone = task.state === "failed" ? "bg-red-500" : task.state === "paused" ? "bg-amber-500" : task.state === "canceled" ? "bg-slate-400" : "bg-indigo-600";
  return `h-full rounded-full transition-[width] ${tone}`;
}
