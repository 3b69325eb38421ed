// A process that runs background tasks with the app's own start-up code (migrations, pg-boss, the task workers
// and the orphan sweeper), without the web server: the kill test starts it, SIGKILLs it mid-run and starts it
// again. Talks to its parent in JSON lines on stdout.
//   RUN_LIST_MODE=start  DATA_DIR=… CALLDRON_BASE_URL=… LIST_ID=… BATCH_ID=…   creates the run, then works
//   RUN_LIST_MODE=resume DATA_DIR=… TASK_ID=…                                   works until the run completes
import { findTask } from "@/lib/db/queries/tasks";
import { startServer } from "@/lib/server/start";
import { startRunList } from "@/lib/tasks/start-run-list";
import { seedOwnerAndConnection } from "@/lib/testing/run-list-fixture";

const say = (message: Record<string, unknown>) => process.stdout.write(`${JSON.stringify({ ...message, at: Date.now() })}\n`);

await startServer();
let taskId = process.env.TASK_ID ?? "";
if (process.env.RUN_LIST_MODE === "start") {
  const { ownerId, connection } = await seedOwnerAndConnection(process.env.CALLDRON_BASE_URL ?? "");
  const input = { connectionId: connection.id, listId: process.env.LIST_ID ?? "", batchId: process.env.BATCH_ID ?? "", listName: "list", batchName: "batch" };
  taskId = (await startRunList({ ownerId, input })).task.id;
  say({ started: taskId });
}
for (;;) {
  const task = await findTask({ id: taskId });
  if (!task) throw new Error(`no task ${taskId}`);
  say({ state: task.state, processed: task.processed, total: task.total });
  if (task.state === "completed" || task.state === "failed" || task.state === "canceled") {
    say({ finished: task.state, total: task.total, processed: task.processed, counts: task.counts });
    process.exit(0);
  }
  await new Promise((r) => setTimeout(r, 250));
}
