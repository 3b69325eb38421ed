import "server-only";
import { and, asc, desc, eq, gte, isNotNull, isNull, like, lt, type SQL, sql } from "drizzle-orm";
import { db } from "@/lib/db/client";
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
  const byTime = sort === "newest" || sort === "oldest";
  const descending = sort === "newest" || sort === "longest";
  const key = byTime ? sql`${calls.at}` : durationKey;
  const keyText = byTime ? sql<string>`${calls.at}::text` : sql<string>`${durationKey}::text`;
  const cast = byTime ? sql`::timestamptz` : sql`::integer`;
  const conditions = filterConditions(filters);
  if (after) {
    const bound = sql`(${key}, ${calls.id}) ${descending ? sql`<` : sql`>`} (${after.k}${cast}, ${after.id}::uuid)`;
    conditions.push(bound);
  }
  const direction = descending ? desc : asc;
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
    .where(and(...conditions))
    .orderBy(direction(key), direction(calls.id))
    .limit(limit + 1);
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  const last = page.at(-1);
  return { rows: page.map(({ key: _key, ...row }) => row), next: more && last ? { k: last.key, id: last.id } : null };
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
