import enAudio from "./en/audio.json";
import enBase from "./en/base.json";
import enCalldog from "./en/calldog.json";
import enCalldogCampaign from "./en/calldog-campaign.json";
import enCalldogResults from "./en/calldog-results.json";
import enCalls from "./en/calls.json";
import enCallsView from "./en/calls-view.json";
import enCampaigns from "./en/campaigns.json";
import enDialingPolicy from "./en/dialing-policy.json";
import enDnc from "./en/dnc.json";
import enImports from "./en/imports.json";
import enLists from "./en/lists.json";
import enObzvonilka from "./en/obzvonilka.json";
import enOverview from "./en/overview.json";
import enRunList from "./en/run-list.json";
import enTasks from "./en/tasks.json";
import enWebhooks from "./en/webhooks.json";
import ruAudio from "./ru/audio.json";
import ruBase from "./ru/base.json";
import ruCalldog from "./ru/calldog.json";
import ruCalldogCampaign from "./ru/calldog-campaign.json";
import ruCalldogResults from "./ru/calldog-results.json";
import ruCalls from "./ru/calls.json";
import ruCallsView from "./ru/calls-view.json";
import ruCampaigns from "./ru/campaigns.json";
import ruDialingPolicy from "./ru/dialing-policy.json";
import ruDnc from "./ru/dnc.json";
import ruImports from "./ru/imports.json";
import ruLists from "./ru/lists.json";
import ruObzvonilka from "./ru/obzvonilka.json";
import ruOverview from "./ru/overview.json";
import ruRunList from "./ru/run-list.json";
import ruTasks from "./ru/tasks.json";
import ruWebhooks from "./ru/webhooks.json";
import type { Locale } from "@/lib/i18n/config";

/**
 * Messages are kept one file per area, each file a set of top-level namespaces; a namespace lives in
 * exactly one file (messages.test.ts checks it).
 */
export const messageFiles: Record<Locale, Record<string, Record<string, unknown>>> = {
  en: {
    audio: enAudio,
    base: enBase,
    calldog: enCalldog,
    calldogCampaign: enCalldogCampaign,
    calldogResults: enCalldogResults,
    calls: enCalls,
    callsView: enCallsView,
    campaigns: enCampaigns,
    dialingPolicy: enDialingPolicy,
    dnc: enDnc,
    imports: enImports,
    lists: enLists,
    obzvonilka: enObzvonilka,
    overview: enOverview,
    runList: enRunList,
    tasks: enTasks,
    webhooks: enWebhooks,
  },
  ru: {
    audio: ruAudio,
    base: ruBase,
    calldog: ruCalldog,
    calldogCampaign: ruCalldogCampaign,
    calldogResults: ruCalldogResults,
    calls: ruCalls,
    callsView: ruCallsView,
    campaigns: ruCampaigns,
    dialingPolicy: ruDialingPolicy,
    dnc: ruDnc,
    imports: ruImports,
    lists: ruLists,
    obzvonilka: ruObzvonilka,
    overview: ruOverview,
    runList: ruRunList,
    tasks: ruTasks,
    webhooks: ruWebhooks,
  },
};

/** A top-level key of the messages: what `<ClientMessages namespaces>` hands to client components. */
export type Namespace = keyof (typeof enAudio &
  typeof enBase &
  typeof enCalldog &
  typeof enCalldogCampaign &
  typeof enCalldogResults &
  typeof enCalls &
  typeof enCallsView &
  typeof enCampaigns &
  typeof enDialingPolicy &
  typeof enDnc &
  typeof enImports &
  typeof enLists &
  typeof enObzvonilka &
  typeof enOverview &
  typeof enRunList &
  typeof enTasks &
  typeof enWebhooks) &
  string;

const merged = new Map<Locale, Readonly<Record<string, unknown>>>();

/** All of a language's namespaces in one object, merged once per language and shared by every request (read-only). */
export function messagesFor(locale: Locale): Readonly<Record<string, unknown>> {
  const known = merged.get(locale);
  if (known) return known;
  const messages: Readonly<Record<string, unknown>> = Object.freeze(Object.assign({}, ...Object.values(messageFiles[locale])));
  merged.set(locale, messages);
  return messages;
}
