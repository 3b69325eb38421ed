import "server-only";
import { markSyncFinished, markSyncStarted, recordSyncProgress, findSyncCursor, saveSyncCursor, upsertProviderCampaign } from "@/lib/db/queries/call-sync";
import { applyCallUpdates, type CallUpdate } from "@/lib/db/queries/calls";
import type { CalldronSyncCursor, Connection } from "@/lib/db/schema";
import { callUpdateFromCalldron } from "@/lib/providers/calldron/call-update";
import type { CalldronClient } from "@/lib/providers/calldron/client";
import { ProviderError } from "@/lib/providers/provider-error";

/** Calls per page read; a cursor saved with another page size starts its batch over (page numbers would not match). */
export const CALLDRON_SYNC_PER_PAGE = 100;

type SyncClient = Pick<CalldronClient, "listBatches" | "callsPage">;
export type CalldronSyncResult = { batches: number; pages: number; changed: number };

/**
 * One pass of the Calldron call sync for a connection: every batch becomes (or stays) a `campaigns` row, and its
 * calls are upserted through `applyCallUpdates` (idempotent, never out of a final state). Progress is kept in
 * `call_syncs`; a failure is recorded there and thrown, after the pages before it were applied and their cursor
 * saved, so the next pass resumes at the page that failed.
 */
export async function syncCalldronCalls({ connection, client }: { connection: Pick<Connection, "id">; client: SyncClient }): Promise<CalldronSyncResult> {
  const connectionId = connection.id;
  await markSyncStarted({ connectionId, provider: "calldron" });
  const total: CalldronSyncResult = { batches: 0, pages: 0, changed: 0 };
  try {
    const batches = await client.listBatches();
    await recordSyncProgress({ connectionId, batchesTotal: batches.length });
    for (const batch of batches) {
      const campaignId = await upsertProviderCampaign({
        provider: "calldron",
        connectionId,
        providerRef: batch.id,
        name: batch.name,
        settings: { status: batch.status, type: batch.type, attempts: batch.attempts },
      });
      const done = await syncBatch({ connectionId, campaignId, batchId: batch.id, client });
      total.batches += 1;
      total.pages += done.pages;
      total.changed += done.changed;
      await recordSyncProgress({ connectionId, batchesDone: total.batches });
    }
    await markSyncFinished({ connectionId });
    return total;
  } catch (error) {
    await markSyncFinished({ connectionId, errorKind: error instanceof ProviderError ? error.kind : "unexpected" });
    throw error;
  }
}

/** Reads one batch's pages from where its cursor says, saving the cursor after each page. */
async function syncBatch({
  connectionId,
  campaignId,
  batchId,
  client,
}: {
  connectionId: string;
  campaignId: string;
  batchId: string;
  client: SyncClient;
}): Promise<{ pages: number; changed: number }> {
  const stored = await findSyncCursor({ campaignId });
  const cursor: Omit<CalldronSyncCursor, "lastPassAt"> =
    stored && stored.perPage === CALLDRON_SYNC_PER_PAGE
      ? stored
      : { campaignId, connectionId, perPage: CALLDRON_SYNC_PER_PAGE, startPage: 1, nextPage: null, firstOpenPage: null };
  let page = cursor.nextPage ?? cursor.startPage;
  let firstOpen = cursor.nextPage === null ? null : cursor.firstOpenPage;
  let pages = 0;
  let changed = 0;
  for (;;) {
    const { items, nextPage } = await client.callsPage(batchId, page, CALLDRON_SYNC_PER_PAGE);
    const updates = items.map((call) => callUpdateFromCalldron(batchId, call)).filter((u): u is CallUpdate => u !== undefined);
    const applied = await applyCallUpdates({ connectionId, provider: "calldron", updates, campaignId });
    changed += applied.changed;
    pages += 1;
    await recordSyncProgress({ connectionId, pages: 1, changed: applied.changed });
    if (firstOpen === null && items.some((call) => !call.final)) firstOpen = page;
    if (nextPage === null) {
      // Next pass: from the first page still holding a live call, else the last page (new calls are appended there).
      // An empty page past the first means the listing shrank: start over.
      const startPage = firstOpen ?? (items.length === 0 ? 1 : page);
      await saveSyncCursor({ ...cursor, startPage, nextPage: null, firstOpenPage: null, lastPassAt: new Date() });
      return { pages, changed };
    }
    await saveSyncCursor({ ...cursor, nextPage, firstOpenPage: firstOpen });
    page = nextPage;
  }
}
