import "server-only";
import { and, eq } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { calldronBatchIntros } from "@/lib/db/schema";

/** Records (or replaces) the stored audio the app sent as a batch's intro. */
export async function saveBatchIntro({ connectionId, batchId, audioFileId }: { connectionId: string; batchId: string; audioFileId: string }): Promise<void> {
  await (await db())
    .insert(calldronBatchIntros)
    .values({ connectionId, batchId, audioFileId })
    .onConflictDoUpdate({ target: [calldronBatchIntros.connectionId, calldronBatchIntros.batchId], set: { audioFileId, updatedAt: new Date() } });
}

export async function findBatchIntro({ connectionId, batchId }: { connectionId: string; batchId: string }): Promise<{ audioFileId: string } | undefined> {
  const [row] = await (await db())
    .select({ audioFileId: calldronBatchIntros.audioFileId })
    .from(calldronBatchIntros)
    .where(and(eq(calldronBatchIntros.connectionId, connectionId), eq(calldronBatchIntros.batchId, batchId)));
  return row;
}

export async function deleteBatchIntro({ connectionId, batchId }: { connectionId: string; batchId: string }): Promise<void> {
  await (await db()).delete(calldronBatchIntros).where(and(eq(calldronBatchIntros.connectionId, connectionId), eq(calldronBatchIntros.batchId, batchId)));
}
