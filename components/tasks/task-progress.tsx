"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { OutageNote } from "@/components/tasks/outage-note";
import { useTaskLabels } from "@/components/tasks/task-labels";
import { TaskStateBadge } from "@/components/tasks/task-state-badge";
import { useTaskProgress } from "@/components/tasks/use-task-progress";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Notice } from "@/components/ui/notice";
import { cancelTask, pauseTask, resumeTask } from "@/lib/actions/tasks";
import { isTaskActive, type TaskView } from "@/lib/tasks/view";

/**
 * A background task's progress as the database has it (so it survives a reload and a restart): a bar, counts per
 * outcome, rate and time left, its state, why it stopped and the database outages it waited out, with pause, resume and cancel where they apply.
 */
export function TaskProgress({ taskId }: { taskId: string }) {
  const t = useTranslations("tasks");
  const { task, error, databaseDown, loading, ratePerSecond } = useTaskProgress(taskId);
  if (loading) return <p className="text-sm text-slate-600">{t("loading")}</p>;
  if (!task) return <Notice tone="error">{error ?? t("loadFailed")}</Notice>;
  return (
    <div className="space-y-3" data-testid="task-progress">
      {error && <Notice tone="warning">{t(databaseDown ? "pollOutage" : "pollFailed")}</Notice>}
      <ProgressHeader task={task} />
      <OutageNote outages={task.outages} />
      <ProgressBar task={task} />
      <ProgressFigures task={task} ratePerSecond={ratePerSecond} />
      <OutcomeCounts counts={task.counts} />
      <TaskControls task={task} />
    </div>
  );
}

function ProgressHeader({ task }: { task: TaskView }) {
  const t = useTranslations("tasks");
  const labels = useTaskLabels();
  return (
    <div className="flex flex-wrap items-center gap-2">
      <span data-testid="task-state">
        <TaskStateBadge state={task.state} />
      </span>
      <span className="text-sm text-slate-700">{t(`stateHelp.${task.state}`)}</span>
      {task.error && (
        <Notice tone="error" className="w-full">
          {t("stoppedBecause", { reason: labels.error(task.error) })}
        </Notice>
      )}
    </div>
  );
}

function ProgressBar({ task }: { task: TaskView }) {
  const t = useTranslations("tasks");
  const percent = task.total > 0 ? Math.round((task.processed / task.total) * 100) : 0;
  return (
    <div
      role="progressbar"
      aria-label={t("progressLabel")}
      aria-valuemin={0}
      aria-valuemax={task.total}
      aria-valuenow={task.processed}
      aria-valuetext={t("progressOf", { processed: task.processed, total: task.total })}
      className="h-3 w-full overflow-hidden rounded-full bg-slate-200"
    >
      <div className={task.state === "failed" ? "h-full bg-red-500" : "h-full bg-indigo-600 transition-[width]"} style={{ width: `${percent}%` }} />
    </div>
  );
}

function ProgressFigures({ task, ratePerSecond }: { task: TaskView; ratePerSecond: number | undefined }) {
  const t = useTranslations("tasks");
  const format = useFormatter();
  const remaining = task.total - task.processed;
  const showRate = isTaskActive(task.state) && ratePerSecond !== undefined && ratePerSecond > 0;
  return (
    <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700">
      <span>{t("progressOf", { processed: task.processed, total: task.total })}</span>
      {showRate && <span>{t("rate", { rate: format.number(ratePerSecond, { maximumFractionDigits: 1 }) })}</span>}
      {showRate && remaining > 0 && <span>{t("eta", { time: duration(remaining / ratePerSecond, t) })}</span>}
    </p>
  );
}

function duration(seconds: number, t: ReturnType<typeof useTranslations<"tasks">>): string {
  if (seconds < 60) return t("seconds", { n: Math.max(1, Math.round(seconds)) });
  if (seconds < 3600) return t("minutes", { n: Math.round(seconds / 60) });
  return t("hours", { h: Math.floor(seconds / 3600), m: Math.round((seconds % 3600) / 60) });
}

/** Counts per outcome, in words; zero counts are left out. */
export function OutcomeCounts({ counts }: { counts: Record<string, number> }) {
  const t = useTranslations("tasks");
  const format = useFormatter();
  const labels = useTaskLabels();
  const entries = Object.entries(counts).filter(([, n]) => n > 0);
  if (entries.length === 0) return null;
  return (
    <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm" aria-label={t("outcomesLabel")}>
      {entries.map(([outcome, n]) => (
        <div key={outcome} className="flex gap-1" data-testid={`count-${outcome}`}>
          <dt className="text-slate-600">{labels.outcome(outcome)}:</dt>
          <dd className="font-semibold text-slate-900">{format.number(n)}</dd>
        </div>
      ))}
    </dl>
  );
}

function TaskControls({ task }: { task: TaskView }) {
  const t = useTranslations("tasks");
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<string>();
  const run = async (change: typeof pauseTask) => {
    setMessage(undefined);
    const result = await change({ id: task.id });
    if (!result.ok) setMessage(result.error);
    await queryClient.invalidateQueries({ queryKey: ["task", task.id] });
  };
  const canPause = task.state === "queued" || task.state === "running";
  const canResume = task.state === "paused" || task.state === "failed";
  const canCancel = canPause || canResume;
  if (!canPause && !canResume && !message) return null;
  return (
    <div className="flex flex-wrap items-center gap-2">
      {canPause && (
        <Button size="sm" variant="secondary" onClick={() => run(pauseTask)}>
          {t("pause")}
        </Button>
      )}
      {canResume && (
        <Button size="sm" variant="secondary" onClick={() => run(resumeTask)}>
          {t("resume")}
        </Button>
      )}
      {canCancel && (
        <ConfirmButton
          label={t("cancel")}
          title={t("cancelTitle")}
          message={t("cancelMessage", { title: task.title })}
          confirmLabel={t("cancelConfirm")}
          cancelLabel={t("keepGoing")}
          variant="danger"
          onConfirm={() => run(cancelTask)}
        />
      )}
      {message && <span role="alert" className="text-sm text-red-700">{message}</span>}
    </div>
  );
}
