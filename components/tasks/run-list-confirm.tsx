"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Notice } from "@/components/ui/notice";
import { previewRunList, startRunListAction } from "@/lib/actions/calldron-run-list";

export type RunTarget = { connectionId: string; listId: string; batchId: string };

/** The confirmation before a run dials anyone: it names the list and the batch and counts the subscribers. */
export function RunListConfirm({ target, onClose, onShow }: { target: RunTarget; onClose: () => void; onShow: (taskId: string) => void }) {
  const t = useTranslations("runList");
  const preview = useQuery({
    queryKey: ["run-list-preview", target],
    queryFn: async () => {
      const result = await previewRunList(target);
      if (!result.ok) throw new Error(result.error);
      return result.data;
    },
    staleTime: 0,
    gcTime: 0,
  });
  const start = useMutation({
    mutationFn: async (confirmedSubscribers: number) => {
      const result = await startRunListAction({ ...target, confirmedSubscribers });
      if (!result.ok) throw new Error(result.error);
      if (!result.data.ok) throw new Error(t(`problems.${result.data.problem}`));
      return result.data.taskId;
    },
    onSuccess: onShow,
  });
  const data = preview.data;
  const ready = data?.read.ok ? data.read.data : undefined;

  return (
    <Dialog open onClose={onClose} title={t("confirmTitle")}>
      <div className="space-y-4 text-sm text-slate-700">
        {preview.isPending && <p>{t("confirmLoading")}</p>}
        {preview.error && <Notice tone="error">{preview.error.message}</Notice>}
        {data && !data.read.ok && <Notice tone="error">{t("readFailed", { reason: t(`problems.${data.read.problem}`) })}</Notice>}
        {data?.activeTaskId && <Notice>{t("activeHere")}</Notice>}
        {data?.activeElsewhere && <Notice tone="warning">{t("activeElsewhere")}</Notice>}
        {ready && !data?.activeTaskId && !data?.activeElsewhere && (
          <>
            <p data-testid="run-list-confirm-text">
              {ready.subscribers > 0
                ? t("confirmText", { count: ready.subscribers, list: ready.listName, batch: ready.batchName })
                : t("confirmEmpty", { list: ready.listName })}
            </p>
            <p className="text-xs text-slate-500">{t("rules")}</p>
          </>
        )}
        {start.error && <Notice tone="error">{t("startFailed", { reason: start.error.message })}</Notice>}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            {data?.activeTaskId ? t("close") : t("cancel")}
          </Button>
          {data?.activeTaskId ? (
            <Button onClick={() => onShow(data.activeTaskId as string)}>{t("showRun")}</Button>
          ) : (
            ready &&
            !data?.activeElsewhere &&
            ready.subscribers > 0 && (
              // Disabled from the first click: a double click sends one start (and the server makes one run anyway).
              <Button disabled={start.isPending || start.isSuccess} onClick={() => start.mutate(ready.subscribers)}>
                {t("confirmStart")}
              </Button>
            )
          )}
        </div>
      </div>
    </Dialog>
  );
}
