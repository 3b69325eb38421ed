import enAudio from "./en/audio.json";
import enBase from "./en/base.json";
import enCalldog from "./en/calldog.json";
import enCalls from "./en/calls.json";
import enCampaigns from "./en/campaigns.json";
import enDnc from "./en/dnc.json";
import enImports from "./en/imports.json";
import enLists from "./en/lists.json";
import enObzvonilka from "./en/obzvonilka.json";
import enTasks from "./en/tasks.json";
import ruAudio from "./ru/audio.json";
import ruBase from "./ru/base.json";
import ruCalldog from "./ru/calldog.json";
import ruCalls from "./ru/calls.json";
import ruCampaigns from "./ru/campaigns.json";
import ruDnc from "./ru/dnc.json";
import ruImports from "./ru/imports.json";
import ruLists from "./ru/lists.json";
import ruObzvonilka from "./ru/obzvonilka.json";
import ruTasks from "./ru/tasks.json";
import type { Locale } from "@/lib/i18n/config";

/**
 * Messages are kept one file per area, each file a set of top-level namespaces; a namespace lives in
 * exactly one file (messages.test.ts checks it).
 */
export const messageFiles: Record<Locale, Record<string, Record<string, unknown>>> = {
  en: { base: enBase, campaigns: enCampaigns, lists: enLists, dnc: enDnc, tasks: enTasks, audio: enAudio, calls: enCalls, calldog: enCalldog, imports: enImports, obzvonilka: enObzvonilka },
  ru: { base: ruBase, campaigns: ruCampaigns, lists: ruLists, dnc: ruDnc, tasks: ruTasks, audio: ruAudio, calls: ruCalls, calldog: ruCalldog, imports: ruImports, obzvonilka: ruObzvonilka },
};

export function messagesFor(locale: Locale): Record<string, unknown> {
  return Object.assign({}, ...Object.values(messageFiles[locale]));
}
