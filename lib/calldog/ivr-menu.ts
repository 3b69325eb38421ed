import { CALLDOG_SMS_MAX, CALLDOG_URL_MAX } from "@/lib/providers/calldog/limits";
import type { CalldogIvrInput } from "@/lib/providers/calldog/wire";

/**
 * The app's IVR menu: what the builder edits, what templates store and what the wizard launches. It is a
 * draft (fields hold what the user typed, possibly invalid) so that the builder can keep a half-made menu
 * and show its problems in place; `validateMenu` says what is wrong, `toCalldogIvrs` turns a valid menu
 * into the client's `CalldogCreateCallsInput["ivrs"]`. Both take the transfer number's check as an argument
 * (`toRussianE164` from lib/phone-ru.ts): the builder fetches it after the page (components/calldog/use-ru-phone.ts),
 * the server imports it.
 */

/** A number in E.164 when it is one, else undefined. */
export type ToE164 = (input: string) => string | undefined;

/** "" is Calldog's empty digit: "stay on the line", what runs when nothing else matched. */
export const IVR_DIGITS = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "0", ""] as const;
export type IvrDigit = (typeof IVR_DIGITS)[number];
export const NO_KEY: IvrDigit = "";

export type IvrParameter = { key: string; value: string };

/** One key's handler as the builder keeps it (a draft: it may have problems, see validateMenu). Each action is null when not chosen. */
export type IvrHandler = {
  digit: IvrDigit;
  play: { recordId: string } | null;
  transfer: { phone: string } | null;
  sms: { text: string } | null;
  blacklist: boolean;
  webhook: { url: string; parameters: IvrParameter[] } | null;
  /** Words recognised in speech, as typed (spaces or commas between them). */
  keyWords: { text: string } | null;
};

export type IvrMenu = { handlers: IvrHandler[] };

export const EMPTY_MENU: IvrMenu = { handlers: [] };

/** A record the builder offers for "play a record": a Calldog record id, its name, and its connection's name when several are mixed. */
export type IvrRecordChoice = { recordId: string; name: string; group?: string };

export function emptyHandler(digit: IvrDigit): IvrHandler {
  return { digit, play: null, transfer: null, sms: null, blacklist: false, webhook: null, keyWords: null };
}

/** The first digit no handler uses yet (1…9, 0, then "no key"), or undefined when all eleven are taken. */
export function nextFreeDigit(menu: IvrMenu): IvrDigit | undefined {
  const used = new Set(menu.handlers.map((h) => h.digit));
  return IVR_DIGITS.find((d) => !used.has(d));
}

export type IvrField = "digit" | "actions" | "play" | "transfer" | "sms" | "webhookUrl" | "webhookParameters" | "keyWords";

/** Message keys under `calldogIvr.problems`. */
export type IvrProblemCode =
  | "digitTwice"
  | "noAction"
  | "recordIdInvalid"
  | "phoneInvalid"
  | "smsEmpty"
  | "smsTooLong"
  | "webhookUrlInvalid"
  | "parameterKeyEmpty"
  | "parameterKeyTwice"
  | "keyWordsEmpty"
  | "keyWordTwice"
  | "keyWordsOnNoKey"
  | "transferAndBlacklist";

export type IvrProblem = { field: IvrField; code: IvrProblemCode; values?: Record<string, string | number> };

/** Problems per handler, by index in `menu.handlers` (empty arrays for good handlers). */
export type IvrMenuProblems = IvrProblem[][];

