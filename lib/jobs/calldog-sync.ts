import "server-only";
import type PgBoss from "pg-boss";
import { connectionsWithUnfinishedCalls } from "@/lib/db/queries/calls";
import { findConnection } from "@/lib/db/queries/connections";
import type { Connection } from "@/lib/db/schema";
import { clientFor } from "@/lib/providers/connection-clients";
import { ProviderError } from "@/lib/providers/provider-error";
import { serverState } from "@/lib/server/start";
import { SYNC_HORIZON_MS, syncCalldogStatuses } from "@/lib/sync/calldog-status";

export const CALLDOG_SYNC_QUEUE = "calldog-sync";
/** While calls are live, a connection is polled this often (webhooks usually get there first). */
export const SYNC_INTERVAL_SECONDS = 20;
const MAX_BACKOFF_SECONDS = 600;
const SWEEP_EVERY_MS = 5 * 60_000;

type SyncJob = { connectionId: string; failures?: number };

/**
 * Polls the connection's non-final Calldog calls until all are final. Called by the campaign launch (the
 * wizard) and by the sweep; one job waits per connection (a stately queue keyed by connection), so calling it
 * again while one is queued changes nothing.
 */
export async function scheduleCalldogSync(connectionId: string, { delaySeconds = 0, failures = 0 }: { delaySeconds?: number; failures?: number } = {}): Promise<void> {
  const boss = serverState()?.boss;
  if (!boss) return;
  await boss
    .send(CALLDOG_SYNC_QUEUE, { connectionId, failures } satisfies SyncJob, { singletonKey: connectionId, startAfter: delaySeconds, retryLimit: 0, expireInMinutes: 15 })
    .catch((error: Error) => console.error("[sync] could not queue the Calldog status sync:", error.message));
}

/** The back-off after `failures` failed passes in a row: 30 s, 1 min, 2 min … up to 10 min. */
export function backoffSeconds(failures: number): number {
  return Math.min(MAX_BACKOFF_SECONDS, 15 * 2 ** Math.max(1, failures));
}

export async function createCalldogSyncQueue(boss: PgBoss): Promise<void> {
  await boss.createQueue(CALLDOG_SYNC_QUEUE, { name: CALLDOG_SYNC_QUEUE, policy: "stately" });
}

export async function startCalldogSyncWorker(boss: PgBoss): Promise<void> {
  await createCalldogSyncQueue(boss);
  await boss.work<SyncJob>(CALLDOG_SYNC_QUEUE, { pollingIntervalSeconds: 2, batchSize: 1 }, async ([job]) => {
    if (job) await runSyncJob(job.data);
  });
  // After a restart (or a lost job), connections with live calls are picked up again.
  const sweep = async () => {
    try {
      const ids = await connectionsWithUnfinishedCalls({ provider: "calldog", createdSince: new Date(Date.now() - SYNC_HORIZON_MS) });
      for (const id of ids) await scheduleCalldogSync(id);
    } catch (error) {
      console.error("[sync] sweep failed:", error instanceof Error ? error.message : "unknown");
    }
  };
  await sweep();
  setInterval(() => void sweep(), SWEEP_EVERY_MS).unref();
}

async function runSyncJob({ connectionId, failures = 0 }: SyncJob): Promise<void> {
  const connection = await findConnection({ id: connectionId });
  if (connection?.provider !== "calldog") return;
  try {
    const { allFinal } = await syncCalldogStatuses({ connection, client: clientFor(connection as Connection & { provider: "calldog" }) });
    if (!allFinal) await scheduleCalldogSync(connectionId, { delaySeconds: SYNC_INTERVAL_SECONDS });
  } catch (error) {
    // A wrong key stops the polling: the next launch, or the sweep after the key is fixed, starts it again.
    if (error instanceof ProviderError && error.kind === "auth") {
      console.error(`[sync] Calldog connection ${connectionId}: the key was refused; status sync stopped.`);
      return;
    }
    const reason = error instanceof ProviderError ? error.kind : error instanceof Error ? error.name : "unknown";
    console.error(`[sync] Calldog connection ${connectionId}: pass failed (${reason}); retrying in ${backoffSeconds(failures + 1)} s.`);
    await scheduleCalldogSync(connectionId, { delaySeconds: backoffSeconds(failures + 1), failures: failures + 1 });
  }
}
