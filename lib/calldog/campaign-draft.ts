import "server-only";
import { type CallerId, type CampaignMessage, readSettings, type Schedule, type WizardStep } from "@/lib/calldog/campaign-settings";
import type { IvrMenu } from "@/lib/calldog/ivr-menu";
import type { Campaign } from "@/lib/db/schema";
import { formatPhone } from "@/lib/phone-format";
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
  schedule: Schedule | null;
  plannedAt: string | null;
  needRecording: boolean;
  /** Text-to-speech: one generation per create request (up to 1000 numbers), 0.40 ₽ each. */
  ttsKopecks: number | null;
};

export function toDraftView(campaign: Campaign): DraftView {
  const settings = readSettings(campaign.settings);
  const r = settings.recipients;
  const requests = r ? Math.ceil(r.phones.length / CALLDOG_MAX_PHONES_PER_REQUEST) : 0;
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
    schedule: settings.schedule ?? null,
    plannedAt: campaign.plannedAt?.toISOString() ?? null,
    needRecording: settings.needRecording,
    ttsKopecks: settings.message?.kind === "tts" ? requests * CALLDOG_TTS_PRICE_KOPECKS : null,
  };
}
