import "server-only";
import { type CallerId, type CampaignMessage, readSettings, type Schedule, type WizardStep } from "@/lib/calldog/campaign-settings";
import { getTranslations } from "next-intl/server";
import type { IvrMenu } from "@/lib/calldog/ivr-menu";
import { describeMenu, type IvrMenuLine } from "@/lib/calldog/ivr-menu-summary";
import { listCalldogRecordChoices } from "@/lib/db/queries/calldog-records";
import { latestApprovalFor } from "@/lib/db/queries/launch-approvals";
import type { Campaign } from "@/lib/db/schema";
import { type ApprovalView, toApprovalView } from "@/lib/dialing/approval-view";
import { startInWindow } from "@/lib/dialing/screen";
import { formatPhone } from "@/lib/phone-format";
import { showRussianPhone } from "@/lib/phone-ru";
import { CALLDOG_MAX_PHONES_PER_REQUEST, CALLDOG_TTS_PRICE_KOPECKS } from "@/lib/providers/calldog/wire";

/** How many held-back numbers a step lists by name (the counts are always whole). */
const LISTED = 200;

/**
 * What the wizard's browser side sees of a draft: the choices, counts and the first held-back numbers, formatted
 * here on the server (no phone library in the page); never the whole list of numbers.
 */
export type DraftView = {
  campaignId: string;
  name: string;
  launchKey: string;
  state: Campaign["state"];
  launchTaskId: string | null;
  reached: WizardStep;
  recipients: {
    source: string;
    text: string;
    listRef: string;
    listName: string;
    count: number;
    invalid: string[];
    invalidCount: number;
    dnc: string[];
    dncCount: number;
    duplicates: number;
  } | null;
  callerId: CallerId | null;
  callerIdLabel: string | null;
  message: CampaignMessage | null;
  menu: IvrMenu;
  /** The menu in words, described here so that the review ships no phone library. */
  menuLines: IvrMenuLine[];
  schedule: Schedule | null;
  plannedAt: string | null;
  needRecording: boolean;
  /** Text-to-speech: one generation per create request (up to 1000 numbers), 0.40 ₽ each. */
  ttsKopecks: number | null;
  /**
   * When the calls start as things stand: the campaign's calling window in its zone (the organisation's for a draft
   * that has none yet), and whether the start was moved into it (a picked time, or "now" while the window is closed).
   */
  start: { at: string; moved: boolean; window: { from: string; to: string; timeZone: string } };
  /** The last test call from the review, if any. */
  testCall: { callId: number; phone: string; at: string } | null;
  /** The newest request for an admin's approval of this launch, if one was needed. */
  approval: ApprovalView | null;
};


export async function toDraftView(campaign: Campaign): Promise<DraftView> {
  const settings = readSettings(campaign.settings);
  const t = await getTranslations("calldogIvr");
  const records = settings.menu.handlers.some((h) => h.play) ? await listCalldogRecordChoices({ connectionId: campaign.connectionId }) : [];
  const recordName = (id: string) => records.find((r) => r.recordId === id)?.name;
  const r = settings.recipients;
  const requests = r ? Math.ceil(r.phones.length / CALLDOG_MAX_PHONES_PER_REQUEST) : 0;
  const start = await startInWindow({ at: campaign.plannedAt ?? new Date(), timeZone: campaign.timeZone, window: settings.schedule?.window });
  const approval = await latestApprovalFor({ kind: "calldog.launch", target: campaign.id });
  return {
    campaignId: campaign.id,
    name: campaign.name,
    launchKey: campaign.launchKey ?? "",
    state: campaign.state,
    launchTaskId: campaign.launchTaskId,
    reached: settings.reached,
    recipients: r
      ? {
          source: r.source,
          text: r.text,
          listRef: r.listRef,
          listName: r.listName,
          count: r.phones.length,
          invalid: r.invalid.slice(0, LISTED),
          invalidCount: r.invalid.length,
          dnc: r.dnc.slice(0, LISTED).map(formatPhone),
          dncCount: r.dnc.length,
          duplicates: r.duplicates,
        }
      : null,
    callerId: settings.callerId ?? null,
    callerIdLabel: settings.callerId?.mode === "phone" ? formatPhone(settings.callerId.phone) : null,
    message: settings.message ?? null,
    menu: settings.menu,
    menuLines: describeMenu(settings.menu, (key, values) => t(key as never, values as never), showRussianPhone, recordName),
    schedule: settings.schedule ?? null,
    plannedAt: campaign.plannedAt?.toISOString() ?? null,
    needRecording: settings.needRecording,
    ttsKopecks: settings.message?.kind === "tts" ? requests * CALLDOG_TTS_PRICE_KOPECKS : null,
    start: {
      at: start.startAt.toISOString(),
      moved: start.moved || (settings.schedule?.mode === "at" && settings.schedule.moved),
      window: start.window,
    },
    testCall: settings.testCall ? { callId: settings.testCall.callId, phone: formatPhone(settings.testCall.phone), at: settings.testCall.at } : null,
    approval: approval ? toApprovalView(approval) : null,
  };
}
