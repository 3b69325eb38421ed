import type PgBoss from "pg-boss";
import { getDb } from "@/lib/db/client";
import { runMigrations } from "@/lib/db/migrate";
import { env } from "@/lib/env";
import { createBoss } from "@/lib/jobs/boss";
import { secrets } from "@/lib/secrets";

type ServerState = { boss?: PgBoss; bossError?: string; startedAt: Date };
const globalForServer = globalThis as unknown as { __prozvonServer?: ServerState };

/** Start-up, once per process: secrets, migrations, the job queue, and in demo mode the demo data. */
export async function startServer(): Promise<void> {
  if (globalForServer.__prozvonServer) return;
  const state: ServerState = { startedAt: new Date() };
  globalForServer.__prozvonServer = state;
  try {
    secrets();
  } catch (error) {
    // Production without AUTH_SECRET / APP_ENCRYPTION_KEY: refuse to start rather than serve errors.
    console.error(`[prozvon] ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
  const handle = await getDb();
  await runMigrations(handle);
  if (!env().PGBOSS_DISABLED) {
    try {
      state.boss = createBoss(handle.raw);
      await state.boss.start();
      const { startTaskWorkers } = await import("@/lib/tasks/queue");
      await startTaskWorkers(state.boss, { singleProcess: handle.raw.kind === "pglite" });
      const { startWebhookEventWorker } = await import("@/lib/jobs/webhook-events");
      await startWebhookEventWorker(state.boss);
      const { startCalldogSyncWorker } = await import("@/lib/jobs/calldog-sync");
      await startCalldogSyncWorker(state.boss);
      const { startCalldronSyncWorker } = await import("@/lib/jobs/calldron-sync");
      await startCalldronSyncWorker(state.boss);
    } catch (error) {
      state.bossError = error instanceof Error ? error.message : "unknown";
      console.error("[jobs] pg-boss did not start:", state.bossError);
    }
  }
  if (env().PROZVON_DEMO) {
    const { seedDemo } = await import("@/lib/demo/seed");
    await seedDemo();
  }
  const stop = async () => {
    await state.boss?.stop({ graceful: true, wait: true, timeout: 5_000 }).catch(() => {});
  };
  process.once("SIGTERM", () => void stop());
}

export function serverState(): ServerState | undefined {
  return globalForServer.__prozvonServer;
}
