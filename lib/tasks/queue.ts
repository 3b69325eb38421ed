import "server-only";
import type PgBoss from "pg-boss";
import { findOrphanedTasks, releaseAllClaims, touchTask } from "@/lib/db/queries/tasks";
import { taskHandlers } from "@/lib/tasks/handlers";
import { runTask, STALE_AFTER_MS } from "@/lib/tasks/runner";
import { serverState } from "@/lib/server/start";

export const TASK_QUEUE = "tasks";
/** Tasks run at once in one process; several imports or runs do not wait for each other. */
const WORKERS = 4;
const SWEEP_EVERY_MS = 10_000;

/**
 * Puts a task on the queue. A task is also found by the sweeper if this send is lost, so a failure here
 * delays the task but never loses it.
 */
export async function enqueueTask(taskId: string): Promise<void> {
  const boss = serverState()?.boss;
  if (!boss) return;
  await boss.send(TASK_QUEUE, { taskId }, { retryLimit: 0, expireInHours: 23 }).catch((error: Error) => {
    console.error("[tasks] enqueue failed:", error.message);
  });
}

export async function createTaskQueue(boss: PgBoss): Promise<void> {
  await boss.createQueue(TASK_QUEUE);
}

/** The workers and the sweeper, once per process after pg-boss has started. */
export async function startTaskWorkers(boss: PgBoss, { singleProcess }: { singleProcess: boolean }): Promise<void> {
  // PGlite is opened by one process only: claims left in it are from a process that is gone.
  if (singleProcess) await releaseAllClaims();
  await createTaskQueue(boss);
  for (let i = 0; i < WORKERS; i++) {
    await boss.work<{ taskId: string }>(TASK_QUEUE, { pollingIntervalSeconds: 1, batchSize: 1 }, async ([job]) => {
      if (job) await runTask(job.data.taskId, { handlers: taskHandlers });
    });
  }
  const sweep = async () => {
    try {
      for (const { id } of await findOrphanedTasks({ staleMs: STALE_AFTER_MS, queuedForMs: 30_000 })) {
        await touchTask({ id });
        await enqueueTask(id);
      }
    } catch (error) {
      console.error("[tasks] sweep failed:", error instanceof Error ? error.message : "unknown");
    }
  };
  await sweep();
  setInterval(() => void sweep(), SWEEP_EVERY_MS).unref();
}
