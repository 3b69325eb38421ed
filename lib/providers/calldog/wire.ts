import type { CalldogCreatedCall, CalldogRecord, CreatedCallWire, RecordWire } from "@/lib/providers/calldog/schema";
import type { ProviderErrorKind } from "@/lib/providers/provider-error";
import { toCalldogPhone } from "@/lib/providers/phone";

/**
 * Every gap decision about Calldog's wire lives here, shared by the client and the simulator, so that it is a
 * one-line change when the real service turns out to behave differently. docs/providers.md explains each one.
 */

export const CALLDOG_BASE_URL = "https://lk.calldog.ru/";

/** Every call is a POST, getAvailableLanguages included (the doc's table says GET, its example POSTs). */
export const CALLDOG_PATHS = {
  createCalls: "apiCalls/create",
  getCalls: "apiCalls/get",
  createRecord: "apiCalls/createRecord",
  removeRecord: "apiCalls/removeRecord",
  userInfo: "apiCalls/userInfo",
  getPhones: "apiCalls/getPhones",
  getAvailableLanguages: "apiCalls/getAvailableLanguages",
  confirmPhone: "apiVerificationPhones/confirmPhone",
} as const;

/** Not documented: the simulator refuses more, the app splits its batches to fit. */
export const CALLDOG_MAX_PHONES_PER_REQUEST = 1000;
/** Same ceiling for apiCalls/get; the client splits larger lists into several reads. */
export const CALLDOG_MAX_IDS_PER_GET = 1000;
export const CALLDOG_TTS_PRICE_KOPECKS = 40;
export { CALLDOG_SMS_MAX, CALLDOG_TEXT_MAX, CALLDOG_URL_MAX } from "@/lib/providers/calldog/limits";
/** What we assume the service accepts for an upload (content is sniffed, the name is not trusted). */
export const CALLDOG_UPLOAD_MAX_BYTES = 10 * 1024 * 1024;

export const CALLDOG_CALL_STATUSES = ["created", "started", "processed", "answered", "finished", "canceled", "busy"] as const;
export type CalldogCallStatus = (typeof CALLDOG_CALL_STATUSES)[number];
export const CALLDOG_FINAL_STATUSES: readonly CalldogCallStatus[] = ["finished", "canceled", "busy"];

/** ivrAnswer when the callee stayed on the line (the empty-digit handler ran). */
export const CALLDOG_STAYED_ON_LINE = -1;

/** Reasons the simulator (and, we assume, the service) gives in call info when a call does not progress. */
export const CALLDOG_REASONS = {
  moderation: "moderation",
  blacklisted: "blacklisted",
  noAnswer: "no_answer",
  busy: "busy",
} as const;

/** The per-number refusal in apiCalls/create when the number is on the account's blacklist. */
export const CALLDOG_BLACKLISTED_MESSAGE = "Номер находится в чёрном списке";

/**
 * Envelope (evidence from public Zvonobot integrations): `{"status":"success","data":...}` or
 * `{"status":"error","message":"...","data"?:...}`. We assume errors also come with a 4xx status; an error envelope on
 * HTTP 200 is classified by its message.
 */
export function errorKindFor(status: number, body: unknown): { kind: ProviderErrorKind; message?: string } | undefined {
  if (!isErrorEnvelope(body)) return undefined;
  const message = typeof body.message === "string" ? body.message : undefined;
  if (status === 401 || status === 403) return { kind: "auth", message };
  if (status === 404) return { kind: "not_found", message };
  if (status === 429) return { kind: "rate_limited", message };
  if (status >= 500) return { kind: "unavailable", message };
  if (status >= 400) return { kind: "validation", message };
  if (message && /api.?key|ключ/i.test(message)) return { kind: "auth", message };
  if (message && /не найден|not found/i.test(message)) return { kind: "not_found", message };
  return { kind: "validation", message };
}

function isErrorEnvelope(body: unknown): body is { status: "error"; message?: unknown } {
  return typeof body === "object" && body !== null && (body as { status?: unknown }).status === "error";
}

/**
 * Gap: no answer body is documented. A success's content is `data` when the answer is the envelope (it has `data`,
 * or `status: "success"`; `"error"` was refused by `errorKindFor`), else the answer itself; fields we know are read
 * from it when present, the rest is ignored.
 */
export function payloadOf(body: unknown): unknown {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return body;
  const envelope = body as { data?: unknown; status?: unknown };
  const isEnvelope = "data" in envelope || (typeof envelope.status === "string" && envelope.status.toLowerCase() === "success");
  return isEnvelope ? envelope.data : body;
}

/**
 * A create's items as the app reads them. Gap: an item without `phone` is matched to the numbers sent by position,
 * only when the counts agree (else its phone is unknown); without `status` it is `created` when it has an id.
 */
