"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { CallOneDialog } from "@/components/calls/call-one-dialog";
import { CallsFilters } from "@/components/calls/calls-filters";
import { CallsPager } from "@/components/calls/calls-pager";
import { CallsTable } from "@/components/calls/calls-table";
import { LiveState } from "@/components/calls/live-state";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { type BatchCallsView, listBatchCalls } from "@/lib/actions/calldron-calls";
import type { FinalFilter } from "@/lib/calls/batch-calls";
import type { CallingWindow } from "@/lib/dialing/calling-window";

/** While a batch has calls in progress, the table refreshes this often. */
export const POLL_SECONDS = 5;

type Loaded = Extract<BatchCallsView, { ok: true }>;

/** A read that failed: either the action's own message (already in words) or the provider's reason, translated here. */
class CallsReadFailure extends Error {
  constructor(
    readonly reason: string | null,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A Calldron batch's calls: filtered by status and finality, paginated, refreshed by polling while any
 * call is not final. Used on the Calls page and on a batch's page.
 */
export function BatchCalls({
  connectionId,
  connectionName,
  batchId,
  batchName,
  batchWindow,
}: {
  connectionId: string;
  connectionName: string;
  batchId: string;
  batchName: string;
  /** The batch's own calling window (Calldron applies it), for the call-one confirmation. */
  batchWindow: CallingWindow | null;
}) {
  const t = useTranslations();
  const [page, setPage] = useState(1);
  const [status, setStatus] = useState("");
  const [final, setFinal] = useState<FinalFilter>("all");

  const query = useQuery({
    queryKey: ["calldron-calls", connectionId, batchId, { page, status, final }],
    queryFn: async (): Promise<Loaded> => {
      const result = await listBatchCalls({ connectionId, batchId, page, status: status || undefined, final });
      if (!result.ok) throw new CallsReadFailure(null, result.error);
      if (!result.data.ok) throw new CallsReadFailure(result.data.reason, result.data.reason);
      return result.data;
    },
    placeholderData: keepPreviousData,
    staleTime: 0,
    // The server already retries a failed read (lib/providers/http.ts); a second round here only doubles the wait.
    retry: false,
    refetchInterval: (q) => (q.state.data?.live ? POLL_SECONDS * 1000 : false),
  });

  const data = query.data;
  const failure = query.error ? describeFailure(t, query.error) : null;
  const changeFilters = (next: { status?: string; final?: FinalFilter }) => {
    if (next.status !== undefined) setStatus(next.status);
    if (next.final !== undefined) setFinal(next.final);
    setPage(1);
  };

  return (
    <section aria-label={t("callsPage.title")} className="space-y-4" data-testid="batch-calls">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <CallsFilters status={status} final={final} statusCounts={data?.statusCounts ?? {}} onChange={changeFilters} />
        <CallOneDialog connectionId={connectionId} connectionName={connectionName} batchId={batchId} batchName={batchName} batchWindow={batchWindow} />
      </div>
      {data && <LiveState live={data.live} empty={data.total === 0} readAt={data.readAt} fetching={query.isFetching} pollSeconds={POLL_SECONDS} />}
      {failure && (
        <Notice tone={data ? "warning" : "error"}>
          <span>{data ? t("callsPage.refreshFailed", { reason: failure }) : failure}</span>{" "}
          {!data && (
            <Button size="sm" variant="secondary" className="ml-2" onClick={() => void query.refetch()}>
              {t("callsPage.retry")}
            </Button>
          )}
        </Notice>
      )}
      {!data && query.isPending && (
        <p role="status" className="text-sm text-slate-600">
          {t("callsPage.loading")}
        </p>
      )}
      {data && (
        <>
          {data.truncated && <Notice tone="info">{t("callsPage.truncated", { limit: data.total })}</Notice>}
          {data.total === 0 ? (
            <p className="text-sm text-slate-600" data-testid="calls-empty">
              {t("callsPage.empty")}
            </p>
          ) : data.matching === 0 ? (
            <p className="text-sm text-slate-600">
              {t("callsPage.noMatch")}{" "}
              <button type="button" className="text-indigo-700 underline" onClick={() => changeFilters({ status: "", final: "all" })}>
                {t("callsPage.clearFilters")}
              </button>
            </p>
          ) : (
            <>
              <p className="text-sm text-slate-600" data-testid="calls-count">
                {t("callsPage.counts", { matching: data.matching, total: data.total })}
              </p>
              <CallsTable rows={data.rows} connectionId={connectionId} batchId={batchId} />
              <CallsPager page={data.page} pageCount={data.pageCount} onPage={setPage} />
            </>
          )}
        </>
      )}
    </section>
  );
}

function describeFailure(t: ReturnType<typeof useTranslations>, error: Error): string {
  if (!(error instanceof CallsReadFailure) || error.reason === null) return error.message || t("errors.unexpected");
  if (error.reason === "batch_not_found") return t("callsPage.batchNotFound");
  return t("callsPage.loadFailed", { reason: t(`connections.results.${error.reason}` as never) });
}
