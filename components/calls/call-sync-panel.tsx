"use client";

import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { callSyncStatus, refreshCalls } from "@/lib/actions/calls-view";
import type { SyncStatus } from "@/lib/calls/sync-status";
import { DATE_TIME } from "@/lib/i18n/date-formats";

const POLL_MS = 1_500;
const busy = (s: SyncStatus) => s.state === "queued" || s.state === "running";

/** "Refresh now" for the Calldron sync, its progress while it runs, and when each connection was last synced. */
export function CallSyncPanel({ initial }: { initial: SyncStatus[] }) {
  const t = useTranslations("callsView.sync");
  const tr = useTranslations("connections.results");
  const format = useFormatter();
  const router = useRouter();
  const [statuses, setStatuses] = useState(initial);
  const [note, setNote] = useState<"noConnections" | "queueDown" | "done" | null>(null);
  const [pending, start] = useTransition();
  const wasBusy = useRef(initial.some(busy));
  const running = statuses.some(busy);

  useEffect(() => {
    if (!running) return;
    const timer = setInterval(async () => {
      const result = await callSyncStatus({}).catch(() => null);
      if (result?.ok) setStatuses(result.data);
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [running]);

  useEffect(() => {
    if (wasBusy.current && !running) {
      setNote("done");
      router.refresh();
    }
    wasBusy.current = running;
  }, [running, router]);

  const refresh = () =>
    start(async () => {
      setNote(null);
      const result = await refreshCalls({});
      if (!result.ok) return;
      setStatuses(result.data.statuses);
      if (result.data.outcome !== "queued") setNote(result.data.outcome);
      else wasBusy.current = true;
    });

  const last = statuses
    .map((s) => s.lastSuccessAt)
    .filter((v): v is string => v !== null)
    .sort()
    .at(0);
  return (
    <div className="flex max-w-md flex-col items-end gap-1 text-right text-sm" data-testid="call-sync">
      <Button variant="secondary" onClick={refresh} disabled={pending || running}>
        {t("refresh")}
      </Button>
      <p role="status" aria-live="polite" className="text-xs text-slate-600" data-testid="sync-state" data-busy={running}>
        {running
          ? statuses.filter(busy).map((s) => (
              <span key={s.connectionId} className="block">
                {s.state === "queued" ? t("queued") : t("running", { name: s.name, done: s.batchesDone, total: s.batchesTotal, pages: s.pagesRead })}
              </span>
            ))
          : note === "noConnections"
            ? t("noConnections")
            : note === "queueDown"
              ? t("queueDown")
              : note === "done"
                ? t("done")
                : last
                  ? t("lastSynced", { time: format.dateTime(new Date(last), DATE_TIME) })
                  : statuses.length > 0
                    ? t("never")
                    : null}
      </p>
      {statuses
        .filter((s) => s.state === "failed" && s.failure)
        .map((s) => (
          <p key={s.connectionId} role="alert" className="text-xs text-red-700">
            {t("failed", { name: s.name, reason: tr(s.failure as never) })}
          </p>
        ))}
    </div>
  );
}
