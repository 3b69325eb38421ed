import "server-only";
import { count, desc, eq } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { connections, type PhoneVerification, phoneVerifications, users } from "@/lib/db/schema";

export type PhoneVerificationRow = Pick<PhoneVerification, "id" | "phone" | "code" | "outcome" | "createdAt"> & {
  connectionName: string | null;
  requestedByEmail: string | null;
};

export async function insertPhoneVerification({
  verification,
}: {
  verification: { connectionId: string; phone: string; code: string | null; outcome: string; raw: unknown; requestedById: string };
}): Promise<PhoneVerification> {
  const [row] = await (await db()).insert(phoneVerifications).values(verification).returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

/** Newest first, a page at a time, with the connection's name and who asked. */
export async function listPhoneVerifications({ limit, offset = 0 }: { limit: number; offset?: number }): Promise<PhoneVerificationRow[]> {
  return (await db())
    .select({
      id: phoneVerifications.id,
      phone: phoneVerifications.phone,
      code: phoneVerifications.code,
      outcome: phoneVerifications.outcome,
      createdAt: phoneVerifications.createdAt,
      connectionName: connections.name,
      requestedByEmail: users.email,
    })
    .from(phoneVerifications)
    .leftJoin(connections, eq(connections.id, phoneVerifications.connectionId))
    .leftJoin(users, eq(users.id, phoneVerifications.requestedById))
    .orderBy(desc(phoneVerifications.createdAt), desc(phoneVerifications.id))
    .limit(limit)
    .offset(offset);
}

export async function countPhoneVerifications(): Promise<number> {
  const [row] = await (await db()).select({ n: count() }).from(phoneVerifications);
  return row?.n ?? 0;
}
