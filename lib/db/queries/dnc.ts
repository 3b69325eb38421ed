import "server-only";
import { and, count, desc, eq, ilike, inArray, lt, or } from "drizzle-orm";
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

/** Newest first, keyset-paged by (created_at, id); `search` matches digits anywhere in the number. */
export async function listDncEntries({
  search,
  before,
  limit = 50,
}: {
  search?: string;
  before?: { createdAt: Date; id: string };
  limit?: number;
}): Promise<DncEntry[]> {
  const digits = search?.replace(/\D/g, "") ?? "";
  const conditions = [
    digits ? ilike(dncEntries.phone, `%${digits}%`) : undefined,
    search && !digits ? ilike(dncEntries.reason, `%${search.replace(/[%_\\]/g, "\\$&")}%`) : undefined,
    before
      ? or(lt(dncEntries.createdAt, before.createdAt), and(eq(dncEntries.createdAt, before.createdAt), lt(dncEntries.id, before.id)))
      : undefined,
  ].filter((c) => c !== undefined);
  return (await db())
    .select()
    .from(dncEntries)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(dncEntries.createdAt), desc(dncEntries.id))
    .limit(limit);
}

export async function countDncEntries(): Promise<number> {
  const [row] = await (await db()).select({ n: count() }).from(dncEntries);
  return row?.n ?? 0;
}
