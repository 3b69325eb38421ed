import type { BatchWire, CallWire, ListWire, SubscriberItemWire, SubscriberWire } from "@/lib/providers/calldron/schema";
import { toCalldronPhone } from "@/lib/providers/phone";

/**
 * Every decision the Calldron doc leaves open or gets wrong lives here, one function or constant each
 * (docs/providers.md, section Calldron, points to each). Change here when the real service disagrees.
 */

export const CALLDRON_PROVIDER = "calldron" as const;

/** Basic auth with the key as user name and an empty password (`curl -u KEY:`). */
export function basicAuthHeader(apiKey: string): string {
  return `Basic ${Buffer.from(`${apiKey}:`, "utf8").toString("base64")}`;
}

/** Doc error: the examples wrap the body in an array with capitalised keys; we send one object, lower-case keys. */
export function wrapBody(resource: "batch" | "list" | "subscriber" | "call", fields: Record<string, string>) {
  return { [resource]: fields };
}

/** Reads may be retried; creates may dial or duplicate, so never; PUT replaces the same fields and DELETE of a gone id is a 404, so both are safe to retry. */
export const IDEMPOTENT = { read: true, create: false, update: true, delete: true } as const;

/**
 * What a create, update or delete gives back. Gap: the doc shows `{"id": "123"}` (batches), `{"status": "ok"}`
 * (lists, subscribers) and `{}` (calls), never what else may come. Any 2xx with JSON or an empty body is a success;
 * the id is taken when the answer carries one, and the whole answer is kept for the caller.
 */
export type CalldronWriteAnswer = { id?: string; raw: unknown };

/** The id of a write answer, if any: `id`, `data.id` or `<resource>.id` (number or non-empty string), or a bare number. */
export function idFromWriteAnswer(body: unknown, resource: "batch" | "list" | "subscriber" | "call"): string | undefined {
  if (typeof body === "number" || (typeof body === "string" && /^\d+$/.test(body))) return idText(body);
  if (!isObject(body)) return undefined;
  for (const holder of [body, body.data, body[resource]]) {
    const id = isObject(holder) ? idText(holder.id) : undefined;
    if (id) return id;
  }
  return undefined;
}

/**
 * A 2xx whose body is Calldron's error envelope is a refusal, not a success: `status: "error"`, `success: false`,
 * `ok: false`, or a non-empty `error` / `errors`. Only write answers are read this way (a call's own `status` may be
 * `failed`). Other statuses are left to the transport.
 */
export function refusalOnSuccess(status: number, body: unknown): { kind: "validation"; message?: string } | undefined {
  if (status >= 300 || !isObject(body)) return undefined;
  const { error, errors } = body;
  const refused =
    (typeof body.status === "string" && body.status.toLowerCase() === "error") ||
    body.success === false ||
    body.ok === false ||
    (typeof error === "string" ? error.length > 0 : error != null && error !== false) ||
    (Array.isArray(errors) ? errors.length > 0 : isObject(errors) ? Object.keys(errors).length > 0 : typeof errors === "string" && errors.length > 0);
  if (!refused) return undefined;
  const text = [body.message, error, errors].find((v) => v != null && v !== false && v !== "");
  return { kind: "validation", message: text === undefined ? undefined : (typeof text === "string" ? text : JSON.stringify(text)).slice(0, 200) };
}

function idText(value: unknown): string | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// Gap: the doc names no page parameters. We send `page` (1-based) and `per_page`.
export const DEFAULT_PER_PAGE = 100;
export function pageQuery(page: number, perPage: number): Record<string, number> {
  return { page, per_page: perPage };
}

/** Gap: what `next_page` holds. We read a page number (number or numeric string) or a URL with `page=`; null ends. */
export function nextPageNumber(nextPage: number | string | null | undefined): number | null {
  if (nextPage == null || nextPage === "") return null;
  if (typeof nextPage === "number") return Number.isInteger(nextPage) && nextPage > 0 ? nextPage : null;
  if (/^\d+$/.test(nextPage)) return Number(nextPage);
  try {
    const page = new URL(nextPage).searchParams.get("page");
    return page && /^\d+$/.test(page) ? Number(page) : null;
  } catch {
    return null;
  }
}

