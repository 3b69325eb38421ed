// npm run worker — the app's job workers (background tasks, webhook apply, Calldog/Calldron syncs) in a process of
// their own, beside web processes started with JOB_WORKERS=off. PostgreSQL only (DATABASE_URL); as many as wanted:
// pg-boss hands each job to one of them and a task's claim lets one runner in. Runs until SIGTERM or SIGINT, then
// stops taking jobs, hands its running tasks over (another worker's sweeper resumes them) and exits.
import { closeDb } from "@/lib/db/client";
import { startWorkerProcess } from "@/lib/server/start";

let signalled: NodeJS.Signals | undefined;
let stop: (() => Promise<void>) | undefined;
// Listening from the first moment: a signal during start-up stops the worker once it has started, not half-way.
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (signalled) return;
    signalled = signal;
    if (stop) void shutDown();
  });
}
// pg-boss's timers may all be unref'd: this one keeps the process until a signal.
const alive = setInterval(() => {}, 60_000);

stop = (await startWorkerProcess()).stop;
console.info(`[worker] job workers running (pid ${process.pid})`);
if (signalled) await shutDown();

async function shutDown(): Promise<void> {
  console.info(`[worker] ${signalled}: stopping`);
  try {
    await stop?.();
    await closeDb();
    clearInterval(alive);
    console.info("[worker] stopped");
    process.exit(0);
  } catch (error) {
    console.error("[worker] stop failed:", error instanceof Error ? error.message : "unknown");
    process.exit(1);
  }
}
