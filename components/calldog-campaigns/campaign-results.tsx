"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { CampaignCallsTable } from "@/components/calldog-campaigns/campaign-calls-table";
import { CampaignCounters } from "@/components/calldog-campaigns/campaign-counters";
import { IvrAnswers } from "@/components/calldog-campaigns/ivr-answers";
import { CallsPager } from "@/components/calls/calls-pager";
import { LiveState } from "@/components/calls/live-state";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { SelectField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { type CampaignResultsView, readCampaignResults, refreshCampaignStatuses } from "@/lib/actions/calldog-campaign-results";
import { DATE_TIME } from "@/lib/i18n/date-formats";

/** While a campaign has calls that are not final, its results refresh this often. */
const POLL_SECONDS = 5;
const STATUSES = ["queued", "ringing", "in_progress", "answered", "busy", "no_answer", "failed", "canceled"] as const;
const NO_ANSWER_FILTER = "none";
/** While the calls wait for a planned start the page reads again at the start, and at least this often meanwhile. */
const WAITING_CHECK_MS = 10 * 60_000;


/**
 * A Calldog campaign's results as the database has them (webhooks and the status sync fill it): counters,
 * IVR answers per key and a filtered, paginated table of calls, polled while any call is not final.
 */
export function CampaignResults({ campaignId }: { campaignId: string }) {
  const t = useTranslations("calldogResults");
  const format = useFormatter();
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const [status, setStatus] = useState("");
  const [ivrAnswer, setIvrAnswer] = useState("");

  const query = useQuery({
    queryKey: ["calldog-campaign", campaignId, { page, status, ivrAnswer }],
    queryFn: async (): Promise<CampaignResultsView> => {
      const result = await readCampaignResults({
        campaignId,
        page,
        status: (status || undefined) as (typeof STATUSES)[number] | undefined,
        ivrAnswer: ivrAnswer || undefined,
      });
      if (!result.ok) throw new Error(result.error);
      return result.data;
    },
    placeholderData: keepPreviousData,
    staleTime: 0,
    retry: false,
    refetchInterval: (q) => (q.state.data?.live ? POLL_SECONDS * 1000 : q.state.data?.waiting ? untilStart(q.state.data.waiting.startsAt) : false),
  });
  const refresh = useMutation({
    mutationFn: async () => {
      const result = await refreshCampaignStatuses({ campaignId });
      if (!result.ok) throw new Error(result.error);
      return result.data;
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: ["calldog-campaign", campaignId] }),
  });

  const data = query.data;
  const changeFilters = (next: { status?: string; ivrAnswer?: string }) => {
    if (next.status !== undefined) setStatus(next.status);
    if (next.ivrAnswer !== undefined) setIvrAnswer(next.ivrAnswer);
    setPage(1);
  };
  const statusWord = (s: string) => t(`statuses.${s}` as never);

  if (!data) {
    return query.error ? (
      <Notice tone="error">
        <span>{query.error.message}</span>{" "}
        <Button size="sm" variant="secondary" className="ml-2" onClick={() => void query.refetch()}>
          {t("retry")}
        </Button>
      </Notice>
    ) : (
      <p role="status" className="text-sm text-slate-600">
        {t("loading")}
      </p>
    );
  }

  return (
    <>
      <Card
        title={t("results")}
        actions={
          <Button size="sm" variant="secondary" disabled={refresh.isPending || data.total === 0} onClick={() => refresh.mutate()}>
            {refresh.isPending ? t("refreshing") : t("refreshNow")}
          </Button>
        }
      >
        <div className="space-y-4">
          <LiveState
            live={data.live}
            empty={data.total === 0}
            readAt={data.readAt}
            fetching={query.isFetching}
            pollSeconds={POLL_SECONDS}
            waiting={
              data.waiting
                ? t("waiting", {
                    when: format.dateTime(new Date(data.waiting.startsAt), { ...DATE_TIME, timeZone: data.waiting.timeZone }),
                    zone: data.waiting.timeZone,
                  })
                : undefined
            }
          />
          {query.error && <Notice tone="warning">{t("refreshFailed", { reason: query.error.message })}</Notice>}
          {refresh.error && <Notice tone="error">{t("syncFailed", { reason: refresh.error.message })}</Notice>}
          {refresh.data && (
            <p role="status" className="text-sm text-slate-600" data-testid="sync-outcome">
              {t("synced", { polled: refresh.data.polled, changed: refresh.data.changed })}
            </p>
          )}
          <CampaignCounters view={data} />
        </div>
      </Card>
      <Card title={t("ivr.title")}>
        <IvrAnswers rows={data.ivr} onShow={(answer) => changeFilters({ ivrAnswer: answer })} />
      </Card>
      <Card title={t("calls")}>
        <section className="space-y-4" aria-label={t("calls")} data-testid="campaign-calls">
          {/* biome-ignore lint/a11y/useSemanticElements: filter controls that apply at once, not a submitted form */}
          <div role="group" aria-label={t("filters")} className="flex flex-wrap items-end gap-3">
            <SelectField label={t("filterStatus")} name="status" value={status} onChange={(e) => changeFilters({ status: e.target.value })} className="w-56">
              <option value="">{t("allStatuses")}</option>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t("option", { label: statusWord(s), count: data.byStatus[s] ?? 0 })}
                </option>
              ))}
            </SelectField>
            <SelectField label={t("filterIvr")} name="ivrAnswer" value={ivrAnswer} onChange={(e) => changeFilters({ ivrAnswer: e.target.value })} className="w-64">
              <option value="">{t("allAnswers")}</option>
              <option value={NO_ANSWER_FILTER}>{t("ivr.none")}</option>
              {data.ivrFilters.map((f) => (
                <option key={f.value} value={f.value}>
                  {t("option", { label: f.label, count: f.count })}
                </option>
              ))}
              {ivrAnswer && ivrAnswer !== NO_ANSWER_FILTER && !data.ivrFilters.some((f) => f.value === ivrAnswer) && <option value={ivrAnswer}>{ivrAnswer}</option>}
            </SelectField>
          </div>
          {data.total === 0 ? (
            <p className="text-sm text-slate-600" data-testid="calls-empty">
              {t("noCalls")}
            </p>
          ) : data.matching === 0 ? (
            <p className="text-sm text-slate-600">
              {t("noMatch")}{" "}
              <button type="button" className="text-indigo-700 underline" onClick={() => changeFilters({ status: "", ivrAnswer: "" })}>
                {t("clearFilters")}
              </button>
            </p>
          ) : (
            <>
              <p className="text-sm text-slate-600" data-testid="calls-count">
                {t("counts", { matching: format.number(data.matching), total: format.number(data.total) })}
              </p>
              <CampaignCallsTable rows={data.rows} />
              <CallsPager page={data.page} pageCount={data.pageCount} onPage={setPage} />
            </>
          )}
        </section>
      </Card>
    </>
  );
}

/** Milliseconds until a few seconds after the planned start, within [POLL_SECONDS, WAITING_CHECK_MS]. */
function untilStart(startsAt: string): number {
  return Math.min(WAITING_CHECK_MS, Math.max(POLL_SECONDS * 1000, Date.parse(startsAt) - Date.now() + 3_000));
}
