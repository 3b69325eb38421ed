"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useFormatter, useTimeZone, useTranslations } from "next-intl";
import { useState } from "react";
import { BatchTestCall } from "@/components/campaigns/batch-test-call";
import { batchWindowText, LaunchFacts, TypedCount, typedNumber } from "@/components/dialing-policy/launch-facts";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Notice } from "@/components/ui/notice";
import { previewRunList, startRunListAction } from "@/lib/actions/calldron-run-list";
import { typedCountConfirms } from "@/lib/dialing/confirm";
import type { ApprovalView } from "@/lib/dialing/approval-view";
import { DATE_TIME } from "@/lib/i18n/date-formats";

export type RunTarget = { connectionId: string; listId: string; batchId: string };

/**
 * The confirmation before a run dials anyone: the list, the batch and its window, the connection and how many
 * subscribers; whether the user made a test call through the batch (and one to make); over 1,000 the count typed;
 * a manager's run above the limit goes to an admin for approval.
 */
export function RunListConfirm({ target, onClose, onShow }: { target: RunTarget; onClose: () => void; onShow: (taskId: string) => void }) {
  const t = useTranslations("runList");
  const tg = useTranslations("launchGuard");
  const tt = useTranslations("testCall");
  const format = useFormatter();
  const yourZone = useTimeZone() ?? "Europe/Moscow";
  const [typed, setTyped] = useState("");
  const [asked, setAsked] = useState<ApprovalView | null>(null);
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
    mutationFn: async (confirmedCount: number) => {
      const result = await startRunListAction({ ...target, confirmedCount, typedCount: typedNumber(typed) });
      if (!result.ok) throw new Error(result.error);
      if (!result.data.ok) throw new Error(t(`problems.${result.data.problem}`));
      return result.data;
    },
    onSuccess: (data) => {
      if (data.taskId) onShow(data.taskId);
      else setAsked(data.approval);
    },
  });
  const data = preview.data;
  const ready = data?.read.ok ? data.read.data : undefined;
  const approval = asked ?? (data?.approval?.state === "pending" || (data?.approval?.state === "rejected" && !start.isSuccess) ? data.approval : null);
  const window = ready?.window ? batchWindowText(tg, ready.window) : tg("windowUnknown");
  // Calldron applies the batch's window itself: calls asked for while it is closed wait for its opening.
  const starts = ready?.window
    ? ready.opensAt
      ? tg("startsBatchClosed", { when: format.dateTime(new Date(ready.opensAt), DATE_TIME), zone: yourZone })
      : tg("startsBatchOpen")
    : undefined;
  const confirmed = ready ? typedCountConfirms(ready.toDial, typedNumber(typed)) : false;

  return (
    <Dialog open onClose={onClose} title={t("confirmTitle")}>
      <div className="space-y-4 text-sm text-slate-700">
        {preview.isPending && <p>{t("confirmLoading")}</p>}
        {preview.error && <Notice tone="error">{preview.error.message}</Notice>}
        {data && !data.read.ok && <Notice tone="error">{t("readFailed", { reason: t(`problems.${data.read.problem}`) })}</Notice>}
        {data?.activeTaskId && <Notice>{t("activeHere")}</Notice>}
        {data?.activeElsewhere && <Notice tone="warning">{t("activeElsewhere")}</Notice>}
        {approval?.state === "pending" && <Notice tone="info">{tg("approvalPending", { n: approval.count })}</Notice>}
        {approval?.state === "rejected" && <Notice tone="warning">{tg("approvalRejected", { reason: approval.reason ?? "" })}</Notice>}
        {ready && !data?.activeTaskId && !data?.activeElsewhere && (
          <>
            <p data-testid="run-list-confirm-text">
              {ready.subscribers === 0
                ? t("confirmEmpty", { list: ready.listName })
                : ready.toDial === 0
                  ? t("confirmNoneToDial", { list: ready.listName })
                  : t("confirmText", { count: ready.toDial, list: ready.listName, batch: ready.batchName })}
            </p>
            {ready.subscribers > 0 && (
              <LaunchFacts
                count={ready.toDial}
                heldBack={ready.heldBack}
                window={window}
                starts={starts}
                provider="Calldron"
                connection={data?.connectionName ?? ""}
              />
            )}
            <section aria-label={tt("title")} className="space-y-1 border-t border-slate-200 pt-3">
              <h3 className="text-sm font-medium text-slate-900">{tt("title")}</h3>
              <BatchTestCall connectionId={target.connectionId} batchId={target.batchId} />
            </section>
            <p className="text-xs text-slate-500">{t("rules")}</p>
            {ready.toDial > 0 && approval?.state !== "pending" && <TypedCount count={ready.toDial} value={typed} onChange={setTyped} />}
            {ready.needsApproval && approval?.state !== "pending" && <Notice tone="info">{tg("approvalNeeded", { limit: ready.approvalAbove ?? 0 })}</Notice>}
          </>
        )}
        {start.error && <Notice tone="error">{t("startFailed", { reason: start.error.message })}</Notice>}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            {data?.activeTaskId || approval?.state === "pending" ? t("close") : t("cancel")}
          </Button>
          {data?.activeTaskId ? (
            <Button onClick={() => onShow(data.activeTaskId as string)}>{t("showRun")}</Button>
          ) : (
            ready &&
            !data?.activeElsewhere &&
            approval?.state !== "pending" &&
            ready.toDial > 0 && (
              // Disabled from the first click: a double click sends one start (and the server makes one run anyway).
              <Button disabled={start.isPending || start.isSuccess || !confirmed} onClick={() => start.mutate(ready.toDial)}>
                {ready.needsApproval ? tg("askApproval") : t("confirmStart")}
              </Button>
            )
          )}
        </div>
      </div>
    </Dialog>
  );
}
