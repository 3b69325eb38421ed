import "server-only";
import { and, asc, count, desc, eq, ilike, or, sql } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { type ContactList, type ContactListEntry, contactListEntries, contactLists } from "@/lib/db/schema";

export type ContactListSummary = ContactList & { entries: number };

export async function listContactLists(): Promise<ContactListSummary[]> {
  const rows = await (await db())
    .select({ list: contactLists, entries: count(contactListEntries.id) })
    .from(contactLists)
    .leftJoin(contactListEntries, eq(contactListEntries.listId, contactLists.id))
    .groupBy(contactLists.id)
    .orderBy(desc(contactLists.createdAt));
  return rows.map((r) => ({ ...r.list, entries: Number(r.entries) }));
}

export async function findContactList({ id }: { id: string }): Promise<ContactList | undefined> {
  const [row] = await (await db()).select().from(contactLists).where(eq(contactLists.id, id));
  return row;
}

export async function insertContactList({ name, ownerId }: { name: string; ownerId: string }): Promise<ContactList> {
  const [row] = await (await db()).insert(contactLists).values({ name, ownerId }).returning();
  if (!row) throw new Error("contact list insert returned nothing");
  return row;
}

export async function renameContactList({ id, name }: { id: string; name: string }): Promise<ContactList | undefined> {
  const [row] = await (await db()).update(contactLists).set({ name, updatedAt: sql`now()` }).where(eq(contactLists.id, id)).returning();
  return row;
}

export async function deleteContactList({ id }: { id: string }): Promise<ContactList | undefined> {
  const [row] = await (await db()).delete(contactLists).where(eq(contactLists.id, id)).returning();
  return row;
}

/** Adds one number; false when the list has it already (one entry per number). */
export async function addContactListEntry({
  listId,
  phone,
  name,
  fields,
}: {
  listId: string;
  phone: string;
  name?: string | null;
  fields?: Record<string, string> | null;
}): Promise<boolean> {
  const rows = await (await db())
    .insert(contactListEntries)
    .values({ listId, phone, name: name ?? null, fields: fields ?? null })
    .onConflictDoNothing()
    .returning({ id: contactListEntries.id });
  return rows.length > 0;
}

export async function hasContactListEntry({ listId, phone }: { listId: string; phone: string }): Promise<boolean> {
  const [row] = await (await db())
    .select({ id: contactListEntries.id })
    .from(contactListEntries)
    .where(and(eq(contactListEntries.listId, listId), eq(contactListEntries.phone, phone)));
  return Boolean(row);
}

/** The removed entry's number, or null when the list holds no such entry. */
export async function removeContactListEntry({ listId, id }: { listId: string; id: string }): Promise<{ phone: string } | null> {
  const [row] = await (await db())
    .delete(contactListEntries)
    .where(and(eq(contactListEntries.listId, listId), eq(contactListEntries.id, id)))
    .returning({ phone: contactListEntries.phone });
  return row ?? null;
}

function searchCondition(listId: string, search?: string) {
  const digits = search?.replace(/\D/g, "");
  const pattern = search ? `%${search.replace(/[%_\\]/g, "\\$&")}%` : undefined;
  return and(
    eq(contactListEntries.listId, listId),
    pattern
      ? or(ilike(contactListEntries.name, pattern), digits ? ilike(contactListEntries.phone, `%${digits}%`) : undefined)
      : undefined,
  );
}

/** A page of a list's entries in the order they were added, optionally only those matching a name or digits. */
export async function listContactListEntries({
  listId,
  search,
  offset,
  limit,
}: {
  listId: string;
  search?: string;
  offset: number;
  limit: number;
}): Promise<ContactListEntry[]> {
  return (await db())
    .select()
    .from(contactListEntries)
    .where(searchCondition(listId, search))
    .orderBy(asc(contactListEntries.createdAt), asc(contactListEntries.id))
    .offset(offset)
    .limit(limit);
}

export async function countContactListEntries({ listId, search }: { listId: string; search?: string }): Promise<number> {
  const [row] = await (await db()).select({ n: count() }).from(contactListEntries).where(searchCondition(listId, search));
  return Number(row?.n ?? 0);
}

/** Every number of a list, in order: the items of a push into a Calldron list. */
export async function listContactListPhones({ listId }: { listId: string }): Promise<string[]> {
  const rows = await (await db())
    .select({ phone: contactListEntries.phone })
    .from(contactListEntries)
    .where(eq(contactListEntries.listId, listId))
    .orderBy(asc(contactListEntries.createdAt), asc(contactListEntries.id));
  return rows.map((r) => r.phone);
}
