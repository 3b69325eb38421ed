"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { describeDetail } from "@/components/tasks/item-detail";
import { TaskProgress } from "@/components/tasks/task-progress";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Notice } from "@/components/ui/notice";
import { getCalldogLaunchReport, retryCalldogCampaignFailures } from "@/lib/actions/calldog-campaigns";

const POLL_MS = 2_000;

/**
 * A Calldog campaign's launch: the task's progress, and when it is done the numbers that did not go out (with
 * Calldog's reason) and those held back at launch, with "retry just these" (a new task over the failed ones only).
 * Made for the campaign's page as well as its own.
 */
export function LaunchReport({ campaignId }: { campaignId: string }) {
  const t = useTranslations("calldogCampaign");
  const tt = useTranslations("tasks");
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const key = ["calldog-launch-report", campaignId];
  const report = useQuery({
    queryKey: key,
    queryFn: async () => {
      const result = await getCalldogLaunchReport({ campaignId });
      if (!result.ok) throw new Error(result.error);
      return result.data;
    },
    refetchInterval: (q) => (q.state.data?.finished ? false : POLL_MS),
  });
  const data = report.data;
  if (report.error) return <Notice tone="error">{report.error.message}</Notice>;
  if (!data) return <p className="text-sm text-slate-600">{t("report.loading")}</p>;
  if (!data.taskId) return <Notice tone="info">{t("report.notLaunched")}</Notice>;

  const retry = async () => {
    setBusy(true);
    setError(undefined);
    const result = await retryCalldogCampaignFailures({ campaignId });
    setBusy(false);
    setConfirming(false);
    if (!result.ok) return setError(result.error);
    await queryClient.invalidateQueries({ queryKey: key });
  };

  return (
    <div className="space-y-4" data-testid="launch-report">
      <TaskProgress key={data.taskId} taskId={data.taskId} />
      {error && <Notice tone="error">{error}</Notice>}
      {data.finished && data.failedCount === 0 && <Notice tone="success">{t("report.allOut")}</Notice>}
      {data.finished && data.failedCount > 0 && (
        <section className="space-y-3 rounded-md border border-red-200 bg-red-50 p-4" data-testid="launch-failed">
          <h3 className="text-sm font-semibold text-red-900">{t("report.failedTitle", { n: data.failedCount })}</h3>
          <ul className="space-y-1 text-sm">
            {data.failed.map((f) => (
              <li key={f.phone}>
                <span className="font-mono">{f.phone}</span> — <span className="text-slate-700">{describeDetail(f.detail, tt)}</span>
              </li>
            ))}
          </ul>
          {data.failedCount > data.failed.length && <p className="text-xs text-slate-600">{t("andMore", { n: data.failedCount - data.failed.length })}</p>}
          <Button onClick={() => setConfirming(true)} disabled={busy}>
            {t("report.retry", { n: data.failedCount })}
          </Button>
        </section>
      )}
      {data.finished && data.heldBackCount > 0 && (
        <details className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm" data-testid="launch-held-back">
          <summary className="cursor-pointer text-amber-900">{t("report.heldBackTitle", { n: data.heldBackCount })}</summary>
          <ul className="mt-1 columns-2 font-mono text-xs sm:columns-3">
            {data.heldBack.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </details>
      )}
      <Dialog open={confirming} onClose={() => setConfirming(false)} title={t("report.retryTitle")}>
        <p className="mb-6 text-sm text-slate-700">{t("report.retryMessage", { n: data.failedCount })}</p>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setConfirming(false)}>
            {t("cancel")}
          </Button>
          <Button onClick={() => void retry()} disabled={busy}>
            {t("report.retry", { n: data.failedCount })}
          </Button>
        </div>
      </Dialog>
    </div>
  );
}