export function fillCreatedCalls(items: CreatedCallWire[], phones: string[]): CalldogCreatedCall[] {
  const aligned = items.length === phones.length;
  return items.map((item, i) => ({
    ...item,
    phone: item.phone ?? (aligned ? (phones[i] ?? null) : null),
    status: item.status ?? (item.id !== null ? "created" : "unknown"),
  }));
}

/** Gap: a new record's name and source, when the answer leaves them out, are what was sent. */
export function fillRecord(wire: RecordWire, name: string, source: "file" | "text"): CalldogRecord {
  return { ...wire, name: wire.name ?? name, source: wire.source ?? source };
}

/** `plannedAt` is unix time in seconds (`date_format:U`). */
export function toPlannedAt(at: Date): number {
  return Math.floor(at.getTime() / 1000);
}

/** Timestamps in answers: we assume unix seconds like plannedAt, and also read ISO or "YYYY-MM-DD HH:MM:SS" (Moscow). */
export function fromCalldogTime(value: number | string | null | undefined): string | null {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "number" || /^\d+$/.test(value)) return new Date(Number(value) * 1000).toISOString();
  const local = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})$/.exec(value);
  const date = local ? new Date(`${local[1]}T${local[2]}+03:00`) : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

export function fromCalldogPhone(phone: string): string {
  const digits = phone.replace(/\D/g, "");
  return digits ? `+${digits}` : phone;
}

/** 11 digits starting with 7, the only numbers the simulator accepts. */
export function isCalldogPhone(value: unknown): value is string {
  return typeof value === "string" && /^7\d{10}$/.test(value);
}

export type CalldogRecordInput = { id: number } | { text: string; gender?: "female" | "male" };

export type CalldogIvrInput = {
  /** Omit for the "stay on the line" handler. */
  digit?: number;
  keyWords?: string[];
  needBlock?: boolean;
  recordId?: number;
  /** E.164. */
  managerPhone?: string;
  smsText?: string;
  webhookUrl?: string;
  webhookParameters?: Record<string, unknown>;
};

export type CalldogCreateCallsInput = {
  /** E.164 numbers; one becomes `phone`, several become `phones`. */
  phones: string[];
  /** E.164, a confirmed number of the account; omit to use `dutyPhone`. */
  outgoingPhone?: string;
  plannedAt?: Date;
  needRecording?: boolean;
  webhookUrl?: string;
  record: CalldogRecordInput;
  ivrs?: CalldogIvrInput[];
  lang?: string;
};

/** The create body: booleans as 0/1, gender 0 female / 1 male, the empty digit as an absent `digit`. */
export function toCreateCallsBody(input: CalldogCreateCallsInput): Record<string, unknown> {
  const phones = input.phones.map(toCalldogPhone);
  return {
    ...(phones.length === 1 ? { phone: phones[0] } : { phones }),
    ...(input.outgoingPhone ? { outgoingPhone: toCalldogPhone(input.outgoingPhone) } : { dutyPhone: 1 }),
    plannedAt: input.plannedAt ? toPlannedAt(input.plannedAt) : undefined,
    needRecording: input.needRecording ? 1 : 0,
    webhookUrl: input.webhookUrl,
    record: "id" in input.record ? { id: input.record.id } : { text: input.record.text, gender: input.record.gender === "male" ? 1 : 0 },
    ivrs: input.ivrs?.map(toIvrBody),
    lang: input.lang,
  };
}

function toIvrBody(ivr: CalldogIvrInput): Record<string, unknown> {
  return {
    digit: ivr.digit,
    keyWords: ivr.keyWords?.join(" "),
    needBlock: ivr.needBlock ? 1 : 0,
    record: ivr.recordId !== undefined ? { id: ivr.recordId } : undefined,
    managerPhone: ivr.managerPhone ? toCalldogPhone(ivr.managerPhone) : undefined,
    smsText: ivr.smsText,
    webhookUrl: ivr.webhookUrl,
    webhookParameters: ivr.webhookParameters ? JSON.stringify(ivr.webhookParameters) : undefined,
  };
}

/** Recordings (call recordings and record files) are fetched with the account key as the `apiKey` query parameter. */
export const CALLDOG_RECORDING_KEY_PARAM = "apiKey";

/** Where the simulator serves audio, below its prefix: `recordings/<callId>.mp3` and `records/<recordId>.<ext>`. */
export const CALLDOG_AUDIO_PATHS = {
  recording: (callId: number) => `recordings/${callId}.mp3`,
  record: (recordId: number, ext: "mp3" | "wav") => `records/${recordId}.${ext}`,
} as const;
