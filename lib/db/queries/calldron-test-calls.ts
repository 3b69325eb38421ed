import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { type CalldronTestCall, calldronTestCalls } from "@/lib/db/schema";

export async function insertCalldronTestCall({
  testCall,
}: {
  testCall: Pick<CalldronTestCall, "connectionId" | "batchId" | "userId" | "phone" | "callId" | "status" | "final" | "hasRecording">;
}): Promise<CalldronTestCall> {
  const [row] = await (await db()).insert(calldronTestCalls).values(testCall).returning();
  if (!row) throw new Error("test call not recorded");
  return row;
}

/** The user's latest test call through the batch. */
export async function findLatestCalldronTestCall({ connectionId, batchId, userId }: { connectionId: string; batchId: string; userId: string }): Promise<CalldronTestCall | undefined> {
  const [row] = await (await db())
    .select()
    .from(calldronTestCalls)
    .where(and(eq(calldronTestCalls.connectionId, connectionId), eq(calldronTestCalls.batchId, batchId), eq(calldronTestCalls.userId, userId)))
    .orderBy(desc(calldronTestCalls.createdAt))
    .limit(1);
  return row;
}

/** What Calldron said about the call when last read. */
export async function updateCalldronTestCall({
  id,
  patch,
}: {
  id: string;
  patch: Partial<Pick<CalldronTestCall, "callId" | "status" | "final" | "hasRecording">>;
}): Promise<void> {
  await (await db())
    .update(calldronTestCalls)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(calldronTestCalls.id, id));
}
