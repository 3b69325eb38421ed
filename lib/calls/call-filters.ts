import "server-only";
import { z } from "zod";
import { CALL_SORTS, type CallCursor, type CallFilters, type CallSort } from "@/lib/db/queries/call-list";
import { callStatusEnum, providerEnum } from "@/lib/db/schema";
import { toE164 } from "@/lib/providers/phone";
import { zoneOffsetMs } from "@/lib/calls/zone-time";

/** IVR answers offered in the filter: Calldog's digits and "stayed on the line" (-1), Calldron's confirmation. */
export const IVR_CHOICES = ["any", "none", "confirmed", "not_confirmed", "-1", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9"] as const;

const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional()).catch(undefined);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** The Calls page's query string (also the export's): anything invalid is dropped, not an error. */
export const callQuerySchema = z.object({
  provider: optional(z.enum(providerEnum.enumValues)),
  connection: optional(z.uuid()),
  campaign: optional(z.uuid()),
  status: optional(z.enum(callStatusEnum.enumValues)),
  from: optional(day),
  to: optional(day),
  recording: optional(z.enum(["yes", "no"])),
  ivr: optional(z.enum(IVR_CHOICES)),
  q: optional(z.string().trim().max(40)),
  sort: optional(z.enum(CALL_SORTS)),
  after: optional(z.string().regex(/^[\w-]{1,200}$/)),
});
export type CallQuery = z.infer<typeof callQuerySchema>;

/** The query as the page got it, cleaned: what links and the filter form carry on. */
export function parseCallQuery(params: Record<string, string | string[] | undefined>): CallQuery {
  const flat = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  return callQuerySchema.parse(flat);
}

/** The database filters of a query; dates are whole days in the user's time zone (`to` included). */
export function filtersOf(query: CallQuery, timeZone: string): CallFilters {
  const digits = query.q?.replace(/\D/g, "") ?? "";
  const exact = digits.length >= 10 ? toE164(query.q as string) : undefined;
  return {
    provider: query.provider,
    connectionId: query.connection,
    campaignId: query.campaign,
    status: query.status,
    from: query.from ? startOfDay(query.from, timeZone) : undefined,
    to: query.to ? startOfDay(query.to, timeZone, 1) : undefined,
    hasRecording: query.recording === undefined ? undefined : query.recording === "yes",
    ivr: query.ivr,
    phone: exact ? { exact } : digits ? { suffix: digits } : undefined,
  };
}

export function sortOf(query: CallQuery): CallSort {
  return query.sort ?? "newest";
}

export function encodeCursor(cursor: CallCursor): string {
  return Buffer.from(JSON.stringify([cursor.k, cursor.id])).toString("base64url");
}

/** timestamptz as PostgreSQL prints it: `2026-11-27 03:41:44.123456+00`. */
const PG_TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2}){0,2}$/;
const cursorSchema = z.tuple([z.string().max(64), z.uuid()]);

/** A cursor from the URL; a malformed one is ignored (the first page is shown). */
export function decodeCursor(text: string | undefined, sort: CallSort): CallCursor | undefined {
  if (!text) return undefined;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(text, "base64url").toString("utf8")));
    if (!parsed.success) return undefined;
    const [k, id] = parsed.data;
    const valid = sort === "newest" || sort === "oldest" ? PG_TIMESTAMP.test(k) : /^-?\d+$/.test(k);
    return valid ? { k, id } : undefined;
  } catch {
    return undefined;
  }
}

/** Midnight starting `yyyy-mm-dd` (+ `plusDays`) in an IANA zone, as an instant. */
export function startOfDay(date: string, timeZone: string, plusDays = 0): Date {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d + plusDays);
  let instant = wall - zoneOffsetMs(wall, timeZone);
  // Near a DST change the offset at the guess may differ from the offset at the answer.
  const again = wall - zoneOffsetMs(instant, timeZone);
  if (again !== instant) instant = again;
  return new Date(instant);
}

/** The query string of a query (without empty values), optionally changed. */
export function callQueryString(query: CallQuery, change: Partial<Record<keyof CallQuery, string | undefined>> = {}): string {
  const merged: Record<string, string | undefined> = { ...query, ...change };
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(merged)) if (v !== undefined && v !== "") params.set(k, v);
  const text = params.toString();
  return text ? `?${text}` : "";
}
