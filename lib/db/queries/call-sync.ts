import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { type CalldronSyncCursor, type CallSync, calldronSyncCursors, callSyncs, campaigns, type Provider } from "@/lib/db/schema";

/** The `campaigns` row mirroring a provider's batch (provider_ref = the batch id): created once, its name kept current. */
export async function upsertProviderCampaign({
  provider,
  connectionId,
  providerRef,
  name,
  settings,
}: {
  provider: Provider;
  connectionId: string;
  providerRef: string;
  name: string;
  settings: Record<string, unknown>;
}): Promise<string> {
  const [row] = await (await db())
    .insert(campaigns)
    .values({ provider, connectionId, providerRef, name, settings, state: "launched" })
    .onConflictDoUpdate({ target: [campaigns.connectionId, campaigns.providerRef], set: { name, settings, updatedAt: new Date() } })
    .returning({ id: campaigns.id });
  return (row as { id: string }).id;
}

/** The app's campaign mirroring a provider's batch, once a sync has made it. */
export async function findProviderCampaignId({ connectionId, providerRef }: { connectionId: string; providerRef: string }): Promise<string | undefined> {
  const [row] = await (await db())
    .select({ id: campaigns.id })
    .from(campaigns)
    .where(and(eq(campaigns.connectionId, connectionId), eq(campaigns.providerRef, providerRef)));
  return row?.id;
}

export async function findSyncCursor({ campaignId }: { campaignId: string }): Promise<CalldronSyncCursor | undefined> {
  const [row] = await (await db()).select().from(calldronSyncCursors).where(eq(calldronSyncCursors.campaignId, campaignId));
  return row;
}

export async function saveSyncCursor(cursor: Omit<CalldronSyncCursor, "lastPassAt"> & { lastPassAt?: Date | null }): Promise<void> {
  const { campaignId, ...rest } = cursor;
  await (await db())
    .insert(calldronSyncCursors)
    .values(cursor)
    .onConflictDoUpdate({ target: calldronSyncCursors.campaignId, set: rest });
}

/** A sync was asked for: `queued`, unless one is running (it will be picked up after, by the queue's singleton). */
export async function markSyncQueued({ connectionId, provider }: { connectionId: string; provider: Provider }): Promise<void> {
  await (await db())
    .insert(callSyncs)
    .values({ connectionId, provider, state: "queued" })
    .onConflictDoUpdate({
      target: callSyncs.connectionId,
      set: { state: sql`case when ${callSyncs.state} = 'running' then ${callSyncs.state} else 'queued'::call_sync_state end`, updatedAt: new Date() },
    });
}

export async function markSyncStarted({ connectionId, provider }: { connectionId: string; provider: Provider }): Promise<void> {
  const fresh = { state: "running" as const, startedAt: new Date(), finishedAt: null, batchesTotal: 0, batchesDone: 0, pagesRead: 0, callsChanged: 0, errorKind: null, updatedAt: new Date() };
  await (await db())
    .insert(callSyncs)
    .values({ connectionId, provider, ...fresh })
    .onConflictDoUpdate({ target: callSyncs.connectionId, set: fresh });
}

export async function recordSyncProgress({
  connectionId,
  batchesTotal,
  batchesDone,
  pages = 0,
  changed = 0,
}: {
  connectionId: string;
  batchesTotal?: number;
  batchesDone?: number;
  pages?: number;
  changed?: number;
}): Promise<void> {
  await (await db())
    .update(callSyncs)
    .set({
      ...(batchesTotal === undefined ? {} : { batchesTotal }),
      ...(batchesDone === undefined ? {} : { batchesDone }),
      pagesRead: sql`${callSyncs.pagesRead} + ${pages}`,
      callsChanged: sql`${callSyncs.callsChanged} + ${changed}`,
      updatedAt: new Date(),
    })
    .where(eq(callSyncs.connectionId, connectionId));
}

export async function markSyncFinished({ connectionId, errorKind }: { connectionId: string; errorKind?: string }): Promise<void> {
  const now = new Date();
  await (await db())
    .update(callSyncs)
    .set(errorKind ? { state: "failed", finishedAt: now, errorKind, updatedAt: now } : { state: "idle", finishedAt: now, lastSuccessAt: now, errorKind: null, updatedAt: now })
    .where(eq(callSyncs.connectionId, connectionId));
}

export async function listCallSyncs(): Promise<CallSync[]> {
  return (await db()).select().from(callSyncs);
}
