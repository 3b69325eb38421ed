"use server";

import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { action } from "@/lib/actions/safe-action";
import { readCampaignSettings } from "@/lib/calldog/campaign-summary";
import { groupIvrAnswers, handlerForAnswer, isStayedOnLine } from "@/lib/calldog/ivr-answers";
import type { IvrMenu } from "@/lib/calldog/ivr-menu";
import { describeMenu, type IvrTranslate } from "@/lib/calldog/ivr-menu-summary";
import { showRussianPhone } from "@/lib/phone-ru";
import { calldogFailure } from "@/lib/calldog/provider-failure";
import { campaignCallCounters } from "@/lib/db/queries/calls";
import { type CampaignWithConnection, campaignCallsPage, campaignStats, findCampaign, NO_IVR_ANSWER } from "@/lib/db/queries/campaign-results";
import { findConnection } from "@/lib/db/queries/connections";
import { type CallStatus, callStatusEnum, type Connection } from "@/lib/db/schema";
import { SafeError } from "@/lib/errors";
import { formatPhone } from "@/lib/phone-format";
import { clientFor } from "@/lib/providers/connection-clients";
import { syncCalldogStatuses } from "@/lib/sync/calldog-status";

const PAGE_SIZE = 25;

const campaignRef = { campaignId: z.uuid() };

const viewSchema = z.object({
  ...campaignRef,
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  status: z.enum(callStatusEnum.enumValues).optional(),
  // A digit, -1 (stayed on the line), a key word, or "none".
  ivrAnswer: z.string().trim().min(1).max(64).optional(),
});

export type CampaignCallView = {
  id: string;
  phoneDisplay: string;
  status: CallStatus;
  final: boolean;
  /** The answer in words, with its key: "1", "Stayed on the line", "“yes” (key 1)". */
  ivrAnswer: string | null;
  /** What the IVR did for this call, in words (block, transfer, sms). */
  ivrActions: string[];
  durationSeconds: number | null;
  dialedAt: string | null;
  answeredAt: string | null;
  endedAt: string | null;
  hasRecording: boolean;
};

export type IvrAnswerRow = {
  /** The filter value for this row's answers (the first one; a handler answered by voice and digit lists both). */
  filter: string;
  label: string;
  actions: string[];
  count: number;
  inMenu: boolean;
};

export type CampaignResultsView = {
  total: number;
  final: number;
  byStatus: Partial<Record<CallStatus, number>>;
  answered: number;
  /** answered ÷ final calls; null before any call ends. */
  answerRate: number | null;
  averageDurationSeconds: number | null;
  ivr: IvrAnswerRow[];
  /** Every stored answer with its words, for the IVR filter. */
  ivrFilters: { value: string; label: string; count: number }[];
  rows: CampaignCallView[];
  matching: number;
  page: number;
  pageCount: number;
  /** Some call is in progress (or the launch is still sending them): the page keeps refreshing. */
  live: boolean;
  /**
   * Every unfinished call is queued for a planned start still ahead (`plannedAt`, perhaps moved into the calling
   * window): nothing to refresh until then. The start and the campaign's zone; null otherwise.
   */
  waiting: { startsAt: string; timeZone: string } | null;
  readAt: string;
};

