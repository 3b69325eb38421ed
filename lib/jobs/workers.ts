import "server-only";
import type PgBoss from "pg-boss";

/**
 * Every queue the app sends to. Creating is idempotent: a web process that only sends (JOB_WORKERS=off) makes them
 * too, so that it can send before any worker process has started.
 */
export async function createJobQueues(boss: PgBoss): Promise<void> {
  const { createTaskQueue } = await import("@/lib/tasks/queue");
  const { createWebhookEventsQueue } = await import("@/lib/jobs/webhook-events");
  const { createCalldogSyncQueue } = await import("@/lib/jobs/calldog-sync");
  const { createCalldronSyncQueues } = await import("@/lib/jobs/calldron-sync");
  await createTaskQueue(boss);
  await createWebhookEventsQueue(boss);
  await createCalldogSyncQueue(boss);
  await createCalldronSyncQueues(boss);
}

/** Every worker and sweeper of the app: in the web process (JOB_WORKERS=inline) or in `npm run worker`. */
export async function startJobWorkers(boss: PgBoss, { singleProcess }: { singleProcess: boolean }): Promise<void> {
  const { startTaskWorkers } = await import("@/lib/tasks/queue");
  await startTaskWorkers(boss, { singleProcess });
  const { startWebhookEventWorker } = await import("@/lib/jobs/webhook-events");
  await startWebhookEventWorker(boss);
  const { startCalldogSyncWorker } = await import("@/lib/jobs/calldog-sync");
  await startCalldogSyncWorker(boss);
  const { startCalldronSyncWorker } = await import("@/lib/jobs/calldron-sync");
  await startCalldronSyncWorker(boss);
}

/** Why this process may not run as configured (a start-up message), or undefined. */
export function jobWorkersRefusal(
  e: { JOB_WORKERS: "inline" | "off"; DATABASE_URL?: string; PGBOSS_DISABLED: boolean },
  role: "web" | "worker" | "webhooks",
): string | undefined {
  const embedded = !e.DATABASE_URL;
  if (role === "webhooks")
    return embedded
      ? "npm run webhooks needs PostgreSQL (DATABASE_URL): the embedded database (PGlite) is opened by one process only, the app, whose own route receives the webhooks."
      : undefined;
  if (role === "web") {
    if (e.JOB_WORKERS === "off" && embedded)
      return "JOB_WORKERS=off needs PostgreSQL (DATABASE_URL): the embedded database (PGlite) is opened by one process only, so its job workers run inside the app. Unset JOB_WORKERS, or set DATABASE_URL and run `npm run worker` beside the app.";
    return undefined;
  }
  if (embedded)
    return "npm run worker needs PostgreSQL (DATABASE_URL): the embedded database (PGlite) is opened by one process only, the app, which runs its job workers itself.";
  if (e.PGBOSS_DISABLED) return "PGBOSS_DISABLED is set: a worker process has no queue to work.";
  return undefined;
}
