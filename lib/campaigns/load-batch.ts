import "server-only";
import { z } from "zod";
import { findAudioFileMeta } from "@/lib/db/queries/audio";
import { findBatchIntro } from "@/lib/db/queries/calldron-batch-intros";
import type { CalldronBatch } from "@/lib/providers/calldron/wire";
import { type ConnectionRead, readConnection } from "@/lib/providers/connection-clients";

/**
 * One batch of one Calldron account, read for a page (the API has no "show batch": the index is read and
 * the batch picked from it). Undefined when the connection does not exist or is not Calldron.
 */
export async function loadBatch(connectionId: string, batchId: string): Promise<ConnectionRead<CalldronBatch | undefined> | undefined> {
  if (!z.uuid().safeParse(connectionId).success) return undefined;
  return readConnection("calldron", connectionId, async (client) => (await client.listBatches()).find((b) => b.id === batchId));
}

/** The stored audio the app sent as this batch's intro, if it did. */
export async function storedIntro(connectionId: string, batchId: string) {
  const link = await findBatchIntro({ connectionId, batchId });
  return link ? findAudioFileMeta({ id: link.audioFileId }) : undefined;
}
