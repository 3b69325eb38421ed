import "server-only";
import { and, asc, desc, eq, gte, isNotNull, isNull, like, lt, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { db, getDb } from "@/lib/db/client";
import { type CallStatus, calls, campaigns, type Provider } from "@/lib/db/schema";

export const CALL_SORTS = ["newest", "oldest", "longest", "shortest"] as const;
export type CallSort = (typeof CALL_SORTS)[number];

/** The Calls page's filters; every one optional. `from` is inclusive, `to` exclusive (instants, already in UTC). */
export type CallFilters = {
  provider?: Provider;
  connectionId?: string;
  campaignId?: string;
  status?: CallStatus;
  from?: Date;
  to?: Date;
  hasRecording?: boolean;
  /** `any` (some answer), `none` (no answer), or one answer (a digit, `-1`, `confirmed`…). */
  ivr?: string;
  /** E.164 for an exact number, or the number's last digits (served by the `calls_phone_reverse` index). */
  phone?: { exact: string } | { suffix: string };
};

/** Where a page ends: the sort key as PostgreSQL text (microseconds kept) and the id. */
export type CallCursor = { k: string; id: string };

export type CallListRow = {
  id: string;
  provider: Provider;
  connectionId: string;
  campaignId: string | null;
  providerCallId: string | null;
  phone: string;
  status: CallStatus;
  rawStatus: string | null;
  final: boolean;
  durationSeconds: number | null;
  dialedAt: Date | null;
  answeredAt: Date | null;
  endedAt: Date | null;
  ivrAnswer: string | null;
  ivrAction: string | null;
  recordingRef: string | null;
  at: Date;
};

const durationKey = sql`coalesce(${calls.durationSeconds}, 0)`;

/** The filters, the keyset bound after `after`, and the order of `sort` (id as tie-breaker), shared by the page and the export. */
function keyset(filters: CallFilters, sort: CallSort, after: CallCursor | undefined) {
  const byTime = sort === "newest" || sort === "oldest";
  const descending = sort === "newest" || sort === "longest";
  const key = byTime ? sql`${calls.at}` : durationKey;
  const keyText = byTime ? sql<string>`${calls.at}::text` : sql<string>`${durationKey}::text`;
  const cast = byTime ? sql`::timestamptz` : sql`::integer`;
  const conditions = filterConditions(filters);
  if (after) conditions.push(sql`(${key}, ${calls.id}) ${descending ? sql`<` : sql`>`} (${after.k}${cast}, ${after.id}::uuid)`);
  const direction = descending ? desc : asc;
  return { where: and(...conditions), keyText, orderBy: [direction(key), direction(calls.id)] };
}

/** Splits the extra row asked for off a page: it only says whether a next page exists. */
function pageOf<T extends { id: string; key: string }>(rows: T[], limit: number): { rows: Omit<T, "key">[]; next: CallCursor | null } {
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  const last = page.at(-1);
  return { rows: page.map(({ key: _key, ...row }) => row), next: more && last ? { k: last.key, id: last.id } : null };
}

/**
 * One page of calls under the filters, keyset-paginated (never OFFSET): the next page starts after `after`, in
 * the order of `sort` with the id as tie-breaker. Returns the cursor of the next page, or null at the end.
 * Each order has an index (`calls_at`, `calls_<filter>_at`, `calls_duration`).
 */
export async function listCalls({
  filters,
  sort = "newest",
  after,
  limit = 50,
}: {
  filters: CallFilters;
  sort?: CallSort;
  after?: CallCursor;
  limit?: number;
}): Promise<{ rows: CallListRow[]; next: CallCursor | null }> {
  const { where, keyText, orderBy } = keyset(filters, sort, after);
  const rows = await (await db())
    .select({
      id: calls.id,
      provider: calls.provider,
      connectionId: calls.connectionId,
      campaignId: calls.campaignId,
      providerCallId: calls.providerCallId,
      phone: calls.phone,
      status: calls.status,
      rawStatus: calls.rawStatus,
      final: calls.final,
      durationSeconds: calls.durationSeconds,
      dialedAt: calls.dialedAt,
      answeredAt: calls.answeredAt,
      endedAt: calls.endedAt,
      ivrAnswer: calls.ivrAnswer,
      ivrAction: calls.ivrAction,
      recordingRef: calls.recordingRef,
      at: calls.at,
      key: keyText,
    })
    .from(calls)
    .where(where)
    .orderBy(...orderBy)
    .limit(limit + 1);
  return pageOf(rows, limit);
}

/**
 * A call as an export writes it: only the columns it needs, times as milliseconds since the epoch (a number
 * is read far faster than a timestamp's text is parsed into a Date) and the recording as whether there is one.
 */
export type CallExportRow = Omit<CallListRow, "providerCallId" | "recordingRef" | "at" | "dialedAt" | "answeredAt" | "endedAt"> & {
  dialedAt: number | null;
  answeredAt: number | null;
  endedAt: number | null;
  hasRecording: boolean;
};

const epochMs = (column: AnyPgColumn) => sql<number | null>`floor(extract(epoch from ${column}) * 1000)::float8`;

/** The export's columns, in the order a cursor returns them. */
const exportFields = {
  id: calls.id,
  provider: calls.provider,
  connectionId: calls.connectionId,
  campaignId: calls.campaignId,
  phone: calls.phone,
  status: calls.status,
  rawStatus: calls.rawStatus,
  final: calls.final,
  durationSeconds: calls.durationSeconds,
  dialedAt: epochMs(calls.dialedAt),
  answeredAt: epochMs(calls.answeredAt),
  endedAt: epochMs(calls.endedAt),
  ivrAnswer: calls.ivrAnswer,
  ivrAction: calls.ivrAction,
  hasRecording: sql<boolean>`${calls.recordingRef} is not null`,
};
const exportKeys = Object.keys(exportFields) as (keyof typeof exportFields)[];

/** One page of an export by keyset: the Calls page's filters and order, with the export's lean columns. */
export async function listCallsForExport({
  filters,
  sort = "newest",
  after,
  limit,
}: {
  filters: CallFilters;
  sort?: CallSort;
  after?: CallCursor;
  limit: number;
}): Promise<{ rows: CallExportRow[]; next: CallCursor | null }> {
  const { where, keyText, orderBy } = keyset(filters, sort, after);
  const rows = await (await db())
    .select({ ...exportFields, key: keyText })
    .from(calls)
    .where(where)
    .orderBy(...orderBy)
    .limit(limit + 1);
  return pageOf(rows, limit);
}

/**
 * Every call under the filters in the page's order, `batch` at a time, for an export. On PostgreSQL one query
 * read through a server-side cursor (one plan, one snapshot: a page-by-page read would plan, and may sort,
 * once per page); on PGlite keyset pages.
 */
export async function* streamCallsForExport({ filters, sort, batch }: { filters: CallFilters; sort: CallSort; batch: number }): AsyncGenerator<CallExportRow[]> {
  const handle = await getDb();
  if (!handle.raw.cursor) {
    let after: CallCursor | undefined;
    for (;;) {
      const { rows, next } = await listCallsForExport({ filters, sort, after, limit: batch });
      if (rows.length > 0) yield rows;
      if (!next) return;
      after = next;
    }
  }
  const { where, orderBy } = keyset(filters, sort, undefined);
  const query = handle.db.select(exportFields).from(calls).where(where).orderBy(...orderBy).toSQL();
  for await (const rows of handle.raw.cursor(query.sql, query.params, batch)) {
    yield rows.map((cells) => {
      const row: Record<string, unknown> = {};
      for (let i = 0; i < exportKeys.length; i++) row[exportKeys[i] as string] = cells[i];
      return row as CallExportRow;
    });
  }
}

function filterConditions(f: CallFilters): SQL[] {
  const out: (SQL | undefined)[] = [
    f.provider ? eq(calls.provider, f.provider) : undefined,
    f.connectionId ? eq(calls.connectionId, f.connectionId) : undefined,
    f.campaignId ? eq(calls.campaignId, f.campaignId) : undefined,
    f.status ? eq(calls.status, f.status) : undefined,
    f.from ? gte(calls.at, f.from) : undefined,
    f.to ? lt(calls.at, f.to) : undefined,
    f.hasRecording === undefined ? undefined : f.hasRecording ? isNotNull(calls.recordingRef) : isNull(calls.recordingRef),
    f.ivr === undefined ? undefined : f.ivr === "any" ? isNotNull(calls.ivrAnswer) : f.ivr === "none" ? isNull(calls.ivrAnswer) : eq(calls.ivrAnswer, f.ivr),
    f.phone === undefined
      ? undefined
      : "exact" in f.phone
        ? eq(calls.phone, f.phone.exact)
        : like(sql`reverse(${calls.phone})`, `${[...f.phone.suffix.replace(/\D/g, "")].reverse().join("")}%`),
  ];
  return out.filter((c): c is SQL => c !== undefined);
}

/** One call with the provider's raw data, for the detail panel. */
export async function findCallDetail({ id }: { id: string }) {
  const [row] = await (await db())
    .select({ id: calls.id, providerCallId: calls.providerCallId, rawStatus: calls.rawStatus, raw: calls.raw, createdAt: calls.createdAt, updatedAt: calls.updatedAt })
    .from(calls)
    .where(eq(calls.id, id));
  return row;
}

/** Campaigns to filter by (any provider), newest first. */
export async function listCampaignChoices(): Promise<{ id: string; name: string; provider: Provider; connectionId: string }[]> {
  return (await db())
    .select({ id: campaigns.id, name: campaigns.name, provider: campaigns.provider, connectionId: campaigns.connectionId })
    .from(campaigns)
    .orderBy(desc(campaigns.createdAt))
    .limit(500);
}
