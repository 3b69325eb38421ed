import { TIME_ZONE_OFFSETS } from "@/lib/sim/calldron/simulator-lifecycle";
import type { SimBatch, SimIntro } from "@/lib/sim/calldron/simulator-state";
import { audioKind } from "@/lib/sim/audio";
import type { SimRequest, SimResponse } from "@/lib/sim/types";

/** The only phone form Calldron takes: `+7` and ten digits. */
export const PHONE_RE = /^\+7\d{10}$/;
const MAX_INTRO_BYTES = 10 * 1024 * 1024;

export type Checked<T> = { ok: true; value: T } | { ok: false; response: SimResponse };

/** Error bodies: `{error}` always, plus `{errors: {field: [messages]}}` on 422. */
export function jsonError(status: number, error: string, errors?: Record<string, string[]>): SimResponse {
  return { status, body: errors ? { error, errors } : { error } };
}

export function invalid(errors: Record<string, string[]>): SimResponse {
  const summary = Object.entries(errors).map(([field, messages]) => `${field} ${messages.join(", ")}`);
  return jsonError(422, `Validation failed: ${summary.join("; ")}`, errors);
}

/** A JSON object body holding `{ <resource>: {...} }`; the doc's array-wrapped form is refused. */
export function readWrapped(req: SimRequest, resource: string): Checked<Record<string, unknown>> {
  let body: unknown = {};
  if (req.body.length > 0) {
    const type = (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase();
    if (type !== "application/json") return fail(jsonError(415, "Content-Type must be application/json"));
    try {
      body = JSON.parse(req.body.toString("utf8"));
    } catch {
      return fail(jsonError(400, "Malformed JSON body"));
    }
  }
  if (!isObject(body)) return fail(invalid({ base: ["the body must be a JSON object, not an array"] }));
  const inner = body[resource];
  if (inner === undefined) return fail(invalid({ [resource]: ["is missing"] }));
  if (!isObject(inner)) return fail(invalid({ [resource]: ["must be an object"] }));
  return { ok: true, value: inner };
}

/** `{phone_number}` for subscribers and calls. */
export function checkPhoneOnly(fields: Record<string, unknown>): Checked<string> {
  const errors: Record<string, string[]> = {};
  unknownKeys(fields, ["phone_number"], errors);
  const phone = fields.phone_number;
  if (phone === undefined || phone === "") add(errors, "phone_number", "can't be blank");
  else if (typeof phone !== "string" || !PHONE_RE.test(phone)) add(errors, "phone_number", "must look like +79997778855");
  return Object.keys(errors).length ? fail(invalid(errors)) : { ok: true, value: phone as string };
}

export function checkListFields(fields: Record<string, unknown>): Checked<string> {
  const errors: Record<string, string[]> = {};
  unknownKeys(fields, ["name"], errors);
  const name = fields.name;
  if (typeof name !== "string" || name.trim() === "") add(errors, "name", "can't be blank");
  else if (name.length > 255) add(errors, "name", "is too long (maximum is 255 characters)");
  return Object.keys(errors).length ? fail(invalid(errors)) : { ok: true, value: (name as string).trim() };
}

const BATCH_KEYS = [
  "name", "description", "time_zone", "time_from", "time_to", "attempts", "call_delay", "callback", "from",
  "intro", "intro_filename", "type", "confirmation", "timeout_before_intro_callback",
];

type BatchPatch = Partial<Omit<SimBatch, "id" | "createdAt">>;

/** Batch fields; `creating` makes `name` required. Unknown keys (the doc's `"Name"`) are refused. */
export function checkBatchFields(fields: Record<string, unknown>, creating: boolean, introSeed: number): Checked<BatchPatch> {
  const errors: Record<string, string[]> = {};
  const patch: BatchPatch = {};
  unknownKeys(fields, BATCH_KEYS, errors);
  const text = (key: string): string | undefined => {
    const v = fields[key];
    if (v === undefined) return undefined;
    if (typeof v === "string") return v;
    if (typeof v === "number" && Number.isFinite(v)) return String(v);
    add(errors, key, "must be a string");
    return undefined;
  };
  const int = (key: string, min: number, max: number): number | undefined => {
    const v = text(key);
    if (v === undefined) return undefined;
    if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) add(errors, key, `must be a whole number from ${min} to ${max}`);
    else return Number(v);
    return undefined;
  };

  const name = text("name");
  if (name !== undefined && name.trim() === "") add(errors, "name", "can't be blank");
  else if (name !== undefined) patch.name = name.trim();
  else if (creating) add(errors, "name", "can't be blank");
  const description = text("description");
  if (description !== undefined) patch.description = description;

  const zone = text("time_zone");
  if (zone !== undefined && !(zone in TIME_ZONE_OFFSETS)) add(errors, "time_zone", "is not a known time zone");
  else if (zone !== undefined) patch.timeZone = zone;
  for (const [key, prop] of [["time_from", "timeFrom"], ["time_to", "timeTo"]] as const) {
    const v = text(key);
    if (v === undefined) continue;
    const m = /^\d{4}-\d{2}-\d{2}T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/.exec(v);
    if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) add(errors, key, "must be an ISO 8601 date-time");
    else patch[prop] = `${m[1]}:${m[2]}`;
  }

  const attempts = int("attempts", 1, 10);
  if (attempts !== undefined) patch.attempts = attempts;
  const delay = int("call_delay", 0, 86_400);
  if (delay !== undefined) patch.callDelay = delay;
  const timeout = int("timeout_before_intro_callback", 0, 600);
  if (timeout !== undefined) patch.timeoutBeforeIntroCallback = timeout;

  for (const key of ["callback", "from"] as const) {
    const v = text(key);
    if (v === undefined) continue;
    if (v !== "" && !PHONE_RE.test(v)) add(errors, key, "must look like +79997778855");
    else patch[key] = v;
  }

  const type = text("type");
  if (type !== undefined && type !== "batch" && type !== "instant" && type !== "callback") add(errors, "type", "must be batch, instant or callback");
  else if (type !== undefined) patch.type = type;
  const confirmation = text("confirmation");
  if (confirmation !== undefined && confirmation !== "dtmf" && confirmation !== "timeout") add(errors, "confirmation", "must be dtmf or timeout");
  else if (confirmation !== undefined) patch.confirmation = confirmation;

  const intro = checkIntro(text("intro"), text("intro_filename"), introSeed, errors);
  if (intro) patch.intro = intro;

  return Object.keys(errors).length ? fail(invalid(errors)) : { ok: true, value: patch };
}