export type CalldronBatchType = "batch" | "instant" | "callback";
export type CalldronConfirmation = "dtmf" | "timeout";

export type CalldronBatchInput = {
  name: string;
  description?: string;
  /** Rails time-zone name, e.g. `Moscow`. */
  timeZone?: string;
  /** Daily calling window, `HH:MM` in the batch's time zone. */
  timeFrom?: string;
  timeTo?: string;
  attempts?: number;
  callDelaySeconds?: number;
  /** E.164. */
  callback?: string;
  /** Caller id, E.164. */
  from?: string;
  intro?: { bytes: Uint8Array; filename: string };
  type?: CalldronBatchType;
  confirmation?: CalldronConfirmation;
  timeoutBeforeIntroCallback?: number;
};

/** Every batch field travels as a string, as in the doc's examples; absent fields are left out (PUT changes only those sent). */
export function toWireBatch(input: Partial<CalldronBatchInput>): Record<string, string> {
  const out: Record<string, string> = {};
  const put = (key: string, value: string | number | undefined) => {
    if (value !== undefined) out[key] = String(value);
  };
  put("name", input.name);
  put("description", input.description);
  put("time_zone", input.timeZone);
  put("time_from", input.timeFrom === undefined ? undefined : toWireWindowTime(input.timeFrom));
  put("time_to", input.timeTo === undefined ? undefined : toWireWindowTime(input.timeTo));
  put("attempts", input.attempts);
  put("call_delay", input.callDelaySeconds);
  put("callback", input.callback === undefined ? undefined : toCalldronPhone(input.callback));
  put("from", input.from === undefined ? undefined : toCalldronPhone(input.from));
  if (input.intro) {
    put("intro", Buffer.from(input.intro.bytes).toString("base64"));
    put("intro_filename", input.intro.filename);
  }
  put("type", input.type);
  put("confirmation", input.confirmation);
  put("timeout_before_intro_callback", input.timeoutBeforeIntroCallback);
  return out;
}

/** Only the time of day counts; sent on the doc's dummy date without an offset, so the service reads it in `time_zone`. */
export function toWireWindowTime(hhmm: string): string {
  if (!/^\d{2}:\d{2}$/.test(hhmm)) throw new Error(`calling window time must be HH:MM, got ${JSON.stringify(hhmm)}`);
  return `2000-01-01T${hhmm}:00`;
}

/** The `HH:MM` of a wire window time, whatever date or offset it carries. */
export function fromWireWindowTime(value: string | null): string | null {
  const match = value ? /T(\d{2}):(\d{2})/.exec(value) : null;
  return match ? `${match[1]}:${match[2]}` : null;
}

/** Gap: `dialed_at`/`ended_at` carry no zone. We read them as Moscow time (UTC+3), the service's home. */
export const CALLDRON_TIME_OFFSET_MINUTES = 180;

