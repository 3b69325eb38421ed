// The app's background side without the web server (start-up code, migrations, pg-boss, the task workers and the
// sweeper) running one task through the queue: the PostgreSQL restart test starts it, restarts the database under it
// and waits for the task to end. Talks to its parent in JSON lines on stdout.
//   DATABASE_URL=… TASK_ID=…   enqueues the task, reports its progress until it ends, then pg-boss's job state
import { getDb } from "@/lib/db/client";
import { databaseOutage } from "@/lib/db/outage";
import { findTask } from "@/lib/db/queries/tasks";
import { serverState, startServer } from "@/lib/server/start";
import { enqueueTask, TASK_QUEUE } from "@/lib/tasks/queue";

const say = (message: Record<string, unknown>) => process.stdout.write(`${JSON.stringify({ ...message, at: Date.now() })}\n`);
const taskId = process.env.TASK_ID ?? "";

await startServer();
if (!serverState()?.boss) throw new Error(`pg-boss did not start: ${serverState()?.bossError}`);
await enqueueTask(taskId);
say({ enqueued: taskId });
for (;;) {
  try {
    const task = await findTask({ id: taskId });
    if (!task) throw new Error(`no task ${taskId}`);
    say({ state: task.state, processed: task.processed, total: task.total });
    if (task.state === "completed" || task.state === "failed" || task.state === "canceled") {
      say({ finished: task.state, total: task.total, processed: task.processed, counts: task.counts });
      break;
    }
  } catch (error) {
    // What a page polling the task meets during an outage: a typed error, and the next poll works again.
    const outage = databaseOutage(error);
    if (!outage) throw error;
    say({ outage: outage.code });
  }
  await new Promise((r) => setTimeout(r, 250));
}
// pg-boss records the job's end after the handler returns: it must get there over its reconnected pool.
const { raw } = await getDb();
for (let i = 0; i < 40; i++) {
  const { rows } = await raw.query<{ state: string }>("select state from pgboss.job where name = $1 and data->>'taskId' = $2", [TASK_QUEUE, taskId]);
  if (rows.some((r) => r.state === "completed")) {
    say({ job: "completed" });
    process.exit(0);
  }
  await new Promise((r) => setTimeout(r, 250));
}
say({ job: "not completed" });
process.exit(1);
