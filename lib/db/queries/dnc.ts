import "server-only";
import { and, asc, count, desc, eq, ilike, inArray, like, or, sql } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { type DncEntry, dncEntries } from "@/lib/db/schema";

/** The numbers among `phones` (E.164) that are on the do-not-call list. */
export async function findDncPhones({ phones }: { phones: string[] }): Promise<Set<string>> {
  const found = new Set<string>();
  const database = await db();
  // Chunked so that a large import does not build one huge IN list.
  for (let i = 0; i < phones.length; i += 1000) {
    const chunk = phones.slice(i, i + 1000);
    if (chunk.length === 0) continue;
    const rows = await database.select({ phone: dncEntries.phone }).from(dncEntries).where(inArray(dncEntries.phone, chunk));
    for (const row of rows) found.add(row.phone);
  }
  return found;
}

/** Adds numbers; a number already on the list keeps its first entry. Returns how many were new. */
export async function addDncEntries({
  entries,
  actor,
  source = "manual",
}: {
  entries: { phone: string; reason?: string }[];
  actor?: { id: string; email: string } | null;
  source?: string;
}): Promise<number> {
  if (entries.length === 0) return 0;
  const rows = await (await db())
    .insert(dncEntries)
    .values(entries.map((e) => ({ phone: e.phone, reason: e.reason ?? "", addedById: actor?.id ?? null, addedByEmail: actor?.email ?? null, source })))
    .onConflictDoNothing({ target: dncEntries.phone })
    .returning({ id: dncEntries.id });
  return rows.length;
}

export async function removeDncEntry({ id }: { id: string }): Promise<DncEntry | undefined> {
  const [row] = await (await db()).delete(dncEntries).where(eq(dncEntries.id, id)).returning();
  return row;
}

export async function findDncEntry({ id }: { id: string }): Promise<DncEntry | undefined> {
  const [row] = await (await db()).select().from(dncEntries).where(eq(dncEntries.id, id));
  return row;
}

export type DncCursor = { createdAt: Date; id: string };

/**
 * Newest first, keyset-paged by (created_at, id): `before` gives the next (older) page, `after` the
 * previous (newer) one. `search` matches the reason, or digits anywhere in the number.
 */
export async function listDncEntries({
  search,
  before,
  after,
  limit = 50,
}: {
  search?: string;
  before?: DncCursor;
  after?: DncCursor;
  limit?: number;
}): Promise<DncEntry[]> {
  // Postgres keeps microseconds, a JS Date only milliseconds: order and compare on the millisecond so
  // that a cursor read back from a row finds that row's place again.
  const at = sql`date_trunc('milliseconds', ${dncEntries.createdAt})`;
  const cursor = (c: DncCursor) => sql`(${c.createdAt.toISOString()}::timestamptz, ${c.id}::uuid)`;
  const conditions = [
    searchCondition(search),
    before ? sql`(${at}, ${dncEntries.id}) < ${cursor(before)}` : undefined,
    after ? sql`(${at}, ${dncEntries.id}) > ${cursor(after)}` : undefined,
  ].filter((c) => c !== undefined);
  const rows = await (await db())
    .select()
    .from(dncEntries)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(...(after ? [asc(at), asc(dncEntries.id)] : [desc(at), desc(dncEntries.id)]))
    .limit(limit);
  return after ? rows.reverse() : rows;
}

export async function countDncEntries({ search }: { search?: string } = {}): Promise<number> {
  const [row] = await (await db()).select({ n: count() }).from(dncEntries).where(searchCondition(search));
  return row?.n ?? 0;
}

/** A number typed as people write it (`8 999…`, `+7 (999)…`) matches the stored E.164 form. */
function searchCondition(search: string | undefined) {
  const text = search?.trim() ?? "";
  if (!text) return undefined;
  const byReason = ilike(dncEntries.reason, `%${text.replace(/[%_\\]/g, "\\$&")}%`);
  if (!/^[\d\s()+\-.]+$/.test(text)) return byReason;
  const digits = text.replace(/\D/g, "");
  if (!digits) return byReason;
  // The Russian trunk prefix: "8999…" is "+7999…".
  const trunk = /^8\d{3,}/.test(digits) ? like(dncEntries.phone, `%7${digits.slice(1)}%`) : undefined;
  return or(like(dncEntries.phone, `%${digits}%`), trunk, byReason);
}