export function formatCalldronTime(epochMs: number): string {
  const local = new Date(epochMs + CALLDRON_TIME_OFFSET_MINUTES * 60_000).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 19)}`;
}

export function parseCalldronTime(value: string | null | undefined): Date | null {
  const match = value ? /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(value) : null;
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match.map(Number) as number[];
  return new Date(Date.UTC(y ?? 0, (mo ?? 1) - 1, d, h, mi, s) - CALLDRON_TIME_OFFSET_MINUTES * 60_000);
}

/**
 * Gap: the doc shows only `status: "unknown"`. Our vocabulary: `fresh` (queued), `dialing`, `talking`,
 * then `answered` | `busy` | `no_answer` | `failed`; `final: false` on the last three means another attempt follows.
 * `result` is null unless answered, then `confirmed` | `not_confirmed`. Unknown values pass through as strings.
 */
export const CALLDRON_CALL_STATUSES = ["fresh", "dialing", "talking", "answered", "busy", "no_answer", "failed"] as const;
export type CalldronCallStatus = (typeof CALLDRON_CALL_STATUSES)[number];
export const CALLDRON_CALL_RESULTS = ["confirmed", "not_confirmed"] as const;
/** Batch status: `fresh` (no calls yet), `running` (some call not final), `finished` (every call final). */
export const CALLDRON_BATCH_STATUSES = ["fresh", "running", "finished"] as const;

/**
 * The key goes with every recording request, so a record URL on another origin than the connection's base URL
 * is refused rather than fetched. Returns the base and path for the transport.
 */
export function recordingTarget(recordUrl: string, baseUrl: string): { baseUrl: string; path: string; query: Record<string, string> } | null {
  let url: URL;
  let base: URL;
  try {
    url = new URL(recordUrl);
    base = new URL(baseUrl);
  } catch {
    return null;
  }
  if (url.origin !== base.origin) return null;
  const cut = url.pathname.lastIndexOf("/") + 1;
  return {
    baseUrl: `${url.origin}${url.pathname.slice(0, cut)}`,
    path: url.pathname.slice(cut),
    query: Object.fromEntries(url.searchParams),
  };
}

export type CalldronBatch = {
  id: string;
  name: string;
  description: string;
  status: string;
  type: string | null;
  confirmation: string | null;
  attempts: number | null;
  callDelaySeconds: number | null;
  callback: string | null;
  from: string | null;
  timeZone: string | null;
  timeFrom: string | null;
  timeTo: string | null;
  /** Not in the documented index; read when the service sends it. */
  timeoutBeforeIntroCallback: number | null;
  introFilename: string | null;
  /** Simulator extension; the real service may not send it. */
  introUrl: string | null;
};

export function fromWireBatch(b: BatchWire): CalldronBatch {
  return {
    id: b.id,
    name: b.name,
    description: b.description ?? "",
    status: b.status,
    type: b.type,
    confirmation: b.confirmation,
    attempts: toInt(b.attempts),
    callDelaySeconds: toInt(b.call_delay),
    callback: b.callback || null,
    from: b.from || null,
    timeZone: b.time_zone,
    timeFrom: fromWireWindowTime(b.time_from),
    timeTo: fromWireWindowTime(b.time_to),
    timeoutBeforeIntroCallback: toInt(b.timeout_before_intro_callback),
    introFilename: b.intro_filename,
    introUrl: b.intro_url,
  };
}

export type CalldronList = { id: string; name: string; predefinedType: string | null };

export function fromWireList(l: ListWire): CalldronList {
  return { id: l.id, name: l.name, predefinedType: l.predefined_type };
}

export type CalldronSubscriber = { id: string; listId: string; phone: string };

/** In the index the phone is in `name`; in show it is `phone_number`. */
export function fromWireSubscriberItem(s: SubscriberItemWire): CalldronSubscriber {
  return { id: s.id, listId: s.list_id, phone: s.name };
}

export function fromWireSubscriber(s: SubscriberWire, listId: string): CalldronSubscriber {
  return { id: s.id, listId, phone: s.phone_number };
}

export type CalldronCall = {
  id: string;
  phone: string;
  status: string;
  result: string | null;
  final: boolean;
  durationSeconds: number;
  dialedAt: Date | null;
  endedAt: Date | null;
  recordUrl: string | null;
};

export function fromWireCall(c: CallWire): CalldronCall {
  const duration = Number(c.duration ?? 0);
  return {
    id: c.id,
    phone: c.phone_number,
    status: c.status,
    result: c.result,
    final: c.final,
    durationSeconds: Number.isFinite(duration) ? duration : 0,
    dialedAt: parseCalldronTime(c.dialed_at),
    endedAt: parseCalldronTime(c.ended_at),
    recordUrl: c.record_url || null,
  };
}

function toInt(value: string | null): number | null {
  return value && /^\d+$/.test(value) ? Number(value) : null;
}
