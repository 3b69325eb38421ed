// npm run worker — the app's job workers (background tasks, webhook apply, Calldog/Calldron syncs) in a process of
// their own, beside web processes started with JOB_WORKERS=off. PostgreSQL only (DATABASE_URL); as many as wanted:
// pg-boss hands each job to one of them and a task's claim lets one runner in. Runs until SIGTERM or SIGINT, then
// stops taking jobs, hands its running tasks over (another worker's sweeper resumes them) and exits.
import { closeDb } from "@/lib/db/client";
import { startWorkerProcess } from "@/lib/server/start";

const { stop } = await startWorkerProcess();
console.info(`[worker] job workers running (pid ${process.pid})`);
// pg-boss's timers may all be unref'd: this one keeps the process until a signal.
const alive = setInterval(() => {}, 60_000);
let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.info(`[worker] ${signal}: stopping`);
    void stop()
      .then(() => closeDb())
      .then(
        () => {
          clearInterval(alive);
          console.info("[worker] stopped");
          process.exit(0);
        },
        (error: unknown) => {
          console.error("[worker] stop failed:", error instanceof Error ? error.message : "unknown");
          process.exit(1);
        },
      );
  });
}