export function validateMenu(menu: IvrMenu, toE164: ToE164): IvrMenuProblems {
  const firstUse = new Map<IvrDigit, number>();
  const wordOwner = new Map<string, IvrDigit>();
  return menu.handlers.map((handler, index) => {
    const problems: IvrProblem[] = [];
    const add = (field: IvrField, code: IvrProblemCode, values?: IvrProblem["values"]) => problems.push({ field, code, values });

    const earlier = firstUse.get(handler.digit);
    if (earlier === undefined) firstUse.set(handler.digit, index);
    else add("digit", "digitTwice", { position: earlier + 1 });

    // The no-key handler without actions is meaningful (the callee simply stays on the line); a digit is not.
    if (handler.digit !== NO_KEY && !hasAnyAction(handler)) add("actions", "noAction");

    if (handler.play && !parseRecordId(handler.play.recordId)) add("play", "recordIdInvalid");
    if (handler.transfer && !toE164(handler.transfer.phone)) add("transfer", "phoneInvalid");
    if (handler.sms) {
      const length = smsLength(handler.sms.text);
      if (handler.sms.text.trim() === "") add("sms", "smsEmpty");
      else if (length > CALLDOG_SMS_MAX) add("sms", "smsTooLong", { max: CALLDOG_SMS_MAX, length });
    }
    if (handler.webhook) {
      if (!isWebhookUrl(handler.webhook.url)) add("webhookUrl", "webhookUrlInvalid", { max: CALLDOG_URL_MAX });
      const keys = handler.webhook.parameters.map((p) => p.key.trim());
      if (keys.some((k) => k === "")) add("webhookParameters", "parameterKeyEmpty");
      const twice = keys.find((k, i) => k !== "" && keys.indexOf(k) !== i);
      if (twice) add("webhookParameters", "parameterKeyTwice", { key: twice });
    }
    if (handler.keyWords) {
      const words = splitKeyWords(handler.keyWords.text);
      if (handler.digit === NO_KEY) add("keyWords", "keyWordsOnNoKey");
      else if (words.length === 0) add("keyWords", "keyWordsEmpty");
      for (const word of handler.digit === NO_KEY ? [] : words) {
        const owner = wordOwner.get(word);
        if (owner !== undefined && owner !== handler.digit) add("keyWords", "keyWordTwice", { word, digit: owner });
        else wordOwner.set(word, handler.digit);
      }
    }
    if (handler.transfer && handler.blacklist) add("actions", "transferAndBlacklist");
    return problems;
  });
}

export function menuIsValid(problems: IvrMenuProblems): boolean {
  return problems.every((p) => p.length === 0);
}

export function hasAnyAction(handler: IvrHandler): boolean {
  return Boolean(handler.play || handler.transfer || handler.sms || handler.blacklist || handler.webhook || handler.keyWords);
}

/** SMS length as the user sees it: characters, not UTF-16 units. */
export function smsLength(text: string): number {
  return [...text].length;
}

/** Calldog wants the words in one string separated by spaces; the user may also type commas. */
export function splitKeyWords(text: string): string[] {
  const words = text
    .split(/[\s,;]+/)
    .map((w) => w.trim().toLowerCase())
    .filter(Boolean);
  return [...new Set(words)];
}

/** What the key/value editor produces: an object of strings (later rows win on a repeated key, which validation flags). */
export function webhookParametersObject(parameters: IvrParameter[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of parameters) if (p.key.trim()) out[p.key.trim()] = p.value;
  return out;
}

/** The `webhookParameters` JSON string as it goes on the wire (the client stringifies the same object). */
export function webhookParametersJson(parameters: IvrParameter[]): string {
  return JSON.stringify(webhookParametersObject(parameters));
}

function parseRecordId(value: string): number | undefined {
  const trimmed = value.trim();
  if (!/^\d{1,12}$/.test(trimmed)) return undefined;
  const id = Number(trimmed);
  return id > 0 ? id : undefined;
}

function isWebhookUrl(value: string): boolean {
  const trimmed = value.trim();
  if (trimmed.length === 0 || trimmed.length > CALLDOG_URL_MAX) return false;
  try {
    const url = new URL(trimmed);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

/**
 * The client's IVR input for `createCalls`, handlers ordered 1…9, 0, then "no key". Throws on an invalid
 * menu: callers validate first and show the problems.
 */
export function toCalldogIvrs(menu: IvrMenu, toE164: ToE164): CalldogIvrInput[] {
  if (!menuIsValid(validateMenu(menu, toE164))) throw new Error("the IVR menu has problems; validate it before converting");
  return [...menu.handlers].sort((a, b) => IVR_DIGITS.indexOf(a.digit) - IVR_DIGITS.indexOf(b.digit)).map((handler) => toIvrInput(handler, toE164));
}

function toIvrInput(handler: IvrHandler, toE164: ToE164): CalldogIvrInput {
  const ivr: CalldogIvrInput = {};
  if (handler.digit !== NO_KEY) ivr.digit = Number(handler.digit);
  if (handler.keyWords) ivr.keyWords = splitKeyWords(handler.keyWords.text);
  if (handler.blacklist) ivr.needBlock = true;
  if (handler.play) ivr.recordId = parseRecordId(handler.play.recordId);
  if (handler.transfer) ivr.managerPhone = toE164(handler.transfer.phone);
  if (handler.sms) ivr.smsText = handler.sms.text.trim();
  if (handler.webhook) {
    ivr.webhookUrl = handler.webhook.url.trim();
    const parameters = webhookParametersObject(handler.webhook.parameters);
    if (Object.keys(parameters).length > 0) ivr.webhookParameters = parameters;
  }
  return ivr;
}
