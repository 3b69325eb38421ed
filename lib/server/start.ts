import type PgBoss from "pg-boss";
import { getDb } from "@/lib/db/client";
import { runMigrations } from "@/lib/db/migrate";
import { env } from "@/lib/env";
import { createBoss } from "@/lib/jobs/boss";
import { createJobQueues, jobWorkersRefusal, startJobWorkers } from "@/lib/jobs/workers";
import { secrets } from "@/lib/secrets";

type ServerState = { boss?: PgBoss; bossError?: string; startedAt: Date };
const globalForServer = globalThis as unknown as { __prozvonServer?: ServerState };

/**
 * Start-up of the web process, once: secrets, migrations, the job queue with its workers (or, with JOB_WORKERS=off,
 * the queue to send to only), and in demo mode the demo data.
 */
export async function startServer(): Promise<void> {
  if (globalForServer.__prozvonServer) return;
  const state = begin("web");
  const handle = await getDb();
  await runMigrations(handle);
  if (!env().PGBOSS_DISABLED) {
    try {
      const inline = env().JOB_WORKERS === "inline";
      state.boss = createBoss(handle.raw, { sendOnly: !inline });
      await state.boss.start();
      if (inline) await startJobWorkers(state.boss, { singleProcess: handle.raw.kind === "pglite" });
      else await createJobQueues(state.boss);
    } catch (error) {
      state.bossError = error instanceof Error ? error.message : "unknown";
      console.error("[jobs] pg-boss did not start:", state.bossError);
    }
  }
  if (env().PROZVON_DEMO) {
    const { seedDemo } = await import("@/lib/demo/seed");
    // The simulated Calldron account has finished batches: their calls are read now, not at the cron's first
    // tick ten minutes later, so that the overview and the Calls page show them from the first sign-in.
    if ((await seedDemo()) && state.boss) {
      const { scheduleAllCalldronSyncs } = await import("@/lib/jobs/calldron-sync");
      await scheduleAllCalldronSyncs().catch((error: Error) => console.error("[demo] could not queue the first call sync:", error.message));
    }
  }
  const stop = async () => {
    await state.boss?.stop({ graceful: true, wait: true, timeout: 5_000 }).catch(() => {});
  };
  process.once("SIGTERM", () => void stop());
}

/**
 * Start-up of a worker process (`npm run worker`, PostgreSQL only): secrets (to open the providers' keys),
 * migrations, pg-boss and every worker the web process runs with JOB_WORKERS=inline. Resolves with the graceful stop.
 */
export async function startWorkerProcess(): Promise<{ stop: () => Promise<void> }> {
  if (globalForServer.__prozvonServer) throw new Error("this process has started already");
  const state = begin("worker");
  const handle = await getDb();
  await runMigrations(handle);
  const boss = createBoss(handle.raw);
  state.boss = boss;
  await boss.start();
  await startJobWorkers(boss, { singleProcess: false });
  return {
    stop: async () => {
      const { handOverRuns } = await import("@/lib/tasks/runner");
      // pg-boss stops fetching, the runs hand their tasks over, and pg-boss waits for the handlers to return.
      const stopping = boss.stop({ graceful: true, wait: true, timeout: 30_000 });
      handOverRuns();
      await stopping;
    },
  };
}

/**
 * Start-up of a webhook receiver process (`npm run webhooks`, PostgreSQL only): secrets, migrations and pg-boss to
 * send the apply job to (no workers, as a web process with JOB_WORKERS=off). Resolves with the graceful stop.
 */
export async function startWebhookReceiverProcess(): Promise<{ stop: () => Promise<void> }> {
  if (globalForServer.__prozvonServer) throw new Error("this process has started already");
  const state = begin("webhooks");
  const handle = await getDb();
  await runMigrations(handle);
  if (!env().PGBOSS_DISABLED) {
    state.boss = createBoss(handle.raw, { sendOnly: true });
    await state.boss.start();
    await createJobQueues(state.boss);
  }
  return { stop: async () => void (await state.boss?.stop({ graceful: true, wait: true, timeout: 5_000 }).catch(() => {})) };
}

/** The checks every start makes before it touches the database; a failed one ends the process with its reason. */
function begin(role: "web" | "worker" | "webhooks"): ServerState {
  const state: ServerState = { startedAt: new Date() };
  globalForServer.__prozvonServer = state;
  try {
    const refusal = jobWorkersRefusal(env(), role);
    if (refusal) throw new Error(refusal);
    secrets();
  } catch (error) {
    // Production without AUTH_SECRET / APP_ENCRYPTION_KEY, or workers asked of the embedded database: refuse to
    // start rather than serve errors.
    console.error(`[prozvon] ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
  return state;
}

export function serverState(): ServerState | undefined {
  return globalForServer.__prozvonServer;
}