/** A campaign's live results: counters, answer rate, IVR answers per key, and one filtered page of its calls. */
export const readCampaignResults = action({ role: "any", schema: viewSchema }, async (input): Promise<CampaignResultsView> => {
  const campaign = await calldogCampaign(input.campaignId);
  const { menu } = readCampaignSettings(campaign.settings);
  const [counters, stats, t, tIvr] = await Promise.all([
    campaignCallCounters({ campaignId: campaign.id }),
    campaignStats({ campaignId: campaign.id }),
    getTranslations("calldogResults"),
    getTranslations("calldogIvr"),
  ]);
  const pageCount = Math.max(1, Math.ceil(counters.total / PAGE_SIZE));
  const filter = { status: input.status, ivrAnswer: input.ivrAnswer };
  let page = input.page;
  let { rows, matching } = await campaignCallsPage({ campaignId: campaign.id, filter, page, pageSize: PAGE_SIZE });
  const matchingPages = Math.max(1, Math.ceil(matching / PAGE_SIZE));
  if (page > matchingPages) {
    // The filter now matches fewer calls than the page asked for: show its last page.
    page = matchingPages;
    ({ rows, matching } = await campaignCallsPage({ campaignId: campaign.id, filter, page, pageSize: PAGE_SIZE }));
  }
  const translateIvr = ((key, values) => tIvr(key as never, values as never)) as IvrTranslate;
  const answerWords = (answer: string) => describeAnswer(answer, menu, translateIvr, t);
  const ivr = groupIvrAnswers(menu, stats.ivrAnswers).map((group): IvrAnswerRow => {
    if (group.kind === "unmatched") {
      return { filter: group.answer, label: answerWords(group.answer), actions: [t("ivr.notInMenu")], count: group.count, inMenu: false };
    }
    const [line] = describeMenu({ handlers: [group.handler] }, translateIvr, showRussianPhone);
    return { filter: group.answers[0] ?? "", label: line?.label ?? "", actions: line?.actions ?? [], count: group.count, inMenu: true };
  });
  const answered = stats.answered;
  const waiting = waitingForStart(campaign, counters);
  return {
    total: counters.total,
    final: counters.final,
    byStatus: counters.byStatus,
    answered,
    answerRate: counters.final > 0 ? answered / counters.final : null,
    averageDurationSeconds: stats.averageDurationSeconds,
    ivr,
    ivrFilters: Object.entries(stats.ivrAnswers).map(([value, count]) => ({ value, label: answerWords(value), count })),
    rows: rows.map((row) => ({
      id: row.id,
      phoneDisplay: formatPhone(row.phone),
      status: row.status,
      final: row.final,
      ivrAnswer: row.ivrAnswer === null ? null : answerWords(row.ivrAnswer),
      ivrActions: (row.ivrAction?.split(",") ?? []).filter(Boolean).map((a) => (t.has(`ivrActions.${a}` as never) ? t(`ivrActions.${a}` as never) : a)),
      durationSeconds: row.durationSeconds,
      dialedAt: row.dialedAt?.toISOString() ?? null,
      answeredAt: row.answeredAt?.toISOString() ?? null,
      endedAt: row.endedAt?.toISOString() ?? null,
      hasRecording: row.recordingRef !== null,
    })),
    matching,
    page,
    pageCount: Math.min(pageCount, matchingPages),
    live: !waiting && (counters.final < counters.total || campaign.state === "launching"),
    waiting,
    readAt: new Date().toISOString(),
  };
});

/** "Refresh now": one pass of the status sync over this campaign's unfinished calls, without waiting for the scheduled one. */
export const refreshCampaignStatuses = action({ role: "any", schema: z.object(campaignRef) }, async (input) => {
  const campaign = await calldogCampaign(input.campaignId);
  const connection = await findConnection({ id: campaign.connectionId });
  if (connection?.provider !== "calldog") throw new SafeError("calldogResults.errors.notFound");
  try {
    const client = clientFor(connection as Connection & { provider: "calldog" });
    return await syncCalldogStatuses({ connection, client, campaignId: campaign.id });
  } catch (error) {
    const failure = calldogFailure(error);
    if (failure.reason === "unexpected") throw error;
    throw new SafeError(`calldogErrors.${failure.reason}`);
  }
});

async function calldogCampaign(id: string): Promise<CampaignWithConnection> {
  const campaign = await findCampaign({ id });
  if (campaign?.provider !== "calldog" || campaign.connectionProvider !== "calldog") throw new SafeError("calldogResults.errors.notFound");
  return campaign;
}

/** Launched, planned for later, and every call not yet final is still queued: the campaign waits for its start. */
function waitingForStart(campaign: CampaignWithConnection, counters: { total: number; final: number; byStatus: Partial<Record<CallStatus, number>> }) {
  const unfinished = counters.total - counters.final;
  const planned = campaign.plannedAt;
  if (!planned || planned.getTime() <= Date.now() || campaign.state === "launching" || campaign.state === "draft") return null;
  if (unfinished === 0 || (counters.byStatus.queued ?? 0) !== unfinished) return null;
  return { startsAt: planned.toISOString(), timeZone: campaign.timeZone };
}

type ResultsTranslate = Awaited<ReturnType<typeof getTranslations<"calldogResults">>>;

/** An IVR answer in words: the key pressed, staying on the line, or a key word with the key it stands for. */
function describeAnswer(answer: string, menu: IvrMenu | undefined, tIvr: IvrTranslate, t: ResultsTranslate): string {
  if (answer === NO_IVR_ANSWER) return t("ivr.none");
  if (isStayedOnLine(answer)) return t("ivr.stayed");
  if (/^\d$/.test(answer)) return tIvr("keyLabel", { digit: answer });
  const handler = handlerForAnswer(menu, answer);
  return handler ? t("ivr.wordForKey", { word: answer, digit: handler.digit }) : t("ivr.word", { word: answer });
}
