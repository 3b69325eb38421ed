import "server-only";
import { asc, desc, eq } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { audioFiles, calldogRecords, calldronBatchIntros, connections, users } from "@/lib/db/schema";

export type CalldogRecordChoice = { connectionId: string; connectionName: string; recordId: string; name: string; moderation: string };

/** The registry's records to pick from (one connection's, or all), for the IVR builder's "play a record". */
export async function listCalldogRecordChoices({ connectionId }: { connectionId?: string } = {}): Promise<CalldogRecordChoice[]> {
  const query = (await db())
    .select({
      connectionId: calldogRecords.connectionId,
      connectionName: connections.name,
      recordId: calldogRecords.recordId,
      name: calldogRecords.name,
      moderation: calldogRecords.moderation,
    })
    .from(calldogRecords)
    .innerJoin(connections, eq(connections.id, calldogRecords.connectionId));
  return (connectionId ? query.where(eq(calldogRecords.connectionId, connectionId)) : query).orderBy(asc(connections.name), asc(calldogRecords.name)).limit(500);
}

export type CalldogRecordRow = {
  id: string;
  connectionId: string;
  recordId: string;
  name: string;
  source: "file" | "text" | "existing";
  text: string | null;
  audioFileId: string | null;
  durationSeconds: number | null;
  moderation: string;
  createdByName: string | null;
  createdAt: Date;
};

/** The registry's records, newest first, for the audio library. */
export async function listCalldogRecords({ limit = 500 }: { limit?: number } = {}): Promise<CalldogRecordRow[]> {
  return (await db())
    .select({
      id: calldogRecords.id,
      connectionId: calldogRecords.connectionId,
      recordId: calldogRecords.recordId,
      name: calldogRecords.name,
      source: calldogRecords.source,
      text: calldogRecords.text,
      audioFileId: calldogRecords.audioFileId,
      durationSeconds: calldogRecords.durationSeconds,
      moderation: calldogRecords.moderation,
      createdByName: users.name,
      createdAt: calldogRecords.createdAt,
    })
    .from(calldogRecords)
    .leftJoin(users, eq(users.id, calldogRecords.createdById))
    .orderBy(desc(calldogRecords.createdAt))
    .limit(limit);
}

export async function insertCalldogRecord({ record }: { record: typeof calldogRecords.$inferInsert }): Promise<CalldogRecordRow["id"] | undefined> {
  const [row] = await (await db()).insert(calldogRecords).values(record).onConflictDoNothing().returning({ id: calldogRecords.id });
  return row?.id;
}

export async function findCalldogRecord({ id }: { id: string }) {
  const [row] = await (await db()).select().from(calldogRecords).where(eq(calldogRecords.id, id));
  return row;
}

export async function deleteCalldogRecord({ id }: { id: string }): Promise<void> {
  await (await db()).delete(calldogRecords).where(eq(calldogRecords.id, id));
}

export type CalldronIntroRow = { connectionName: string; batchId: string; audioFileId: string; fileName: string; durationSeconds: number | null; updatedAt: Date };

/** The Calldron intros kept in the app's store, so that all audio is listed in one place. */
export async function listCalldronIntros({ limit = 500 }: { limit?: number } = {}): Promise<CalldronIntroRow[]> {
  return (await db())
    .select({
      connectionName: connections.name,
      batchId: calldronBatchIntros.batchId,
      audioFileId: calldronBatchIntros.audioFileId,
      fileName: audioFiles.name,
      durationSeconds: audioFiles.durationSeconds,
      updatedAt: calldronBatchIntros.updatedAt,
    })
    .from(calldronBatchIntros)
    .innerJoin(connections, eq(connections.id, calldronBatchIntros.connectionId))
    .innerJoin(audioFiles, eq(audioFiles.id, calldronBatchIntros.audioFileId))
    .orderBy(desc(calldronBatchIntros.updatedAt))
    .limit(limit);
}
