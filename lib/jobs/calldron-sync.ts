import "server-only";
import type PgBoss from "pg-boss";
import { markSyncQueued } from "@/lib/db/queries/call-sync";
import { findConnection, listConnections } from "@/lib/db/queries/connections";
import type { Connection } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { clientFor } from "@/lib/providers/connection-clients";
import { ProviderError } from "@/lib/providers/provider-error";
import { serverState } from "@/lib/server/start";
import { syncCalldronCalls } from "@/lib/sync/calldron-calls";

export const CALLDRON_SYNC_QUEUE = "calldron-sync";
/** The cron's queue: each tick queues one sync per Calldron connection. */
export const CALLDRON_SYNC_ALL_QUEUE = "calldron-sync-all";

type SyncJob = { connectionId: string };

/**
 * Queues a sync of one connection's Calldron calls (the Calls page's "refresh now", the cron). The queue is
 * `stately` with the connection as singleton key: one waiting and one running per connection, so asking again
 * while one waits changes nothing. A failed pass is retried with back-off and resumes from its saved cursor.
 * Returns false when the job queue is not running.
 */
export async function scheduleCalldronSync(connectionId: string): Promise<boolean> {
  const boss = serverState()?.boss;
  if (!boss) return false;
  await markSyncQueued({ connectionId, provider: "calldron" });
  await boss.send(CALLDRON_SYNC_QUEUE, { connectionId } satisfies SyncJob, {
    singletonKey: connectionId,
    retryLimit: 3,
    retryDelay: 15,
    retryBackoff: true,
    expireInMinutes: 30,
  });
  return true;
}

export async function scheduleAllCalldronSyncs(): Promise<number> {
  const ids = (await listConnections()).filter((c) => c.provider === "calldron").map((c) => c.id);
  for (const id of ids) await scheduleCalldronSync(id);
  return ids.length;
}

export async function createCalldronSyncQueues(boss: PgBoss): Promise<void> {
  await boss.createQueue(CALLDRON_SYNC_QUEUE, { name: CALLDRON_SYNC_QUEUE, policy: "stately" });
  await boss.createQueue(CALLDRON_SYNC_ALL_QUEUE, { name: CALLDRON_SYNC_ALL_QUEUE, policy: "singleton" });
}

export async function startCalldronSyncWorker(boss: PgBoss): Promise<void> {
  await createCalldronSyncQueues(boss);
  await boss.work<SyncJob>(CALLDRON_SYNC_QUEUE, { pollingIntervalSeconds: 2, batchSize: 1 }, async ([job]) => {
    if (job) await runSyncJob(job.data);
  });
  await boss.work(CALLDRON_SYNC_ALL_QUEUE, { pollingIntervalSeconds: 10, batchSize: 1 }, async () => {
    await scheduleAllCalldronSyncs();
  });
  const cron = env().CALLDRON_SYNC_CRON;
  if (cron === "off") await boss.unschedule(CALLDRON_SYNC_ALL_QUEUE).catch(() => {});
  else await boss.schedule(CALLDRON_SYNC_ALL_QUEUE, cron, {}, { tz: "UTC" });
}

async function runSyncJob({ connectionId }: SyncJob): Promise<void> {
  const connection = await findConnection({ id: connectionId });
  if (connection?.provider !== "calldron") return;
  try {
    const result = await syncCalldronCalls({ connection, client: clientFor(connection as Connection & { provider: "calldron" }, { budget: "task" }) });
    if (result.changed > 0) console.info(`[sync] Calldron connection ${connectionId}: ${result.changed} calls changed over ${result.pages} pages.`);
  } catch (error) {
    // A refused key is not retried: the next refresh or cron tick tries again once the key is fixed.
    if (error instanceof ProviderError && error.kind === "auth") {
      console.error(`[sync] Calldron connection ${connectionId}: the key was refused; sync stopped.`);
      return;
    }
    const reason = error instanceof ProviderError ? error.kind : error instanceof Error ? error.name : "unknown";
    console.error(`[sync] Calldron connection ${connectionId}: pass failed (${reason}); pg-boss retries it from the saved cursor.`);
    throw new Error(`calldron sync failed: ${reason}`);
  }
}