function checkIntro(base64: string | undefined, filename: string | undefined, seed: number, errors: Record<string, string[]>): SimIntro | undefined {
  if (base64 === undefined) {
    if (filename !== undefined) add(errors, "intro", "can't be blank when intro_filename is given");
    return undefined;
  }
  const compact = base64.replace(/\s+/g, "");
  if (compact === "" || compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) {
    add(errors, "intro", "must be a base64-encoded file");
    return undefined;
  }
  const bytes = Buffer.from(compact, "base64");
  if (bytes.length > MAX_INTRO_BYTES) add(errors, "intro", "is too large (maximum is 10 MB)");
  const kind = audioKind(bytes);
  if (!kind) {
    add(errors, "intro", "must be an mp3 or wav file");
    return undefined;
  }
  return { filename: filename?.trim() || `intro.${kind}`, kind, base64: compact, seed };
}

function unknownKeys(fields: Record<string, unknown>, allowed: string[], errors: Record<string, string[]>): void {
  for (const key of Object.keys(fields)) if (!allowed.includes(key)) add(errors, key, "is not a known field");
}

function add(errors: Record<string, string[]>, key: string, message: string): void {
  errors[key] = [...(errors[key] ?? []), message];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === "object" && !Array.isArray(value);
}

function fail<T>(response: SimResponse): Checked<T> {
  return { ok: false, response };
}
