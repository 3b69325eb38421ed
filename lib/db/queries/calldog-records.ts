import "server-only";
import { asc, eq } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { calldogRecords, connections } from "@/lib/db/schema";

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
